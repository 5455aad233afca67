import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { previewQuiz } from "@/lib/data/attempts";
import { guardPage } from "@/lib/http/page-guard";
import { AttemptPlayer } from "@/components/quiz/attempt-player";

export const metadata: Metadata = { title: "Quiz preview" };

/** The quiz as a student sees it, for the instructor who owns it. Nothing is saved. */
export default async function QuizPreviewPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const here = `/quizzes/${quizId}/preview`;
  const quiz = await guardPage(
    requireViewer().then((viewer) => previewQuiz(viewer, quizId)),
    here,
  );
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 pb-24 pt-6">
      <p className="text-sm">
        <Link href={`/quizzes/${quizId}`}>← Back to the quiz</Link>
      </p>
      <div className="mt-4">
        {quiz.questions.length === 0 ? (
          <>
            <h1 className="text-3xl font-bold">{quiz.quizTitle}</h1>
            <p className="mt-4 text-muted">This quiz has no questions yet. Add some to preview it.</p>
          </>
        ) : (
          <AttemptPlayer mode="preview" quizTitle={quiz.quizTitle} quizDescription={quiz.quizDescription} questions={quiz.questions} responses={quiz.responses} passages={quiz.passages} />
        )}
      </div>
    </main>
  );
}
