/**
 * Finds statements of hindsight in authored prose: dates after the document's date, and a few
 * phrases that only later knowledge allows ("never ratified"). Used by tests/unit/content.test.ts
 * to check that everything the speakers could not know sits in a part marked as hindsight.
 *
 * The content's convention, which the reader sees as words: prose is split into paragraphs by
 * blank lines; from the first marker in a paragraph ("In hindsight", "(hindsight)", "… could not
 * know …") to the end of that paragraph is hindsight. A sentence that says the event came "after
 * this meeting" marks itself, and one that says an event was "due to open" speaks of something
 * already scheduled, which the speakers did know. Timeline events dated after the document are
 * hindsight as a whole (the page labels them "After the meeting").
 */

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
const MONTH = `(?:${MONTHS.join("|")})`;
const monthNumber = (name: string) => MONTHS.indexOf(name as (typeof MONTHS)[number]) + 1;
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

export const HINDSIGHT_MARKER = /\bhindsight\b|\bcould not (?:yet )?know\b/i;

/** A sentence with one of these marks itself: the later date in it is flagged as later. */
const SENTENCE_MARKER = /\bafter (?:this|the) meeting\b|\bdue to (?:open|begin|meet)\b/i;

/**
 * Where the document's archive is today is its provenance, not part of the story the speakers
 * could or could not know (the Stasi records passed to the Bundesarchiv in June 2021).
 */
const PROVENANCE = /\bBundesarchiv\b/;

/** Splits a paragraph into sentences; a wrong split only makes a sentence marker cover less. */
export function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?][”’)]?)\s+(?=[“‘(]?[A-Z0-9])/);
}

/** Phrases that state a later outcome without a date. */
const LATER_OUTCOME = /\bnever ratified\b|\bwas to (?:become|remain|last)\b|\bwould (?:later|go on to)\b/i;

export interface DatedMention {
  /** The words as written, e.g. "December 1986". */
  text: string;
  /** The earliest day the mention can mean (a month means its first day, a year 1 January). */
  earliest: string;
  index: number;
}

/**
 * Spans that are not statements of when something happened after the document:
 * - a lifespan or term of office that began by the document's year ("(1914–1984)",
 *   "from May 1967 to May 1982", "about 1976–86");
 * - budget years, which were labels known at the time ("fiscal year 1982", "FY1982–86",
 *   a five-year plan "(1982–86)").
 */
function exemptSpans(text: string, documentYear: number): [number, number][] {
  const spans: [number, number][] = [];
  const day = `(?:\\d{1,2}\\s+)?`;
  const range = new RegExp(`(?:${day}${MONTH}\\s+)?\\b(1[89]\\d\\d|20\\d\\d)\\s*(?:–|-|\\bto\\b)\\s*(?:${day}${MONTH}\\s+)?(\\d{4}|\\d{2})\\b`, "g");
  for (const m of text.matchAll(range)) {
    if (Number(m[1]) <= documentYear) spans.push([m.index, m.index + m[0].length]);
  }
  const budget = /\b(?:fiscal years?|FY)\s*\d{4}(?:\s*[–-]\s*\d{2,4})?|\bplan\b[^.;]{0,40}?\(?(?:fiscal years\s*)?\d{4}\s*[–-]\s*\d{2}\)?/gi;
  for (const m of text.matchAll(budget)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** Every date (full, month and year, or year) written in the text, in order. */
export function datedMentions(text: string, documentYear: number): DatedMention[] {
  const taken: boolean[] = new Array<boolean>(text.length).fill(false);
  for (const [a, b] of exemptSpans(text, documentYear)) for (let i = a; i < b; i++) taken[i] = true;
  const out: DatedMention[] = [];
  const claim = (m: RegExpMatchArray, earliest: string) => {
    const a = m.index!;
    const b = a + m[0].length;
    for (let i = a; i < b; i++) if (taken[i]) return;
    for (let i = a; i < b; i++) taken[i] = true;
    out.push({ text: m[0], earliest, index: a });
  };
  // Most precise first, so "18 July 1981" is not also read as "July 1981" and "1981".
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2})(?:\\s*[–-]\\s*\\d{1,2})?\\s+(${MONTH})\\s+(\\d{4})\\b`, "g"))) {
    claim(m, iso(Number(m[3]), monthNumber(m[2]!), Number(m[1])));
  }
  for (const m of text.matchAll(new RegExp(`\\b(${MONTH})\\s+(\\d{4})\\b`, "g"))) claim(m, iso(Number(m[2]), monthNumber(m[1]!), 1));
  for (const m of text.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)) claim(m, iso(Number(m[1]), 1, 1));
  // A day and month without a year belong to the last year written before them in the paragraph.
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2})(?:\\s*[–-]\\s*\\d{1,2})?\\s+(${MONTH})\\b`, "g"))) {
    const before = out.filter((d) => d.index < m.index!).sort((x, y) => y.index - x.index)[0];
    if (before) claim(m, iso(Number(before.earliest.slice(0, 4)), monthNumber(m[2]!), Number(m[1])));
  }
  return out.sort((x, y) => x.index - y.index);
}

export interface UnmarkedHindsight {
  paragraph: string;
  found: string;
}

/**
 * What the prose says after `documentDate` outside a hindsight-marked part. A month or year
 * that may still include the document's date (e.g. "July 1981", "1981") is not counted.
 */
export function unmarkedHindsight(prose: string, documentDate: string): UnmarkedHindsight[] {
  const documentYear = Number(documentDate.slice(0, 4));
  const out: UnmarkedHindsight[] = [];
  for (const paragraph of prose.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)) {
    const marker = HINDSIGHT_MARKER.exec(paragraph);
    const plain = marker ? paragraph.slice(0, marker.index) : paragraph;
    // Sentences as [start, end) offsets, so a date read with the paragraph's year context can be
    // traced back to the sentence that says it.
    const spans: [number, number, string][] = [];
    let at = 0;
    for (const sentence of sentencesOf(plain)) {
      const start = plain.indexOf(sentence, at);
      spans.push([start, start + sentence.length, sentence]);
      at = start + sentence.length;
    }
    const selfMarked = (index: number) =>
      spans.some(([a, b, sentence]) => index >= a && index < b && (SENTENCE_MARKER.test(sentence) || PROVENANCE.test(sentence)));
    for (const d of datedMentions(plain, documentYear)) {
      if (d.earliest > documentDate && !selfMarked(d.index)) out.push({ paragraph, found: d.text });
    }
    for (const m of plain.matchAll(new RegExp(LATER_OUTCOME.source, "gi"))) {
      if (!selfMarked(m.index)) out.push({ paragraph, found: m[0] });
    }
  }
  return out;
}
