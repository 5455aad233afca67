import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { listMyQuizzes } from "@/lib/data/quizzes";
import { listReadings } from "@/lib/data/readings";
import { guardPage } from "@/lib/http/page-guard";
import { CreateQuizForm } from "./_components/quiz-forms";

export const metadata: Metadata = { title: "Quizzes" };

export default async function QuizzesPage() {
  const viewer = await guardPage(requireViewer(), "/quizzes");
  const [quizzes, readings] = await Promise.all([guardPage(listMyQuizzes(viewer), "/quizzes"), listReadings()]);

  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10">
      <p className="text-sm">
        <Link href="/dashboard">← Dashboard</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Quizzes</h1>
      <p className="mt-4 flex flex-wrap gap-3">
        <Link className="btn-secondary" href="/questions">Question bank</Link>
        <Link className="btn-secondary" href="/quizzes/import">Import questions (GIFT)</Link>
      </p>

      <div className="mt-8 grid gap-8 md:grid-cols-[3fr_2fr]">
        <section aria-labelledby="my-quizzes-title">
          <h2 id="my-quizzes-title" className="text-xl font-bold">Your quizzes</h2>
          {quizzes.length === 0 ? <p className="mt-3 text-muted">No quizzes yet. Create one with the form.</p> : null}
          <ul className="mt-4 space-y-3" data-testid="quiz-list">
            {quizzes.map((q) => (
              <li key={q.id} className="card">
                <h3 className="text-lg font-bold">
                  <Link href={`/quizzes/${q.id}`}>{q.title}</Link>
                </h3>
                <p className="mt-1 text-sm text-muted">
                  {q.questionCount} {q.questionCount === 1 ? "question" : "questions"} · assigned to {q.assignedTo} {q.assignedTo === 1 ? "class" : "classes"}
                </p>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="new-quiz-title" className="card h-fit">
          <h2 id="new-quiz-title" className="text-xl font-bold">Create a quiz</h2>
          <p className="mt-1 text-sm text-muted">Then add questions, choose its settings and assign it to a class.</p>
          <CreateQuizForm readings={readings.map((r) => ({ slug: r.slug, title: r.title }))} />
        </section>
      </div>
    </main>
  );
}
