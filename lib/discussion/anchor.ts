/**
 * Anchoring posts to a paragraph's text, after the W3C Web Annotation model: a TextQuoteSelector
 * (exact, prefix, suffix) and a TextPositionSelector (start, end), both within ONE paragraph's
 * text (the source text, which the page renders unchanged: lib/reading/inline.ts). Pure; used by
 * the server to check what a browser sends, and to re-anchor when a reading's text has changed.
 */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextSpan extends TextQuote {
  start: number;
  end: number;
}

/** How much context a selector keeps on each side: enough to tell repeated words apart. */
export const CONTEXT_CHARS = 32;
export const MAX_QUOTE_CHARS = 2000;

/** The selector for text[start, end): the quote and its context. */
export function describeSpan(text: string, start: number, end: number, context = CONTEXT_CHARS): TextSpan {
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
  };
}

export type SpanCheck = { ok: true; span: TextSpan } | { ok: false; reason: string };

/**
 * Whether a selector a browser sent really describes this paragraph's text: offsets in range,
 * the quote at those offsets, and the context around it as sent (the context may be shorter than
 * CONTEXT_CHARS only at the paragraph's edges). The stored selector is rebuilt from the text, so
 * what is kept is exactly the paragraph's characters.
 */
export function checkSpan(text: string, sel: TextSpan): SpanCheck {
  const { start, end, exact, prefix, suffix } = sel;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    return { ok: false, reason: "The selected words are not inside that paragraph." };
  }
  if (exact.length > MAX_QUOTE_CHARS) return { ok: false, reason: `Select at most ${MAX_QUOTE_CHARS} characters.` };
  if (text.slice(start, end) !== exact) return { ok: false, reason: "The selected words do not match the paragraph's text." };
  if (!text.slice(0, start).endsWith(prefix) || !text.slice(end).startsWith(suffix)) {
    return { ok: false, reason: "The selected words do not match the paragraph's text around them." };
  }
  return { ok: true, span: describeSpan(text, start, end) };
}

export type Reanchored = { status: "anchored"; start: number; end: number } | { status: "orphaned" };

/** Length of the common suffix of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

const normaliseSpaces = (s: string) => s.replace(/\s+/g, " ");

/**
 * Finds a stored quote in a paragraph's (possibly changed) text. In order:
 *  1. at its old offsets, unchanged;
 *  2. every exact occurrence, the best chosen by how much of its old prefix and suffix still
 *     surround it, then by closeness to the old offset;
 *  3. the same with runs of whitespace treated as one space (an editor reflowing a line).
 * Nothing found: orphaned (the caller keeps the quote and shows it with the post).
 */
export function reanchor(text: string, span: TextSpan): Reanchored {
  const { exact, prefix, suffix, start } = span;
  if (!exact) return { status: "orphaned" };
  if (text.slice(start, span.end) === exact && start >= 0) return { status: "anchored", start, end: span.end };

  const best = (hay: string, needle: string, pre: string, suf: string, origin: number) => {
    let pick: { at: number; score: number; distance: number } | null = null;
    for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
      const score = commonSuffix(hay.slice(0, at), pre) + commonPrefix(hay.slice(at + needle.length), suf);
      const distance = Math.abs(at - origin);
      if (!pick || score > pick.score || (score === pick.score && distance < pick.distance)) pick = { at, score, distance };
    }
    return pick?.at ?? null;
  };

  const at = best(text, exact, prefix, suffix, start);
  if (at !== null) return { status: "anchored", start: at, end: at + exact.length };

  // Whitespace-insensitive: search in a normalised copy, then map back to the original offsets.
  const needle = normaliseSpaces(exact).trim();
  if (!needle) return { status: "orphaned" };
  const map: number[] = [];
  let norm = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (norm.endsWith(" ")) continue;
      norm += " ";
    } else norm += ch;
    map.push(i);
  }
  map.push(text.length);
  const nAt = best(norm, needle, normaliseSpaces(prefix), normaliseSpaces(suffix), start);
  if (nAt === null) return { status: "orphaned" };
  const s = map[nAt]!;
  const lastChar = map[nAt + needle.length - 1]!;
  return { status: "anchored", start: s, end: lastChar + 1 };
}
