import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { listMyQuestions, type BankQuestion } from "@/lib/data/quizzes";
import { guardPage } from "@/lib/http/page-guard";
import { questionTypes } from "@/lib/question-types/registry";
import { DeleteQuestionForm, DuplicateQuestionButton } from "../quizzes/_components/quiz-forms";
import { SuccessNotice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Question bank" };

const notices: Record<string, string> = {
  created: "The question is saved in your bank.",
  saved: "The question is saved. Every quiz that uses it shows the new version; attempts already started keep theirs.",
  deleted: "The question is deleted, and taken out of the quizzes that used it.",
};

export default async function QuestionBankPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const viewer = await guardPage(requireViewer(), "/questions");
  const questions = await guardPage(listMyQuestions(viewer), "/questions");

  const groups = new Map<string, BankQuestion[]>();
  for (const q of questions) {
    const key = q.category || "";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(q);
  }
  // Named categories alphabetically, the uncategorised last.
  const ordered = [...groups].sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)));
  const notice = Object.keys(notices).find((k) => sp[k]);
  const imported = typeof sp.imported === "string" ? Number(sp.imported) : null;

  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10">
      <p className="text-sm">
        <Link href="/quizzes">← Quizzes</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Question bank</h1>
      <p className="mt-1 text-muted">
        {questions.length} {questions.length === 1 ? "question" : "questions"}. Write new questions from a quiz (“Add a question”), or import them.
      </p>
      <p className="mt-4 flex flex-wrap gap-3">
        <Link className="btn-secondary" href="/quizzes">Quizzes</Link>
        <Link className="btn-secondary" href="/quizzes/import">Import questions (GIFT)</Link>
      </p>
      {notice ? (
        <SuccessNotice>
          {notices[notice]}
        </SuccessNotice>
      ) : null}
      {imported !== null && Number.isFinite(imported) ? (
        <SuccessNotice>
          {imported} imported {imported === 1 ? "question is" : "questions are"} now in your bank.
        </SuccessNotice>
      ) : null}
      {questions.length === 0 ? <p className="mt-6 text-muted">Your bank is empty.</p> : null}

      {ordered.map(([category, list], gi) => (
        <section key={category || "none"} aria-labelledby={`category-${gi}`} className="mt-8">
          <h2 id={`category-${gi}`} className="text-xl font-bold">
            {category || "No category"} <span className="text-base font-normal text-muted">({list.length})</span>
          </h2>
          <ul className="mt-3 space-y-3" data-testid="bank-category">
            {list.map((q) => (
              <li key={q.id} className="card space-y-2" data-testid="bank-question">
                <p className="text-sm text-muted">
                  {questionTypes[q.type].label} · {q.defaultPoints} {q.defaultPoints === 1 ? "point" : "points"}
                </p>
                <h3 className="font-bold">{q.title}</h3>
                <div className="flex flex-wrap items-center gap-2">
                  <Link className="rounded-md border border-line bg-white px-3 py-1.5 text-sm font-semibold text-ink no-underline hover:bg-stone-100 hover:text-ink" href={`/questions/${q.id}/edit`}>
                    Edit<span className="sr-only"> “{q.title}”</span>
                  </Link>
                  <DuplicateQuestionButton questionId={q.id} label={`“${q.title}”`} />
                  <DeleteQuestionForm questionId={q.id} title={q.title} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
