import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getQuestion, listMyQuestions } from "@/lib/data/quizzes";
import { guardPage } from "@/lib/http/page-guard";
import { questionTypes } from "@/lib/question-types/registry";
import type { AuthoredQuestion } from "@/lib/question-types/schemas";
import { QuestionForm } from "@/components/quiz/question-form";
import { loadPassages } from "../../../quizzes/_components/passages";

export const metadata: Metadata = { title: "Edit question" };

/** Only back to a quiz builder or the bank (the action checks the same). */
const safeReturnTo = (v: unknown) => (typeof v === "string" && /^\/(quizzes\/[A-Za-z0-9_-]{1,64}|questions)$/.test(v) ? v : "/questions");

export default async function EditQuestionPage({ params, searchParams }: { params: Promise<{ questionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { questionId } = await params;
  const sp = await searchParams;
  const returnTo = safeReturnTo(sp.returnTo);
  const here = `/questions/${questionId}/edit`;
  const viewer = await guardPage(requireViewer(), here);
  const question = await guardPage(getQuestion(viewer, questionId), here);
  const [passages, bank] = await Promise.all([loadPassages(), listMyQuestions(viewer)]);
  const categories = [...new Set(bank.map((q) => q.category).filter((c): c is string => !!c))].sort();
  const { id, updatedAt: _updatedAt, ...rest } = question;
  // Stored questions were validated on the way in and out (lib/data), so this is their schema's shape.
  const initial = { ...rest, generalFeedback: rest.generalFeedback ?? "", category: rest.category ?? "" } as AuthoredQuestion;
  const label = questionTypes[question.type].label;

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm">
        <Link href={returnTo}>{returnTo === "/questions" ? "← Question bank" : "← Back to the quiz"}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Edit: {question.title}</h1>
      <p className="mt-1 text-muted">Changes apply to every quiz that uses this question. Attempts already started keep the version they began with.</p>
      <div className="mt-6">
        <QuestionForm mode="edit" typeLabel={label} initial={initial} questionId={id} returnTo={returnTo} cancelHref={returnTo} passages={passages} categories={categories} />
      </div>
    </main>
  );
}
