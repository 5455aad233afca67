import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getGradebook, type GradebookCell } from "@/lib/data/attempts";
import { guardPage } from "@/lib/http/page-guard";
import { RegradeForm } from "@/components/quiz/grade-form";
import { formatDateTime, usableTimeZone } from "@/lib/time/zones";
import { formatPoints as points } from "@/lib/format";

export const metadata: Metadata = { title: "Gradebook" };


/**
 * Students by quizzes, made to be read on a projector: large type, strong contrast, the
 * students' names pinned while the quizzes scroll sideways. No email addresses: the table may be
 * on the classroom wall (the CSV has them).
 */
export default async function GradebookPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const here = `/classes/${classId}/gradebook`;
  const viewer = await guardPage(requireViewer(), here);
  const book = await guardPage(getGradebook(viewer, classId), here);
  const zone = usableTimeZone(viewer.timeZone);

  // What waits for grading, quiz by quiz, so the instructor can work through it from here.
  const toGrade = book.quizzes
    .map((q, i) => ({
      ...q,
      attempts: book.students.flatMap((s) => {
        const cell = s.cells[i];
        return cell?.state === "needs-grading" ? [{ student: s.name, attemptId: cell.gradingAttemptId ?? cell.attemptId }] : [];
      }),
    }))
    .filter((q) => q.attempts.length > 0);
  const toGradeCount = toGrade.reduce((n, q) => n + q.attempts.length, 0);

  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-10">
      <p className="text-sm">
        <Link href={`/classes/${classId}`}>← {book.className}</Link>
      </p>
      <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Gradebook</h1>
          <p className="mt-1 text-lg text-muted">{book.className}</p>
        </div>
        {book.quizzes.length > 0 ? (
          // Plain links: the CSV is a file download, not a page to render. Two number formats,
          // because a spreadsheet in a comma-decimal locale misreads "3.25".
          <div className="flex flex-wrap items-center gap-3">
            <a className="btn-secondary" href={`/classes/${classId}/gradebook/grades.csv`} download data-testid="download-csv" aria-describedby="csv-formats">
              <span aria-hidden="true">⤓</span> CSV, decimal point (2.5)
            </a>
            <a className="btn-secondary" href={`/classes/${classId}/gradebook/grades.csv?format=eu`} download data-testid="download-csv-eu" aria-describedby="csv-formats">
              <span aria-hidden="true">⤓</span> CSV, decimal comma (2,5)
            </a>
            <p id="csv-formats" className="w-full text-sm text-muted sm:w-auto sm:max-w-xs">
              The grades as a spreadsheet. Choose decimal commas (with semicolons between fields) if your spreadsheet is set to German, French, Polish or a
              similar language.
            </p>
          </div>
        ) : null}
      </div>

      {book.quizzes.length === 0 ? (
        <p className="card mt-8 text-lg">
          No quizzes are assigned to this class yet. <Link href="/quizzes">Build or assign a quiz</Link>; its results appear here.
        </p>
      ) : book.students.length === 0 ? (
        <p className="card mt-8 text-lg">No students have joined this class yet. Give them the join code on the class page.</p>
      ) : (
        <>
          {toGradeCount > 0 ? (
            <section aria-labelledby="to-grade-title" className="mt-6 rounded-lg border-2 border-amber-700 bg-amber-50 p-4 text-amber-950">
              <h2 id="to-grade-title" className="text-lg font-bold">
                <span aria-hidden="true">✎ </span>
                {toGradeCount === 1 ? "1 attempt needs grading" : `${toGradeCount} attempts need grading`}
              </h2>
              {toGrade.map((q) => (
                <div key={q.quizAssignmentId} className="mt-2">
                  <h3 className="font-semibold">
                    {q.title}{" "}
                    <Link href={`/quiz-assignments/${q.quizAssignmentId}/grade`} className="ml-2 text-base font-semibold">
                      Grade by question<span className="sr-only">: {q.title}</span>
                    </Link>
                  </h3>
                  <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
                    {q.attempts.map((a) => (
                      <li key={a.attemptId}>
                        <Link href={`/attempts/${a.attemptId}/grade`} className="font-semibold">
                          {a.student}
                          <span className="sr-only">: grade the attempt at {q.title}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ) : null}

          <div className="mt-6 overflow-x-auto rounded-lg border border-stone-400 bg-white" tabIndex={0} role="region" aria-labelledby="gradebook-caption">
            <table className="min-w-full border-separate border-spacing-0 text-lg min-[1600px]:text-xl" data-testid="gradebook-table">
              <caption id="gradebook-caption" className="sticky left-0 px-4 pt-3 pb-2 text-left text-base text-muted">
                Quiz results in {book.className}: each student’s best submitted attempt, as points out of the points available.
                <span className="sr-only"> One row per student, one column per quiz.</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="sticky left-0 z-20 w-px whitespace-nowrap border-b-2 border-r-2 border-stone-400 bg-stone-100 px-4 py-3 text-left align-bottom">
                    Student
                  </th>
                  {book.quizzes.map((q) => (
                    <th key={q.quizAssignmentId} scope="col" className="min-w-[12rem] max-w-[18rem] border-b-2 border-stone-400 bg-stone-100 px-4 py-3 text-left align-bottom font-bold">
                      <span className="block leading-snug">{q.title}</span>
                      <span className="mt-1 block text-sm font-normal text-stone-700">{q.dueAt ? `Due ${formatDateTime(q.dueAt, zone)}` : "No due date"}</span>
                      <Link href={`/quiz-assignments/${q.quizAssignmentId}/analysis`} className="mt-1 block text-sm font-semibold">
                        Question analysis<span className="sr-only">: {q.title}</span>
                      </Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {book.students.map((s) => (
                  <tr key={s.id} className="group">
                    <th scope="row" className="sticky left-0 z-10 whitespace-nowrap border-b border-r-2 border-stone-300 border-r-stone-400 bg-white px-4 py-3 text-left font-semibold group-hover:bg-stone-50">
                      {s.name}
                    </th>
                    {s.cells.map((cell, i) => (
                      <td key={book.quizzes[i]?.quizAssignmentId ?? i} className="border-b border-stone-300 px-4 py-3 align-top group-hover:bg-stone-50">
                        <Cell cell={cell} student={s.name} quiz={book.quizzes[i]?.title ?? ""} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted">
            <div>
              <dt className="inline font-semibold">7 / 10</dt> <dd className="inline">points of the best submitted attempt (open it to see every answer)</dd>
            </div>
            <div>
              <dt className="inline font-semibold">5 pending</dt> <dd className="inline">points of answers still to grade, counted as 0 in the score until then</dd>
            </div>
            <div>
              <dt className="inline font-semibold">Needs grading</dt> <dd className="inline">an answer waits for you; the score counts it as 0 until then</dd>
            </div>
          </dl>

          <section aria-labelledby="quiz-tools-title" className="mt-10">
            <h2 id="quiz-tools-title" className="text-xl font-bold">
              Quizzes in this gradebook
            </h2>
            <ul className="mt-3 grid gap-4 md:grid-cols-2">
              {book.quizzes.map((q) => (
                <li key={q.quizAssignmentId} className="card space-y-3">
                  <div>
                    <h3 className="text-lg font-bold">{q.title}</h3>
                    <p className="text-sm text-muted">{q.dueAt ? `Due ${formatDateTime(q.dueAt, zone)}` : "No due date"}</p>
                  </div>
                  <p className="flex flex-wrap gap-x-4 gap-y-1">
                    <Link href={`/quiz-assignments/${q.quizAssignmentId}/analysis`}>
                      Question analysis<span className="sr-only">: {q.title}</span>
                    </Link>
                    <Link href={`/quiz-assignments/${q.quizAssignmentId}/grade`}>
                      Grade by question<span className="sr-only">: {q.title}</span>
                    </Link>
                    <Link href={`/quiz-assignments/${q.quizAssignmentId}`}>
                      Quiz page<span className="sr-only">: {q.title}</span>
                    </Link>
                  </p>
                  <RegradeForm quizAssignmentId={q.quizAssignmentId} quizTitle={q.title} />
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </main>
  );
}

function Cell({ cell, student, quiz }: { cell: GradebookCell; student: string; quiz: string }) {
  switch (cell.state) {
    case "not-started":
      return <span className="text-stone-600">Not started</span>;
    case "in-progress":
      return (
        <span className="font-medium italic text-stone-800">
          In progress<span aria-hidden="true">…</span>
        </span>
      );
    case "submitted":
    case "needs-grading": {
      const pct = cell.maxScore > 0 ? Math.round((cell.score / cell.maxScore) * 100) : null;
      return (
        <div>
          <Link href={`/attempts/${cell.attemptId}/grade`} className="font-bold tabular-nums text-ink decoration-stone-400 hover:text-accent-ink">
            <span aria-hidden="true">
              {points(cell.score)}
              <span className="font-normal text-stone-600"> / </span>
              {points(cell.maxScore)}
            </span>
            <span className="sr-only">
              {points(cell.score)} of {points(cell.maxScore)} points: open {student}’s attempt
            </span>
          </Link>
          <span className="block text-sm text-stone-700">
            {pct !== null ? `${pct}%` : null}
            {pct !== null ? " · " : null}
            {cell.attempts === 1 ? "1 attempt" : `${cell.attempts} attempts`}
          </span>
          {cell.pendingPoints > 0 ? (
            <span className="block text-sm font-semibold text-amber-950" data-testid="pending-points">
              {points(cell.pendingPoints)} pending<span className="sr-only"> {cell.pendingPoints === 1 ? "point" : "points"} waiting to be graded</span>
            </span>
          ) : null}
          {cell.state === "needs-grading" ? (
            <Link
              href={`/attempts/${cell.gradingAttemptId ?? cell.attemptId}/grade`}
              className="mt-1.5 inline-flex items-center gap-1 rounded border-2 border-amber-800 bg-amber-100 px-2 py-0.5 text-base font-bold text-amber-950 no-underline hover:bg-amber-200 hover:text-amber-950"
              data-testid="needs-grading"
            >
              <span aria-hidden="true">✎</span> Needs grading
              <span className="sr-only">: {student}, {quiz}</span>
            </Link>
          ) : null}
        </div>
      );
    }
  }
}
