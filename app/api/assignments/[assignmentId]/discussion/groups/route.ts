import { NextResponse } from "next/server";
import { makeRandomGroups } from "@/lib/data/discussion";
import { body, discussionRoute } from "@/lib/http/discussion-route";
import { randomGroupsSchema } from "@/lib/validation/discussion";

/** Dossier makes random groups of about `size` students (replacing any groups there were). */
export const POST = discussionRoute(async ({ request, viewer, assignmentId }) => {
  const { size } = await body(request, randomGroupsSchema, "group size");
  return NextResponse.json(await makeRandomGroups(viewer, assignmentId, size));
});
