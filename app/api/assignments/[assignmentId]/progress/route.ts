import { NextResponse, type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { reportProgress } from "@/lib/data/progress";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";
import { errorResponse } from "@/lib/http/route-errors";
import { idSchema } from "@/lib/validation/classes";
import { progressReportSchema } from "@/lib/validation/progress";

/** A report is a few hundred bytes; fifty section slugs fit well within this. */
const MAX_REPORT_BYTES = 16 * 1024;

/**
 * Progress reports from the reading page. A route handler rather than a server action because
 * the page also sends its last report with navigator.sendBeacon when the reader leaves (as a JSON
 * Blob: only JSON is accepted, so no other site can post a report without a CORS preflight).
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ assignmentId: string }> }) {
  try {
    const id = idSchema.safeParse((await params).assignmentId);
    if (!id.success) throw new AppError("not_found", "There is no such assignment.");
    const viewer = await requireViewer();
    const body = await readJson(request, { maxBytes: MAX_REPORT_BYTES, label: "progress report" });
    const report = progressReportSchema.safeParse(body);
    if (!report.success) throw new AppError("invalid", "The progress report is not in the expected form.");
    const summary = await reportProgress(viewer, id.data, report.data);
    return NextResponse.json({ summary });
  } catch (e) {
    return errorResponse(e);
  }
}
