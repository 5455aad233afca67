import { requireViewer } from "@/lib/auth/viewer";
import { exportSessionCsv } from "@/lib/data/live";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-errors";
import { idSchema } from "@/lib/validation/classes";

/** Every student's answers per moment of a live session, for its instructor (lib/data/live.ts). */
export async function GET(_request: Request, { params }: { params: Promise<{ sessionId: string }> }) {
  try {
    const viewer = await requireViewer();
    const id = idSchema.safeParse((await params).sessionId);
    if (!id.success) throw new AppError("not_found", "There is no such live session.");
    const { filename, csv } = await exportSessionCsv(viewer, id.data);
    const asciiName = filename.replace(/[^A-Za-z0-9._-]/g, "_");
    return new Response(csv, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
