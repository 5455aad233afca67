"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MomentEvent, PublicMoment, StudentState } from "@/lib/data/live";
import type { Passage } from "@/lib/data/attempts";
import { QuestionPlayer, type ChangeKind } from "@/components/quiz/players";
import { PlainParagraphs } from "@/components/quiz/plain-paragraphs";
import { fetchState, useLive, type Connection } from "./use-live";

const TYPING_PAUSE_MS = 800;
const RETRY_EVERY_MS = 5000;

interface Pending {
  momentId: string;
  round: number;
  response: unknown;
  version: number;
}

/** Where one answer stands, shown beside it: the student always knows whether it reached the teacher. */
type SendState = { kind: "saved" } | { kind: "sending" } | { kind: "waiting" } | { kind: "refused"; message: string };

const keyOf = (momentId: string, round: number) => `${momentId}:${round}`;

interface Props {
  initial: StudentState;
  passages: Passage[];
  userId: string;
  streamUrl: string;
  /** The event cursor read before `initial`. */
  after: number;
}

/**
 * A student's device during a live session: the current moment at the top, the reading below it
 * (a focus scrolls to and highlights its passage). Answers are sent as they are given; those that
 * cannot reach the server wait in localStorage (per session and student) and are sent when the
 * connection returns, on the next visit, or every few seconds, with their state on screen.
 */
