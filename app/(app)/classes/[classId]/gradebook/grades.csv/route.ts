import { type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { exportGradesCsv } from "@/lib/data/attempts";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-errors";
import { idSchema } from "@/lib/validation/classes";

/** The gradebook as a spreadsheet: one row per student, three columns per quiz (lib/data/attempts.ts). */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ classId: string }> }) {
  try {
    // Signed out is 401 whatever the address says; lib/data decides 403 and 404.
    const viewer = await requireViewer();
    const id = idSchema.safeParse((await params).classId);
    if (!id.success) throw new AppError("not_found", "There is no such class.");
    const { filename, csv } = await exportGradesCsv(viewer, id.data);
    const asciiName = filename.replace(/[^A-Za-z0-9._-]/g, "_");
    return new Response(csv, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        // Grades are personal: never kept by a shared cache or the browser's.
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
