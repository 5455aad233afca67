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

export const metadata: Metadata = { title: "Assigned reading" };

export default async function AssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const here = `/assignments/${assignmentId}`;
  const viewer = await guardPage(requireViewer(), here);
  const assignment = await guardPage(openAssignment(viewer, assignmentId), here);
  const reading = await guardPage(getReading(assignment.readingSlug), here);
  const read = new Set(assignment.readSections);
  // The same thresholds the server applies (lib/data/progress), from the same text.
  const thresholds = Object.fromEntries(
    sectionThresholds(reading.paragraphs.map((p) => ({ section: p.sectionSlug, kind: p.kind, text: p.text })), READ_DWELL_SCALE),
  );

  const banner = (
    <div className="no-print mb-4 text-sm">
      <Link href={`/classes/${assignment.classId}`}>← {assignment.className}</Link>
      <DiscussionLayer assignmentId={assignment.id} />
      {assignment.dueAt ? <span className="ml-3 text-muted">Due {formatDateTime(assignment.dueAt, usableTimeZone(viewer.timeZone))}</span> : null}
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
