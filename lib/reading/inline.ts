/**
 * Splits a paragraph's verbatim text into what the reader sees as distinct pieces: the
 * speaker's words, the translator's [bracketed] insertions, footnote markers like [1], and the
 * names and terms that have a note. Pure; the text's characters are never changed, only
 * grouped, so the rendered paragraph's text is exactly the source paragraph.
 */
export type InlineToken =
  | { type: "text"; text: string }
  | { type: "insertion"; text: string; children: InlineToken[] }
  | { type: "footnote-ref"; text: string; number: number }
  | { type: "term"; text: string; noteSlug: string };

export interface TermMatcher {
  /** Finds every alias occurrence (longest alias first, whole words only). */
  find(text: string): { index: number; length: number; noteSlug: string }[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function buildTermMatcher(notes: readonly { slug: string; aliases: readonly string[] }[]): TermMatcher {
  const aliasToSlug = new Map<string, string>();
  for (const note of notes) for (const alias of note.aliases) if (!aliasToSlug.has(alias)) aliasToSlug.set(alias, note.slug);
  const aliases = [...aliasToSlug.keys()].sort((a, b) => b.length - a.length);
  if (aliases.length === 0) return { find: () => [] };
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${aliases.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return {
    find(text) {
      const out: { index: number; length: number; noteSlug: string }[] = [];
      for (const m of text.matchAll(pattern)) {
        out.push({ index: m.index, length: m[0].length, noteSlug: aliasToSlug.get(m[0])! });
      }
      return out;
    },
  };
}

function splitTerms(text: string, matcher: TermMatcher, linkable: (slug: string) => boolean): InlineToken[] {
  const out: InlineToken[] = [];
  let at = 0;
  for (const m of matcher.find(text)) {
    if (!linkable(m.noteSlug)) continue;
    if (m.index > at) out.push({ type: "text", text: text.slice(at, m.index) });
    out.push({ type: "term", text: text.slice(m.index, m.index + m.length), noteSlug: m.noteSlug });
    at = m.index + m.length;
  }
  if (at < text.length) out.push({ type: "text", text: text.slice(at) });
  return out;
}

const BRACKETS = /\[[^\]\n]*\]/g;
const FOOTNOTE_REF = /^\[(\d{1,2})\]$/;

/**
 * @param linkable decides, per occurrence, whether a term gets a link (the caller links the
 *   first occurrence in each section, so the text is not cluttered). Called in reading order.
 */
export function tokenizeParagraph(
  text: string,
  matcher: TermMatcher,
  linkable: (noteSlug: string) => boolean = () => true,
): InlineToken[] {
  const out: InlineToken[] = [];
  let at = 0;
  for (const m of text.matchAll(BRACKETS)) {
    if (m.index > at) out.push(...splitTerms(text.slice(at, m.index), matcher, linkable));
    const ref = FOOTNOTE_REF.exec(m[0]);
    if (ref) out.push({ type: "footnote-ref", text: m[0], number: Number(ref[1]) });
    else out.push({ type: "insertion", text: m[0], children: splitTerms(m[0], matcher, linkable) });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(...splitTerms(text.slice(at), matcher, linkable));
  return out;
}

/** The text the tokens stand for: always equal to the input of tokenizeParagraph. */
export function tokensToText(tokens: readonly InlineToken[]): string {
  return tokens.map((t) => t.text).join("");
}
