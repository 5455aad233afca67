/**
 * The small pieces every type's labels.ts uses to say an answer or a key in words, so that every
 * type marks credit, numbers and typed text the same way. Pure.
 */
import { normalizeAnswerText, type TextMatchFlags } from "./normalize";

/** "50%", "−50%" (a real minus sign). */
export function percentLabel(credit: number): string {
  const p = Math.round(credit * 100);
  return p < 0 ? `−${-p}%` : `${p}%`;
}

/**
 * One line of a key: "✓ text" for full credit, "◐ text (50%)" for partial credit, "✗ text (−50%)"
 * for a penalty; null for an entry worth nothing (feedback for a common mistake, not a key).
 */
export function creditLine(text: string, credit: number): string | null {
  if (credit >= 1) return `✓ ${text}`;
  if (credit > 0) return `◐ ${text} (${percentLabel(credit)})`;
  if (credit < 0) return `✗ ${text} (${percentLabel(credit)})`;
  return null;
}

export const present = <T>(x: T | null | undefined): x is T => x !== null && x !== undefined;

/** Typed text as the student typed it, minus the spaces around and between words; "" for none. */
export function typedLabel(text: string | undefined): string {
  return (text ?? "").replace(/\s+/gu, " ").trim();
}

/** Typed answers that grading treats alike (by the question's case, accent and punctuation rules) share a group. */
export function textGroup(label: string, flags: TextMatchFlags): string {
  return normalizeAnswerText(label, flags) || label;
}

/** What the text-match rules make count, for the key: "" when they are all lenient. */
export function textRulesLine(flags: TextMatchFlags): string | null {
  const strict = [flags.caseSensitive ? "case" : null, flags.accentSensitive ? "accents" : null, flags.punctuationSensitive ? "punctuation" : null].filter(present);
  return strict.length ? `(${strict.join(", ")} must match)` : null;
}

/** "1975", "0.5", "12 500": numbers in a key as a person writes them. */
export function numberLabel(n: number): string {
  return n.toLocaleString("en-GB", { maximumFractionDigits: 10, useGrouping: Math.abs(n) >= 10_000 }).replace(/,/g, " ");
}

/** "¶ 12" for the anchor "p-12". */
export const paragraphMark = (anchor: string) => `¶ ${anchor.replace(/^p-/, "")}`;

/** The text of the item with this id, or the id itself for one no longer in the question. */
export function textOf(list: readonly { id: string; text: string }[], id: string): string {
  return list.find((o) => o.id === id)?.text ?? id;
}
