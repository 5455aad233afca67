"use client";

import { createContext, useActionState, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { formatMinutes, summarizeProgress, type ProgressSummary } from "@/lib/progress/compute";
import { setSectionDoneAction, type SectionDoneState } from "@/lib/actions/progress";

interface Pending {
  anchor?: string;
  sectionsRead: string[];
  active: boolean;
}

type SaveState = "saved" | "saving" | "offline" | "signed-out" | "error";

interface ProgressContextValue {
  readSections: Set<string>;
  setSectionRead: (slug: string, read: boolean, summary?: ProgressSummary) => void;
  assignmentId: string;
}

const ProgressContext = createContext<ProgressContextValue | null>(null);

const REPORT_EVERY_MS = 20_000;
const ACTIVE_WINDOW_MS = 90_000;

/**
 * Keeps a student's progress on an assignment: the parts they reach the end of, where they
 * are (so reopening resumes there), and the minutes they actively read. Reports are small,
 * idempotent and queued in localStorage, so a dropped connection on school Wi-Fi loses nothing:
 * they are sent again when the connection returns.
 */
export function ProgressTracker({
  assignmentId,
  initialSummary,
  initialReadSections,
  children,
}: {
  assignmentId: string;
  initialSummary: ProgressSummary;
  initialReadSections: string[];
  children: React.ReactNode;
}) {
  const [summary, setSummary] = useState(initialSummary);
  const [readSections, setReadSections] = useState(() => new Set(initialReadSections));
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [resumed, setResumed] = useState<string | null>(null);
  const storageKey = `dossier:progress:${assignmentId}`;
  const pending = useRef<Pending>({ sectionsRead: [], active: false });
  const lastActivity = useRef(0);
  const sending = useRef(false);

  const persist = useCallback(() => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(pending.current));
    } catch {
      // Private mode or full storage: the report stays in memory only.
    }
  }, [storageKey]);

  const flush = useCallback(
    async (useBeacon = false) => {
      const p = pending.current;
      if (!p.anchor && p.sectionsRead.length === 0 && !p.active) return;
      const body = JSON.stringify({ anchor: p.anchor, sectionsRead: p.sectionsRead.length ? p.sectionsRead : undefined, active: p.active || undefined });
      const url = `/api/assignments/${encodeURIComponent(assignmentId)}/progress`;
      if (useBeacon && navigator.sendBeacon) {
        if (navigator.sendBeacon(url, new Blob([body], { type: "application/json" }))) {
          pending.current = { sectionsRead: [], active: false };
          persist();
        }
        return;
      }
      if (sending.current) return;
      sending.current = true;
      const sent = pending.current;
      pending.current = { sectionsRead: [], active: false };
      setSaveState("saving");
      try {
        const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body, keepalive: true });
        if (res.ok) {
          const data = (await res.json()) as { summary: ProgressSummary };
          setSummary(data.summary);
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
    [assignmentId, persist],
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
    // Reports left over from an earlier visit that never reached the server.
    try {
      const saved = localStorage.getItem(storageKey);
      if (saved) pending.current = merge(JSON.parse(saved) as Pending, pending.current);
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
    const activityEvents = ["scroll", "keydown", "pointerdown", "touchstart"] as const;
    activityEvents.forEach((e) => window.addEventListener(e, markActive, { passive: true }));

    const endObserver = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const slug = (entry.target as HTMLElement).dataset.sectionEnd;
        if (slug && !pending.current.sectionsRead.includes(slug)) {
          pending.current.sectionsRead.push(slug);
          setSectionRead(slug, true);
          persist();
          // A finished part is worth saving now, not at the next periodic report.
          window.setTimeout(() => void flush(), 1500);
        }
      }
    });
    document.querySelectorAll("[data-section-end]").forEach((el) => endObserver.observe(el));

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

    const tick = window.setInterval(() => {
      if (document.visibilityState === "visible" && Date.now() - lastActivity.current < ACTIVE_WINDOW_MS) {
        pending.current.active = true;
      }
      void flush();
    }, REPORT_EVERY_MS);
    const onOnline = () => void flush();
    const onHide = () => {
      if (document.visibilityState === "hidden") void flush(true);
    };
    window.addEventListener("online", onOnline);
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onHide);
    return () => {
      // Leaving by an in-app link fires no pagehide: send what is queued now.
      void flush(true);
      activityEvents.forEach((e) => window.removeEventListener(e, markActive));
      endObserver.disconnect();
      positionObserver.disconnect();
      window.clearInterval(tick);
      window.removeEventListener("online", onOnline);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onHide);
    };
  }, [flush, initialSummary.resumeAnchor, persist, setSectionRead, storageKey]);

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
  return {
    anchor: b.anchor ?? a.anchor,
    sectionsRead: [...new Set([...(a.sectionsRead ?? []), ...(b.sectionsRead ?? [])])],
    active: Boolean(a.active || b.active),
  };
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
