import { z } from "zod";

/**
 * Turns the captured source text into the reading's sections and paragraphs.
 *
 * Pure: no I/O. The editorial knowledge about this particular document (where the body starts
 * and ends, which lines are headings, where the transcription has a gap) lives in the
 * reading's structure.json, so the parser itself stays general.
 */

export const paragraphKinds = [
  "title",
  "delegation",
  "member",
  "speaker",
  "heading",
  "list-item",
  "bullet",
  "text",
  "narration",
  "gap",
  "footnote",
] as const;
export type ParagraphKind = (typeof paragraphKinds)[number];

export const structureSchema = z.object({
  bodyStartsWith: z.string().min(1),
  bodyEndsBefore: z.string().min(1),
  sections: z
    .array(
      z.object({
        slug: z.string().regex(/^[a-z0-9-]+$/),
        title: z.string().min(1),
        startsWith: z.string().min(1),
      }),
    )
    .min(1),
  speakers: z.record(z.string(), z.string().regex(/^[a-z]+$/)),
  headings: z.array(z.string()),
  narration: z.array(z.string()),
  gaps: z.array(z.object({ after: z.string().min(1), label: z.string().min(1) })),
});
export type ReadingStructure = z.infer<typeof structureSchema>;

export interface ParsedParagraph {
  /** Stable anchor: "p-<n>" numbered over the document's own paragraphs; "gap-<n>" for gaps. */
  anchor: string;
  position: number;
  kind: ParagraphKind;
  /** Verbatim from the source (a bullet's marker removed); for a gap, the editorial label. */
  text: string;
  speaker: string | null;
  sectionSlug: string;
  /** 1-based line number in the source file, for error messages and tests. */
  line: number;
}

export interface ParsedSection {
  slug: string;
  title: string;
  position: number;
}

export interface ParsedReading {
  sections: ParsedSection[];
  paragraphs: ParsedParagraph[];
}

export class SourceParseError extends Error {
  override name = "SourceParseError";
}

const BULLET = /^\s*[•·▪◦]\s+/;
const FOOTNOTE = /^\[(\d{1,2})\]\s/;
const DELEGATION = /^from the .+:$/;

interface Line {
  text: string;
  line: number;
}

function bodyLines(source: string, structure: ReadingStructure): Line[] {
  const all = source.replace(/\r\n?/g, "\n").split("\n");
  const start = all.findIndex((l) => l.trim().startsWith(structure.bodyStartsWith));
  if (start < 0) throw new SourceParseError(`The body start "${structure.bodyStartsWith}" is not in the source`);
  const endOffset = all.slice(start).findIndex((l) => l.trim().startsWith(structure.bodyEndsBefore));
  if (endOffset < 0) throw new SourceParseError(`The body end "${structure.bodyEndsBefore}" is not in the source`);
  return all
    .slice(start, start + endOffset)
    .map((text, i) => ({ text, line: start + i + 1 }))
    .filter((l) => l.text.trim() !== "");
}

