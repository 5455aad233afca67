import { type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { exportGradesCsv } from "@/lib/data/attempts";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-errors";
import { idSchema } from "@/lib/validation/classes";
import { csvFormats } from "@/lib/quiz/csv";
import { z } from "zod";

/** ?format=eu: semicolons and decimal commas, for spreadsheets in comma-decimal locales; the default is commas and decimal points. */
const formatSchema = z.enum(csvFormats).optional();

/** The gradebook as a spreadsheet: one row per student; scores, percent, per-question points and reading progress (lib/data/attempts.ts). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ classId: string }> }) {
  try {
    // Signed out is 401 whatever the address says; lib/data decides 403 and 404.
    const viewer = await requireViewer();
    const id = idSchema.safeParse((await params).classId);
    if (!id.success) throw new AppError("not_found", "There is no such class.");
    const format = formatSchema.safeParse(request.nextUrl.searchParams.get("format") ?? undefined);
    if (!format.success) throw new AppError("invalid", `There is no CSV format “${request.nextUrl.searchParams.get("format")?.slice(0, 40)}”. Use format=standard (commas, decimal points) or format=eu (semicolons, decimal commas).`);
    const { filename, csv } = await exportGradesCsv(viewer, id.data, { format: format.data });
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
