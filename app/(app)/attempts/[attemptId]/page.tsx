import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { getAttemptForPlayer } from "@/lib/data/attempts";
import { guardPage } from "@/lib/http/page-guard";
import { AttemptPlayer } from "@/components/quiz/attempt-player";

export const metadata: Metadata = { title: "Quiz attempt" };

export default async function AttemptPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const here = `/attempts/${attemptId}`;
  const viewer = await guardPage(requireViewer(), here);
  const now = new Date();
  // An attempt whose time ran out while the student was away comes back closed, graded on the answers saved in time.
  const attempt = await guardPage(getAttemptForPlayer(viewer, attemptId, now), here);
  const review = `/attempts/${attempt.id}/review`;
  if (attempt.status !== "in-progress") redirect(review);

  return (
    <main id="main" className="mx-auto max-w-3xl px-4 pb-24 pt-6">
      <p className="text-sm">
        <Link href={`/quiz-assignments/${attempt.quizAssignmentId}`}>← About this quiz</Link>
      </p>
      <div className="mt-4">
        <AttemptPlayer
          attemptId={attempt.id}
          attemptNumber={attempt.number}
          quizTitle={attempt.quizTitle}
          quizDescription={attempt.quizDescription}
          questions={attempt.questions}
          responses={attempt.responses}
          passages={attempt.passages}
          deadlineAt={attempt.deadlineAt ? attempt.deadlineAt.getTime() : null}
          serverNow={now.getTime()}
          reviewHref={review}
        />
      </div>
    </main>
  );
}
