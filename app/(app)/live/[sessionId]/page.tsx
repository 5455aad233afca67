import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { getLivePassages, getLiveSession, getStudentState, liveEventCursor } from "@/lib/data/live";
import { guardPage } from "@/lib/http/page-guard";
import { StudentLiveView } from "@/components/live/student-view";

export const metadata: Metadata = { title: "Live session" };

/** A student's device in a live session; the instructor is sent to the control view. */
export default async function LiveSessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const here = `/live/${sessionId}`;
  const viewer = await guardPage(requireViewer(), here);
  const session = await guardPage(getLiveSession(viewer, sessionId), here);
  if (session.role === "instructor") redirect(`/live/${sessionId}/control`);
  if (session.status === "ended") {
    return (
      <main id="main" className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">This live session has ended</h1>
        <p className="mt-3">
          The live session on <em>{session.readingTitle}</em> for {session.className} is over. Your answers are saved; you can read them, and the reading, under the assignment.
        </p>
        <p className="mt-4">
          <Link href={`/assignments/${session.assignmentId}`} className="btn-primary">
            Go to the assignment
          </Link>
        </p>
      </main>
    );
  }
  // The cursor first: an event committed while the state is read is then replayed, not missed.
  const after = await liveEventCursor();
  const [state, passages] = await Promise.all([guardPage(getStudentState(viewer, sessionId), here), guardPage(getLivePassages(viewer, sessionId), here)]);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-6">
      <p className="text-sm">
        <Link href="/dashboard">← Dashboard</Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">Live: {session.readingTitle}</h1>
      <p className="text-muted">{session.className}</p>
      <StudentLiveView initial={state} passages={passages} userId={viewer.id} streamUrl={`/api/live/${sessionId}/events?view=student`} after={after} />
    </main>
  );
}
