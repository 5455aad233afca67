"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { QuestionTypeId } from "@/lib/question-types/ids";
import type { ConfigOf } from "@/lib/question-types/schemas";
import { choiceInputClass, paragraphLabel } from "@/components/quiz/players/parts";
import { describedBy, FieldLabel, hintIdFor } from "@/components/ui/field";
import { PassagePicker, toggleAnchor, type PickerPassage } from "@/components/quiz/passage-picker";

/**
 * What every question editor shares: its props, labelled inputs with their errors beside them,
 * number inputs that keep what was typed, list controls, and the paragraph picker. Errors are
 * keyed by the dotted path the question schema reports ("options.1.text"); an element's id is
 * that path with dashes under the editor's id prefix ("q-config-options-1-text"), so the
 * question form's error summary can link to it.
 */

/** Messages per dotted path. */
export type FieldErrors = Record<string, string[]>;

/** A paragraph of the reading, as the pickers show it. */
export type EditorPassage = PickerPassage;

export interface EditorProps<T extends QuestionTypeId> {
  /** The type's config, exactly as lib/question-types/schemas.ts defines it. */
  value: ConfigOf<T>;
  onChange: (next: ConfigOf<T>) => void;
  /** Errors keyed by dotted path inside the config ("options.1.text"; "" for the config as a whole). */
  errors: FieldErrors;
  /** Prefix of every element id, e.g. "q-config". */
  idPrefix: string;
  /** The reading's paragraphs (evidence questions cite them). */
  passages: readonly EditorPassage[];
}

/** "options.1.text" under "q-config" → "q-config-options-1-text"; "" → "q-config". */
export function fieldId(prefix: string, path: string): string {
  return path ? `${prefix}-${path.replace(/\./g, "-")}` : prefix;
}

export const errorIdFor = (id: string) => `${id}-error`;

export { describedBy };

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const withStop = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

const nouns: Record<string, string> = {
  options: "options",
  answers: "answers",
  items: "items",
  pairs: "pairs",
  distractors: "extra answers",
  rubric: "criteria",
  evidence: "paragraphs",
  anchors: "paragraphs",
};
const percentKeys = new Set(["credit", "weight", "answerWeight"]);

/**
 * The schema's messages in words for a teacher. Works on the message text, so it treats the
 * browser's own check and the server's answer the same way.
 */
export function friendlyMessage(path: string, message: string): string {
  const last = path.split(".").filter((s) => !/^\d+$/.test(s)).pop() ?? "";
  const known: Record<string, string> = {
    "exactly one option is correct": "Mark exactly one option as the correct answer.",
    "the right options' weights add up to 100%": "The positive credits (the right options) must add up to 100%.",
    "at least one answer earns full credit (100%)": "At least one answer must earn full credit (100%).",
    "a range's minimum is not above its maximum": "The minimum must not be above the maximum.",
    "the maximum is at least the minimum": "The maximum must be at least the minimum.",
    "each paragraph is listed once": "Choose each paragraph only once.",
    "option ids are unique": "Two options have the same id; remove one and add it again.",
  };
  if (known[message]) return known[message]!;
  let m = /^Too small: expected string to have >=?(\d+) characters?/.exec(message);
  if (m) return m[1] === "1" ? "This can’t be empty." : `Use at least ${m[1]} characters.`;
  m = /^Too big: expected string to have <=?(\d+) characters?/.exec(message);
  if (m) return `Use at most ${m[1]} characters.`;
  m = /^Too small: expected array to have >=?(\d+) items?/.exec(message);
  if (m) return `Add at least ${m[1]} ${m[1] === "1" ? (nouns[last] ?? "items").replace(/s$/, "").replace(/criteria$/, "criterion") : (nouns[last] ?? "items")}.`;
  m = /^Too big: expected array to have <=?(\d+) items?/.exec(message);
  if (m) return `Use at most ${m[1]} ${nouns[last] ?? "items"}.`;
  m = /^Too (small|big): expected number to be (>=|<=|>|<)(-?[\d.]+)/.exec(message);
  if (m) {
    const n = Number(m[3]);
    const bound = percentKeys.has(last) ? `${Math.round(n * 10000) / 100}%` : String(n);
    return m[1] === "small" ? `Use at least ${bound}.` : `Use at most ${bound}.`;
  }
  if (/expected int\b/.test(message)) return "Use a whole number.";
  if (/^Invalid input: expected number/.test(message)) return "Enter a number.";
  if (/^Invalid input: expected boolean/.test(message)) return "Choose yes or no.";
  return withStop(cap(message));
}

