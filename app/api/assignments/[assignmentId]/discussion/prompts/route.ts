import { NextResponse } from "next/server";
import { createPrompt } from "@/lib/data/discussion";
import { body, discussionRoute } from "@/lib/http/discussion-route";
import { promptSchema } from "@/lib/validation/discussion";

export const POST = discussionRoute(async ({ request, viewer, assignmentId }) =>
  NextResponse.json(await createPrompt(viewer, assignmentId, await body(request, promptSchema, "prompt")), { status: 201 }),
);
