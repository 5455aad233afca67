import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { listMyClasses } from "@/lib/data/classes";
import { getQuizForEditing, listMyQuestions } from "@/lib/data/quizzes";
import { guardPage } from "@/lib/http/page-guard";
import { questionTypeIds } from "@/lib/question-types/ids";
import { keySummaryFor, questionTypes } from "@/lib/question-types/registry";
import { snippet } from "@/components/quiz/players/parts";
import { formatDateTime, toDateTimeLocal, usableTimeZone, zoneLabel } from "@/lib/time/zones";
import { SuccessNotice } from "@/components/ui/notice";
import {
  AddFromBankForm,
  AssignQuizForm,
  DuplicateQuestionButton,
  ItemPointsForm,
  MoveItemButtons,
  QuizSettingsForm,
  RemoveItemForm,
  type SettingsValues,
} from "../_components/quiz-forms";
import { formatPoints as points } from "@/lib/format";

export const metadata: Metadata = { title: "Quiz builder" };

/** Enough of the prompt to tell questions apart in the list; the editor has the rest. */
const PROMPT_CHARS = 220;
/** Lines of a key shown in the list, and characters per line. */
const KEY_LINES = 8;
const KEY_CHARS = 160;

const notices: Record<string, string> = {
  created: "Quiz created. Add questions, check the settings, then assign it to a class.",
  added: "The question is saved and added at the end of the quiz.",
  saved: "The question is saved. Every quiz that uses it shows the new version; attempts already started keep theirs.",
  removed: "The question is removed from the quiz. It is still in your question bank.",
};

