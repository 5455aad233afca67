"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Passage, PlayerQuestion } from "@/lib/data/attempts";
import { submitAttemptAction } from "@/lib/actions/attempts";
import { saveAnswer, type SaveAnswerResult } from "./save-answer";
import { hasResponseShape } from "@/lib/question-types/response-shape";
import { isAnswered, QuestionPlayer, type ChangeKind } from "./players";
import { groupBySection, paragraphLabel, paragraphRanges } from "./players/parts";
import { PlainParagraphs } from "@/components/quiz/plain-paragraphs";
import { plural } from "@/lib/format";

/** Typing is saved after this pause; choices at once. */
const TYPING_PAUSE_MS = 800;
/** Answers kept on the device are sent again this often (and when the browser is back online). */
const RETRY_EVERY_MS = 15_000;
const WARN_AT_MINUTES = [5, 1] as const;

type SaveState =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "offline" }
  | { kind: "signed-out" }
  | { kind: "error" }
  /** 409: submitted elsewhere, or time is up. Nothing more can be saved. */
  | { kind: "closed"; message: string };

interface Common {
  quizTitle: string;
  /** The instructor's description of the quiz; "" for none. */
  quizDescription?: string | undefined;
  questions: PlayerQuestion[];
  responses: Record<string, unknown>;
  passages: Passage[];
}

type Props =
  | (Common & { mode: "preview" })
  | (Common & {
      mode?: "attempt";
      attemptId: string;
      attemptNumber: number;
      /** ms since the epoch; null when the attempt has no time limit. */
      deadlineAt: number | null;
      /** The server's clock when the page was made: the countdown follows it, not the device's. */
      serverNow: number;
      reviewHref: string;
    });

interface PendingAnswer {
  response: unknown;
  version: number;
}

/** JSON with keys sorted, so equal answers compare equal whatever order their keys were written in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const isRedirect = (e: unknown) => typeof e === "object" && e !== null && typeof (e as { digest?: unknown }).digest === "string" && (e as { digest: string }).digest.startsWith("NEXT_REDIRECT");


/**
 * A student's attempt: every question on one page, each answer saved as they go. Answers that
 * cannot reach the server (offline, a failed request) are kept in localStorage and sent again
 * when the connection returns, every 15 s, and on the next visit. The countdown follows the
 * server's clock; at zero the attempt is submitted with the answers saved so far. With
 * mode="preview" (the instructor's preview) nothing is saved or submitted.
 */
