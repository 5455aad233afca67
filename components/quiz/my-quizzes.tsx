import Link from "next/link";
import type { Viewer } from "@/lib/authz/policy";
import { listMyQuizAssignments } from "@/lib/data/attempts";
import { formatDateTime, usableTimeZone } from "@/lib/time/zones";
import { formatPoints as points } from "@/components/quiz/answer-state";
import { pendingLabel } from "@/lib/quiz/score";


/** The student's quizzes, for the dashboard: where they stand on each and the next step. */
export async function MyQuizzes({ viewer }: { viewer: Viewer }) {
  const quizzes = await listMyQuizAssignments(viewer);
  return (
    <section aria-labelledby="my-quizzes-title" className="mt-10" data-testid="my-quizzes">
      <h2 id="my-quizzes-title" className="text-xl font-bold">
        Your quizzes
      </h2>
      {quizzes.length === 0 ? (
        <p className="mt-3 text-muted">No quizzes yet. When your instructor assigns one, it appears here.</p>
      ) : (
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {quizzes.map((q) => {
            const usedUp = q.attemptsAllowed > 0 && q.attemptsUsed >= q.attemptsAllowed;
            const page = `/quiz-assignments/${q.quizAssignmentId}`;
            const action = q.inProgressAttemptId
              ? { href: `/attempts/${q.inProgressAttemptId}`, label: "Resume quiz", primary: true }
              : q.waitsForReading
                ? { href: page, label: "Opens after the reading", primary: false }
                : q.attemptsUsed === 0
                ? { href: page, label: "Start quiz", primary: true }
                : usedUp
                  ? { href: page, label: "See your results", primary: false }
                  : { href: page, label: "Results and another attempt", primary: false };
            return (
              <li key={q.quizAssignmentId} className="card" data-testid={`my-quiz-${q.quizAssignmentId}`}>
                <p className="text-sm text-muted">
                  {q.className}
                  {q.dueAt ? ` · due ${formatDateTime(q.dueAt, usableTimeZone(viewer.timeZone))}` : ""}
                </p>
                <h3 className="mt-1 text-lg font-bold">
                  <Link href={page}>{q.title}</Link>
                </h3>
                <p className="mt-2 text-sm">
                  {q.attemptsAllowed > 0 ? `${q.attemptsUsed} of ${q.attemptsAllowed} attempts used` : `${q.attemptsUsed} ${q.attemptsUsed === 1 ? "attempt" : "attempts"} (no limit)`}
                  {q.inProgressAttemptId ? " · one in progress" : ""}
                  {q.bestScore !== null && q.maxScore !== null ? ` · best score ${points(q.bestScore)} of ${points(q.maxScore)}` : ""}
                  {q.bestScore !== null && pendingLabel(q.pendingPoints) ? ` (${pendingLabel(q.pendingPoints)})` : ""}
                </p>
                {q.waitsForReading ? <p className="mt-1 text-sm">Read every part of the reading first; then the quiz opens.</p> : null}
                <p className="mt-3">
                  <Link className={action.primary ? "btn-primary" : "btn-secondary"} href={action.href}>
                    {action.label}
                    <span className="sr-only">: {q.title}</span>
                  </Link>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
