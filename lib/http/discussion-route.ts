import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import type { Viewer } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";
import { errorResponse } from "@/lib/http/route-errors";
import { idSchema } from "@/lib/validation/classes";

/** A post is at most 5,000 characters (up to 4 bytes each, escaped in JSON): anything larger is refused unread. */
export const MAX_DISCUSSION_BODY_BYTES = 64 * 1024;

export type Params = { params: Promise<{ assignmentId: string; postId?: string; promptId?: string }> };

/** The shared frame of the discussion routes: ids checked, viewer required, typed errors as JSON. */
export function discussionRoute(
  handler: (args: { request: NextRequest; viewer: Viewer; assignmentId: string; postId: string; promptId: string }) => Promise<Response>,
) {
  return async (request: NextRequest, { params }: Params): Promise<Response> => {
    try {
      const p = await params;
      const ids = [p.assignmentId, p.postId, p.promptId].map((v) => (v === undefined ? "" : v));
      for (const v of ids) if (v !== "" && !idSchema.safeParse(v).success) throw new AppError("not_found", "There is no such post or assignment.");
      const viewer = await requireViewer();
      return await handler({ request, viewer, assignmentId: ids[0]!, postId: ids[1]!, promptId: ids[2]! });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** Reads and validates a JSON body; the first problem's message becomes the 400's message. */
export async function body<S extends z.ZodType>(request: Request, schema: S, label: string): Promise<z.infer<S>> {
  const raw = await readJson(request, { maxBytes: MAX_DISCUSSION_BODY_BYTES, label, tooLarge: `That ${label} is too large: a post can be at most 5,000 characters.` });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    const first = parsed.error.issues[0];
    throw new AppError("invalid", first && first.code !== "invalid_type" && first.code !== "unrecognized_keys" ? first.message : `The ${label} is not in the expected form.`, fieldErrors);
  }
  return parsed.data;
}