export function AttemptPlayer(props: Props) {
  const { quizTitle, quizDescription, questions, passages } = props;
  const preview = props.mode === "preview";
  const attemptId = preview ? null : props.attemptId;
  const storageKey = attemptId ? `dossier:attempt:${attemptId}` : null;

  const [answers, setAnswers] = useState<Record<string, unknown>>(props.responses);
  const [saveState, setSaveState] = useState<SaveState>({ kind: "saved" });
  const [pendingCount, setPendingCount] = useState(0);
  const [questionErrors, setQuestionErrors] = useState<Record<string, string>>({});
  const [restored, setRestored] = useState(0);

  const pending = useRef(new Map<string, PendingAnswer>());
  const version = useRef(0);
  const sending = useRef(false);
  const sendAgain = useRef(false);
  const closed = useRef(false);
  const timers = useRef(new Map<string, number>());

  const numberOf = useMemo(() => new Map(questions.map((q, i) => [q.key, i + 1])), [questions]);
  const passageByAnchor = useMemo(() => new Map(passages.map((p) => [p.anchor, p])), [passages]);

  const persist = useCallback(() => {
    setPendingCount(pending.current.size);
    if (!storageKey) return;
    try {
      if (pending.current.size === 0) localStorage.removeItem(storageKey);
      else localStorage.setItem(storageKey, JSON.stringify({ answers: Object.fromEntries([...pending.current].map(([k, v]) => [k, v.response])) }));
    } catch {
      // Private mode or full storage: the answers stay in memory and are still sent.
    }
  }, [storageKey]);

  const flush = useCallback(async (): Promise<void> => {
    if (!attemptId || closed.current) return;
    if (sending.current) {
      sendAgain.current = true;
      return;
    }
    if (pending.current.size === 0) {
      setSaveState((s) => (s.kind === "closed" ? s : { kind: "saved" }));
      return;
    }
    sending.current = true;
    setSaveState({ kind: "saving" });
    let outcome: SaveState = { kind: "saved" };
    try {
      for (const [key, entry] of [...pending.current]) {
        let result: SaveAnswerResult;
        try {
          result = await saveAnswer(attemptId, key, entry.response);
        } catch {
          // The request never got an answer: no connection, or the server is unreachable.
          outcome = { kind: "offline" };
          break;
        }
        if (result.ok) {
          if (pending.current.get(key)?.version === entry.version) pending.current.delete(key);
          setQuestionErrors((errors) => {
            if (!(key in errors)) return errors;
            const { [key]: _gone, ...rest } = errors;
            return rest;
          });
          continue;
        }
        if (result.code === "conflict") {
          closed.current = true;
          pending.current.clear();
          outcome = { kind: "closed", message: result.message };
          break;
        }
        if (result.code === "unauthorized" || result.code === "expired") {
          outcome = { kind: "signed-out" };
          break;
        }
        if (result.code === "server") {
          outcome = { kind: "error" };
          break;
        }
        // 400/403/404/413: this answer will never be accepted; sending it again would not help.
        if (pending.current.get(key)?.version === entry.version) pending.current.delete(key);
        setQuestionErrors((errors) => ({ ...errors, [key]: result.message }));
      }
    } finally {
      sending.current = false;
      persist();
    }
    // Answers changed while this round was being sent wait for the next one.
    if (outcome.kind === "saved" && pending.current.size > 0) outcome = navigator.onLine ? { kind: "saving" } : { kind: "offline" };
    setSaveState(outcome);
    if (sendAgain.current && !closed.current) {
      sendAgain.current = false;
      if (outcome.kind === "saved" || outcome.kind === "saving") await flush();
    }
  }, [attemptId, persist]);

  const onAnswer = useCallback(
    (key: string, response: unknown, kind: ChangeKind = "choice") => {
      setAnswers((a) => ({ ...a, [key]: response }));
      if (!attemptId || closed.current) return;
      pending.current.set(key, { response, version: ++version.current });
      persist();
      setSaveState((s) => (s.kind === "saved" ? { kind: "saving" } : s));
      const timer = timers.current.get(key);
      if (timer !== undefined) window.clearTimeout(timer);
      timers.current.delete(key);
      if (kind === "typing") {
        timers.current.set(
          key,
          window.setTimeout(() => {
            timers.current.delete(key);
            void flush();
          }, TYPING_PAUSE_MS),
        );
      } else {
        void flush();
      }
    },
    [attemptId, flush, persist],
  );

  // Answers this device kept from an earlier visit that the server does not have: shown and sent again.
  useEffect(() => {
    if (!storageKey) return;
    let kept: Record<string, unknown> = {};
    try {
      const raw = localStorage.getItem(storageKey);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      if (parsed && typeof parsed === "object" && "answers" in parsed && parsed.answers && typeof parsed.answers === "object") kept = parsed.answers as Record<string, unknown>;
    } catch {
      /* unreadable: nothing to restore */
    }
    const back: Record<string, unknown> = {};
    for (const q of questions) {
      if (!Object.hasOwn(kept, q.key)) continue;
      const response = kept[q.key] ?? null;
      if (response !== null && !hasResponseShape(q.type, response)) continue;
      if (stableJson(response) === stableJson(props.responses[q.key] ?? null)) continue;
      back[q.key] = response;
    }
    const keys = Object.keys(back);
    for (const key of keys) pending.current.set(key, { response: back[key], version: ++version.current });
    persist();
    if (keys.length) {
      setAnswers((a) => ({ ...a, ...back }));
      setRestored(keys.length);
      void flush();
    }
    // Once, on arrival: later changes go through onAnswer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  useEffect(() => {
    if (preview) return;
    const onOnline = () => void flush();
    const onOffline = () => {
      if (pending.current.size > 0) setSaveState((s) => (s.kind === "closed" ? s : { kind: "offline" }));
    };
    const retry = window.setInterval(() => {
      if (pending.current.size > 0 && !closed.current) void flush();
    }, RETRY_EVERY_MS);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    const pendingTimers = timers.current;
    return () => {
      window.clearInterval(retry);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      pendingTimers.forEach((t) => window.clearTimeout(t));
    };
  }, [flush, preview]);

  // ------------------------------------------------------------ the countdown
  const deadlineAt = preview ? null : props.deadlineAt;
  const serverNow = preview ? 0 : props.serverNow;
  const reviewHref = preview ? null : props.reviewHref;
  const [msLeft, setMsLeft] = useState<number | null>(null);
  const [warning, setWarning] = useState<string>("");
  const [timeUp, setTimeUp] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  const submitNow = useCallback(async (): Promise<boolean> => {
    if (!attemptId) return false;
    setSubmitting(true);
    setSubmitError(null);
    // Everything typed so far goes first; an answer still waiting would be left out.
    timers.current.forEach((t) => window.clearTimeout(t));
    timers.current.clear();
    await flush();
    if (pending.current.size > 0 && !closed.current) {
      setSubmitting(false);
      setSubmitError(
        `${plural(pending.current.size, "answer is", "answers are")} not saved yet, so submitting now would leave ${pending.current.size === 1 ? "it" : "them"} out. Check your connection and try again; ${pending.current.size === 1 ? "it is" : "they are"} kept on this device.`,
      );
      return false;
    }
    try {
      const result = await submitAttemptAction(attemptId);
      // Only failures come back: success redirects to the review.
      setSubmitting(false);
      setSubmitError(result.message);
      return false;
    } catch (e) {
      if (isRedirect(e)) {
        if (storageKey) localStorage.removeItem(storageKey);
        return true;
      }
      setSubmitting(false);
      setSubmitError("Couldn’t reach the server to submit. Your saved answers are safe; check your connection and try again.");
      return false;
    }
  }, [attemptId, flush, storageKey]);

  useEffect(() => {
    if (deadlineAt === null) return;
    const offset = serverNow - Date.now();
    const warned = new Set<number>();
    let done = false;
    const tick = () => {
      const left = deadlineAt - (Date.now() + offset);
      setMsLeft(left);
      for (const m of WARN_AT_MINUTES) {
        if (left <= m * 60_000 && left > 0 && !warned.has(m)) {
          WARN_AT_MINUTES.forEach((w) => w >= m && warned.add(w));
          // "5 minutes left" when the student sees it happen; "less than 5" when the page opens later than that.
          const justNow = left > m * 60_000 - 5_000;
          setWarning(`${justNow ? "" : "Less than "}${plural(m, "minute", "minutes")} left. Your answers are saved as you go.`.replace(/^./, (c) => c.toUpperCase()));
        }
      }
      if (left <= 0 && !done) {
        done = true;
        setTimeUp(true);
        setWarning("Time is up. Your saved answers are being submitted.");
        // If this fails (offline), answers keep being retried: the server still takes those sent in its grace period.
        void submitNow();
      }
    };
    tick();
    const every = window.setInterval(tick, 1000);
    return () => window.clearInterval(every);
  }, [deadlineAt, serverNow, submitNow]);

  // ------------------------------------------------------------ submitting
  const dialog = useRef<HTMLDialogElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const keepWorkingButton = useRef<HTMLButtonElement>(null);
  const focusOnClose = useRef(true);
  const [unanswered, setUnanswered] = useState<PlayerQuestion[]>([]);

  const openDialog = () => {
    setUnanswered(questions.filter((q) => !isAnswered(q.type, q.view, answers[q.key] ?? null)));
    setSubmitError(null);
    focusOnClose.current = true;
    dialog.current?.showModal();
    // The least final choice first: Enter or Space right away keeps the student working.
    keepWorkingButton.current?.focus();
  };
  const goToQuestion = (key: string) => {
    focusOnClose.current = false;
    dialog.current?.close();
    const heading = document.getElementById(`${key}-title`);
    heading?.scrollIntoView({ block: "start" });
    heading?.focus();
  };

  const answeredCount = questions.filter((q) => isAnswered(q.type, q.view, answers[q.key] ?? null)).length;
  const locked = timeUp || saveState.kind === "closed" || submitting;
  const totalPoints = questions.reduce((s, q) => s + q.points, 0);

  return (
    <div>
      <header>
        <h1 className="text-3xl font-bold leading-tight">{quizTitle}</h1>
        <p className="mt-1 text-muted">
          {preview ? "" : `Attempt ${props.attemptNumber} · `}
          {plural(questions.length, "question", "questions")} · {plural(totalPoints, "point", "points")}
        </p>
        {quizDescription?.trim() ? (
          <div className="mt-3 max-w-prose space-y-2" data-testid="quiz-description">
            <PlainParagraphs text={quizDescription} />
          </div>
        ) : null}
        {preview ? (
          <p className="mt-4 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950" data-testid="preview-notice">
            <strong>Preview: nothing is saved.</strong> This is the quiz as your students see it (their option order may differ). Try the answers freely.
          </p>
        ) : null}
      </header>

      <div className="sticky top-0 z-20 -mx-4 mt-6 border-b border-line bg-paper/95 px-4 py-2 backdrop-blur">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-1 text-sm">
          <span className="font-semibold" data-testid="answered-count">
            {answeredCount} of {questions.length} answered
          </span>
          {preview ? (
            <span key="status" role="status" data-testid="save-status" className="text-muted">
              Preview: nothing is saved
            </span>
          ) : (
            <SaveStatus state={saveState} pendingCount={pendingCount} />
          )}
          {deadlineAt !== null ? (
            <span role="timer" aria-live="off" data-testid="time-left" className={msLeft !== null && msLeft <= 5 * 60_000 ? "font-semibold text-red-800" : ""}>
              {msLeft === null ? "Time left: …" : formatTimeLeft(msLeft)}
            </span>
          ) : null}
        </div>
        {warning ? (
          <p role="alert" className={`mt-1 text-sm font-semibold ${timeUp ? "text-red-800" : "text-warn"}`} data-testid="time-warning">
            {warning}
          </p>
        ) : null}
      </div>

      {restored > 0 ? (
        <p role="status" className="mt-4 rounded-md border border-line bg-white p-3 text-sm">
          {plural(restored, "answer", "answers")} from your last visit had not reached the server yet; {restored === 1 ? "it is" : "they are"} back below and being sent now.
        </p>
      ) : null}
      {timeUp && !submitting && submitError && reviewHref ? (
        <div role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
          <p>Time is up. {submitError}</p>
          <p className="mt-3 flex flex-wrap items-center gap-3">
            <button type="button" className="btn-secondary" onClick={() => void submitNow()}>
              Try again
            </button>
            <a href={reviewHref}>Go to your result</a> (the answers saved before the deadline count)
          </p>
        </div>
      ) : null}
      {saveState.kind === "closed" && !timeUp && reviewHref ? (
        <p className="mt-4 rounded-md border border-line bg-white p-3">
          <a href={reviewHref}>Go to your result</a>
        </p>
      ) : null}

      <ol className="mt-6 space-y-8">
        {questions.map((q, i) => {
          const n = i + 1;
          const titleId = `${q.key}-title`;
          const promptId = `${q.key}-prompt`;
          const error = questionErrors[q.key];
          return (
            <li key={q.key} id={`question-${q.key}`} data-testid={`question-${q.key}`} className="card">
              <section aria-labelledby={titleId}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <h2 id={titleId} tabIndex={-1} className="text-lg font-bold">
                    <span className="text-muted">Question {n}.</span> {q.title}
                  </h2>
                  <span className="text-sm text-muted">{plural(q.points, "point", "points")}</span>
                </div>
                <div id={promptId} className="mt-2 space-y-2">
                  <PlainParagraphs text={q.prompt} />
                </div>
                {q.anchors.length > 0 ? <PassageDisclosure anchors={q.anchors} passageByAnchor={passageByAnchor} /> : null}
                <div className="mt-4">
                  <QuestionPlayer
                    type={q.type}
                    questionKey={q.key}
                    view={q.view}
                    value={answers[q.key] ?? null}
                    onChange={(response: unknown, kind?: ChangeKind) => onAnswer(q.key, response, kind)}
                    disabled={locked}
                    passages={passages}
                    label={`question ${n}`}
                    describedBy={promptId}
                  />
                </div>
                {error ? (
                  <p role="alert" className="field-error">
                    This answer couldn’t be saved: {error}
                  </p>
                ) : null}
              </section>
            </li>
          );
        })}
      </ol>

      <section aria-labelledby="finish-title" className="card mt-10">
        <h2 id="finish-title" className="text-lg font-bold">
          Finished?
        </h2>
        <p className="mt-1 text-muted" id="finish-hint">
          {preview
            ? "In the preview nothing is submitted."
            : `You have answered ${answeredCount} of ${questions.length} questions. Once you submit, your answers can’t change.`}
        </p>
        <button ref={submitButton} type="button" className="btn-primary mt-4" data-testid="submit-quiz" disabled={preview || locked} aria-describedby="finish-hint" onClick={openDialog}>
          {submitting ? "Submitting…" : "Submit my answers"}
        </button>
      </section>

      <dialog
        ref={dialog}
        aria-labelledby="submit-dialog-title"
        aria-describedby="submit-dialog-summary"
        className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-line bg-white p-6 text-ink shadow-xl backdrop:bg-stone-900/50"
        onClose={() => {
          if (focusOnClose.current) submitButton.current?.focus();
        }}
      >
        <h2 id="submit-dialog-title" className="text-xl font-bold">
          Submit your answers?
        </h2>
        <div id="submit-dialog-summary" className="mt-3 space-y-3">
          {unanswered.length === 0 ? (
            <p>You have answered every question.</p>
          ) : (
            <>
              <p>
                You haven’t answered {plural(unanswered.length, "question", "questions")}
                {unanswered.length === questions.length ? " (none yet)" : ""}:
              </p>
              <ul className="max-h-48 list-disc space-y-1 overflow-y-auto pl-6" data-testid="unanswered-list">
                {unanswered.map((q) => (
                  <li key={q.key}>
                    <a
                      href={`#question-${q.key}`}
                      onClick={(e) => {
                        e.preventDefault();
                        goToQuestion(q.key);
                      }}
                    >
                      Question {numberOf.get(q.key)}
                    </a>
                    : {q.title}
                  </li>
                ))}
              </ul>
            </>
          )}
          {pendingCount > 0 ? <p className="text-warn">{plural(pendingCount, "answer is", "answers are")} still being saved; they are sent before submitting.</p> : null}
          <p>Once you submit, you can’t change your answers.</p>
        </div>
        {submitError && !timeUp ? (
          <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-900">
            {submitError}
          </p>
        ) : null}
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <button ref={keepWorkingButton} type="button" className="btn-secondary" onClick={() => dialog.current?.close()} disabled={submitting}>
            Keep working
          </button>
          <button type="button" className="btn-primary" data-testid="confirm-submit" disabled={submitting} onClick={() => void submitNow()}>
            {submitting ? "Submitting…" : unanswered.length ? "Submit anyway" : "Submit"}
          </button>
        </div>
      </dialog>
    </div>
  );
}

