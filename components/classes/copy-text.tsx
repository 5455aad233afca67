"use client";

import { useId, useRef, useState } from "react";

type CopyState = "idle" | "copied" | "manual";

/**
 * Copies `value` with one click and says so, on screen and to screen readers. The clipboard API
 * exists only on https (or localhost); on a school server reached over plain http, or when the
 * browser refuses, the text is selected instead and the person is told how to copy it.
 */
export function useCopy(value: string, select: () => void) {
  const [state, setState] = useState<CopyState>("idle");
  const [round, setRound] = useState(0);
  const copy = async () => {
    setRound((n) => n + 1);
    try {
      if (!navigator.clipboard?.writeText || !window.isSecureContext) throw new Error("no clipboard");
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      select();
      setState("manual");
    }
  };
  return { state, round, copy };
}

export function CopyStatus({ state, round, what }: { state: CopyState; round: number; what: string }) {
  // The live region is always there; its text changes (with a zero-width marker per round so a
  // second "Copied" is announced again).
  const text = state === "copied" ? `Copied ${what}` : state === "manual" ? "Selected: press Ctrl+C (⌘C on a Mac) to copy, or long-press on a phone" : "";
  return (
    <span role="status" className="text-sm font-semibold text-green-800" data-testid="copy-status">
      {text}
      {state !== "idle" && round % 2 === 0 ? "\u200B" : ""}
    </span>
  );
}

/** A short text (a join code) shown large elsewhere, with a Copy button. */
export function CopyButton({ value, label, what }: { value: string; label: string; what: string }) {
  const { state, round, copy } = useCopy(value, () => {});
  return (
    <span className="inline-flex flex-wrap items-center gap-3">
      <button type="button" className="btn-secondary" onClick={() => void copy()}>
        {label}
      </button>
      <CopyStatus state={state} round={round} what={what} />
      {state === "manual" ? (
        <span className="font-mono text-lg select-all" data-testid="copy-fallback">
          {value}
        </span>
      ) : null}
    </span>
  );
}

/** A link in a read-only, selectable field with a Copy button beside it. */
export function CopyField({ value, label, what, hint }: { value: string; label: string; what: string; hint?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const { state, round, copy } = useCopy(value, () => {
    input.current?.focus();
    input.current?.select();
  });
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input
          ref={input}
          id={id}
          type="text"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="field-input mt-0 min-w-0 flex-1 font-mono text-sm"
          spellCheck={false}
        />
        <button type="button" className="btn-secondary" onClick={() => void copy()}>
          Copy<span className="sr-only"> {what}</span>
        </button>
      </div>
      <CopyStatus state={state} round={round} what={what} />
    </div>
  );
}
