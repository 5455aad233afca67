import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { saveResponse } from "@/lib/data/attempts";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";
import { errorResponse } from "@/lib/http/route-errors";
import { idSchema } from "@/lib/validation/classes";
import { questionKeySchema } from "@/lib/validation/quizzes";

/** An essay's 50,000 characters, JSON-escaped, fit well within this. */
const MAX_BODY_BYTES = 256 * 1024;
/** `response` must be there: null clears the answer, a missing key is a mistake. */
const bodySchema = z.looseObject({ response: z.unknown() }).refine((b) => Object.hasOwn(b, "response"));

/**
 * Saves one answer of an attempt as the student works: `PUT {"response": …}`. Idempotent, so the
 * player sends it again after a lost connection. Answers come back as JSON with the status that
 * says what happened: 200 saved; 400 not an answer to that question, or no such question in the
 * attempt; 401 signed out; 403 someone else's attempt; 404 no such attempt; 409 submitted or
 * past its deadline (what was saved before stays); 413 too large; 415 not sent as JSON.
 */
export async function PUT(request: NextRequest, { params }: { params: Promise<{ attemptId: string; questionKey: string }> }) {
  try {
    const { attemptId, questionKey } = await params;
    const id = idSchema.safeParse(attemptId);
    if (!id.success) throw new AppError("not_found", "There is no such attempt.");
    const key = questionKeySchema.safeParse(questionKey);
    if (!key.success) throw new AppError("invalid", "That question is not part of this attempt.");
    const viewer = await requireViewer();
    const body = await readJson(request, { maxBytes: MAX_BODY_BYTES, label: "answer", tooLarge: "That answer is too long to save." });
    const parsed = bodySchema.safeParse(body);
    if (!parsed.success) throw new AppError("invalid", "Send the answer as {\"response\": …}.");
    const { savedAt } = await saveResponse(viewer, id.data, key.data, parsed.data.response ?? null);
    return NextResponse.json({ savedAt: savedAt.toISOString() });
  } catch (e) {
    return errorResponse(e);
  }
}
