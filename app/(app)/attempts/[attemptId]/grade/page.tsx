import type { Metadata } from "next";
import { isInstructor } from "@/lib/authz/policy";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { getAttemptReview, type ReviewQuestion } from "@/lib/data/attempts";
import { guardPage } from "@/lib/http/page-guard";
import { questionTypes } from "@/lib/question-types/registry";
import { AnswerSummary } from "@/components/quiz/answer-summary";
import { GradeForm } from "@/components/quiz/grade-form";
import { FeedbackList } from "@/components/quiz/feedback-list";
import { formatDateTime, usableTimeZone } from "@/lib/time/zones";
import { answerState, formatPoints, pointsLabel } from "@/components/quiz/answer-state";
import { PlainParagraphs } from "@/components/quiz/plain-paragraphs";
import { pendingLabel } from "@/lib/quiz/score";

export const metadata: Metadata = { title: "Grade an attempt" };

export default async function GradeAttemptPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const here = `/attempts/${attemptId}/grade`;
  const viewer = await guardPage(requireViewer(), here);
  // Students have their own review page; lib/data lets only the class's instructor see others' attempts.
  if (!isInstructor(viewer)) forbidden();
  const review = await guardPage(getAttemptReview(viewer, attemptId), here);

  const submitted = review.status === "submitted";
  const toGrade = review.questions.filter((q) => q.state === "needs-grading");
  const { readingSlug } = review;
  const back = { href: `/classes/${review.classId}/gradebook`, label: `← Gradebook: ${review.className}` };
  const who = review.student.name;

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm">
        <Link href={back.href}>{back.label}</Link>
      </p>
      <p className="mt-4 text-sm font-semibold uppercase tracking-wide text-muted">
        {[who, `attempt ${review.number}`, "grading"].join(" · ")}
      </p>
      <h1 className="mt-1 text-3xl font-bold">{who}: {review.quizTitle}</h1>
      <p className="mt-2 text-muted">
        {submitted ? `Submitted${review.submittedAt ? ` ${formatDateTime(review.submittedAt, usableTimeZone(viewer.timeZone))}` : ""}.` : "Still in progress: answers can be graded once the student submits."}
        {" "}
        <Link href={`/quiz-assignments/${review.quizAssignmentId}/analysis`}>Question analysis for this quiz</Link>
      </p>

      <section aria-labelledby="total-title" className="card mt-6">
        <h2 id="total-title" className="text-sm font-semibold uppercase tracking-wide text-muted">
          Total
        </h2>
        <p className="mt-1 text-4xl font-bold tabular-nums" data-testid="attempt-total">
          {review.score !== null ? formatPoints(review.score) : "–"} <span className="text-xl font-normal text-muted">of {pointsLabel(review.maxScore)}</span>
          {review.score !== null && review.maxScore > 0 ? <span className="ml-3 text-xl font-normal text-muted">({Math.round((review.score / review.maxScore) * 100)}%)</span> : null}
        </p>
        {toGrade.length > 0 ? (
          <div className="mt-3 rounded-md border-2 border-amber-700 bg-amber-50 p-3 text-amber-950">
            <p className="font-semibold">
              <span aria-hidden="true">✎ </span>
              {toGrade.length === 1 ? "1 answer needs grading" : `${toGrade.length} answers need grading`}
              {pendingLabel(review.pendingPoints) ? ` (${pendingLabel(review.pendingPoints)})` : ""}; the total counts them as 0 until then.
            </p>
            <ul className="mt-1 flex flex-wrap gap-x-4">
              {toGrade.map((q) => (
                <li key={q.key}>
                  <a href={`#${q.key}`}>
                    Question {review.questions.indexOf(q) + 1}: {q.title}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : submitted ? (
          <p className="mt-2 text-muted">Every answer is graded.</p>
        ) : null}
      </section>

      <ol className="mt-8 space-y-8">
        {review.questions.map((q, i) => (
          <QuestionToGrade key={q.key} q={q} n={i + 1} attemptId={review.id} submitted={submitted} readingSlug={readingSlug} byQuestionHref={`/quiz-assignments/${review.quizAssignmentId}/grade/${q.questionId}`} />
        ))}
      </ol>
    </main>
  );
}

function QuestionToGrade({
  q,
  n,
  attemptId,
  submitted,
  readingSlug,
  byQuestionHref,
}: {
  q: ReviewQuestion;
  n: number;
  attemptId: string;
  submitted: boolean;
  readingSlug: string | null;
  byQuestionHref: string;
}) {
  const titleId = `${q.key}-title`;
  // An open attempt has no grades yet: its answers would all read "not answered".
  const state = submitted ? answerState(q.state, "grader") : undefined;
  // A submitted question with nothing saved was never graded: it counts as 0 in the total.
  const earned = q.earned ?? (submitted && q.state !== "needs-grading" ? 0 : null);
  const isEssay = q.type === "essay";
  const rubric = isEssay && q.rubric && q.rubric.length > 0 ? q.rubric : null;
  const form = (
    <GradeForm
      attemptId={attemptId}
      questionKey={q.key}
      questionLabel={`question ${n}`}
      points={q.points}
      rubric={rubric}
      savedRubricScores={q.rubricScores}
      savedEarned={q.gradedByHand || q.state !== "needs-grading" ? earned : null}
      savedComment={q.graderComment}
    />
  );
  return (
    <li id={q.key} className="card" data-testid={`question-${q.key}`}>
      <section aria-labelledby={titleId}>
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id={titleId} className="text-xl font-bold">
            <span className="text-muted">Question {n}.</span> {q.title}
          </h2>
          <p className="text-lg font-semibold tabular-nums" data-testid={`${q.key}-points`}>
            {earned !== null ? `${formatPoints(earned)} of ${pointsLabel(q.points)}` : `– of ${pointsLabel(q.points)}`}
          </p>
        </div>
        <p className="text-sm text-muted">{questionTypes[q.type].label}</p>

        <div className="mt-3 flex flex-wrap gap-2">
          {state ? (
            <p className={`inline-flex items-center gap-2 rounded-full border px-3 py-0.5 text-sm font-semibold ${state.className}`} data-testid={`${q.key}-state`}>
              <span aria-hidden="true">{state.icon}</span>
              {q.gradedByHand ? state.text : isEssay || q.state === "unanswered" ? state.text : `${state.text} (graded automatically)`}
            </p>
          ) : null}
          {q.gradedByHand ? (
            <p className="inline-flex items-center gap-2 rounded-full border border-blue-800 bg-blue-50 px-3 py-0.5 text-sm font-semibold text-blue-900">
              <span aria-hidden="true">✎</span> Graded by hand
            </p>
          ) : null}
          <Link href={byQuestionHref} className="text-sm">
            Every student’s answer to this question<span className="sr-only"> (question {n})</span>
          </Link>
        </div>

        {/* An essay is graded against its prompt: open; for other types the answer says enough. */}
        <details className="mt-3" open={isEssay}>
          <summary className="cursor-pointer text-sm font-semibold text-accent">The question as the student saw it</summary>
          <div className="mt-2 space-y-2 text-muted">
            <PlainParagraphs text={q.prompt} />
          </div>
        </details>

        <div className="mt-4">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">The student’s answer</h3>
          <AnswerSummary type={q.type} view={q.view} response={q.response} correct={q.correctResponse} readingSlug={readingSlug ?? undefined} testId={`${q.key}-answer`} />
        </div>

        {q.feedback.length > 0 ? (
          <div className="mt-4">
            <FeedbackList title="Automatic feedback the student sees" feedback={q.feedback} />
          </div>
        ) : null}

        {isEssay && q.graderNotes ? (
          <div className="mt-4 rounded-md border border-line bg-stone-50 p-3">
            <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">Notes for graders</h3>
            <p className="mt-1 whitespace-pre-line">{q.graderNotes}</p>
          </div>
        ) : null}

        {!submitted ? null : isEssay ? (
          <div className="mt-5 border-t border-line pt-4">
            <h3 className="text-lg font-bold">
              {q.gradedByHand ? "Change the grade" : "Grade this answer"}
            </h3>
            <div className="mt-3">{form}</div>
          </div>
        ) : (
          <details className="mt-5 border-t border-line pt-4" open={q.gradedByHand || q.state === "needs-grading"}>
            <summary className="cursor-pointer font-semibold text-accent">
              {q.gradedByHand ? "Change the grade given by hand" : "Override the automatic grade"}
              <span className="sr-only"> for question {n}</span>
            </summary>
            <div className="mt-3">{form}</div>
          </details>
        )}
      </section>
    </li>
  );
}