function formatTimeLeft(ms: number): string {
  if (ms <= 0) return "Time is up";
  if (ms < 60_000) return "Time left: less than a minute";
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `Time left: ${plural(minutes, "minute", "minutes")}`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `Time left: ${h} h ${m} min`;
}

function SaveStatus({ state, pendingCount }: { state: SaveState; pendingCount: number }) {
  const kept = `${plural(pendingCount, "answer is", "answers are")} kept on this device`;
  switch (state.kind) {
    case "saved":
      return (
        <span key="status" role="status" data-testid="save-status" className="text-muted">
          All answers saved
        </span>
      );
    case "saving":
      return (
        <span key="status" role="status" data-testid="save-status" className="text-muted">
          Saving…
        </span>
      );
    case "offline":
      return (
        <span key="status" role="status" data-testid="save-status" className="font-semibold text-warn">
          Offline: {kept} and will be sent when you’re back online
        </span>
      );
    case "signed-out":
      return (
        <span key="alert" role="alert" data-testid="save-status" className="font-semibold text-red-800">
          Your session has expired:{" "}
          <a href="/login" target="_blank" rel="noopener">
            sign in again in a new tab
          </a>{" "}
          to save. {pendingCount ? `Until then ${kept}.` : ""}
        </span>
      );
    case "error":
      return (
        <span key="alert" role="alert" data-testid="save-status" className="font-semibold text-red-800">
          Couldn’t save just now: {kept} and will be sent again shortly
        </span>
      );
    case "closed":
      return (
        <span key="alert" role="alert" data-testid="save-status" className="font-semibold text-red-800">
          {state.message} Nothing more can be saved.
        </span>
      );
  }
}

