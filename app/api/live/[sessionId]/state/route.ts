import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { getControlState, getProjectorState, getStudentState } from "@/lib/data/live";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-errors";
import { idSchema } from "@/lib/validation/classes";

const viewSchema = z.enum(["student", "control", "projector"]);

/**
 * A view's whole state as JSON (`?view=student|control|projector`): what a page loads after an
 * event says something changed, and what it polls when event streams are blocked.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ sessionId: string }> }) {
  try {
    const id = idSchema.safeParse((await params).sessionId);
    if (!id.success) throw new AppError("not_found", "There is no such live session.");
    const view = viewSchema.safeParse(request.nextUrl.searchParams.get("view") ?? "student");
    if (!view.success) throw new AppError("invalid", "Ask for view=student, view=control or view=projector.");
    const viewer = await requireViewer();
    const state = view.data === "student" ? await getStudentState(viewer, id.data) : view.data === "control" ? await getControlState(viewer, id.data) : await getProjectorState(viewer, id.data);
    return NextResponse.json(state, { headers: { "Cache-Control": "private, no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
