import { NextResponse } from "next/server";
import { moderatePost } from "@/lib/data/discussion";
import { body, discussionRoute } from "@/lib/http/discussion-route";
import { moderateSchema } from "@/lib/validation/discussion";

/** Hide, pin, endorse (the instructor's). */
export const POST = discussionRoute(async ({ request, viewer, assignmentId, postId }) => {
  await moderatePost(viewer, assignmentId, postId, await body(request, moderateSchema, "change"));
  return NextResponse.json({ ok: true });
});
