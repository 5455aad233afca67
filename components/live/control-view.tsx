"use client";

import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import type { ControlState, MomentResults, PlanMoment } from "@/lib/data/live";
import type { MomentKind } from "@/lib/live/machine";
import { fetchState, throttled, useLive } from "./use-live";
import { ResultBars } from "./results";

const kindLabel: Record<MomentKind, string> = { focus: "Focus", ask: "Ask", reveal: "Reveal", "vote-again": "Vote again", discuss: "Discuss" };

interface Props {
  initial: ControlState;
  bank: { id: string; title: string; type: string }[];
  anchors: { anchor: string; snippet: string }[];
  streamUrl: string;
  /** The event cursor read before `initial`. */
  after: number;
}

/** The instructor's laptop: the plan, the current moment with its answers coming in, and every control. */
export function ControlView({ initial, bank, anchors, streamUrl, after }: Props) {
  const sessionId = initial.session.id;
  const [state, setState] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const resync = useCallback(async () => setState(await fetchState<ControlState>(`/api/live/${encodeURIComponent(sessionId)}/state?view=control`)), [sessionId]);
  const refresh = useMemo(() => throttled(() => void resync().catch(() => {}), 400), [resync]);
  const connection = useLive({ streamUrl, after, onEvent: refresh, resync });

  const send = async (command: unknown): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/live/${encodeURIComponent(sessionId)}/control`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(command),
        credentials: "same-origin",
        cache: "no-store",
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? "That didn’t work. Try again.");
        return false;
      }
      await resync().catch(() => {});
      return true;
    } catch {
      setError("No connection to the server. Check the network and try again.");
      return false;
    } finally {
      setBusy(false);
    }
  };

  const ended = state.session.status === "ended";
  const current = state.plan.find((m) => m.id === state.current?.id) ?? null;

  return (
    <div className="mt-4 grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div>
        {error ? (
          <p role="alert" className="mb-4 rounded-md border border-red-800 bg-red-50 p-3 text-red-900" data-testid="live-control-error">
            {error}
          </p>
        ) : null}
        <section aria-labelledby="current-title" className="card" data-testid="live-current">
          <h2 id="current-title" className="text-xl font-bold">
            {current ? `Now: ${kindLabel[current.kind]} · ${current.title}` : ended ? "The session has ended" : "Nothing on screen yet"}
          </h2>
          {current ? <CurrentMoment moment={current} state={state} busy={busy || ended} send={send} /> : <p className="mt-2 text-muted">Add a moment below, or go to one in the plan.</p>}
        </section>

        {!ended ? <AddMoment plan={state.plan} bank={bank} anchors={anchors} busy={busy} send={send} /> : null}
      </div>

      <aside aria-labelledby="plan-title">
        <p className="text-sm text-muted" role="status" data-testid="live-connection">
          {connection === "live" ? "Connected" : connection === "polling" ? "Connected (polling)" : connection === "connecting" ? "Connecting…" : "Reconnecting…"}
        </p>
        <p className="mt-1">
          Code <strong className="font-mono text-lg tracking-widest" data-testid="live-code">{state.session.code}</strong> · {state.enrolled} students in the class
        </p>
        <p className="mt-2 flex flex-wrap gap-2">
          <Link href={`/live/${sessionId}/projector`} target="_blank" className="btn-secondary">
            Open the projector view
          </Link>
          <Link href={`/live/${sessionId}/responses`} className="btn-secondary">
            Responses
          </Link>
        </p>
        <h2 id="plan-title" className="mt-6 text-xl font-bold">Plan</h2>
        {state.plan.length === 0 ? <p className="mt-2 text-muted">No moments yet.</p> : null}
        <ol className="mt-2 space-y-2" data-testid="live-plan">
          {state.plan.map((m) => (
            <li key={m.id} className={`rounded-md border p-2 ${m.id === current?.id ? "border-accent bg-blue-50" : "border-line bg-white"}`} aria-current={m.id === current?.id ? "step" : undefined}>
              <p className="text-sm">
                <span className="font-semibold">
                  {m.position}. {kindLabel[m.kind]}
                </span>{" "}
                <span className="text-muted">
                  · {m.status === "planned" ? "not yet" : m.status === "open" ? "open" : "done"}
                  {m.kind === "ask" || m.kind === "vote-again" || m.kind === "discuss" ? ` · ${m.answered} answered` : ""}
                </span>
              </p>
              <p className="truncate">{m.title}</p>
              {!ended && m.id !== current?.id ? (
                <button type="button" className="btn-secondary mt-1 !min-h-9 !py-1" disabled={busy} onClick={() => void send({ action: "go", momentId: m.id })} aria-label={`Go to ${m.position}. ${kindLabel[m.kind]}: ${m.title}`}>
                  Go
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        {!ended ? (
          <button
            type="button"
            className="btn mt-6 bg-red-800 text-white hover:bg-red-900"
            disabled={busy}
            onClick={() => {
              if (window.confirm("End the live session for everyone? Answers are kept.")) void send({ action: "end" });
            }}
          >
            End session
          </button>
        ) : null}
      </aside>
    </div>
  );
}

function CurrentMoment({ moment, state, busy, send }: { moment: PlanMoment; state: ControlState; busy: boolean; send: (c: unknown) => Promise<boolean> }) {
  const results: MomentResults | null = state.results;
  const takes = moment.kind === "ask" || moment.kind === "vote-again" || moment.kind === "discuss";
  const shownId = results?.shown?.id ?? null;
  return (
    <div className="mt-2">
      {takes ? (
        <p className="text-2xl font-bold" aria-live="polite" data-testid="live-answer-count">
          {results?.answered ?? 0} of {state.enrolled} answered
        </p>
      ) : null}
      {takes && moment.status === "open" ? (
        <button type="button" className="btn-secondary mt-2" disabled={busy} onClick={() => void send({ action: "close", momentId: moment.id })}>
          Close answers
        </button>
      ) : null}
      {takes && moment.status === "closed" ? <p className="mt-1 text-muted">Answers are closed.</p> : null}
      {results && (results.bars.length > 0 || results.posts.length > 0) ? (
        <div className="mt-4">
          <h3 className="font-semibold">Results (the projector shows them on a reveal)</h3>
          <ResultBars results={results} size="small" />
        </div>
      ) : null}
      {state.answers.length > 0 ? (
        <details className="mt-4">
          <summary className="cursor-pointer font-semibold">{moment.kind === "discuss" ? "Posts: pin one to the screen" : "Answers: show one on the screen, without a name"}</summary>
          <ul className="mt-2 space-y-1">
            {state.answers.map((a, i) => (
              <li key={a.id} className="flex items-start justify-between gap-2 rounded border border-line p-2">
                <span>{a.text}</span>
                <button
                  type="button"
                  className="btn-secondary !min-h-9 shrink-0 !py-1"
                  disabled={busy}
                  aria-pressed={shownId === a.id}
                  aria-label={`${shownId === a.id ? "Hide" : "Show"} answer ${i + 1} on the screen`}
                  onClick={() => void send({ action: "show", momentId: moment.id, responseId: shownId === a.id ? null : a.id })}
                >
                  {shownId === a.id ? "Hide" : moment.kind === "discuss" ? "Pin" : "Show"}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

type QuickType = "multiple-choice" | "true-false" | "short-answer";

function AddMoment({ plan, bank, anchors, busy, send }: { plan: PlanMoment[]; bank: Props["bank"]; anchors: Props["anchors"]; busy: boolean; send: (c: unknown) => Promise<boolean> }) {
  const [kind, setKind] = useState<MomentKind>("focus");
  const [anchor, setAnchor] = useState(anchors[0]?.anchor ?? "");
  const [note, setNote] = useState("");
  const [source, setSource] = useState<"bank" | "new">(bank.length ? "bank" : "new");
  const [questionId, setQuestionId] = useState(bank[0]?.id ?? "");
  const [quickType, setQuickType] = useState<QuickType>("multiple-choice");
  const [title, setTitle] = useState("");
  const [prompt, setPrompt] = useState("");
  const [options, setOptions] = useState("");
  const [correct, setCorrect] = useState("1");
  const [tfAnswer, setTfAnswer] = useState("true");
  const [accepted, setAccepted] = useState("");
  const questions = plan.filter((m) => m.kind === "ask" || m.kind === "vote-again");
  const targets = kind === "vote-again" ? questions.filter((m) => m.kind === "ask") : questions;
  const [target, setTarget] = useState("");
  const [go, setGo] = useState(true);

  const quickQuestion = () => {
    const base = { title: title.trim() || prompt.trim().slice(0, 80), prompt: prompt.trim() };
    if (quickType === "true-false") return { ...base, type: "true-false", config: { answer: tfAnswer === "true" } };
    if (quickType === "short-answer") return { ...base, type: "short-answer", config: { answers: [{ text: accepted.trim() || "—", credit: 1 }] } };
    const lines = options.split("\n").map((l) => l.trim()).filter(Boolean);
    const right = Number(correct) - 1;
    return { ...base, type: "multiple-choice", config: { options: lines.map((text, i) => ({ id: `o${i + 1}`, text, credit: i === right ? 1 : 0 })) } };
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    let moment: unknown;
    if (kind === "focus") moment = { kind, anchor, prompt: note };
    else if (kind === "discuss") moment = { kind, prompt };
    else if (kind === "ask") moment = source === "bank" ? { kind, questionId } : { kind, question: quickQuestion() };
    else moment = { kind, targetMomentId: target || targets.at(-1)?.id || "" };
    if (await send({ action: "add", moment, go })) {
      setNote("");
      setPrompt("");
      setTitle("");
      setOptions("");
      setAccepted("");
    }
  };

  return (
    <section aria-labelledby="add-title" className="card mt-6">
      <h2 id="add-title" className="text-xl font-bold">Add a moment</h2>
      <form className="mt-3 space-y-3" onSubmit={(e) => void submit(e)}>
        <div>
          <label htmlFor="moment-kind" className="field-label">
            Kind
          </label>
          <select id="moment-kind" className="field-input" value={kind} onChange={(e) => setKind(e.target.value as MomentKind)}>
            <option value="focus">Focus a passage</option>
            <option value="ask">Ask a question</option>
            <option value="reveal">Reveal results</option>
            <option value="vote-again">Vote again</option>
            <option value="discuss">Discuss</option>
          </select>
        </div>
        {kind === "focus" ? (
          <>
            <div>
              <label htmlFor="moment-anchor" className="field-label">
                Passage
              </label>
              <select id="moment-anchor" className="field-input" value={anchor} onChange={(e) => setAnchor(e.target.value)}>
                {anchors.map((a) => (
                  <option key={a.anchor} value={a.anchor}>
                    ¶ {a.anchor.replace(/^p-/, "")}: {a.snippet}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="moment-note" className="field-label">
                What to look for (optional)
              </label>
              <input id="moment-note" className="field-input" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
            </div>
          </>
        ) : null}
        {kind === "ask" ? (
          <>
            <fieldset>
              <legend className="field-label">Question</legend>
              <label className="mr-4 inline-flex items-center gap-2">
                <input type="radio" name="question-source" checked={source === "bank"} onChange={() => setSource("bank")} disabled={bank.length === 0} /> From my bank
              </label>
              <label className="inline-flex items-center gap-2">
                <input type="radio" name="question-source" checked={source === "new"} onChange={() => setSource("new")} /> Write one now
              </label>
            </fieldset>
            {source === "bank" ? (
              <div>
                <label htmlFor="moment-question" className="field-label">
                  Bank question
                </label>
                <select id="moment-question" className="field-input" value={questionId} onChange={(e) => setQuestionId(e.target.value)}>
                  {bank.map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.title} ({q.type})
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <>
                <div>
                  <label htmlFor="quick-type" className="field-label">
                    Type
                  </label>
                  <select id="quick-type" className="field-input" value={quickType} onChange={(e) => setQuickType(e.target.value as QuickType)}>
                    <option value="multiple-choice">Multiple choice</option>
                    <option value="true-false">True / false</option>
                    <option value="short-answer">Short answer</option>
                  </select>
                </div>
                <div>
                  <label htmlFor="quick-title" className="field-label">
                    Short title (optional)
                  </label>
                  <input id="quick-title" className="field-input" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
                </div>
                <div>
                  <label htmlFor="quick-prompt" className="field-label">
                    Question
                  </label>
                  <textarea id="quick-prompt" className="field-input" value={prompt} onChange={(e) => setPrompt(e.target.value)} />
                </div>
                {quickType === "multiple-choice" ? (
                  <>
                    <div>
                      <label htmlFor="quick-options" className="field-label">
                        Options, one per line
                      </label>
                      <textarea id="quick-options" className="field-input min-h-24" value={options} onChange={(e) => setOptions(e.target.value)} />
                    </div>
                    <div>
                      <label htmlFor="quick-correct" className="field-label">
                        Number of the right option
                      </label>
                      <input id="quick-correct" className="field-input" inputMode="numeric" value={correct} onChange={(e) => setCorrect(e.target.value)} />
                    </div>
                  </>
                ) : null}
                {quickType === "true-false" ? (
                  <div>
                    <label htmlFor="quick-tf" className="field-label">
                      Right answer
                    </label>
                    <select id="quick-tf" className="field-input" value={tfAnswer} onChange={(e) => setTfAnswer(e.target.value)}>
                      <option value="true">True</option>
                      <option value="false">False</option>
                    </select>
                  </div>
                ) : null}
                {quickType === "short-answer" ? (
                  <div>
                    <label htmlFor="quick-accepted" className="field-label">
                      An accepted answer
                    </label>
                    <input id="quick-accepted" className="field-input" value={accepted} maxLength={200} onChange={(e) => setAccepted(e.target.value)} />
                  </div>
                ) : null}
              </>
            )}
          </>
        ) : null}
        {kind === "reveal" || kind === "vote-again" ? (
          <div>
            <label htmlFor="moment-target" className="field-label">
              {kind === "reveal" ? "Results of" : "Ask again"}
            </label>
            <select id="moment-target" className="field-input" value={target || targets.at(-1)?.id || ""} onChange={(e) => setTarget(e.target.value)}>
              {targets.length === 0 ? <option value="">Ask a question first</option> : null}
              {[...targets].reverse().map((m) => (
                <option key={m.id} value={m.id}>
                  {m.position}. {kindLabel[m.kind]}: {m.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {kind === "discuss" ? (
          <div>
            <label htmlFor="discuss-prompt" className="field-label">
              Prompt
            </label>
            <textarea id="discuss-prompt" className="field-input" value={prompt} maxLength={1000} onChange={(e) => setPrompt(e.target.value)} />
          </div>
        ) : null}
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={go} onChange={(e) => setGo(e.target.checked)} /> Go to it now
        </label>
        <button type="submit" className="btn-primary" disabled={busy}>
          {go ? "Add and show" : "Add to the plan"}
        </button>
      </form>
    </section>
  );
}