/** Error text beside a field; its id is what the field's aria-describedby points to. */
export function ErrorText({ id, path, messages }: { id: string; path: string; messages?: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={errorIdFor(id)} className="field-error" data-testid={`error-${id}`}>
      {messages.map((m) => friendlyMessage(path, m)).join(" ")}
    </p>
  );
}

/** What TextField and NumberField take besides their own options. */
interface FieldProps<V> {
  id: string;
  path: string;
  label: React.ReactNode;
  value: V;
  onChange: (v: V) => void;
  errors?: string[] | undefined;
  hint?: React.ReactNode;
  className?: string;
}

/** The input's links to its hint and its error. */
function fieldAria(id: string, hint: React.ReactNode, errors: string[] | undefined) {
  const has = !!errors?.length;
  return { "aria-invalid": has ? true : undefined, "aria-describedby": describedBy(hint ? hintIdFor(id) : null, has ? errorIdFor(id) : null) } as const;
}

/** The label and hint above an input, its error below. */
function FieldFrame({ id, path, label, hint, errors, className, children }: Omit<FieldProps<unknown>, "value" | "onChange"> & { children: React.ReactNode }) {
  return (
    <div className={className}>
      <FieldLabel id={id} label={label} hint={hint} />
      {children}
      <ErrorText id={id} path={path} messages={errors} />
    </div>
  );
}

/** A labelled one-line or multi-line text input with its error. */
export function TextField({
  value,
  onChange,
  multiline,
  rows = 3,
  maxLength,
  placeholder,
  list,
  ...field
}: FieldProps<string> & {
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  placeholder?: string;
  list?: string;
}) {
  const props = { id: field.id, value, maxLength, placeholder, ...fieldAria(field.id, field.hint, field.errors), className: "field-input" } as const;
  return (
    <FieldFrame {...field}>
      {multiline ? (
        <textarea {...props} rows={rows} onChange={(e) => onChange(e.currentTarget.value)} />
      ) : (
        <input {...props} type="text" list={list} autoComplete="off" onChange={(e) => onChange(e.currentTarget.value)} />
      )}
    </FieldFrame>
  );
}

const sameNumber = (a: number | undefined, b: number | undefined) => (a === undefined ? b === undefined : b !== undefined && (a === b || (Number.isNaN(a) && Number.isNaN(b))));

function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, "").replace(",", ".");
  if (t === "") return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
}

const formatNumber = (n: number | undefined, scale: number) => (n === undefined || Number.isNaN(n) ? "" : String(Math.round(n * scale * 1e6) / 1e6));

/**
 * A number typed as text, so that "3.", "-" or "" stay on screen exactly as typed while the
 * config gets a number (scaled: 50 typed in a % field is 0.5). Something that is not a number
 * becomes NaN, which the schema reports as "Enter a number"; empty is undefined when the field
 * is optional.
 */
