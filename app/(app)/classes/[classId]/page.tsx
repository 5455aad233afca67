import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getClass } from "@/lib/data/classes";
import { getClassProgress } from "@/lib/data/progress";
import { listReadings } from "@/lib/data/readings";
import { guardPage } from "@/lib/http/page-guard";
import { formatMinutes } from "@/lib/progress/compute";
import { siteOrigin } from "@/lib/http/site-origin";
import { ArchiveClassForm, AssignReadingForm, ClassTimeZoneForm, RegenerateCodeForm, RenameClassForm } from "@/components/classes/class-forms";
import { CopyButton, CopyField } from "@/components/classes/copy-text";
import { RosterList } from "@/components/classes/roster-list";
import { formatDateTime, formatDay, supportedTimeZones, usableTimeZone, zoneLabel } from "@/lib/time/zones";
import { SuccessNotice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Class" };

export default async function ClassPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { classId } = await params;
  const sp = await searchParams;
  const here = `/classes/${classId}`;
  const viewer = await guardPage(requireViewer(), here);
  const cls = await guardPage(getClass(viewer, classId), here);
  const [progress, readings] = cls.canManage ? await Promise.all([getClassProgress(viewer, classId), listReadings()]) : [null, []];
  const joinLink = cls.canEdit && cls.joinCode ? `${await siteOrigin()}/join/${cls.joinCode}` : null;
  const zone = usableTimeZone(viewer.timeZone);

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-10">
      <p className="text-sm">
        <Link href="/dashboard">← Dashboard</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{cls.name}</h1>
      <p className="mt-1 text-muted">Instructor: {cls.instructorName}</p>
      {sp.joined ? (
        <SuccessNotice>
          You have joined {cls.name}. Your assignments are below and on your dashboard.
        </SuccessNotice>
      ) : null}
      {sp.created ? (
        <SuccessNotice>
          Class created. Give your students the join code below, then assign the reading.
        </SuccessNotice>
      ) : null}

      {cls.archivedAt ? (
        <section aria-labelledby="archived-title" className="mt-6 rounded-md border border-amber-700 bg-amber-50 p-4 text-amber-950" data-testid="archived-banner">
          <h2 id="archived-title" className="font-bold">Archived on {formatDay(cls.archivedAt, zone)}</h2>
          <p className="mt-1">
            This class is read-only: nobody can join it and nothing new can be assigned.
            {cls.canManage ? " Restore it to use it again." : " You can still open its readings and your results."}
          </p>
          {cls.canManage ? <ArchiveClassForm classId={cls.id} archived /> : null}
        </section>
      ) : null}

      {cls.canEdit ? (
        <div className="mt-8 grid gap-6 md:grid-cols-2">
          <section aria-labelledby="code-title" className="card">
            <h2 id="code-title" className="text-xl font-bold">Join code</h2>
            <p className="mt-3 font-mono text-4xl font-bold tracking-[0.2em] break-all" data-testid="join-code">
              {cls.joinCode}
            </p>
            <p className="mt-2">
              <CopyButton value={cls.joinCode ?? ""} label="Copy code" what="the join code" />
            </p>
            <p className="mt-2 text-sm text-muted">
              Students sign up, choose “Join a class” and enter this code, or open the join link.
              {cls.joinCodeExpiresAt ? ` Both work until ${formatDay(cls.joinCodeExpiresAt, zone)}.` : null}
            </p>
            {joinLink ? (
              <div className="mt-3">
                <CopyField value={joinLink} label="Join link" what="the join link" hint="Opens a page where a student confirms joining (signing up or in first if they need to)." />
              </div>
            ) : null}
            <RegenerateCodeForm classId={cls.id} />
          </section>
          <section aria-labelledby="assign-title" className="card">
            <h2 id="assign-title" className="text-xl font-bold">Assign a reading</h2>
            <p className="mt-1 text-sm text-muted" data-testid="class-time-zone">
              Due dates end at midnight, {zoneLabel(cls.timeZone)}.
            </p>
            <AssignReadingForm classId={cls.id} readings={readings} />
            <details className="mt-6">
              <summary className="cursor-pointer text-sm font-semibold">Change the class’s time zone</summary>
              <ClassTimeZoneForm classId={cls.id} zones={supportedTimeZones()} current={cls.timeZone} />
            </details>
          </section>
        </div>
      ) : null}

      <section aria-labelledby="assigned-title" className="mt-10">
        <h2 id="assigned-title" className="text-xl font-bold">Assigned readings</h2>
        {cls.assignments.length === 0 ? <p className="mt-2 text-muted">Nothing assigned yet.</p> : null}
        <ul className="mt-3 space-y-2">
          {cls.assignments.map((a) => (
            <li key={a.id}>
              <Link href={`/assignments/${a.id}`}>{a.readingTitle}</Link>
              <span className="text-muted">{a.dueAt ? ` · due ${formatDateTime(a.dueAt, zone)}` : " · no due date"}</span>
              {cls.canManage ? <span className="text-muted"> · opens as a preview for you</span> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="quizzes-title" className="mt-10">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="quizzes-title" className="text-xl font-bold">Quizzes</h2>
          {cls.canManage ? (
            <p className="flex flex-wrap gap-3 text-sm">
              <Link href={`/classes/${cls.id}/gradebook`}>Gradebook</Link>
              <Link href="/quizzes">Build or assign a quiz</Link>
            </p>
          ) : null}
        </div>
        {cls.quizzes.length === 0 ? <p className="mt-2 text-muted">No quizzes assigned yet.</p> : null}
        <ul className="mt-3 space-y-2">
          {cls.quizzes.map((q) => (
            <li key={q.id}>
              <Link href={`/quiz-assignments/${q.id}`}>{q.title}</Link>
              <span className="text-muted">
                {q.dueAt ? ` · due ${formatDateTime(q.dueAt, zone)}` : " · no due date"}
                {q.opensAfterReading ? " · opens after the reading" : ""}
              </span>
              {cls.canManage ? (
                <>
                  {" · "}
                  <Link href={`/quiz-assignments/${q.id}/analysis`}>Question analysis</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {progress
        ? progress.assignments.map((a) => (
            // The table's scroll container is focusable so a keyboard can scroll it sideways on a phone.
            <section key={a.id} aria-labelledby={`progress-${a.id}`} className="mt-10">
              <h2 id={`progress-${a.id}`} className="text-xl font-bold">
                Progress: {a.readingTitle}
              </h2>
              {a.rows.length === 0 ? (
                <p className="mt-2 text-muted">No students have joined yet.</p>
              ) : (
                <div className="mt-3 overflow-x-auto rounded-lg border border-line bg-white" tabIndex={0} role="region" aria-labelledby={`progress-caption-${a.id}`}>
                  <table className="w-full min-w-[44rem] border-collapse text-sm" data-testid="progress-table">
                    <caption id={`progress-caption-${a.id}`} className="sr-only">Reading progress of each student on {a.readingTitle}</caption>
                    <thead className="bg-stone-100 text-left">
                      <tr>
                        <th scope="col" className="p-3">Student</th>
                        <th scope="col" className="p-3">Read</th>
                        <th scope="col" className="p-3">Parts</th>
                        <th scope="col" className="p-3">Time reading</th>
                        <th scope="col" className="p-3">Stopped at</th>
                        <th scope="col" className="p-3">Last report ({zoneLabel(zone)})</th>
                      </tr>
                    </thead>
                    <tbody>
                      {a.rows.map((r) => (
                        <tr key={r.studentId} className="border-t border-line align-top">
                          <th scope="row" className="p-3 text-left font-semibold">{r.studentName}</th>
                          <td className="p-3">
                            <span className="font-semibold">{r.progress.percent}%</span>{" "}
                            <span className="text-muted">{r.progress.status === "complete" ? "complete" : r.progress.status === "not-started" ? "not started" : ""}</span>
                          </td>
                          <td className="p-3">
                            <ol className="flex gap-1" aria-label={`${r.progress.sectionsRead} of ${r.progress.totalSections} parts read`}>
                              {a.sections.map((s, i) => {
                                const done = r.readSections.includes(s.slug);
                                return (
                                  <li key={s.slug} title={`${i + 1}. ${s.title}: ${done ? "read" : "not read"}`} className={`flex h-6 w-6 items-center justify-center rounded text-xs ${done ? "bg-green-700 text-white" : "bg-stone-200 text-stone-700"}`}>
                                    <span aria-hidden="true">{i + 1}</span>
                                  </li>
                                );
                              })}
                            </ol>
                          </td>
                          <td className="p-3">{formatMinutes(r.progress.minutesSpent)}</td>
                          <td className="p-3">{r.progress.resumeAnchor ? `¶ ${r.progress.resumeAnchor.replace("p-", "")}` : "–"}</td>
                          <td className="p-3 text-muted">{r.lastActiveAt ? formatDateTime(r.lastActiveAt, zone, { zone: false }) : "–"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          ))
        : null}

      {cls.canManage ? (
        <section aria-labelledby="roster-title" className="mt-10">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 id="roster-title" className="text-xl font-bold">Roster ({cls.roster.length})</h2>
            {cls.canEdit ? (
              <p className="text-sm">
                <Link href={`/classes/${cls.id}/roster/import`}>Import a roster (CSV)</Link>
              </p>
            ) : null}
          </div>
          <p className="mt-1 text-sm text-muted">A student who forgot their password gets a one-time password link from you (there is no e-mail from this server).</p>
          <RosterList
            classId={cls.id}
            className={cls.name}
            canEdit={cls.canEdit}
            students={cls.roster.map((s) => ({ id: s.id, name: s.name, email: s.email, joinedLabel: formatDay(s.joinedAt, zone) }))}
          />
        </section>
      ) : null}

      {cls.canManage ? (
        <section aria-labelledby="settings-title" className="card mt-10 max-w-xl">
          <h2 id="settings-title" className="text-xl font-bold">Class settings</h2>
          {cls.canEdit ? (
            <>
              <RenameClassForm classId={cls.id} name={cls.name} />
              <h3 className="mt-6 font-bold">Archive</h3>
              <p className="mt-1 text-sm text-muted">
                At the end of the course: the class becomes read-only (no joins, no new assignments) and moves from your dashboard to “Archived classes”. Students keep their work and can still open it. You can restore it any time.
              </p>
              <ArchiveClassForm classId={cls.id} archived={false} />
            </>
          ) : (
            <p className="mt-2 text-sm text-muted">This class is archived. Restore it (above) to rename it or change its roster.</p>
          )}
        </section>
      ) : null}
    </main>
  );
}
