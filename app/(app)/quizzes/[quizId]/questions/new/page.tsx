import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getQuizForEditing, listMyQuestions } from "@/lib/data/quizzes";
import { guardPage } from "@/lib/http/page-guard";
import { questionTypeIds, type QuestionTypeId } from "@/lib/question-types/ids";
import { questionTypes } from "@/lib/question-types/registry";
import type { AuthoredQuestion } from "@/lib/question-types/schemas";
import { emptyConfig } from "@/components/quiz/editors";
import { QuestionForm } from "@/components/quiz/question-form";
import { loadPassages, QUESTION_READING_SLUG } from "../../../_components/passages";

export const metadata: Metadata = { title: "New question" };

const isType = (t: unknown): t is QuestionTypeId => typeof t === "string" && (questionTypeIds as readonly string[]).includes(t);

export default async function NewQuestionPage({ params, searchParams }: { params: Promise<{ quizId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { quizId } = await params;
  const sp = await searchParams;
  const type = sp.type;
  const here = `/quizzes/${quizId}/questions/new${isType(type) ? `?type=${type}` : ""}`;
  const viewer = await guardPage(requireViewer(), here);
  const quiz = await guardPage(getQuizForEditing(viewer, quizId), here);
  const back = `/quizzes/${quiz.id}`;

  if (!isType(type)) {
    return (
      <main id="main" className="mx-auto max-w-3xl px-4 py-10">
        <p className="text-sm">
          <Link href={back}>← {quiz.title}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">New question</h1>
        <p className="mt-4">Which kind of question?</p>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2">
          {questionTypeIds.map((t) => (
            <li key={t}>
              <Link className="btn-secondary w-full" href={`/quizzes/${quiz.id}/questions/new?type=${t}`}>
                {questionTypes[t].label}
              </Link>
            </li>
          ))}
        </ul>
      </main>
    );
  }

  const [passages, bank] = await Promise.all([loadPassages(), listMyQuestions(viewer)]);
  const categories = [...new Set(bank.map((q) => q.category).filter((c): c is string => !!c))].sort();
  const initial = { type, title: "", prompt: "", format: "plain", generalFeedback: "", anchors: [], category: "", defaultPoints: 1, config: emptyConfig(type) } as AuthoredQuestion;

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm">
        <Link href={back}>← {quiz.title}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">New {questionTypes[type].label.toLowerCase()} question</h1>
      <p className="mt-1 text-muted">It is saved in your question bank and added at the end of “{quiz.title}”.</p>
      <div className="mt-6">
        <QuestionForm mode="create" typeLabel={questionTypes[type].label} initial={initial} quizId={quiz.id} readingSlug={QUESTION_READING_SLUG} cancelHref={back} passages={passages} categories={categories} />
      </div>
    </main>
  );
}
