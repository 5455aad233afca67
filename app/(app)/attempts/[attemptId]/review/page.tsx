import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { getAttemptReview, type ReviewQuestion } from "@/lib/data/attempts";
import { guardPage } from "@/lib/http/page-guard";
import { ReviewAnswer } from "@/components/quiz/review-answer";
import { FeedbackList } from "@/components/quiz/feedback-list";
import { answerState, formatPoints, pointsLabel } from "@/components/quiz/answer-state";
import { PlainParagraphs } from "@/components/quiz/plain-paragraphs";
import { pendingLabel } from "@/lib/quiz/score";

export const metadata: Metadata = { title: "Quiz review" };

export default async function AttemptReviewPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const here = `/attempts/${attemptId}/review`;
  const viewer = await guardPage(requireViewer(), here);
  // The data layer closes an attempt whose time ran out before it answers.
  const review = await guardPage(getAttemptReview(viewer, attemptId), here);

  // The student's own attempt: where it belongs; one still open goes back to the player.
  let quizAssignmentId: string | null = null;
  let attemptNumber: number | null = null;
  if (viewer.role === "student") {
    if (review.status === "in-progress") redirect(`/attempts/${attemptId}`);
    quizAssignmentId = review.quizAssignmentId;
    attemptNumber = review.number;
  }

  const v = review.visibility;
  const back = quizAssignmentId ? { href: `/quiz-assignments/${quizAssignmentId}`, label: "← About this quiz" } : { href: "/dashboard", label: "← Dashboard" };

  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm">
        <Link href={back.href}>{back.label}</Link>
      </p>
      <p className="mt-4 text-sm font-semibold uppercase tracking-wide text-muted">{attemptNumber ? `Attempt ${attemptNumber} · review` : "Attempt review"}</p>
      <h1 className="mt-1 text-3xl font-bold">{review.quizTitle}</h1>

      {review.status === "in-progress" ? (
        <p className="mt-4 rounded-md border border-line bg-white p-4">This attempt is still in progress.</p>
      ) : (
        <p className="mt-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900">{viewer.role === "student" ? "Your answers have been submitted." : "This attempt has been submitted."}</p>
      )}

      {!v.open ? (
        <p className="mt-6 rounded-md border border-line bg-white p-4 text-lg" data-testid="review-closed">
          {v.reason ?? "The review is not available."}
        </p>
      ) : (
        <>
          {review.score !== null ? (
            <section aria-labelledby="score-title" className="card mt-6" data-testid="review-score">
              <h2 id="score-title" className="text-sm font-semibold uppercase tracking-wide text-muted">
                {viewer.role === "student" ? "Your score" : "Score"}
              </h2>
              <p className="mt-1 text-3xl font-bold tabular-nums">
                {formatPoints(review.score)} <span className="text-lg font-normal text-muted">of {pointsLabel(review.maxScore)}</span>
                {review.maxScore > 0 ? <span className="ml-3 text-lg font-normal text-muted"> ({Math.round((review.score / review.maxScore) * 100)}%)</span> : null}
                {pendingLabel(review.pendingPoints) ? <span className="text-lg font-normal text-muted"> — {pendingLabel(review.pendingPoints)}</span> : null}
              </p>
              {review.needsGrading ? (
                <p className="mt-2 text-muted">
                  {viewer.role === "student" ? "Your instructor has not graded every answer yet" : "Not every answer is graded yet"}: the score counts
                  {review.pendingPoints ? " those points" : " them"} as 0 for now, so it may still go up.
                </p>
              ) : null}
            </section>
          ) : null}

          <ol className="mt-8 space-y-6">
            {review.questions.map((q, i) => (
              <ReviewItem key={q.key} q={q} n={i + 1} attemptNeedsGrading={review.needsGrading} own={viewer.role === "student"} readingSlug={review.readingSlug} />
            ))}
          </ol>
        </>
      )}
    </main>
  );
}

