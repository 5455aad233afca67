import { NextResponse } from "next/server";
import { createPost, getDiscussionLayer } from "@/lib/data/discussion";
import { body, discussionRoute } from "@/lib/http/discussion-route";
import { newPostSchema } from "@/lib/validation/discussion";

export const dynamic = "force-dynamic";

/** The discussion layer of an assignment for the signed-in viewer (fetched by the reading page's client). */
export const GET = discussionRoute(async ({ viewer, assignmentId }) =>
  NextResponse.json(await getDiscussionLayer(viewer, assignmentId), { headers: { "Cache-Control": "private, no-store" } }),
);

/** A new thread or reply. */
export const POST = discussionRoute(async ({ request, viewer, assignmentId }) => {
  const input = await body(request, newPostSchema, "post");
  return NextResponse.json(await createPost(viewer, assignmentId, input), { status: 201 });
});
