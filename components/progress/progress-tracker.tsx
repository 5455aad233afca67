"use client";

import { createContext, useActionState, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { formatMinutes, summarizeProgress, type ProgressSummary } from "@/lib/progress/compute";
import { ACTIVE_WINDOW_MS, READING_LINE } from "@/lib/progress/dwell";
import { setSectionDoneAction, type SectionDoneState } from "@/lib/actions/progress";

/** What waits to be sent: the position, an active minute, and milliseconds spent in each part. */
interface Pending {
  anchor?: string;
  active: boolean;
  dwellMs: Record<string, number>;
}

type SaveState = "saved" | "saving" | "offline" | "signed-out" | "error";

interface ProgressContextValue {
  readSections: Set<string>;
  setSectionRead: (slug: string, read: boolean, summary?: ProgressSummary) => void;
  assignmentId: string;
}

const ProgressContext = createContext<ProgressContextValue | null>(null);

const REPORT_EVERY_MS = 20_000;
/** How often the page looks at which part is in the reading band. */
const SAMPLE_EVERY_MS = 500;
/** A longer gap between samples (a sleeping laptop, a throttled tab) counts as this much at most. */
const MAX_SAMPLE_MS = 1_000;

const empty = (): Pending => ({ active: false, dwellMs: {} });

/**
 * Keeps a student's progress on an assignment: the time they spend in each part (a part counts
 * as read once that reaches its threshold, lib/progress/dwell.ts; the server checks it against
 * the clock and decides), where they are (so reopening resumes there), and the minutes they
 * actively read. Reports are small and queued in localStorage, so a dropped connection on school
 * Wi-Fi loses nothing: they are sent again when the connection returns.
 */
export function ProgressTracker({
  assignmentId,
  initialSummary,
  initialReadSections,
  thresholds,
  initialDwellSeconds,
  children,
}: {
  assignmentId: string;
  initialSummary: ProgressSummary;
  initialReadSections: string[];
  /** Seconds each part (by slug) needs before it counts as read. */
  thresholds: Record<string, number>;
  /** Seconds the server has already credited to each part. */
  initialDwellSeconds: Record<string, number>;
  children: React.ReactNode;
}) {
  const [summary, setSummary] = useState(initialSummary);
  const [readSections, setReadSections] = useState(() => new Set(initialReadSections));
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [resumed, setResumed] = useState<string | null>(null);
  const storageKey = `dossier:progress:v2:${assignmentId}`;
  const pending = useRef<Pending>(empty());
  /** Milliseconds in each part, the server's credit plus what this page has measured since. */
  const spentMs = useRef<Record<string, number>>(Object.fromEntries(Object.entries(initialDwellSeconds).map(([k, v]) => [k, v * 1000])));
  const lastActivity = useRef(0);
  const sending = useRef(false);

  const persist = useCallback(() => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(pending.current));
    } catch {
      // Private mode or full storage: the report stays in memory only.
    }
  }, [storageKey]);

  /** Parts this page has seen reach their threshold whose time is not yet sent: ticked until the server answers. */
  const reachedUnsent = useCallback(
    () =>
      Object.entries(pending.current.dwellMs)
        .filter(([slug, ms]) => ms >= 500 && (spentMs.current[slug] ?? 0) >= (thresholds[slug] ?? Infinity) * 1000)
        .map(([slug]) => slug),
    [thresholds],
  );

  const flush = useCallback(
    async ({ beacon = false, always = false }: { beacon?: boolean; always?: boolean } = {}) => {
      const p = pending.current;
      // Whole seconds go now; the rest waits for the next report, so nothing is lost to rounding.
      const dwell: Record<string, number> = {};
      const sentMs: Record<string, number> = {};
      const rest: Record<string, number> = {};
      for (const [slug, ms] of Object.entries(p.dwellMs)) {
        const seconds = Math.round(ms / 1000);
        if (seconds > 0) {
          dwell[slug] = seconds;
          sentMs[slug] = seconds * 1000;
        }
        if (ms - seconds * 1000 !== 0) rest[slug] = ms - seconds * 1000;
      }
      const hasDwell = Object.keys(dwell).length > 0;
      if (!always && !p.anchor && !hasDwell && !p.active) return;
      const body = JSON.stringify({ anchor: p.anchor, dwell: hasDwell ? dwell : undefined, active: p.active || undefined });
      const url = `/api/assignments/${encodeURIComponent(assignmentId)}/progress`;
      if (beacon && navigator.sendBeacon) {
        if (navigator.sendBeacon(url, new Blob([body], { type: "application/json" }))) {
          pending.current = { active: false, dwellMs: rest };
          persist();
        }
        return;
      }
      if (sending.current) return;
      sending.current = true;
      // If this report fails, exactly what it carried goes back into the queue.
      const sent: Pending = { anchor: p.anchor, active: p.active, dwellMs: sentMs };
      pending.current = { active: false, dwellMs: rest };
      setSaveState("saving");
      try {
        const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body, keepalive: true });
        if (res.ok) {
          const data = (await res.json()) as { summary: ProgressSummary & { readSections?: string[] } };
          setSummary(data.summary);
          // The server decides what is read; parts this page saw finished but hasn't reported yet stay ticked.
          if (data.summary.readSections) setReadSections(new Set([...data.summary.readSections, ...reachedUnsent()]));
          setSaveState("saved");
        } else if (res.status === 401) {
          pending.current = merge(sent, pending.current);
          setSaveState("signed-out");
        } else if (res.status >= 500) {
          pending.current = merge(sent, pending.current);
          setSaveState("error");
        } else {
          // 4xx other than 401: the report itself was wrong (e.g. the reading changed); drop it.
          setSaveState("saved");
        }
      } catch {
        pending.current = merge(sent, pending.current);
        setSaveState("offline");
      } finally {
        sending.current = false;
        persist();
      }
    },
    [assignmentId, persist, reachedUnsent],
  );

  const setSectionRead = useCallback((slug: string, read: boolean, next?: ProgressSummary) => {
    setReadSections((prev) => {
      const copy = new Set(prev);
      if (read) copy.add(slug);
      else copy.delete(slug);
      return copy;
    });
    if (next) setSummary(next);
  }, []);

  useEffect(() => {
    // Reports left over from an earlier visit that never reached the server. Those an older
    // version of this page queued ("these parts are read") no longer count; their position does.
    try {
      const saved = localStorage.getItem(storageKey);
      if (saved) pending.current = merge(JSON.parse(saved) as Pending, pending.current);
      const legacyKey = `dossier:progress:${assignmentId}`;
      const legacy = localStorage.getItem(legacyKey);
      if (legacy) {
        const old = JSON.parse(legacy) as { anchor?: unknown };
        if (typeof old.anchor === "string" && !pending.current.anchor) pending.current.anchor = old.anchor;
        localStorage.removeItem(legacyKey);
      }
    } catch {
      /* unreadable: start afresh */
    }

    // Resume where the student stopped, unless the link points somewhere on purpose.
    if (!window.location.hash && initialSummary.resumeAnchor) {
      const el = document.getElementById(initialSummary.resumeAnchor);
      if (el) {
        el.scrollIntoView({ block: "start" });
        setResumed(initialSummary.resumeAnchor);
      }
    }

    const markActive = () => {
      lastActivity.current = Date.now();
    };
    markActive();
    const activityEvents = ["scroll", "keydown", "pointerdown", "pointermove", "touchstart"] as const;
    activityEvents.forEach((e) => window.addEventListener(e, markActive, { passive: true }));

    // Time in a part: sampled twice a second. A sample counts toward the part in the reading band
    // only when the previous sample saw the same part there, the page is visible and focused, and
    // the reader did something lately. A part crossed on the way somewhere else gets (almost) nothing.
    const sections = [...document.querySelectorAll<HTMLElement>("[data-section]")];
    const partAtReadingLine = (): string | null => {
      const y = window.innerHeight * READING_LINE;
      for (const el of sections) {
        const box = el.getBoundingClientRect();
        if (box.top <= y && box.bottom > y) return el.dataset.section ?? null;
      }
      return null;
    };
    let lastSample = performance.now();
    let lastPart: string | null = null;
    const sample = window.setInterval(() => {
      const now = performance.now();
      const elapsed = Math.min(now - lastSample, MAX_SAMPLE_MS);
      lastSample = now;
      const reading = document.visibilityState === "visible" && document.hasFocus() && Date.now() - lastActivity.current < ACTIVE_WINDOW_MS;
      const part = reading ? partAtReadingLine() : null;
      if (part && part === lastPart) {
        const before = spentMs.current[part] ?? 0;
        const after = before + elapsed;
        spentMs.current[part] = after;
        pending.current.dwellMs[part] = (pending.current.dwellMs[part] ?? 0) + elapsed;
        const needed = (thresholds[part] ?? Infinity) * 1000;
        if (before < needed && after >= needed) {
          setSectionRead(part, true);
          persist();
          // A finished part is worth reporting now, not at the next periodic report.
          void flush();
        }
      }
      lastPart = part;
    }, SAMPLE_EVERY_MS);

    const positionObserver = new IntersectionObserver(
      (entries) => {
        const top = entries.filter((e) => e.isIntersecting).map((e) => e.target as HTMLElement)[0];
        if (top?.id.startsWith("p-")) {
          pending.current.anchor = top.id;
          persist();
        }
      },
      { rootMargin: "0px 0px -80% 0px" },
    );
    document.querySelectorAll("[data-paragraph]").forEach((el) => positionObserver.observe(el));

    // An opening report starts the server's clock: the time this page measures from now on can be credited.
    void flush({ always: true });

    const tick = window.setInterval(() => {
      if (document.visibilityState === "visible" && Date.now() - lastActivity.current < ACTIVE_WINDOW_MS) {
        pending.current.active = true;
      }
      void flush();
    }, REPORT_EVERY_MS);
    const onOnline = () => void flush();
    const onHide = () => {
      if (document.visibilityState === "hidden") void flush({ beacon: true });
    };
    window.addEventListener("online", onOnline);
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onHide);
    return () => {
      // Leaving by an in-app link fires no pagehide: send what is queued now.
      void flush({ beacon: true });
      activityEvents.forEach((e) => window.removeEventListener(e, markActive));
      window.clearInterval(sample);
      positionObserver.disconnect();
      window.clearInterval(tick);
      window.removeEventListener("online", onOnline);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onHide);
    };
  }, [assignmentId, flush, initialSummary.resumeAnchor, persist, setSectionRead, storageKey, thresholds]);

  const value = useMemo(() => ({ readSections, setSectionRead, assignmentId }), [readSections, setSectionRead, assignmentId]);
  // The set on this device is the freshest view: it includes parts whose report is still queued.
  const shown = summarizeProgress({
    totalSections: summary.totalSections,
    sectionsRead: readSections.size,
    activeMinutes: summary.minutesSpent,
    lastAnchor: summary.resumeAnchor,
  });

  return (
    <ProgressContext.Provider value={value}>
      <div className="no-print sticky top-0 z-20 -mx-4 mb-6 border-b border-line bg-paper/95 px-4 py-2 backdrop-blur">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-1 text-sm">
          <span className="font-semibold" data-testid="progress-percent">
            {shown.percent}% read
          </span>
          <span>
            {shown.sectionsRead} of {shown.totalSections} parts
          </span>
          <span className="text-muted">Time reading: {formatMinutes(summary.minutesSpent)}</span>
          <span role="status" aria-live="polite" data-testid="save-state" className={saveState === "saved" || saveState === "saving" ? "text-muted" : "font-semibold text-warn"}>
            {saveMessage(saveState)}
          </span>
          {resumed ? (
            <span className="text-muted">
              Resumed where you stopped. <a href="#s-participants">Back to the start</a>
            </span>
          ) : null}
        </div>
        <div aria-hidden="true" className="mt-1 h-1.5 w-full overflow-hidden rounded-full bg-stone-200">
          <div className="h-full rounded-full bg-accent" style={{ width: `${shown.percent}%` }} />
        </div>
      </div>
      {children}
    </ProgressContext.Provider>
  );
}

