/**
 * Shared normalisation for grading: how typed text is compared (short-answer, evidence) and how
 * a raw score becomes a stored fraction and a state. Kept in one place so every type compares
 * and rounds the same way.
 */
import type { GradeResult, GradeState } from "./contract";

export interface TextMatchFlags {
  caseSensitive: boolean;
  accentSensitive: boolean;
  punctuationSensitive: boolean;
}

/**
 * Letters NFD does not decompose (they are distinct letters, not base + mark), mapped to what a
 * student without the keyboard layout types: "Walesa" for "Wałęsa", "Strauss" for "Strauß".
 */
const UNDECOMPOSABLE: Record<string, string> = {
  ł: "l",
  Ł: "L",
  ø: "o",
  Ø: "O",
  ß: "ss",
  ẞ: "SS",
  đ: "d",
  Đ: "D",
};
const UNDECOMPOSABLE_RE = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join("")}]`, "gu");

export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(UNDECOMPOSABLE_RE, (ch) => UNDECOMPOSABLE[ch] ?? ch)
    .normalize("NFC");
}

/**
 * The form in which a typed answer and an accepted answer are compared. NFC first, always:
 * "ś" typed as s + combining acute is the same text as precomposed "ś", whatever the flags say.
 * Lower-casing uses toLowerCase, not toLocaleLowerCase, so grading never depends on the
 * server's locale.
 */
export function normalizeAnswerText(text: string, flags: TextMatchFlags): string {
  let out = text.normalize("NFC");
  if (!flags.caseSensitive) out = out.toLowerCase();
  if (!flags.accentSensitive) out = stripDiacritics(out);
  if (!flags.punctuationSensitive) out = out.replace(/[\p{P}\p{S}]/gu, "");
  // Collapsing last also tidies the gaps that removed punctuation leaves ("1980 , Gdańsk").
  return out.replace(/\s+/gu, " ").trim();
}

/** No visible content: whitespace and invisible format characters (zero-width space, BOM) only. */
export function isBlank(text: string | null | undefined): boolean {
  return text == null || !/[^\s\p{Cf}]/u.test(text);
}

/** Stored fractions have 4 decimals, so 0.1 + 0.2 + 0.7 is 1 and regrading gives identical numbers. */
export function roundFraction(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const rounded = Math.round(value * 10_000) / 10_000;
  return rounded === 0 ? 0 : rounded; // no -0 in stored results
}

export function clampFraction(value: number): number {
  return Math.min(1, Math.max(0, value));
}

export function stateForFraction(fraction: number): GradeState {
  if (fraction >= 1) return "correct";
  if (fraction <= 0) return "incorrect";
  return "partial";
}

/** The result for an answered question whose raw score is `raw` (clamped to 0..1 and rounded). */
export function scored(raw: number, feedback: readonly string[] = []): GradeResult {
  const fraction = roundFraction(clampFraction(raw));
  return { fraction, state: stateForFraction(fraction), feedback: [...feedback] };
}

export function unanswered(): GradeResult {
  return { fraction: 0, state: "unanswered", feedback: [] };
}

/** Author feedback worth showing: present and not just spaces. */
export function feedbackList(...items: (string | undefined)[]): string[] {
  return items.filter((f): f is string => f !== undefined && !isBlank(f));
}
