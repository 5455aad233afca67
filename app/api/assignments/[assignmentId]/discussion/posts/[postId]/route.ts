import { NextResponse } from "next/server";
import { deletePost, editPost } from "@/lib/data/discussion";
import { body, discussionRoute } from "@/lib/http/discussion-route";
import { editPostSchema } from "@/lib/validation/discussion";

export const PATCH = discussionRoute(async ({ request, viewer, assignmentId, postId }) => {
  await editPost(viewer, assignmentId, postId, await body(request, editPostSchema, "post"));
  return NextResponse.json({ ok: true });
});

export const DELETE = discussionRoute(async ({ viewer, assignmentId, postId }) => {
  await deletePost(viewer, assignmentId, postId);
  return NextResponse.json({ ok: true });
});
