import { NextResponse } from "next/server";
import { updateDiscussionSettings } from "@/lib/data/discussion";
import { body, discussionRoute } from "@/lib/http/discussion-route";
import { settingsSchema } from "@/lib/validation/discussion";

export const PUT = discussionRoute(async ({ request, viewer, assignmentId }) => {
  await updateDiscussionSettings(viewer, assignmentId, await body(request, settingsSchema, "settings"));
  return NextResponse.json({ ok: true });
});