function merge(a: Pending, b: Pending): Pending {
  const dwellMs: Record<string, number> = { ...(a.dwellMs ?? {}) };
  for (const [slug, ms] of Object.entries(b.dwellMs ?? {})) dwellMs[slug] = (dwellMs[slug] ?? 0) + ms;
  return { anchor: b.anchor ?? a.anchor, active: Boolean(a.active || b.active), dwellMs };
}

function saveMessage(state: SaveState): string {
  switch (state) {
    case "saved":
      return "Progress saved";
    case "saving":
      return "Saving…";
    case "offline":
      return "Offline: your progress is kept on this device and will be sent when you’re back online";
    case "signed-out":
      return "Your session has expired: sign in again to save your progress (it is kept on this device until then)";
    case "error":
      return "Couldn’t save just now; trying again shortly";
  }
}

/** The check mark beside a part in the table of contents. */
export function SectionTick({ slug }: { slug: string }) {
  const ctx = useContext(ProgressContext);
  const read = ctx?.readSections.has(slug) ?? false;
  return (
    <span className={`mt-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full border text-[10px] ${read ? "border-green-700 bg-green-700 text-white" : "border-stone-400"}`}>
      <span aria-hidden="true">{read ? "✓" : ""}</span>
      <span className="sr-only">{read ? "Read: " : "Not read yet: "}</span>
    </span>
  );
}

