import { NextResponse } from "next/server";
import { deletePrompt } from "@/lib/data/discussion";
import { discussionRoute } from "@/lib/http/discussion-route";

export const DELETE = discussionRoute(async ({ viewer, assignmentId, promptId }) => {
  await deletePrompt(viewer, assignmentId, promptId);
  return NextResponse.json({ ok: true });
});
