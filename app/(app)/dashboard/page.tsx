import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { countMyArchivedClasses, listMyClasses } from "@/lib/data/classes";
import { listMyAssignments } from "@/lib/data/progress";
import { listMyQuizzes } from "@/lib/data/quizzes";
import { guardPage } from "@/lib/http/page-guard";
import { ProgressBar } from "@/components/progress/progress-bar";
import { CreateClassForm } from "@/components/classes/class-forms";
import { formatDateTime, supportedTimeZones, usableTimeZone } from "@/lib/time/zones";
import { MyQuizzes } from "@/components/quiz/my-quizzes";
import { SuccessNotice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const viewer = await guardPage(requireViewer(), "/dashboard");
  const [classes, archivedCount, assignments, quizzes] = await Promise.all([
    listMyClasses(viewer),
    countMyArchivedClasses(viewer),
    listMyAssignments(viewer),
    viewer.role === "instructor" ? listMyQuizzes(viewer) : Promise.resolve([]),
  ]);

  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold">Hello, {viewer.name}</h1>
      {sp.password === "set" ? <SuccessNotice>Your password is set and you are signed in. Next time, sign in with your e-mail and this password.</SuccessNotice> : null}
      {viewer.role === "student" ? (
        <>
          <section aria-labelledby="assignments-title" className="mt-8">
            <h2 id="assignments-title" className="text-xl font-bold">Your assignments</h2>
            {assignments.length === 0 ? (
              <p className="mt-3 text-muted">No assignments yet. Join your class with the code your instructor gave you.</p>
            ) : (
              <ul className="mt-4 grid gap-4 md:grid-cols-2">
                {assignments.map((a) => (
                  <li key={a.assignmentId} className="card">
                    <p className="text-sm text-muted">
                      {a.className}
                      {a.dueAt ? ` · due ${formatDateTime(a.dueAt, usableTimeZone(viewer.timeZone))}` : ""}
                    </p>
                    <h3 className="mt-1 text-lg font-bold">
                      <Link href={`/assignments/${a.assignmentId}`}>{a.readingTitle}</Link>
                    </h3>
                    <div className="mt-3">
                      <ProgressBar summary={a.progress} label={`Progress on ${a.readingTitle}`} />
                    </div>
                    <p className="mt-3">
                      <Link className="btn-primary" href={`/assignments/${a.assignmentId}`}>
                        {a.progress.status === "not-started" ? "Start reading" : a.progress.status === "complete" ? "Read again" : "Continue reading"}
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <MyQuizzes viewer={viewer} />
          <section aria-labelledby="classes-title" className="mt-10">
            <h2 id="classes-title" className="text-xl font-bold">Your classes</h2>
            <ul className="mt-3 space-y-2">
              {classes.map((c) => (
                <li key={c.id}>
                  <Link href={`/classes/${c.id}`}>{c.name}</Link> <span className="text-muted">with {c.instructorName}</span>
                </li>
              ))}
            </ul>
            <p className="mt-4">
              <Link className="btn-secondary" href="/join">Join a class</Link>
            </p>
            {archivedCount > 0 ? (
              <p className="mt-3 text-sm">
                <Link href="/classes/archived">Archived classes ({archivedCount})</Link>
              </p>
            ) : null}
          </section>
        </>
      ) : (
        <>
          <section aria-labelledby="classes-title" className="mt-8">
            <h2 id="classes-title" className="text-xl font-bold">Your classes</h2>
            {classes.length === 0 ? <p className="mt-3 text-muted">You have no classes yet. Create one below.</p> : null}
            <ul className="mt-4 grid gap-4 md:grid-cols-2">
              {classes.map((c) => (
                <li key={c.id} className="card">
                  <h3 className="text-lg font-bold">
                    <Link href={`/classes/${c.id}`}>{c.name}</Link>
                  </h3>
                  <p className="mt-1 text-sm text-muted">
                    {c.studentCount} {c.studentCount === 1 ? "student" : "students"} · {c.assignmentCount}{" "}
                    {c.assignmentCount === 1 ? "assignment" : "assignments"}
                  </p>
                </li>
              ))}
            </ul>
            {archivedCount > 0 ? (
              <p className="mt-3 text-sm">
                <Link href="/classes/archived">Archived classes ({archivedCount})</Link>
              </p>
            ) : null}
          </section>
          <section aria-labelledby="quizzes-title" className="mt-10">
            <h2 id="quizzes-title" className="text-xl font-bold">Your quizzes</h2>
            {quizzes.length === 0 ? <p className="mt-3 text-muted">No quizzes yet.</p> : null}
            <ul className="mt-3 space-y-2">
              {quizzes.map((q) => (
                <li key={q.id}>
                  <Link href={`/quizzes/${q.id}`}>{q.title}</Link>{" "}
                  <span className="text-muted">
                    · {q.questionCount} {q.questionCount === 1 ? "question" : "questions"} · assigned to {q.assignedTo}{" "}
                    {q.assignedTo === 1 ? "class" : "classes"}
                  </span>
                </li>
              ))}
            </ul>
            <p className="mt-4 flex flex-wrap gap-3">
              <Link className="btn-secondary" href="/quizzes">Quizzes</Link>
              <Link className="btn-secondary" href="/questions">Question bank</Link>
              <Link className="btn-secondary" href="/quizzes/import">Import questions (GIFT)</Link>
            </p>
          </section>
          <section aria-labelledby="new-class-title" className="card mt-10 max-w-lg">
            <h2 id="new-class-title" className="text-xl font-bold">Create a class</h2>
            <CreateClassForm zones={supportedTimeZones()} defaultZone={usableTimeZone(viewer.timeZone)} />
          </section>
        </>
      )}
    </main>
  );
}