export function StudentLiveView({ initial, passages, userId, streamUrl, after }: Props) {
  const sessionId = initial.session.id;
  const storageKey = `dossier:live:${sessionId}:${userId}`;
  const [status, setStatus] = useState(initial.session.status);
  const [moment, setMoment] = useState<PublicMoment | null>(initial.moment);
  // Answers by moment and round, in view ids: what this device shows, sent or not.
  const [answers, setAnswers] = useState<Record<string, unknown>>(() => (initial.moment ? { [keyOf(initial.moment.id, initial.moment.round)]: initial.myResponse } : {}));
  const [earlier, setEarlier] = useState<unknown>(initial.myEarlierResponse);
  const [sendStates, setSendStates] = useState<Record<string, SendState>>({});
  const pending = useRef(new Map<string, Pending>());
  const version = useRef(0);
  const sending = useRef(false);
  const timers = useRef(new Map<string, number>());

  const persist = useCallback(() => {
    try {
      if (pending.current.size === 0) localStorage.removeItem(storageKey);
      else localStorage.setItem(storageKey, JSON.stringify([...pending.current.values()]));
    } catch {
      // Private mode or full storage: the answers stay in memory and are still sent.
    }
  }, [storageKey]);

  const setSendState = (key: string, state: SendState) => setSendStates((s) => ({ ...s, [key]: state }));

  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      for (const [key, entry] of [...pending.current]) {
        setSendState(key, { kind: "sending" });
        let res: Response;
        try {
          res = await fetch(`/api/live/${encodeURIComponent(sessionId)}/moments/${encodeURIComponent(entry.momentId)}/response`, {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ response: entry.response }),
            credentials: "same-origin",
            cache: "no-store",
          });
        } catch {
          // No answer at all: offline. Everything stays queued.
          for (const k of pending.current.keys()) setSendState(k, { kind: "waiting" });
          break;
        }
        if (res.ok) {
          if (pending.current.get(key)?.version === entry.version) {
            pending.current.delete(key);
            setSendState(key, { kind: "saved" });
          }
          continue;
        }
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        if (res.status >= 500 || res.status === 401) {
          setSendState(key, { kind: "waiting" });
          break;
        }
        // 400, 403, 404, 409: sending it again will not help; say why and drop it from the queue.
        pending.current.delete(key);
        setSendState(key, { kind: "refused", message: body?.error?.message ?? "This answer was not accepted." });
      }
    } finally {
      sending.current = false;
      persist();
    }
  }, [sessionId, persist]);

  // Answers left on this device by an earlier visit (offline, closed tab) go out first.
  useEffect(() => {
    try {
      const raw = localStorage.getItem(storageKey);
      if (raw) {
        const saved = JSON.parse(raw) as Pending[];
        for (const p of saved) {
          const key = keyOf(p.momentId, p.round);
          pending.current.set(key, { ...p, version: ++version.current });
          setAnswers((a) => ({ ...a, [key]: p.response }));
          setSendStates((s) => ({ ...s, [key]: { kind: "waiting" } }));
        }
        void flush();
      }
    } catch {
      // Unreadable storage: nothing to restore.
    }
    const online = () => void flush();
    window.addEventListener("online", online);
    const retry = window.setInterval(() => {
      if (pending.current.size > 0) void flush();
    }, RETRY_EVERY_MS);
    return () => {
      window.removeEventListener("online", online);
      window.clearInterval(retry);
    };
  }, [storageKey, flush]);

  const answer = (m: PublicMoment, response: unknown, kind: ChangeKind = "choice") => {
    const key = keyOf(m.id, m.round);
    setAnswers((a) => ({ ...a, [key]: response }));
    if (response === null) return;
    pending.current.set(key, { momentId: m.id, round: m.round, response, version: ++version.current });
    persist();
    setSendState(key, { kind: "waiting" });
    const old = timers.current.get(key);
    if (old) window.clearTimeout(old);
    if (kind === "typing") timers.current.set(key, window.setTimeout(() => void flush(), TYPING_PAUSE_MS));
    else void flush();
  };

  const applyMoment = useCallback((event: MomentEvent) => {
    setStatus(event.session.status);
    setMoment((old) => {
      if (old?.id !== event.moment?.id) setEarlier(null);
      return event.moment;
    });
  }, []);

  const resync = useCallback(async () => {
    const state = await fetchState<StudentState>(`/api/live/${encodeURIComponent(sessionId)}/state?view=student`);
    setStatus(state.session.status);
    setMoment(state.moment);
    setEarlier(state.myEarlierResponse);
    if (state.moment && state.myResponse !== null) {
      const key = keyOf(state.moment.id, state.moment.round);
      // What this device still has to send is newer than what the server has.
      if (!pending.current.has(key)) setAnswers((a) => ({ ...a, [key]: state.myResponse }));
    }
  }, [sessionId]);

  const connection = useLive({
    streamUrl,
    after,
    onEvent: (type, payload) => {
      if (type === "moment") applyMoment(payload as MomentEvent);
    },
    resync,
  });

  // A focus (or a question about a passage) scrolls the reading to it.
  const focused = moment?.anchor ?? null;
  useEffect(() => {
    if (!focused) return;
    document.getElementById(`live-${focused}`)?.scrollIntoView({ behavior: "smooth", block: "center" });
  }, [focused, moment?.id]);

  if (status === "ended") {
    return (
      <section aria-labelledby="live-ended" className="card mt-6" data-testid="live-ended">
        <h2 id="live-ended" className="text-xl font-bold">This live session has ended</h2>
        <p className="mt-2">Your answers are saved. You can find them under the assignment.</p>
        <p className="mt-3">
          <Link href={`/assignments/${initial.session.assignmentId}`}>Go to the assignment</Link>
        </p>
      </section>
    );
  }

  const key = moment ? keyOf(moment.id, moment.round) : "";
  return (
    <div className="mt-4">
      <ConnectionBadge connection={connection} />
      <section aria-labelledby="live-moment-title" className="card mt-3 md:sticky md:top-0 md:z-10 md:max-h-[60vh] md:overflow-y-auto" data-testid="live-moment" data-moment-id={moment?.id ?? ""} data-kind={moment?.kind ?? "waiting"}>
        <MomentPanel
          moment={moment}
          value={answers[key] ?? null}
          earlier={(moment?.kind === "vote-again" && moment.targetMomentId ? answers[keyOf(moment.targetMomentId, 1)] : null) ?? earlier}
          sendState={sendStates[key]}
          passages={passages}
          onAnswer={answer}
        />
      </section>
      <section aria-labelledby="live-reading-title" className="mt-8">
        <h2 id="live-reading-title" className="text-lg font-bold">{initial.session.readingTitle}</h2>
        <div className="doc-text mt-3 space-y-3">
          {passages.map((p) => (
            <p
              key={p.anchor}
              id={`live-${p.anchor}`}
              className={`scroll-mt-4 rounded px-2 ${p.anchor === focused ? "bg-amber-100 outline-2 outline-amber-700" : ""}`}
              aria-current={p.anchor === focused ? "location" : undefined}
              data-focused={p.anchor === focused ? "true" : undefined}
            >
              <span className="mr-2 font-sans text-sm text-muted">¶ {p.anchor.replace(/^p-/, "")}</span>
              {p.text}
            </p>
          ))}
        </div>
      </section>
    </div>
  );
}

function ConnectionBadge({ connection }: { connection: Connection }) {
  const text =
    connection === "live" ? "Connected" : connection === "polling" ? "Connected (polling)" : connection === "connecting" ? "Connecting…" : "Offline: reconnecting; your answers wait on this device";
  return (
    <p role="status" className={`inline-block rounded px-2 py-1 text-sm font-semibold ${connection === "live" || connection === "polling" ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-950"}`} data-testid="live-connection">
      {text}
    </p>
  );
}

