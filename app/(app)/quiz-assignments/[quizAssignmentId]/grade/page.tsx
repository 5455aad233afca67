import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getGradingOverview } from "@/lib/data/attempts";
import { guardPage } from "@/lib/http/page-guard";
import { questionTypes } from "@/lib/question-types/registry";
import { SuccessNotice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Grade by question" };

/**
 * Grading a quiz question by question: each question with how many answers wait, leading to all
 * the answers to it one after another. Only the class's instructor gets past lib/data.
 */
export default async function GradeByQuestionPage({
  params,
  searchParams,
}: {
  params: Promise<{ quizAssignmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { quizAssignmentId } = await params;
  const sp = await searchParams;
  const here = `/quiz-assignments/${quizAssignmentId}/grade`;
  const viewer = await guardPage(requireViewer(), here);
  const overview = await guardPage(getGradingOverview(viewer, quizAssignmentId), here);
  const waiting = overview.questions.reduce((n, q) => n + q.ungraded, 0);

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm">
        <Link href={`/classes/${overview.classId}/gradebook`}>← Gradebook: {overview.className}</Link>
      </p>
      <p className="mt-4 text-sm font-semibold uppercase tracking-wide text-muted">Grade by question</p>
      <h1 className="mt-1 text-3xl font-bold">{overview.quizTitle}</h1>
      <p className="mt-2 text-muted">
        {overview.className} · {overview.attempts === 1 ? "1 submitted attempt" : `${overview.attempts} submitted attempts`}
      </p>
      {sp.done ? <SuccessNotice>Every answer is graded. Nothing is waiting in this quiz.</SuccessNotice> : null}
      <p className="mt-4 text-lg">
        {waiting === 0
          ? "No answer is waiting to be graded."
          : `${waiting === 1 ? "1 answer is" : `${waiting} answers are`} waiting to be graded. Open a question to grade every answer to it, one after another.`}
      </p>

      {overview.questions.length === 0 ? (
        <p className="card mt-6">This quiz has no questions.</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-stone-400 bg-white" tabIndex={0} role="region" aria-labelledby="grade-questions-caption">
          <table className="w-full min-w-[36rem] border-collapse text-left">
            <caption id="grade-questions-caption" className="sr-only">
              The questions of {overview.quizTitle}, with the answers given and those waiting to be graded
            </caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Question
                </th>
                <th scope="col" className="px-4 py-2">
                  Answered
                </th>
                <th scope="col" className="px-4 py-2">
                  Waiting
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.questions.map((q) => (
                <tr key={q.questionId} className="border-t border-stone-300 align-top" data-testid={`grade-question-${q.n}`}>
                  <th scope="row" className="px-4 py-2 font-normal">
                    <Link href={`${here}/${q.questionId}`} className="font-semibold">
                      {q.n}. {q.title}
                    </Link>
                    <span className="block text-sm text-muted">{questionTypes[q.type].label}</span>
                  </th>
                  <td className="px-4 py-2 tabular-nums">
                    {q.answered} of {overview.attempts}
                  </td>
                  <td className="px-4 py-2">
                    {q.ungraded > 0 ? (
                      <span className="inline-flex items-center gap-1 rounded border-2 border-amber-800 bg-amber-100 px-2 py-0.5 font-bold text-amber-950">
                        <span aria-hidden="true">✎</span> {q.ungraded} to grade
                      </span>
                    ) : (
                      <span className="text-muted">none</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
