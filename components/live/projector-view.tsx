"use client";

import { useCallback, useMemo, useState } from "react";
import type { ProjectorState } from "@/lib/data/live";
import { PlainParagraphs } from "@/components/quiz/plain-paragraphs";
import { fetchState, throttled, useLive } from "./use-live";
import { ResultBars } from "./results";

/**
 * What the class sees on the wall, readable at 10 m: black on white, 2.5rem type and up, one thing
 * at a time. Results appear on a reveal (and discussion posts as they come); before that only
 * the count of answers, so the room is not swayed by the first votes.
 */
export function ProjectorView({ initial, qrSvg, joinUrl, streamUrl, after }: { initial: ProjectorState; qrSvg: string; joinUrl: string; streamUrl: string; after: number }) {
  const sessionId = initial.session.id;
  const [state, setState] = useState(initial);
  const resync = useCallback(async () => setState(await fetchState<ProjectorState>(`/api/live/${encodeURIComponent(sessionId)}/state?view=projector`)), [sessionId]);
  const refresh = useMemo(() => throttled(() => void resync().catch(() => {}), 400), [resync]);
  useLive({ streamUrl, after, onEvent: refresh, resync });
  const m = state.moment;
  const r = state.results;
  const showResults = r && (m?.kind === "reveal" || m?.kind === "discuss");
  return (
    <main id="main" className="min-h-screen bg-white px-12 py-8 text-black" data-testid="projector" data-projector data-moment-id={m?.id ?? ""}>
      <header className="flex items-start justify-between gap-8 border-b-4 border-black pb-4">
        <div>
          <h1 className="text-4xl font-bold">{state.session.readingTitle}</h1>
          <p className="mt-1 text-3xl">
            Join: <span className="font-mono font-bold tracking-widest" data-testid="projector-code">{state.session.code}</span>
          </p>
          <p className="text-2xl">{joinUrl.replace(/^https?:\/\//, "")}</p>
        </div>
        <div className="w-40 shrink-0" role="img" aria-label={`QR code to join: ${joinUrl}`} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      </header>
      {state.session.status === "ended" ? (
        <p className="mt-16 text-6xl font-bold">The session has ended. Thank you!</p>
      ) : !m ? (
        <p className="mt-16 text-6xl font-bold">Join now: we start in a moment.</p>
      ) : (
        <section className="mt-8" aria-live="polite">
          {m.kind === "focus" && m.paragraph ? (
            <>
              <p className="text-3xl font-bold">
                ¶ {m.paragraph.anchor.replace(/^p-/, "")} · {m.paragraph.sectionTitle}
              </p>
              <blockquote className="mt-4 border-l-8 border-black pl-8 font-serif text-5xl leading-tight" data-testid="projector-passage">
                {m.paragraph.text}
              </blockquote>
              {m.prompt ? <p className="mt-6 text-4xl font-bold">{m.prompt}</p> : null}
              {m.paragraph.notes.map((n) => (
                <aside key={n.title} className="mt-6 border-4 border-black p-4 text-3xl">
                  <strong>{n.title}</strong>: {n.summary}
                </aside>
              ))}
            </>
          ) : null}
          {m.question && m.kind !== "focus" ? (
            <>
              <p className="text-3xl font-bold">{m.kind === "vote-again" ? "Vote again" : m.kind === "reveal" ? "Results" : "Question"}</p>
              <div className="mt-2 space-y-2 text-5xl font-bold leading-tight">
                <PlainParagraphs text={m.question.prompt} />
              </div>
              {m.kind !== "reveal" && Array.isArray((m.question.view as { options?: unknown }).options) ? (
                <ol className="mt-6 list-[upper-alpha] space-y-2 pl-16 text-4xl">
                  {(m.question.view as { options: { id: string; text: string }[] }).options.map((o) => (
                    <li key={o.id}>{o.text}</li>
                  ))}
                </ol>
              ) : null}
            </>
          ) : null}
          {m.kind === "discuss" ? (
            <div className="text-5xl font-bold leading-tight">
              <PlainParagraphs text={m.prompt} />
            </div>
          ) : null}
          {m.kind === "ask" || m.kind === "vote-again" || m.kind === "discuss" ? (
            <p className="mt-8 text-4xl" data-testid="projector-count">
              <strong>{r?.answered ?? 0}</strong> of {state.enrolled} {m.kind === "discuss" ? "posted" : "answered"}
              {m.status === "closed" ? " · answers closed" : ""}
            </p>
          ) : null}
          {showResults ? <ResultBars results={r} size="large" anchors={state.anchors} /> : null}
        </section>
      )}
    </main>
  );
}