function SendStateLine({ state }: { state: SendState | undefined }) {
  if (!state) return null;
  const text =
    state.kind === "saved"
      ? "Saved: your teacher has your answer."
      : state.kind === "sending"
        ? "Sending…"
        : state.kind === "waiting"
          ? "Waiting to send: kept on this device, sent when the connection returns."
          : `Not sent: ${state.message}`;
  const tone = state.kind === "saved" ? "text-green-900" : state.kind === "refused" ? "text-red-800" : "text-amber-950";
  return (
    <p role="status" aria-live="polite" className={`mt-3 text-sm font-semibold ${tone}`} data-testid="live-send-state" data-state={state.kind}>
      {text}
    </p>
  );
}

function MomentPanel({
  moment,
  value,
  earlier,
  sendState,
  passages,
  onAnswer,
}: {
  moment: PublicMoment | null;
  value: unknown;
  earlier: unknown;
  sendState: SendState | undefined;
  passages: Passage[];
  onAnswer: (m: PublicMoment, response: unknown, kind?: ChangeKind) => void;
}) {
  const [draft, setDraft] = useState("");
  const postValue = (value as { text?: string } | null)?.text ?? "";
  useEffect(() => setDraft(postValue), [moment?.id, postValue]);
  const earlierText = useMemo(() => {
    const options = (moment?.question?.view as { options?: { id: string; text: string }[] } | undefined)?.options;
    const picked = (earlier as { optionId?: string } | null)?.optionId;
    return options && picked ? options.find((o) => o.id === picked)?.text : null;
  }, [moment, earlier]);

  if (!moment) {
    return (
      <>
        <h2 id="live-moment-title" className="text-xl font-bold">You’re in</h2>
        <p className="mt-2">Waiting for your teacher to begin.</p>
      </>
    );
  }
  if (moment.kind === "focus") {
    return (
      <>
        <h2 id="live-moment-title" className="text-xl font-bold">Look at ¶ {moment.anchor?.replace(/^p-/, "")}</h2>
        {moment.prompt ? <div className="mt-2">{<PlainParagraphs text={moment.prompt} />}</div> : null}
        <p className="mt-2 text-muted">The passage is highlighted in the reading below.</p>
      </>
    );
  }
  if (moment.kind === "reveal") {
    return (
      <>
        <h2 id="live-moment-title" className="text-xl font-bold">Results are on the screen</h2>
        {moment.question ? <p className="mt-2">{moment.question.title}</p> : null}
      </>
    );
  }
  const closed = moment.status !== "open";
  if (moment.kind === "discuss") {
    return (
      <>
        <h2 id="live-moment-title" className="text-xl font-bold">Discuss</h2>
        <div className="mt-2" id="live-discuss-prompt">
          <PlainParagraphs text={moment.prompt} />
        </div>
        <form
          className="mt-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim()) onAnswer(moment, { text: draft.trim() });
          }}
        >
          <label htmlFor="live-post" className="field-label">
            Your post (shown on the screen without your name)
          </label>
          <textarea id="live-post" className="field-input min-h-24" maxLength={1000} value={draft} onChange={(e) => setDraft(e.target.value)} disabled={closed} aria-describedby="live-discuss-prompt" />
          <button type="submit" className="btn-primary mt-2" disabled={closed || !draft.trim()}>
            {postValue ? "Update post" : "Send post"}
          </button>
        </form>
        {closed ? <p className="mt-2 font-semibold">The discussion is closed.</p> : null}
        <SendStateLine state={sendState} />
      </>
    );
  }
  const q = moment.question!;
  return (
    <>
      <h2 id="live-moment-title" className="text-xl font-bold">
        {moment.kind === "vote-again" ? "Vote again" : "Question"}: {q.title}
      </h2>
      <div className="mt-2" id="live-question-prompt">
        <PlainParagraphs text={q.prompt} />
      </div>
      {moment.kind === "vote-again" && earlierText ? <p className="mt-2 text-muted">Your first answer: {earlierText}</p> : null}
      <div className="mt-3">
        <QuestionPlayer
          type={q.type}
          questionKey={`live-${moment.id}`}
          view={q.view}
          value={value ?? null}
          onChange={(response: unknown, kind?: ChangeKind) => onAnswer(moment, response, kind)}
          disabled={closed}
          passages={passages}
          describedBy="live-question-prompt"
        />
      </div>
      {closed ? <p className="mt-2 font-semibold">Answers are closed.</p> : null}
      <SendStateLine state={sendState} />
    </>
  );
}
