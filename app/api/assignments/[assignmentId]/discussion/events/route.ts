import { authorizeDiscussionStream, discussionChannel } from "@/lib/data/discussion";
import { discussionRoute } from "@/lib/http/discussion-route";
import { currentEventId, hub, realtimeResponse } from "@/lib/realtime";

export const dynamic = "force-dynamic";

/**
 * Live changes to the discussion, as SSE (or ?poll=1). Events carry ids only; the page then
 * re-reads the layer through the policy-checked GET, so nothing private travels here.
 */
export const GET = discussionRoute(async ({ request, viewer, assignmentId }) => {
  await authorizeDiscussionStream(viewer, assignmentId);
  return realtimeResponse(request, { channels: [discussionChannel(assignmentId)], hub: hub(), defaultAfter: currentEventId });
});
