import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getControlState, getLivePassages, listAskableQuestions, liveEventCursor } from "@/lib/data/live";
import { guardPage } from "@/lib/http/page-guard";
import { ControlView } from "@/components/live/control-view";
import { snippet } from "@/components/quiz/players/parts";

export const metadata: Metadata = { title: "Live session: control" };

/** The instructor's laptop during a live session. */
export default async function LiveControlPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const here = `/live/${sessionId}/control`;
  const viewer = await guardPage(requireViewer(), here);
  const after = await liveEventCursor();
  const state = await guardPage(getControlState(viewer, sessionId), here);
  const [bank, passages] = await Promise.all([listAskableQuestions(viewer), guardPage(getLivePassages(viewer, sessionId), here)]);
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-6">
      <p className="text-sm">
        <Link href={`/classes/${state.session.classId}`}>← {state.session.className}</Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">Live session: {state.session.readingTitle}</h1>
      <ControlView initial={state} bank={bank} anchors={passages.map((p) => ({ anchor: p.anchor, snippet: snippet(p.text, 60) }))} streamUrl={`/api/live/${sessionId}/events?view=control`} after={after} />
    </main>
  );
}
