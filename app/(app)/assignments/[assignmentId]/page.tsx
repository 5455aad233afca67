import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { openAssignment } from "@/lib/data/progress";
import { getReading } from "@/lib/data/readings";
import { guardPage } from "@/lib/http/page-guard";
import { sectionThresholds } from "@/lib/progress/dwell";
import { READ_DWELL_SCALE } from "@/lib/progress/dwell-config";
import { ReadingView } from "@/components/reading/reading-view";
import { ProgressTracker, SectionDoneButton, SectionTick } from "@/components/progress/progress-tracker";
import { DiscussionLayer } from "@/components/discussion/discussion-layer";
import { formatDateTime, usableTimeZone } from "@/lib/time/zones";
import { listMyLiveAnswers, listRunningSessionsForStudent } from "@/lib/data/live";

export const metadata: Metadata = { title: "Assigned reading" };

export default async function AssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const here = `/assignments/${assignmentId}`;
  const viewer = await guardPage(requireViewer(), here);
  const assignment = await guardPage(openAssignment(viewer, assignmentId), here);
  const reading = await guardPage(getReading(assignment.readingSlug), here);
  const read = new Set(assignment.readSections);
  const [liveNow, liveAnswers] = await Promise.all([listRunningSessionsForStudent(viewer, assignmentId), listMyLiveAnswers(viewer, assignmentId)]);
  const zone = usableTimeZone(viewer.timeZone);
  // The same thresholds the server applies (lib/data/progress), from the same text.
  const thresholds = Object.fromEntries(
    sectionThresholds(reading.paragraphs.map((p) => ({ section: p.sectionSlug, kind: p.kind, text: p.text })), READ_DWELL_SCALE),
  );

  const banner = (
    <div className="no-print mb-4 text-sm">
      <Link href={`/classes/${assignment.classId}`}>← {assignment.className}</Link>
      <DiscussionLayer assignmentId={assignment.id} />
      {assignment.dueAt ? <span className="ml-3 text-muted">Due {formatDateTime(assignment.dueAt, zone)}</span> : null}
      {liveNow.map((l) => (
        <p key={l.id} className="mt-2">
          <Link href={`/live/${l.id}`} className="btn-primary" data-testid="join-live">
            Join the live session
          </Link>
        </p>
      ))}
      {liveAnswers.length > 0 ? (
        <details className="mt-2 rounded-md border border-line bg-white p-3" data-testid="my-live-answers">
          <summary className="cursor-pointer font-semibold">Your answers in live sessions</summary>
          {liveAnswers.map((s) => (
            <div key={s.sessionId} className="mt-2">
              <p className="text-muted">{formatDateTime(s.startedAt, zone)}</p>
              <ul className="ml-4 list-disc">
                {s.answers.map((a) => (
                  <li key={`${a.position}`}>
                    {a.title}
                    {a.round > 1 ? " (vote again)" : ""}: <strong>{a.answer}</strong>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      ) : null}
      {assignment.mode === "preview" ? (
        <p className="mt-2 rounded-md border border-line bg-white p-3">You are previewing this assignment as its instructor: no progress is recorded.</p>
      ) : null}
    </div>
  );

  if (assignment.mode === "preview") return <ReadingView reading={reading} banner={banner} />;

  return (
    <ProgressTracker
      assignmentId={assignment.id}
      initialSummary={assignment.progress}
      initialReadSections={assignment.readSections}
      thresholds={thresholds}
      initialDwellSeconds={assignment.dwellSeconds}
    >
      <ReadingView
        reading={reading}
        banner={banner}
        tocMark={(slug) => <SectionTick slug={slug} />}
        sectionEnd={(section) => <SectionDoneButton assignmentId={assignment.id} slug={section.slug} title={section.title} initiallyRead={read.has(section.slug)} />}
      />
    </ProgressTracker>
  );
}