export function NumberField({
  value,
  onChange,
  scale = 1,
  suffix,
  optional,
  allowNegative,
  inputClassName = "field-input w-28",
  ...field
}: FieldProps<number | undefined> & {
  /** 100 for a percentage of a fraction. */
  scale?: number;
  suffix?: string;
  optional?: boolean;
  allowNegative?: boolean;
  inputClassName?: string;
}) {
  const [text, setText] = useState(() => formatNumber(value, scale));
  const typed = parseNumber(text);
  const fromTyped = typed === undefined ? (optional ? undefined : Number.NaN) : typed / scale;
  // The config changed from elsewhere (a kind switch, a reset): show it; otherwise keep the typing.
  const shown = sameNumber(fromTyped, value) ? text : formatNumber(value, scale);
  return (
    <FieldFrame {...field}>
      <span className="flex items-center gap-2">
        <input
          id={field.id}
          type="text"
          inputMode={allowNegative ? "text" : "decimal"}
          autoComplete="off"
          spellCheck={false}
          className={inputClassName}
          value={shown}
          {...fieldAria(field.id, field.hint, field.errors)}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setText(next);
            const n = parseNumber(next);
            onChange(n === undefined ? (optional ? undefined : Number.NaN) : n / scale);
          }}
        />
        {suffix ? <span aria-hidden="true">{suffix}</span> : null}
      </span>
    </FieldFrame>
  );
}

export function Checkbox({ id, label, hint, checked, onChange }: { id: string; label: React.ReactNode; hint?: React.ReactNode; checked: boolean; onChange: (v: boolean) => void }) {
  const hintId = `${id}-hint`;
  return (
    <div className="flex items-start gap-3">
      <input id={id} type="checkbox" className={choiceInputClass} checked={checked} aria-describedby={hint ? hintId : undefined} onChange={(e) => onChange(e.currentTarget.checked)} />
      <div>
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="text-sm text-muted">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** The list-level error (e.g. "exactly one option is correct"), announced under the list's legend. */
export function ListError({ id, path, errors }: { id: string; path: string; errors: FieldErrors }) {
  return <ErrorText id={id} path={path} messages={errors[path]} />;
}

/**
 * Focus after a list change: the moved row's button, the new row's first input, the button
 * after a removed row. Call focusSoon(id) in the handler; the element is focused once rendered.
 */
export function useFocusSoon(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    const el = document.getElementById(pending.current);
    pending.current = null;
    if (el instanceof HTMLElement && !(el as HTMLButtonElement).disabled) el.focus();
  });
  const [, force] = useState(0);
  return (id: string) => {
    pending.current = id;
    force((n) => n + 1);
  };
}

/** Moves, removes and adds rows of a list, keeping focus where a keyboard user expects it. */
export function useListControls<T>(items: readonly T[], set: (next: T[]) => void, ids: { moveUp: (i: number) => string; moveDown: (i: number) => string; remove: (i: number) => string; add: string; first: (i: number) => string }) {
  const focusSoon = useFocusSoon();
  return {
    move(i: number, by: -1 | 1) {
      const j = i + by;
      if (j < 0 || j >= items.length) return;
      const next = [...items];
      [next[i], next[j]] = [next[j]!, next[i]!];
      set(next);
      // Keep focus on the same button of the moved row; at the end of the list, on the other one.
      const atEdge = by === -1 ? j === 0 : j === items.length - 1;
      focusSoon(atEdge ? (by === -1 ? ids.moveDown(j) : ids.moveUp(j)) : by === -1 ? ids.moveUp(j) : ids.moveDown(j));
    },
    remove(i: number) {
      const next = items.filter((_, k) => k !== i);
      set(next);
      focusSoon(next.length === 0 ? ids.add : ids.remove(Math.min(i, next.length - 1)));
    },
    add(item: T) {
      set([...items, item]);
      focusSoon(ids.first(items.length));
    },
  };
}

/** Move up / Move down / Remove for one row, named after the row for screen readers. */
export function RowButtons({
  index,
  count,
  rowName,
  idFor,
  onMove,
  onRemove,
  canRemove = true,
  movable = true,
}: {
  index: number;
  count: number;
  rowName: string;
  idFor: { moveUp: (i: number) => string; moveDown: (i: number) => string; remove: (i: number) => string };
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  canRemove?: boolean;
  movable?: boolean;
}) {
  const small = "rounded-md border border-line bg-white px-3 py-1.5 text-sm font-semibold hover:bg-stone-100 disabled:opacity-50";
  return (
    <div className="flex flex-wrap gap-2">
      {movable ? (
        <>
          <button type="button" id={idFor.moveUp(index)} className={small} disabled={index === 0} onClick={() => onMove(-1)}>
            Move up<span className="sr-only"> {rowName}</span>
          </button>
          <button type="button" id={idFor.moveDown(index)} className={small} disabled={index === count - 1} onClick={() => onMove(1)}>
            Move down<span className="sr-only"> {rowName}</span>
          </button>
        </>
      ) : null}
      <button type="button" id={idFor.remove(index)} className={small} disabled={!canRemove} onClick={onRemove}>
        Remove<span className="sr-only"> {rowName}</span>
      </button>
    </div>
  );
}

