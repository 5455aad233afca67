import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getQuizAssignmentForStudent } from "@/lib/data/attempts";
import { quizStartBlock, quizStartRefusal } from "@/lib/authz/policy";
import { guardPage } from "@/lib/http/page-guard";
import { startAttemptAction } from "@/lib/actions/attempts";
import { formatDateTime as formatInZone, usableTimeZone } from "@/lib/time/zones";
import { formatPoints as points } from "@/components/quiz/answer-state";
import { PlainParagraphs } from "@/components/quiz/plain-paragraphs";
import { pendingLabel } from "@/lib/quiz/score";
import { plural } from "@/lib/format";

export const metadata: Metadata = { title: "Quiz" };


export default async function QuizAssignmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ quizAssignmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { quizAssignmentId } = await params;
  const sp = await searchParams;
  const here = `/quiz-assignments/${quizAssignmentId}`;
  const viewer = await guardPage(requireViewer(), here);
  const qa = await guardPage(getQuizAssignmentForStudent(viewer, quizAssignmentId), here);
  const zone = usableTimeZone(viewer.timeZone);
  const formatDateTime = (d: Date) => formatInZone(d, zone);
  const now = new Date();

  const used = qa.attempts.length;
  const inProgress = qa.attempts.find((a) => a.status === "in-progress") ?? null;
  // The same rule startAttempt applies (lib/authz/policy.ts), so the button never promises what the server refuses.
  const block = qa.isInstructor
    ? null
    : quizStartBlock({ ...qa, attemptsUsed: used, hasAttemptInProgress: inProgress !== null }, now);
  const blocked = block ? quizStartRefusal(block, qa, formatDateTime).message : null;

  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm">
        <Link href={`/classes/${qa.classId}`}>← {qa.className}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{qa.title}</h1>
      {qa.description.trim() ? (
        <div className="mt-3 max-w-prose space-y-2 text-lg" data-testid="quiz-description">
          <PlainParagraphs text={qa.description} />
        </div>
      ) : null}

      <dl className="card mt-6 grid gap-x-6 gap-y-3 sm:grid-cols-2">
        <Fact label="Class">{qa.className}</Fact>
        <Fact label="Due">{qa.dueAt ? formatDateTime(qa.dueAt) : "No due date"}</Fact>
        <Fact label="Questions">{qa.questionCount}</Fact>
        <Fact label="Points">{points(qa.maxScore)}</Fact>
        <Fact label="Time limit">{qa.timeLimitMinutes ? `${plural(qa.timeLimitMinutes, "minute", "minutes")}, from when you start` : "None"}</Fact>
        <Fact label="Attempts">
          {qa.isInstructor
            ? qa.attemptsAllowed > 0
              ? `${qa.attemptsAllowed} allowed`
              : "Unlimited"
            : qa.attemptsAllowed > 0
              ? `${used} of ${qa.attemptsAllowed} used`
              : `${used} used (no limit)`}
        </Fact>
        <Fact label="Opens">
          {qa.opensAfterReading
            ? `${qa.opensAt ? `${formatDateTime(qa.opensAt)}, and ` : ""}after the reading (every part read)`.replace(/^./, (c) => c.toUpperCase())
            : qa.opensAt
              ? formatDateTime(qa.opensAt)
              : "Open now"}
        </Fact>
        {qa.reading ? (
          <Fact label="Reading">
            {qa.reading.assignmentId && !qa.isInstructor ? <Link href={`/assignments/${qa.reading.assignmentId}`}>{qa.reading.title}</Link> : <Link href={`/readings/${qa.reading.slug}`}>{qa.reading.title}</Link>}
          </Fact>
        ) : null}
        <Fact label="Closes">{qa.closesAt ? formatDateTime(qa.closesAt) : "Stays open"}</Fact>
      </dl>

      {qa.isInstructor ? (
        <section aria-labelledby="instructor-title" className="mt-8">
          <h2 id="instructor-title" className="text-xl font-bold">
            You teach this class
          </h2>
          <p className="mt-2 text-muted">Your students start the quiz from this page. You can try it yourself in the preview, where nothing is saved.</p>
          <p className="mt-4 flex flex-wrap gap-3">
            <Link className="btn-primary" href={`/quizzes/${qa.quizId}/preview`}>
              Preview the quiz
            </Link>
            <Link className="btn-secondary" href={`/classes/${qa.classId}/gradebook`}>
              Gradebook
            </Link>
          </p>
        </section>
      ) : (
        <section aria-labelledby="start-title" className="mt-8">
          <h2 id="start-title" className="sr-only">
            Take the quiz
          </h2>
          {sp.start === "failed" && !blocked ? (
            <p role="alert" className="mb-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
              The quiz couldn’t be started just now. Please try again.
            </p>
          ) : null}
          {blocked ? (
            <p role={sp.start === "failed" ? "alert" : undefined} className="rounded-md border border-line bg-white p-4 text-lg" data-testid="start-blocked">
              {blocked}
              {qa.waitsForReading && qa.reading?.assignmentId ? (
                <>
                  {" "}
                  <Link href={`/assignments/${qa.reading.assignmentId}`}>Go to the reading</Link>
                </>
              ) : null}
            </p>
          ) : (
            <form action={startAttemptAction}>
              <input type="hidden" name="quizAssignmentId" value={qa.id} />
              {inProgress ? (
                <p className="mb-3 text-muted">You have started attempt {inProgress.number}; your answers so far are saved.</p>
              ) : qa.timeLimitMinutes ? (
                <p className="mb-3 text-muted">The clock starts when you press Start and doesn’t stop if you leave the page.</p>
              ) : null}
              <button type="submit" className="btn-primary" data-testid="start-quiz">
                {inProgress ? `Resume attempt ${inProgress.number}` : used === 0 ? "Start the quiz" : `Start attempt ${used + 1}`}
              </button>
            </form>
          )}
        </section>
      )}

      {qa.attempts.length > 0 ? (
        <section aria-labelledby="attempts-title" className="mt-10">
          <h2 id="attempts-title" className="text-xl font-bold">
            Your attempts
          </h2>
          <ul className="mt-3 space-y-3">
            {qa.attempts.map((a) => {
              return (
                <li key={a.id} className="card flex flex-wrap items-center justify-between gap-3" data-testid={`attempt-${a.number}`}>
                  <div>
                    <p className="font-semibold">Attempt {a.number}</p>
                    <p className="text-sm text-muted">
                      {a.status === "in-progress"
                        ? "In progress"
                        : `Submitted${a.submittedAt ? ` ${formatDateTime(a.submittedAt)}` : ""}`}
                      {a.score !== null ? ` · ${points(a.score)} of ${points(a.maxScore)} points` : ""}
                      {a.score !== null && a.needsGrading ? ` so far (${pendingLabel(a.pendingPoints) ?? "an answer is waiting to be graded"})` : ""}
                    </p>
                  </div>
                  {a.status === "in-progress" ? (
                    <Link className="btn-secondary" href={`/attempts/${a.id}`}>
                      Continue
                    </Link>
                  ) : (
                    <Link className="btn-secondary" href={`/attempts/${a.id}/review`}>
                      {a.reviewOpen ? "See the review" : "Your submission"}
                      <span className="sr-only"> of attempt {a.number}</span>
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm font-semibold text-muted">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