export default async function QuizBuilderPage({ params, searchParams }: { params: Promise<{ quizId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { quizId } = await params;
  const sp = await searchParams;
  const here = `/quizzes/${quizId}`;
  const viewer = await guardPage(requireViewer(), here);
  const quiz = await guardPage(getQuizForEditing(viewer, quizId), here);
  const zone = usableTimeZone(viewer.timeZone);
  // A stored instant as <input type="datetime-local"> shows it: in the instructor's own zone.
  const local = (d: Date | null) => (d ? toDateTimeLocal(d, zone) : "");
  const [bank, classes] = await Promise.all([listMyQuestions(viewer), listMyClasses(viewer)]);

  const total = quiz.items.reduce((s, i) => s + i.points, 0);
  const inQuiz = new Set(quiz.items.map((i) => i.question.id));
  const bankGroups = new Map<string, { id: string; title: string; typeLabel: string }[]>();
  for (const q of bank) {
    if (inQuiz.has(q.id)) continue;
    const key = q.category || "No category";
    if (!bankGroups.has(key)) bankGroups.set(key, []);
    bankGroups.get(key)!.push({ id: q.id, title: q.title, typeLabel: questionTypes[q.type].label });
  }
  const settings: SettingsValues = {
    title: quiz.title,
    description: quiz.description,
    attemptsAllowed: quiz.attemptsAllowed,
    opensAt: local(quiz.opensAt),
    closesAt: local(quiz.closesAt),
    timeLimitMinutes: quiz.timeLimitMinutes,
    shuffleQuestions: quiz.shuffleQuestions,
    shuffleOptions: quiz.shuffleOptions,
    reviewWhen: quiz.reviewWhen,
    reviewScore: quiz.reviewScore,
    reviewCorrectness: quiz.reviewCorrectness,
    reviewAnswers: quiz.reviewAnswers,
    reviewFeedback: quiz.reviewFeedback,
  };
  const notice = Object.keys(notices).find((k) => sp[k]);
  const imported = typeof sp.imported === "string" ? Number(sp.imported) : null;
  const returnTo = encodeURIComponent(here);

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-10">
      <p className="text-sm">
        <Link href="/quizzes">← Quizzes</Link>
      </p>
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-bold">{quiz.title}</h1>
        <p className="flex flex-wrap gap-3">
          <Link className="btn-secondary" href={`/quizzes/${quiz.id}/preview`}>Preview as a student</Link>
          <a className="btn-secondary" href={`/quizzes/${quiz.id}/export.gift`} download>
            Export GIFT
          </a>
        </p>
      </div>
      {notice ? (
        <SuccessNotice>
          {notices[notice]}
        </SuccessNotice>
      ) : null}
      {imported !== null && Number.isFinite(imported) ? (
        <SuccessNotice>
          {imported} imported {imported === 1 ? "question is" : "questions are"} in your bank and at the end of this quiz.
        </SuccessNotice>
      ) : null}

      <div className="mt-8 grid gap-8 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-8">
          <section aria-labelledby="questions-title">
            <h2 id="questions-title" className="text-xl font-bold">
              Questions
            </h2>
            <p className="mt-1 text-sm text-muted" data-testid="quiz-total">
              {quiz.items.length} {quiz.items.length === 1 ? "question" : "questions"} · {points(total)} {total === 1 ? "point" : "points"} in all
            </p>
            {quiz.items.length === 0 ? <p className="mt-3 text-muted">No questions yet. Add the first one below.</p> : null}
            <ol className="mt-4 space-y-3">
              {quiz.items.map((item, index) => {
                const n = index + 1;
                const q = item.question;
                return (
                  <li key={item.id} className="card space-y-3" data-testid={`quiz-item-${n}`}>
                    <div className="flex flex-wrap items-start justify-between gap-4">
                      <div className="min-w-0 flex-1">
                        <p className="text-sm text-muted">
                          Question {n} · <span data-testid={`quiz-item-${n}-type`}>{questionTypes[q.type].label}</span>
                          {q.category ? ` · ${q.category}` : ""}
                        </p>
                        <h3 className="mt-0.5 font-bold" data-testid={`quiz-item-${n}-title`}>
                          {q.title}
                        </h3>
                        <p className="mt-1 text-sm" data-testid={`quiz-item-${n}-prompt`}>
                          {snippet(q.prompt, PROMPT_CHARS)}
                        </p>
                        <KeyAtAGlance lines={keySummaryFor(q.type, q.config)} essay={q.type === "essay"} testId={`quiz-item-${n}-key`} />
                      </div>
                      <ItemPointsForm quizId={quiz.id} itemId={item.id} points={item.points} position={n} />
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      <MoveItemButtons quizId={quiz.id} itemId={item.id} index={index} count={quiz.items.length} />
                      <Link className="rounded-md border border-line bg-white px-3 py-1.5 text-sm font-semibold text-ink no-underline hover:bg-stone-100 hover:text-ink" href={`/questions/${q.id}/edit?returnTo=${returnTo}`}>
                        Edit<span className="sr-only"> question {n}</span>
                      </Link>
                      <DuplicateQuestionButton questionId={q.id} quizId={quiz.id} itemId={item.id} label={`question ${n}`} />
                      <RemoveItemForm quizId={quiz.id} itemId={item.id} title={q.title} position={n} />
                    </div>
                  </li>
                );
              })}
            </ol>
          </section>

          <section aria-labelledby="add-title" className="card">
            <h2 id="add-title" className="text-xl font-bold">
              Add a question
            </h2>
            <Form action={`/quizzes/${quiz.id}/questions/new`} className="mt-3 flex flex-wrap items-end gap-3">
              <div>
                <label htmlFor="new-question-type" className="field-label">
                  Type of the new question
                </label>
                <select id="new-question-type" name="type" className="field-input" data-testid="add-question-type" defaultValue="multiple-choice">
                  {questionTypeIds.map((t) => (
                    <option key={t} value={t}>
                      {questionTypes[t].label}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="btn-primary">
                Write a new question
              </button>
            </Form>
            <h3 className="mt-6 font-bold">Or pick one from your bank</h3>
            <AddFromBankForm quizId={quiz.id} groups={[...bankGroups].map(([category, questions]) => ({ category, questions }))} bankSize={bank.length} />
          </section>
        </div>

        <div className="space-y-8">
          <section aria-labelledby="settings-title" className="card">
            <h2 id="settings-title" className="mb-4 text-xl font-bold">
              Settings
            </h2>
            <QuizSettingsForm quizId={quiz.id} settings={settings} zoneName={zoneLabel(zone)} />
          </section>

          <section aria-labelledby="assign-title" className="card">
            <h2 id="assign-title" className="text-xl font-bold">
              Assign to a class
            </h2>
            <AssignQuizForm quizId={quiz.id} classes={classes.map((c) => ({ id: c.id, name: c.name }))} readingTitle={quiz.reading?.title ?? null} />
            <h3 className="mt-6 font-bold">Assigned to</h3>
            {quiz.assignments.length === 0 ? <p className="mt-2 text-muted">No class yet.</p> : null}
            <ul className="mt-2 space-y-2" data-testid="quiz-assignments">
              {quiz.assignments.map((a) => (
                <li key={a.id}>
                  <Link href={`/classes/${a.classId}`}>{a.className}</Link>
                  <span className="text-muted">
                    {a.dueAt ? ` · due ${formatDateTime(a.dueAt, zone)}` : " · no due date"}
                    {a.opensAfterReading ? " · opens after the reading" : ""}
                  </span>
                  {" · "}
                  <Link href={`/quiz-assignments/${a.id}`}>Open</Link>
                  {" · "}
                  <Link href={`/classes/${a.classId}/gradebook`}>Gradebook</Link>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </main>
  );
}

/** The answer key in a few short lines, so the list can be checked without opening every question. */
function KeyAtAGlance({ lines, essay, testId }: { lines: string[]; essay: boolean; testId: string }) {
  if (lines.length === 0) return null;
  const shown = lines.slice(0, KEY_LINES);
  const more = lines.length - shown.length;
  return (
    <div className="mt-2 rounded-md border border-line bg-stone-50 px-3 py-2 text-sm" data-testid={testId}>
      <p className="font-semibold text-muted">{essay ? "Graded against" : "Key"}</p>
      <ul className="mt-0.5 space-y-0.5">
        {shown.map((line, i) => (
          <li key={i}>{snippet(line, KEY_CHARS)}</li>
        ))}
        {more > 0 ? <li className="text-muted">and {more} more (open the question to see them)</li> : null}
      </ul>
    </div>
  );
}
