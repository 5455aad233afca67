import { type NextRequest } from "next/server";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { liveEventCursor, liveStreamChannels } from "@/lib/data/live";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-errors";
import { hub, realtimeResponse } from "@/lib/realtime";
import { idSchema } from "@/lib/validation/classes";

export const dynamic = "force-dynamic";

const viewSchema = z.enum(["student", "control", "projector"]);

/**
 * A live session's events for one view (`?view=student|control|projector`): an event stream
 * resuming from Last-Event-ID or `?after=`, or with `?poll=1` a JSON long poll for networks that
 * block streams (lib/realtime). Who may listen is checked first: 401, 403, 404 as JSON.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ sessionId: string }> }) {
  try {
    const id = idSchema.safeParse((await params).sessionId);
    if (!id.success) throw new AppError("not_found", "There is no such live session.");
    const view = viewSchema.safeParse(request.nextUrl.searchParams.get("view") ?? "student");
    if (!view.success) throw new AppError("invalid", "Ask for view=student, view=control or view=projector.");
    const viewer = await requireViewer();
    const channels = await liveStreamChannels(viewer, id.data, view.data === "student" ? "student" : "staff");
    return await realtimeResponse(request, { channels, hub: hub(), defaultAfter: liveEventCursor });
  } catch (e) {
    return errorResponse(e);
  }
}