function ReviewItem({ q, n, attemptNeedsGrading, own, readingSlug }: { q: ReviewQuestion; n: number; attemptNeedsGrading: boolean; own: boolean; readingSlug: string | null }) {
  const titleId = `${q.key}-title`;
  const state = answerState(q.state, "student");
  const answered = q.response !== null && q.response !== undefined;
  // With correctness hidden, only the attempt says that something waits for a grader.
  const waiting = q.type === "essay" && answered && (q.state === "needs-grading" || (q.state === null && attemptNeedsGrading && !q.graderComment));
  return (
    <li className="card" data-testid={`question-${q.key}`}>
      <section aria-labelledby={titleId}>
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id={titleId} className="text-lg font-bold">
            <span className="text-muted">Question {n}.</span> {q.title}
          </h2>
          <span className="text-sm text-muted" data-testid={`${q.key}-points`}>
            {q.earned !== null ? `${formatPoints(q.earned)} of ${pointsLabel(q.points)}` : pointsLabel(q.points)}
          </span>
        </div>
        <div className="mt-2 space-y-2 text-muted">
          <PlainParagraphs text={q.prompt} />
        </div>

        {state && !waiting ? (
          <p className={`mt-3 inline-flex items-center gap-2 rounded-full border px-3 py-0.5 text-sm font-semibold ${state.className}`} data-testid={`${q.key}-state`}>
            <span aria-hidden="true">{state.icon}</span>
            {state.text}
          </p>
        ) : null}

        <div className="mt-4">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">{own ? "Your answer" : "The student’s answer"}</h3>
          <ReviewAnswer type={q.type} view={q.view} response={q.response} testId={`${q.key}-your-answer`} readingSlug={readingSlug} />
        </div>

        {waiting ? (
          <p className="mt-3 rounded-md border border-line bg-stone-50 p-3 text-sm" data-testid={`${q.key}-waiting`}>
            {own ? "Waiting for your instructor to grade this answer." : "Waiting to be graded."}
          </p>
        ) : null}

        {q.rubric && q.rubric.length > 0 && q.rubricScores ? <RubricScores q={q} own={own} /> : null}

        {q.correctResponse !== null && q.correctResponse !== undefined ? (
          <div className="mt-4 rounded-md border border-green-700/40 bg-green-50/60 p-3">
            <h3 className="text-sm font-semibold uppercase tracking-wide text-green-900">{q.state === "correct" ? "The right answer (yours)" : "The right answer"}</h3>
            <ReviewAnswer type={q.type} view={q.view} response={q.correctResponse} testId={`${q.key}-right-answer`} readingSlug={readingSlug} />
          </div>
        ) : null}

        {q.feedback.length > 0 || q.generalFeedback || q.graderComment ? (
          <div className="mt-4 space-y-3">
            <FeedbackList title="Feedback on your answer" feedback={q.feedback} />
            {q.graderComment ? (
              <div>
                <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">Your instructor’s comment</h3>
                <p className="mt-1 whitespace-pre-line">{q.graderComment}</p>
              </div>
            ) : null}
            {q.generalFeedback ? (
              <div>
                <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">About this question</h3>
                <p className="mt-1 whitespace-pre-line">{q.generalFeedback}</p>
              </div>
            ) : null}
          </div>
        ) : null}
      </section>
    </li>
  );
}

/** Each rubric criterion with the points given for it, so the total is not the only thing a student learns. */
function RubricScores({ q, own }: { q: ReviewQuestion; own: boolean }) {
  const scores = q.rubricScores ?? {};
  const rubric = q.rubric ?? [];
  const given = rubric.reduce((s, c) => s + (scores[c.id] ?? 0), 0);
  const max = rubric.reduce((s, c) => s + c.maxPoints, 0);
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full border-collapse text-left" data-testid={`${q.key}-rubric`}>
        <caption className="text-left text-sm font-semibold uppercase tracking-wide text-muted">{own ? "How your answer was graded" : "Rubric scores"}</caption>
        <thead>
          <tr className="border-b border-line text-sm text-muted">
            <th scope="col" className="py-1 pr-3 font-semibold">
              Criterion
            </th>
            <th scope="col" className="py-1 text-right font-semibold">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          {rubric.map((c) => (
            <tr key={c.id} className="border-b border-line align-top">
              <td className="py-1.5 pr-3">{c.criterion}</td>
              <td className="whitespace-nowrap py-1.5 text-right tabular-nums">
                {typeof scores[c.id] === "number" ? `${formatPoints(scores[c.id]!)} of ${formatPoints(c.maxPoints)}` : `– of ${formatPoints(c.maxPoints)}`}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <td className="py-1.5 pr-3">Rubric total{q.earned !== null && max !== q.points ? `, as ${pointsLabel(q.points)} for this question` : ""}</td>
            <td className="whitespace-nowrap py-1.5 text-right tabular-nums">
              {formatPoints(given)} of {formatPoints(max)}
              {q.earned !== null && max !== q.points ? ` → ${formatPoints(q.earned)}` : ""}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
