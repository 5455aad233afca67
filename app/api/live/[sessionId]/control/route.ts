import { NextResponse, type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { controlLiveSession } from "@/lib/data/live";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";
import { errorResponse } from "@/lib/http/route-errors";
import { idSchema } from "@/lib/validation/classes";
import { liveControlSchema } from "@/lib/validation/live";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * The instructor's controls: `POST {"action": "go" | "close" | "end" | "add" | "show", …}`
 * (lib/validation/live.ts). 200 with `{ momentId? }`; 400 a command that is not one or a moment
 * that cannot be; 401 signed out; 403 not the class's instructor; 404 no such session or moment;
 * 409 the session has ended or the moment is not in a state for it.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ sessionId: string }> }) {
  try {
    const id = idSchema.safeParse((await params).sessionId);
    if (!id.success) throw new AppError("not_found", "There is no such live session.");
    const viewer = await requireViewer();
    const body = await readJson(request, { maxBytes: MAX_BODY_BYTES, label: "command" });
    const parsed = liveControlSchema.safeParse(body);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "command"] ??= []).push(issue.message);
      throw new AppError("invalid", parsed.error.issues[0]?.message ?? "That is not a command for a live session.", fieldErrors);
    }
    return NextResponse.json(await controlLiveSession(viewer, id.data, parsed.data));
  } catch (e) {
    return errorResponse(e);
  }
}