/** The paragraphs a question points to, opened in place so the student reads them and carries on. */
function PassageDisclosure({ anchors, passageByAnchor }: { anchors: string[]; passageByAnchor: Map<string, Passage> }) {
  const found = anchors.map((a) => passageByAnchor.get(a)).filter((p): p is Passage => p !== undefined);
  return (
    <details className="mt-3 rounded-md border border-line bg-stone-50">
      <summary className="cursor-pointer px-3 py-2 font-semibold text-accent hover:text-accent-ink">
        Show the passage <span className="font-normal text-muted">({paragraphRanges(anchors)})</span>
      </summary>
      <div className="border-t border-line px-3 py-3">
        {found.length === 0 ? (
          <p className="text-sm text-muted">These paragraphs are not in the reading any more.</p>
        ) : (
          groupBySection(found).map((group) => (
            <div key={group.title + group.passages[0]?.anchor} className="mt-3 first:mt-0">
              <p className="text-sm font-semibold text-muted">{group.title}</p>
              {group.passages.map((p) => (
                <p key={p.anchor} className="mt-2 max-w-prose font-serif text-[1.0625rem] leading-relaxed">
                  <span className="mr-2 font-sans text-sm font-semibold text-muted">{paragraphLabel(p.anchor)}</span>
                  {p.text}
                </p>
              ))}
            </div>
          ))
        )}
      </div>
    </details>
  );
}
