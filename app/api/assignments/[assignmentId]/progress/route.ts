import { NextResponse, type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { reportProgress } from "@/lib/data/progress";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-errors";
import { idSchema } from "@/lib/validation/classes";
import { progressReportSchema } from "@/lib/validation/progress";

/**
 * Progress reports from the reading page. A route handler rather than a server action because
 * the page also sends its last report with navigator.sendBeacon when the reader leaves.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ assignmentId: string }> }) {
  try {
    const id = idSchema.safeParse((await params).assignmentId);
    if (!id.success) throw new AppError("not_found", "There is no such assignment.");
    const viewer = await requireViewer();
    if (Number(request.headers.get("content-length") ?? 0) > 16_384) throw new AppError("invalid", "That report is too large.");
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      throw new AppError("invalid", "The progress report is not valid JSON.");
    }
    const report = progressReportSchema.safeParse(body);
    if (!report.success) throw new AppError("invalid", "The progress report is not in the expected form.");
    const summary = await reportProgress(viewer, id.data, report.data);
    return NextResponse.json({ summary });
  } catch (e) {
    return errorResponse(e);
  }
}
