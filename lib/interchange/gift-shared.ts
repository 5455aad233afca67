/**
 * What the GIFT reader and writer must agree on: the escapes, the text-format tags, the blank
 * that marks a missing word, the ids given to answers, and the `// dossier:` comment lines that
 * carry what GIFT itself cannot. Kept apart so a change on one side can't drift from the other.
 */

/** Moodle puts this where the answer block stood when the block is in the middle of the text. */
export const BLANK = "_____";

export const TEXT_FORMATS = ["moodle", "html", "plain", "markdown"] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** Moodle reads a question without a tag as its own "Moodle auto-format", so an import does too. */
export const GIFT_DEFAULT_FORMAT: TextFormat = "moodle";

export function isTextFormat(tag: string): tag is TextFormat {
  return (TEXT_FORMATS as readonly string[]).includes(tag);
}

/** A known tag at the very start of a text, as Moodle reads it (lowercase only, like Moodle). */
const LEADING_FORMAT_TAG = /^\[(moodle|html|plain|markdown)\]/;

export function splitFormatTag(text: string): { format: TextFormat | null; rest: string } {
  const m = LEADING_FORMAT_TAG.exec(text);
  if (!m || !m[1] || !isTextFormat(m[1])) return { format: null, rest: text };
  return { format: m[1], rest: text.slice(m[0].length) };
}

export function startsWithFormatTag(text: string): boolean {
  return LEADING_FORMAT_TAG.test(text);
}

/**
 * GIFT carries no answer ids, so an import names them by position: "a", "b", "c"… for choices,
 * "p1", "p2"… for matching pairs. An export → import round trip therefore renames ids.
 */
export function optionIdFor(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : `o${index + 1}`;
}

export function pairIdFor(index: number): string {
  return `p${index + 1}`;
}

/**
 * Moodle's numeric `~#feedback` (feedback for any other number) has no slot in Dossier's numeric
 * config; it travels as a zero-credit range that accepts every finite number. The grader keeps
 * the best-credited matching answer, so this range only wins when nothing else matched.
 */
export const CATCH_ALL_MIN = -Number.MAX_VALUE;
export const CATCH_ALL_MAX = Number.MAX_VALUE;

/** Comment lines Moodle ignores and Dossier reads back; they sit directly before a question. */
export const META_PREFIX = "// dossier:";
export const META_KEYS = ["anchors", "short-answer", "unit", "essay", "no-category"] as const;
export type MetaKey = (typeof META_KEYS)[number];

export function isMetaKey(key: string): key is MetaKey {
  return (META_KEYS as readonly string[]).includes(key);
}

/** Moodle's import default for short answers is case-insensitive; Dossier's defaults match. */
export const SHORT_ANSWER_DEFAULTS = { caseSensitive: false, accentSensitive: false, punctuationSensitive: false } as const;

/**
 * "33.33333" (a percentage as written) → 0.3333333. Parsing with an exponent rounds once, where
 * dividing by 100 would round twice and give 0.33333329999999994.
 */
export function percentToFraction(percent: string): number {
  return Number(`${percent}e-2`);
}

/** One line, no control characters: for texts written into comments and `$CATEGORY:` lines. */
export function flatten(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").trim();
}