/** Short lines with no closing punctuation that follow an introducing colon are list items. */
function looksLikeListItem(text: string): boolean {
  return text.length <= 80 && !/[.!?”"]$/.test(text);
}

export function parseSource(source: string, structure: ReadingStructure): ParsedReading {
  const lines = bodyLines(source, structure);
  const headings = new Set(structure.headings);
  const paragraphs: ParsedParagraph[] = [];
  let speaker: string | null = null;
  let inDelegations = true;
  let inList = false;
  let inFootnotes = false;
  let counter = 0;
  let gapCounter = 0;

  for (const { text: raw, line } of lines) {
    const text = raw.trim();
    let kind: ParagraphKind;
    let body = text;
    let turnSpeaker = speaker;

    if (FOOTNOTE.test(text) && (inFootnotes || paragraphs.length > 0)) {
      // Footnote text starts with its marker, e.g. "[1] Probably a phonetic mistake."
      kind = "footnote";
      inFootnotes = true;
      turnSpeaker = null;
    } else if (paragraphs.length < 2) {
      kind = "title";
      turnSpeaker = null;
    } else if (inDelegations && DELEGATION.test(text)) {
      kind = "delegation";
      turnSpeaker = null;
    } else if (inDelegations && text.startsWith("Comrade ") && !text.endsWith(":")) {
      kind = "member";
      turnSpeaker = null;
    } else if (structure.speakers[text] !== undefined) {
      kind = "speaker";
      inDelegations = false;
      speaker = structure.speakers[text] ?? null;
      turnSpeaker = speaker;
    } else if (headings.has(text)) {
      kind = "heading";
    } else if (BULLET.test(raw)) {
      kind = "bullet";
      body = text.replace(BULLET, "");
    } else if (inList && looksLikeListItem(text)) {
      kind = "list-item";
    } else if (structure.narration.some((n) => text.startsWith(n))) {
      kind = "narration";
      inDelegations = false;
      turnSpeaker = null;
    } else {
      kind = "text";
      inDelegations = false;
    }

    inList =
      (kind === "text" && (text.endsWith(":") || /\bsuch as$/.test(text))) ||
      ((kind === "list-item" || kind === "bullet") && inList);
    if (kind === "bullet") inList = true;

    counter += 1;
    paragraphs.push({
      anchor: `p-${counter}`,
      position: paragraphs.length,
      kind,
      text: body,
      speaker: kind === "speaker" || kind === "text" || kind === "list-item" || kind === "bullet" || kind === "heading" ? turnSpeaker : null,
      sectionSlug: "",
      line,
    });

    const gap = structure.gaps.find((g) => text.endsWith(g.after) || text === g.after);
    if (gap) {
      gapCounter += 1;
      inList = false;
      paragraphs.push({
        anchor: `gap-${gapCounter}`,
        position: paragraphs.length,
        kind: "gap",
        text: gap.label,
        speaker: null,
        sectionSlug: "",
        line,
      });
    }
  }

  assignSections(paragraphs, structure);
  for (const gap of structure.gaps) {
    if (!paragraphs.some((p) => p.kind !== "gap" && p.text.endsWith(gap.after))) {
      throw new SourceParseError(`The gap marker "${gap.after}" matches no paragraph`);
    }
  }
  return {
    sections: structure.sections.map((s, position) => ({ slug: s.slug, title: s.title, position })),
    paragraphs,
  };
}

function assignSections(paragraphs: ParsedParagraph[], structure: ReadingStructure): void {
  const starts: number[] = structure.sections.map((section) => {
    const matches = paragraphs.filter((p) => p.kind !== "gap" && p.text.startsWith(section.startsWith));
    if (matches.length !== 1) {
      throw new SourceParseError(
        `Section "${section.slug}" must start at exactly one paragraph beginning "${section.startsWith}"; found ${matches.length}`,
      );
    }
    let start = matches[0]!.position;
    // A section that opens with a speaker's words starts at the speaker's name.
    if (start > 0 && paragraphs[start - 1]!.kind === "speaker") start -= 1;
    return start;
  });
  if (starts[0] !== 0) throw new SourceParseError("The first section must start at the first paragraph of the body");
  for (let i = 1; i < starts.length; i++) {
    if (starts[i]! <= starts[i - 1]!) throw new SourceParseError(`Section "${structure.sections[i]!.slug}" starts before the one listed before it`);
  }
  let current = -1;
  for (const p of paragraphs) {
    while (current + 1 < starts.length && p.position >= starts[current + 1]!) current += 1;
    p.sectionSlug = structure.sections[current]!.slug;
  }
}

/** The paragraphs of the body as they stand in the file, for tests that check nothing was lost. */
export function sourceBodyParagraphs(source: string, structure: ReadingStructure): string[] {
  return bodyLines(source, structure).map((l) => l.text.trim().replace(BULLET, ""));
}
