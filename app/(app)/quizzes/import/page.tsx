import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { listMyQuizzes } from "@/lib/data/quizzes";
import { guardPage } from "@/lib/http/page-guard";
import { questionTypeIds } from "@/lib/question-types/ids";
import { questionTypes } from "@/lib/question-types/registry";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import questions" };

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const viewer = await guardPage(requireViewer(), "/quizzes/import");
  const quizzes = await guardPage(listMyQuizzes(viewer), "/quizzes/import");
  const typeLabels = Object.fromEntries(questionTypeIds.map((t) => [t, questionTypes[t].label]));
  const initialQuizId = typeof sp.quizId === "string" && quizzes.some((q) => q.id === sp.quizId) ? sp.quizId : undefined;

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm">
        <Link href="/quizzes">← Quizzes</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Import questions (GIFT)</h1>
      <p className="mt-1 text-muted">
        Moodle’s GIFT text format: multiple choice (one or several right answers), true/false, short answer, numeric, matching and essay questions. Preview first; nothing is saved until you choose the questions and save them.
      </p>
      <div className="mt-6">
        <ImportForm quizzes={quizzes.map((q) => ({ id: q.id, title: q.title }))} typeLabels={typeLabels} {...(initialQuizId ? { initialQuizId } : {})} />
      </div>
    </main>
  );
}
