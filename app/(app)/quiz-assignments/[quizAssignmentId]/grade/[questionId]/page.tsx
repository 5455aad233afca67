import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getQuestionGrading, type AnswerToGrade } from "@/lib/data/attempts";
import { guardPage } from "@/lib/http/page-guard";
import type { QuestionTypeId } from "@/lib/question-types/ids";
import { questionTypes } from "@/lib/question-types/registry";
import { AnswerSummary } from "@/components/quiz/answer-summary";
import { answerState, formatPoints, pointsLabel } from "@/components/quiz/answer-state";
import { FeedbackList } from "@/components/quiz/feedback-list";
import { FocusOnArrival } from "@/components/quiz/focus-on-arrival";
import { GradeForm } from "@/components/quiz/grade-form";
import { PlainParagraphs } from "@/components/quiz/plain-paragraphs";

export const metadata: Metadata = { title: "Grade a question" };

const answerId = (a: AnswerToGrade) => `${a.attemptId}-${a.questionKey}`;

/**
 * Every submitted answer to one question, one after another (students by name, then attempt), each
 * with its grading form; "Save and next ungraded" goes on to the next answer waiting, on this
 * question or the next. `?answer=` is where that landed: focus goes there.
 */
export default async function GradeQuestionPage({
  params,
  searchParams,
}: {
  params: Promise<{ quizAssignmentId: string; questionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { quizAssignmentId, questionId } = await params;
  const sp = await searchParams;
  const overviewHref = `/quiz-assignments/${quizAssignmentId}/grade`;
  const here = `${overviewHref}/${questionId}`;
  const viewer = await guardPage(requireViewer(), here);
  const page = await guardPage(getQuestionGrading(viewer, quizAssignmentId, questionId), here);
  const { question, answers } = page;
  const target = typeof sp.answer === "string" && answers.some((a) => answerId(a) === sp.answer) ? `answer-${sp.answer}` : null;

  const at = page.questions.findIndex((q) => q.questionId === questionId);
  const previous = page.questions[at - 1] ?? null;
  const following = page.questions[at + 1] ?? null;
  const waiting = answers.filter((a) => a.state === "needs-grading");
  const isEssay = question.type === "essay";

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10">
      <FocusOnArrival id={target} />
      <p className="text-sm">
        <Link href={overviewHref}>← Grade by question: {page.quizTitle}</Link>
      </p>
      <p className="mt-4 text-sm font-semibold uppercase tracking-wide text-muted">
        {page.className} · question {question.n} of {page.questions.length} · {questionTypes[question.type].label}
      </p>
      <h1 className="mt-1 text-3xl font-bold">
        <span className="text-muted">Question {question.n}.</span> {question.title}
      </h1>
      <p className="mt-2 text-lg" data-testid="grading-summary">
        {answers.length === 1 ? "1 answer" : `${answers.length} answers`} · {pointsLabel(question.points)} each
        {waiting.length > 0 ? ` · ${waiting.length} waiting to be graded` : " · every answer is graded"}
      </p>

      <nav aria-label="Other questions" className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {previous ? (
          <Link href={`${overviewHref}/${previous.questionId}`}>
            ← Question {previous.n}: {previous.title}
          </Link>
        ) : null}
        {following ? (
          <Link href={`${overviewHref}/${following.questionId}`}>
            Question {following.n}: {following.title} →
          </Link>
        ) : null}
      </nav>

      <details className="card mt-6" open={isEssay}>
        <summary className="cursor-pointer font-semibold text-accent">The question as the students saw it</summary>
        <div className="mt-2 space-y-2">
          <PlainParagraphs text={question.prompt} />
        </div>
        {question.graderNotes ? (
          <div className="mt-4 rounded-md border border-line bg-stone-50 p-3">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-muted">Notes for graders</h2>
            <p className="mt-1 whitespace-pre-line">{question.graderNotes}</p>
          </div>
        ) : null}
      </details>

      {waiting.length > 0 ? (
        <section aria-labelledby="waiting-title" className="mt-6 rounded-lg border-2 border-amber-700 bg-amber-50 p-4 text-amber-950">
          <h2 id="waiting-title" className="font-bold">
            <span aria-hidden="true">✎ </span>Waiting to be graded
          </h2>
          <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
            {waiting.map((a) => (
              <li key={answerId(a)}>
                <a href={`#answer-${answerId(a)}`} className="font-semibold">
                  {a.student.name}
                  {a.attemptNumber > 1 ? `, attempt ${a.attemptNumber}` : ""}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {answers.length === 0 ? (
        <p className="card mt-8">No submitted attempt has this question yet.</p>
      ) : (
        <ol className="mt-8 space-y-8">
          {answers.map((a) => (
            <AnswerCard key={answerId(a)} a={a} type={question.type} quizAssignmentId={quizAssignmentId} questionId={questionId} readingSlug={page.readingSlug} />
          ))}
        </ol>
      )}
    </main>
  );
}

function AnswerCard({ a, type, quizAssignmentId, questionId, readingSlug }: { a: AnswerToGrade; type: QuestionTypeId; quizAssignmentId: string; questionId: string; readingSlug: string | null }) {
  const isEssay = type === "essay";
  const id = answerId(a);
  const titleId = `answer-${id}-title`;
  const state = answerState(a.state, "grader");
  const ungraded = a.state === "needs-grading";
  const who = `${a.student.name}${a.attemptNumber > 1 ? `, attempt ${a.attemptNumber}` : ""}`;
  const form = (
    <GradeForm
      attemptId={a.attemptId}
      questionKey={a.questionKey}
      questionLabel={`${who}’s answer`}
      idPrefix={`a-${id}`}
      next={{ quizAssignmentId, questionId }}
      points={a.points}
      rubric={isEssay && a.rubric && a.rubric.length > 0 ? a.rubric : null}
      savedRubricScores={a.rubricScores}
      savedEarned={a.gradedByHand || !ungraded ? a.earned : null}
      savedComment={a.graderComment}
    />
  );
  return (
    <li id={`answer-${id}`} tabIndex={-1} aria-labelledby={titleId} className="card" data-testid="graded-answer" data-ungraded={ungraded ? "true" : "false"}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={titleId} className="text-xl font-bold">
          <span data-student={a.student.name}>{a.student.name}</span>
          <span className="font-normal text-muted"> · attempt {a.attemptNumber}</span>
        </h2>
        <p className="text-lg font-semibold tabular-nums">
          {a.earned !== null ? `${formatPoints(a.earned)} of ${pointsLabel(a.points)}` : `– of ${pointsLabel(a.points)}`}
        </p>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {state ? (
          <p className={`inline-flex items-center gap-2 rounded-full border px-3 py-0.5 text-sm font-semibold ${state.className}`}>
            <span aria-hidden="true">{state.icon}</span>
            {state.text}
          </p>
        ) : null}
        {a.gradedByHand ? (
          <p className="inline-flex items-center gap-2 rounded-full border border-blue-800 bg-blue-50 px-3 py-0.5 text-sm font-semibold text-blue-900">
            <span aria-hidden="true">✎</span> Graded by hand
          </p>
        ) : null}
        <Link href={`/attempts/${a.attemptId}/grade`} className="text-sm">
          The whole attempt<span className="sr-only"> of {who}</span>
        </Link>
      </div>

      <div className="mt-4">
        <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">The answer</h3>
        <AnswerSummary type={type} view={a.view} response={a.response} correct={a.correctResponse} readingSlug={readingSlug ?? undefined} />
      </div>

      {a.feedback.length > 0 ? (
        <div className="mt-4">
          <FeedbackList title="Automatic feedback the student sees" feedback={a.feedback} />
        </div>
      ) : null}

      {isEssay && a.state !== "unanswered" ? (
        <div className="mt-5 border-t border-line pt-4">
          <h3 className="text-lg font-bold">{a.gradedByHand ? "Change the grade" : "Grade this answer"}</h3>
          <div className="mt-3">{form}</div>
        </div>
      ) : (
        <details className="mt-5 border-t border-line pt-4" open={a.gradedByHand || ungraded}>
          <summary className="cursor-pointer font-semibold text-accent">
            {a.gradedByHand ? "Change the grade given by hand" : "Override the automatic grade"}
            <span className="sr-only"> for {who}</span>
          </summary>
          <div className="mt-3">{form}</div>
        </details>
      )}
    </li>
  );
}
