import { NextResponse, type NextRequest } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { saveLiveResponse } from "@/lib/data/live";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";
import { errorResponse } from "@/lib/http/route-errors";
import { idSchema } from "@/lib/validation/classes";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * A student's answer to a live moment: `PUT {"response": …}` (the question type's response in the
 * view ids their device got, or `{"text": …}` for a discussion). Idempotent: sent again after a
 * lost connection, the latest one counts until the moment closes. 200 `{savedAt, round}`; 400 not
 * an answer to that question; 401 signed out; 403 not a student of the class; 404 no such moment;
 * 409 the moment has closed or the session ended (the message says which).
 */
export async function PUT(request: NextRequest, { params }: { params: Promise<{ sessionId: string; momentId: string }> }) {
  try {
    const { sessionId, momentId } = await params;
    const s = idSchema.safeParse(sessionId);
    const m = idSchema.safeParse(momentId);
    if (!s.success || !m.success) throw new AppError("not_found", "There is no such live moment.");
    const viewer = await requireViewer();
    const body = await readJson(request, { maxBytes: MAX_BODY_BYTES, label: "answer", tooLarge: "That answer is too long to send." });
    const { savedAt, round } = await saveLiveResponse(viewer, s.data, m.data, body);
    return NextResponse.json({ savedAt: savedAt.toISOString(), round });
  } catch (e) {
    return errorResponse(e);
  }
}