export const rowIds = (prefix: string) => ({
  moveUp: (i: number) => `${prefix}-${i}-up`,
  moveDown: (i: number) => `${prefix}-${i}-down`,
  remove: (i: number) => `${prefix}-${i}-remove`,
});

export const addButtonClass = "btn-secondary";
export const rowClass = "rounded-md border border-line bg-stone-50 p-3 space-y-3";

/** The next unused id: a, b, c … z, then o27, o28 … (the GIFT importer's scheme), or prefix1, prefix2 … */
export function freshId(used: readonly string[], prefix?: string): string {
  const taken = new Set(used);
  if (!prefix) {
    for (let i = 0; i < 26; i++) {
      const id = String.fromCharCode(97 + i);
      if (!taken.has(id)) return id;
    }
    prefix = "o";
  }
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!taken.has(id)) return id;
  }
}

/** The running "positives add up to" note, and the like: announced politely as it changes. */
export function LiveNote({ id, ok, children }: { id?: string; ok: boolean; children: React.ReactNode }) {
  return (
    <p id={id} aria-live="polite" className={`text-sm font-semibold ${ok ? "text-green-800" : "text-warn"}`}>
      {children}
    </p>
  );
}

/**
 * The paragraph picker inside a labelled fieldset, with the count of chosen paragraphs and their
 * error. Anchors that are not in this reading (an import, an older question) are kept and listed
 * so they can be removed.
 */
export function ParagraphPicker({
  id,
  path,
  legend,
  hint,
  passages,
  value,
  onChange,
  max,
  errors,
}: {
  id: string;
  path: string;
  legend: string;
  hint?: string;
  passages: readonly EditorPassage[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  max: number;
  errors?: string[] | undefined;
}) {
  const chosen = new Set(value);
  const full = chosen.size >= max;
  const hintId = `${id}-hint`;
  const countId = `${id}-count`;
  const has = !!errors?.length;

  const known = useMemo(() => new Set(passages.map((p) => p.anchor)), [passages]);
  const unknown = value.filter((a) => !known.has(a));

  return (
    <fieldset id={id} aria-describedby={describedBy(hint ? hintId : null, countId, has ? errorIdFor(id) : null)} aria-invalid={has ? true : undefined}>
      <legend className="field-label">{legend}</legend>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <p id={countId} className="mt-1 text-sm" aria-live="polite" data-testid={`${id}-count`}>
        {chosen.size === 0 ? "No paragraphs chosen." : `${chosen.size} chosen: ${value.map(paragraphLabel).join(", ")}.`}
        {full ? ` That is the most (${max}); untick one to choose another.` : ""}
      </p>
      <ErrorText id={id} path={path} messages={errors} />
      {unknown.length ? (
        <ul className="mt-2 space-y-1 text-sm">
          {unknown.map((a) => (
            <li key={a} className="flex flex-wrap items-center gap-2">
              <span>{paragraphLabel(a)} is not a paragraph of this reading.</span>
              <button type="button" className="rounded border border-line bg-white px-2 py-0.5 font-semibold hover:bg-stone-100" onClick={() => onChange(toggleAnchor(value, a, false, passages, max))}>
                Remove {paragraphLabel(a)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <PassagePicker
        id={id}
        passages={passages}
        value={value}
        onChange={onChange}
        max={max}
        listLabel={`${legend}: paragraphs of the reading`}
        unavailableText="The reading’s paragraphs are not available."
      />
    </fieldset>
  );
}
