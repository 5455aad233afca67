import { NextResponse } from "next/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getQuizForEditing } from "@/lib/data/quizzes";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-errors";
import { formatGift } from "@/lib/interchange/gift";
import { authoredQuestionSchema } from "@/lib/question-types/schemas";
import { idSchema } from "@/lib/validation/classes";

/**
 * The quiz's questions as a Moodle GIFT file, in the quiz's order. Only the instructor who owns
 * the quiz gets it (the file holds the answer key); anyone else gets a JSON 401/403/404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ quizId: string }> }) {
  try {
    const id = idSchema.safeParse((await params).quizId);
    if (!id.success) throw new AppError("not_found", "There is no such quiz.");
    const quiz = await getQuizForEditing(await requireViewer(), id.data);
    const text = formatGift(quiz.items.map((item) => authoredQuestionSchema.parse(item.question)));
    const base = quiz.title.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-").toLowerCase().slice(0, 80) || "quiz";
    return new NextResponse(text, {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "content-disposition": `attachment; filename="${base}.gift"; filename*=UTF-8''${encodeURIComponent(`${base}.gift`)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
