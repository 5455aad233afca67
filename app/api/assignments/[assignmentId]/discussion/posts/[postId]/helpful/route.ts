import { NextResponse } from "next/server";
import { setHelpful } from "@/lib/data/discussion";
import { body, discussionRoute } from "@/lib/http/discussion-route";
import { helpfulSchema } from "@/lib/validation/discussion";

export const PUT = discussionRoute(async ({ request, viewer, assignmentId, postId }) => {
  const { helpful } = await body(request, helpfulSchema, "mark");
  await setHelpful(viewer, assignmentId, postId, helpful);
  return NextResponse.json({ ok: true });
});