/** "I've read this part": the explicit control, a plain form that also works without JavaScript. */
export function SectionDoneButton({ assignmentId, slug, title, initiallyRead }: { assignmentId: string; slug: string; title: string; initiallyRead: boolean }) {
  const ctx = useContext(ProgressContext);
  const [state, action, pending] = useActionState<SectionDoneState, FormData>(async (prev, form) => {
    const result = await setSectionDoneAction(prev, form);
    if (result.ok && result.done !== undefined) ctx?.setSectionRead(slug, result.done, result.summary);
    return result;
  }, { ok: true });
  const read = ctx ? ctx.readSections.has(slug) : initiallyRead;
  return (
    <form action={action} className="no-print mt-6 flex flex-wrap items-center gap-3 rounded-md border border-line bg-white p-3">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="section" value={slug} />
      <input type="hidden" name="done" value={read ? "false" : "true"} />
      <span className="text-sm">{read ? <strong className="text-green-800">✓ You have read this part.</strong> : "Finished this part?"}</span>
      <button type="submit" className={read ? "btn-secondary" : "btn-primary"} disabled={pending} aria-label={read ? `Mark “${title}” as not read` : `Mark “${title}” as read`}>
        {read ? "Mark as not read" : "Mark as read"}
      </button>
      {state.message && !state.ok ? (
        <span role="alert" className="text-sm text-red-800">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
