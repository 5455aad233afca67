/**
 * Reads Moodle GIFT into Dossier questions. One pass over the lines splits the file into blocks
 * (questions are separated by blank lines, as Moodle requires); each block is decoded once into
 * characters that know whether they were escaped, and every later step works on index ranges of
 * that decoded text. Nothing rescans the text from the start, so a 1 MB file stays linear.
 *
 * Every problem becomes an error with a line number and the block is skipped; the parser never
 * throws on input.
 */
import type { z } from "zod";

import { authoredQuestionSchema, type AuthoredQuestion, type numericAnswer } from "@/lib/question-types/schemas";

import {
  BLANK,
  CATCH_ALL_MAX,
  CATCH_ALL_MIN,
  GIFT_DEFAULT_FORMAT,
  META_PREFIX,
  SHORT_ANSWER_DEFAULTS,
  isMetaKey,
  optionIdFor,
  pairIdFor,
  percentToFraction,
  splitFormatTag,
  type MetaKey,
  type TextFormat,
} from "./gift-shared";

export interface GiftError {
  line: number;
  message: string;
}

/**
 * Something in the file that is not an error but is not imported either, said so that nothing
 * is dropped without a word: a Moodle description, questions a Dossier export wrote as comments,
 * and details of an imported question Dossier has no place for (per-answer formats, tags).
 */
export interface GiftNotice {
  line: number;
  kind: "description" | "exported-comment" | "not-kept";
  message: string;
  /** For "not-kept": the index in `questions` of the question it is about. */
  question?: number;
}

export interface GiftParseResult {
  questions: AuthoredQuestion[];
  errors: GiftError[];
  notices: GiftNotice[];
}

type QuestionInput = z.input<typeof authoredQuestionSchema>;

interface SourceLine {
  no: number;
  text: string;
}

interface MetaLine {
  line: number;
  key: MetaKey;
  value: string;
}

/** Thrown inside one block only; parseGift turns it into an error entry and moves on. */
class BlockError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseGift(input: string): GiftParseResult {
  const questions: AuthoredQuestion[] = [];
  const errors: GiftError[] = [];
  const notices: GiftNotice[] = [];
  const exported: ExportedComment[] = [];
  const lines = input.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);

  let category: string | undefined;
  // Comment-only blocks may carry `// dossier:` lines for the question after them.
  let pendingMeta: MetaLine[] = [];
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i] ?? "")) {
      i++;
      continue;
    }
    const content: SourceLine[] = [];
    const comments: SourceLine[] = [];
    let meta: MetaLine[] = pendingMeta;
    pendingMeta = [];
    for (; i < lines.length && !isBlank(lines[i] ?? ""); i++) {
      const text = lines[i] ?? "";
      const trimmed = text.trim();
      if (trimmed.startsWith("//")) {
        const m = readMetaLine(trimmed, i + 1);
        if (m) meta.push(m);
        else comments.push({ no: i + 1, text: trimmed });
        const ex = readExportedComment(trimmed, i + 1);
        if (ex) exported.push(ex);
      } else {
        content.push({ no: i + 1, text });
      }
    }
    if (content.length === 0) {
      pendingMeta = meta;
      continue;
    }

    // Moodle wants `$CATEGORY:` in a block of its own; a question right under it is accepted too.
    const first = content[0];
    if (first && first.text.trimStart().startsWith("$CATEGORY:")) {
      category = first.text.trimStart().slice("$CATEGORY:".length).trim() || undefined;
      // A "back to no category" written before this line is overtaken by it.
      meta = meta.filter((m) => m.key !== "no-category");
      content.shift();
      if (content.length === 0) {
        pendingMeta = meta;
        continue;
      }
    }

    if (meta.some((m) => m.key === "no-category")) category = undefined;
    try {
      const read = readQuestion(content, meta, comments, category);
      if (read.kind === "description") {
        notices.push({
          line: read.line,
          kind: "description",
          message: `Description “${read.name}” on line ${read.line} is not a question; Dossier skips it. (Moodle imports text without an answer block { } as a description; if it was meant as a question, give it one.)`,
        });
        continue;
      }
      for (const note of read.notKept) notices.push({ line: note.line, kind: "not-kept", message: `Line ${note.line}: ${note.message}`, question: questions.length });
      questions.push(read.question);
    } catch (e) {
      // Whatever goes wrong stays inside this question: the file's other questions still import.
      const line = e instanceof BlockError ? e.line : (content[0]?.no ?? 1);
      const message = e instanceof BlockError ? e.message : "this question could not be read; check its braces and answers.";
      errors.push({ line, message: `Line ${line}: ${message}` });
    }
  }
  if (exported.length) notices.push(exportedNotice(exported));
  notices.sort((a, b) => a.line - b.line);
  return { questions, errors, notices };
}

/* ------------------------------------------------------------------------------------------ */
/* Questions a Dossier export wrote as comments (ordering, evidence: GIFT has no such types).   */
/* ------------------------------------------------------------------------------------------ */

interface ExportedComment {
  line: number;
  type: string;
  title: string;
}

/** The first line gift-format.ts writes for a question GIFT cannot hold. */
const EXPORTED_COMMENT = /^\/\/ Dossier ([a-z-]{1,40}) question "(.*)" \(not importable into GIFT/;

function readExportedComment(trimmed: string, line: number): ExportedComment | null {
  const m = EXPORTED_COMMENT.exec(trimmed);
  return m ? { line, type: m[1] ?? "", title: m[2] ?? "" } : null;
}

function exportedNotice(list: ExportedComment[]): GiftNotice {
  const types = [...new Set(list.map((x) => x.type.replace("-", " ")))].join("/");
  const n = list.length;
  const what = n === 1 ? `1 ${types} question in this file was exported as a comment` : `${n} ${types} questions in this file were exported as comments`;
  const names = list.map((x) => `“${x.title}” (line ${x.line})`).join(", ");
  return {
    line: list[0]?.line ?? 1,
    kind: "exported-comment",
    message: `${what} and cannot be imported from GIFT, which has no such question types: ${names}. Write them again in Dossier, or add them from the question bank they came from.`,
  };
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function readMetaLine(trimmed: string, line: number): MetaLine | null {
  if (!trimmed.startsWith(META_PREFIX)) return null;
  const rest = trimmed.slice(META_PREFIX.length);
  const space = rest.search(/\s/);
  const key = space < 0 ? rest : rest.slice(0, space);
  // An unknown key is an ordinary comment that happens to start alike: ignored, as Moodle would.
  if (!isMetaKey(key)) return null;
  return { line, key, value: space < 0 ? "" : rest.slice(space).trim() };
}

/* ------------------------------------------------------------------------------------------ */
/* Decoding: escapes resolved once, each character remembering if it is a live GIFT symbol.    */
/* ------------------------------------------------------------------------------------------ */

/** GIFT's symbols (~ = # { } :), by char code; a backslash before one of them, before another backslash or before n is an escape. */
const SYMBOL = new Uint8Array(128);
for (const c of "~=#{}:") SYMBOL[c.charCodeAt(0)] = 1;
const BACKSLASH = 92;
const LOWER_N = 110;

/**
 * Which decoded characters are live symbols. One question is decoded at a time and parsing is
 * synchronous, so every question reuses this buffer rather than allocating its own (with a line
 * number per character as well, those allocations were a good part of a 160,000-question file's
 * cost; see tests/bench/gift.mts).
 */
let liveScratch = new Uint8Array(4096);

/** Space as `\s` means it, tested without a regular expression for ASCII. */
function isSpaceCode(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && /\s/.test(text[k] ?? "");
}

class Decoded {
  readonly text: string;
  private readonly live: Uint8Array;
  /** Decoded offset at which each source line starts, and that line's number. */
  private readonly lineStarts: number[] = [];
  private readonly lineNumbers: number[] = [];

  constructor(source: SourceLine[]) {
    let size = source.length;
    for (const src of source) size += src.text.length;
    // Decoding only shortens the text, so the raw size bounds the buffer.
    if (liveScratch.length < size) liveScratch = new Uint8Array(Math.max(size, liveScratch.length * 2));
    const live = liveScratch;
    const parts: string[] = [];
    let n = 0;
    for (let li = 0; li < source.length; li++) {
      const src = source[li]!;
      const t = src.text;
      this.lineStarts.push(n);
      this.lineNumbers.push(src.no);
      let runStart = 0;
      for (let k = 0; k < t.length; k++) {
        const c = t.charCodeAt(k);
        if (c === BACKSLASH && k + 1 < t.length) {
          const next = t.charCodeAt(k + 1);
          if (next === LOWER_N || next === BACKSLASH || (next < 128 && SYMBOL[next] === 1)) {
            if (k > runStart) parts.push(t.slice(runStart, k));
            parts.push(next === LOWER_N ? "\n" : t[k + 1]!);
            live[n++] = 0;
            k++;
            runStart = k + 1;
            continue;
          }
        }
        live[n++] = c < 128 ? SYMBOL[c]! : 0;
      }
      if (t.length > runStart) parts.push(runStart === 0 ? t : t.slice(runStart));
      if (li < source.length - 1) {
        parts.push("\n");
        live[n++] = 0;
      }
    }
    this.text = parts.join("");
    this.live = live;
  }

  get length(): number {
    return this.text.length;
  }

  /** Whether the character at i is `c` (one of GIFT's symbols) written without a backslash. */
  isLive(i: number, c: string): boolean {
    return i >= 0 && i < this.text.length && this.live[i] === 1 && this.text.charCodeAt(i) === c.charCodeAt(0);
  }

  /** The source line of decoded offset i: a binary search, since a question may span many lines. */
  lineAt(i: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.lineNumbers[lo] ?? 1;
  }

  findLive(c: string, from: number, to: number): number {
    for (let k = from; k < to; k++) if (this.isLive(k, c)) return k;
    return -1;
  }

  slice(from: number, to: number): string {
    return this.text.slice(from, to);
  }

  skipSpace(from: number, to: number): number {
    let k = from;
    while (k < to && isSpaceCode(this.text, k)) k++;
    return k;
  }

  trimEnd(from: number, to: number): number {
    let k = to;
    while (k > from && isSpaceCode(this.text, k - 1)) k--;
    return k;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* One question.                                                                               */
/* ------------------------------------------------------------------------------------------ */

type ReadOutcome =
  | { kind: "question"; question: AuthoredQuestion; notKept: NotKept[] }
  /** Moodle's "description": text with no answer block. */
  | { kind: "description"; name: string; line: number };

/** A detail of an imported question that Dossier has no place for. */
interface NotKept {
  line: number;
  message: string;
}

function readQuestion(content: SourceLine[], metaLines: MetaLine[], comments: SourceLine[], category: string | undefined): ReadOutcome {
  const startLine = content[0]?.no ?? 1;
  const d = new Decoded(content);
  const meta = readMeta(metaLines);

  let pos = d.skipSpace(0, d.length);
  let title: string | undefined;
  if (d.isLive(pos, ":") && d.isLive(pos + 1, ":")) {
    let end = -1;
    for (let k = pos + 2; k < d.length - 1; k++) {
      if (d.isLive(k, ":") && d.isLive(k + 1, ":")) {
        end = k;
        break;
      }
    }
    if (end < 0) {
      throw new BlockError(d.lineAt(pos), "the question name opened with :: is never closed with :: (write \\: for a colon inside a name).");
    }
    title = d.slice(pos + 2, end).trim() || undefined;
    pos = end + 2;
  }

  const block = findAnswerBlock(d, pos);
  const before = d.slice(pos, block ? block.open : d.length);
  if (!block) {
    if (before.trim() === "") {
      throw new BlockError(startLine, `the question name ::${title ?? ""}:: is not followed by a question (no text and no answer block { }).`);
    }
    return { kind: "description", name: title ?? snippet(splitFormatTag(before.trim()).rest), line: startLine };
  }

  // Missing-word format: Moodle leaves a blank only when text follows the block.
  const after = d.slice(block.close + 1, d.length);
  const rawPrompt = (before + (after.trim() === "" ? "" : BLANK + after)).trim();
  const promptLine = d.lineAt(d.skipSpace(pos, d.length));
  const unknownTag = /^\[([A-Za-z]{2,})\]/.exec(rawPrompt);
  const { format: tagged, rest } = splitFormatTag(rawPrompt);
  if (!tagged && unknownTag) {
    const tag = unknownTag[1] ?? "";
    const hint = ["moodle", "html", "plain", "markdown"].includes(tag.toLowerCase())
      ? ` Format tags are lowercase: write [${tag.toLowerCase()}].`
      : ` If the text really starts with [${tag}], put a format before it: [plain][${tag}]…`;
    throw new BlockError(promptLine, `unknown text format [${tag}]. GIFT knows [moodle], [html], [plain] and [markdown].${hint}`);
  }
  const format: TextFormat = tagged ?? GIFT_DEFAULT_FORMAT;
  const prompt = rest.trim();
  if (prompt === "") {
    throw new BlockError(startLine, `the question${title ? ` "${title}"` : ""} has no question text before its answers.`);
  }

  const questionTitle = title ?? deriveTitle(prompt, format);
  const notes = new Notes(format);

  // General feedback: after the last `####`, as Moodle reads it.
  const innerStart = d.skipSpace(block.open + 1, block.close);
  let innerEnd = d.trimEnd(innerStart, block.close);
  let generalFeedback: string | undefined;
  for (let k = innerEnd - 4; k >= innerStart; k--) {
    if (d.isLive(k, "#") && d.isLive(k + 1, "#") && d.isLive(k + 2, "#") && d.isLive(k + 3, "#")) {
      generalFeedback = notes.text(d.slice(k + 4, block.close), d.lineAt(k), "the general feedback") || undefined;
      innerEnd = d.trimEnd(innerStart, k);
      break;
    }
  }

  const body = readAnswers(d, innerStart, innerEnd, d.lineAt(block.open), meta, notes);
  notes.commentTags(comments);
  const anchors = meta.anchors ?? [];
  // A literal with the same keys in the same order for every question, not a spread of `body`:
  // V8 then gives the candidates one shape, and the schema parses them about twice as fast (in a
  // 160,000-question file, spreading cost more than all the rest of the reading; see
  // tests/bench/gift.mts). The cast only re-pairs type and config; the schema checks both.
  const candidate = { type: body.type, config: body.config, title: questionTitle, prompt, format } as QuestionInput;
  if (generalFeedback !== undefined) candidate.generalFeedback = generalFeedback;
  if (anchors.length) candidate.anchors = anchors;
  if (category !== undefined) candidate.category = category;

  const parsed = authoredQuestionSchema.safeParse(candidate);
  if (!parsed.success) {
    const name = candidate.title;
    const problems = parsed.error.issues.map(describeIssue);
    throw new BlockError(startLine, `question "${name}" can't be imported: ${[...new Set(problems)].join("; ")}.`);
  }
  return { kind: "question", question: parsed.data, notKept: notes.list(questionTitle) };
}

/**
 * What one question's texts carried that Dossier does not keep. Dossier keeps one text format per
 * question, so a format tag on an answer or a feedback that differs from the question's is noted
 * (the text itself is kept); Moodle's `[tag:…]` and `[id:…]` in the question's comment lines have
 * no field in Dossier and are noted too.
 */
class Notes {
  private readonly formats: { line: number; where: string; format: TextFormat }[] = [];
  private readonly tags: { line: number; tag: string }[] = [];
  private readonly ids: { line: number; id: string }[] = [];

  constructor(private readonly questionFormat: TextFormat) {}

  /** The text without its leading format tag, trimmed; a tag unlike the question's is noted. */
  text(raw: string, line: number, where: string): string {
    const { format, rest } = splitFormatTag(raw.trim());
    if (format !== null && format !== this.questionFormat) this.formats.push({ line, where, format });
    return rest.trim();
  }

  commentTags(comments: readonly SourceLine[]): void {
    for (const c of comments) {
      for (const tag of bracketed(c.text, "[tag:")) this.tags.push({ line: c.no, tag });
      for (const id of bracketed(c.text, "[id:")) this.ids.push({ line: c.no, id });
    }
  }

  list(title: string): NotKept[] {
    const q = `question “${title}”`;
    const out: NotKept[] = this.formats.map((f) => ({
      line: f.line,
      message: `${q}: ${f.where} is marked [${f.format}], but Dossier keeps one format per question, here [${this.questionFormat}]. The text is kept; its own format is not.`,
    }));
    if (this.tags.length) {
      const names = [...new Set(this.tags.map((t) => t.tag))];
      out.push({ line: this.tags[0]!.line, message: `${q}: the ${names.length === 1 ? "tag" : "tags"} ${names.map((n) => `“${n}”`).join(", ")} ${names.length === 1 ? "is" : "are"} not kept; Dossier questions have no tags (the category is kept).` });
    }
    for (const id of this.ids) out.push({ line: id.line, message: `${q}: the Moodle ID number “${id.id}” is not kept; Dossier has no such field.` });
    return out.sort((a, b) => a.line - b.line);
  }
}

/**
 * Moodle's `[tag:name]` / `[id:value]` tokens in a comment line, `\]` standing for a `]` inside.
 * A plain scan, so a hostile comment line costs linear time.
 */
function bracketed(comment: string, opener: string): string[] {
  const found: string[] = [];
  let from = 0;
  for (;;) {
    const start = comment.indexOf(opener, from);
    if (start < 0) return found;
    let value = "";
    let k = start + opener.length;
    for (; k < comment.length && comment[k] !== "]"; k++) {
      if (comment[k] === "\\" && comment[k + 1] === "]") {
        value += "]";
        k++;
      } else {
        value += comment[k];
      }
    }
    if (k >= comment.length) return found;
    if (value.trim()) found.push(value.trim());
    from = k + 1;
  }
}

function findAnswerBlock(d: Decoded, from: number): { open: number; close: number } | null {
  let open = -1;
  let close = -1;
  for (let k = from; k < d.length; k++) {
    if (d.isLive(k, "{")) {
      if (open < 0) open = k;
      else if (close < 0) throw new BlockError(d.lineAt(k), "a { inside an answer block: answer blocks can't be nested (write \\{ for a literal brace).");
      else throw new BlockError(d.lineAt(k), "a second answer block { }: a GIFT question has exactly one (write \\{ and \\} for literal braces).");
    } else if (d.isLive(k, "}")) {
      if (open < 0) throw new BlockError(d.lineAt(k), "a } with no { before it (write \\} for a literal brace).");
      if (close >= 0) throw new BlockError(d.lineAt(k), "a } with no matching { (write \\} for a literal brace).");
      close = k;
    }
  }
  if (open >= 0 && close < 0) {
    throw new BlockError(
      d.lineAt(open),
      "the answer block is never closed with }. A blank line ends a question, so a blank line inside { } also causes this.",
    );
  }
  return open < 0 ? null : { open, close };
}

/* ------------------------------------------------------------------------------------------ */
/* Answer blocks: the type is chosen in Moodle's order (essay, numeric, choice, matching,      */
/* true/false, short answer) so a file means the same thing here as in Moodle.                  */
/* ------------------------------------------------------------------------------------------ */

type TypeId = QuestionInput["type"];
/** The type and config of one question, still tied together (a plain Pick would unpair them). */
type Body = { [K in TypeId]: Pick<Extract<QuestionInput, { type: K }>, "type" | "config"> }[TypeId];

function readAnswers(d: Decoded, a: number, b: number, openLine: number, meta: Meta, notes: Notes): Body {
  if (a >= b) {
    return { type: "essay", config: { rubric: [], ...meta.essay } };
  }
  if (d.isLive(a, "#")) return readNumeric(d, a + 1, b, openLine, meta, notes);
  if (d.findLive("~", a, b) >= 0) return readChoice(d, a, b, openLine, notes);
  if (d.findLive("=", a, b) >= 0 && d.slice(a, b).includes("->")) return readMatching(d, a, b, notes);

  const hash = d.findLive("#", a, b);
  const head = d.slice(a, hash < 0 ? b : hash).trim();
  if (head === "T" || head === "TRUE" || head === "F" || head === "FALSE") return readTrueFalse(d, head, hash, b, notes);
  return readShortAnswer(d, a, b, openLine, meta, notes);
}

interface Answer {
  marker: "~" | "=" | "";
  line: number;
  /** Percent as written (`%50%` → 50), or null when the answer gave none. */
  percent: number | null;
  /** The same as a fraction (0.5). */
  fraction: number | null;
  text: string;
  feedback: string | undefined;
}

/** Splits at live markers; text before the first marker is kept with marker "". */
function splitAnswers(d: Decoded, a: number, b: number, markers: string, notes: Notes | null): Answer[] {
  const starts: { at: number; marker: Answer["marker"] }[] = [];
  const lead = d.skipSpace(a, b);
  let leadEnd = b;
  for (let k = a; k < b; k++) {
    for (const m of markers) {
      if (d.isLive(k, m)) {
        if (starts.length === 0) leadEnd = k;
        starts.push({ at: k, marker: m === "~" ? "~" : "=" });
      }
    }
  }
  const out: Answer[] = [];
  if (d.slice(lead, leadEnd).trim() !== "") out.push(readAnswer(d, lead, leadEnd, "", notes, out.length + 1));
  starts.forEach((s, idx) => {
    const end = starts[idx + 1]?.at ?? b;
    out.push(readAnswer(d, s.at + 1, end, s.marker, notes, out.length + 1));
  });
  return out;
}

const PERCENT = /^%(-?\d+(?:\.\d*)?)%/;

/** `notes` null: matching's syntax, where Moodle reads neither weights nor feedback. */
function readAnswer(d: Decoded, from: number, to: number, marker: Answer["marker"], notes: Notes | null, n: number): Answer {
  const moodleSyntax = notes !== null;
  const line = d.lineAt(marker ? from - 1 : from);
  let s = d.skipSpace(from, to);
  let percent: number | null = null;
  let fraction: number | null = null;
  const m = PERCENT.exec(d.slice(s, Math.min(to, s + 40)));
  if (m && moodleSyntax) {
    percent = Number(m[1]);
    fraction = percentToFraction(m[1] ?? "");
    if (!Number.isFinite(percent) || percent < -100 || percent > 100) {
      throw new BlockError(line, `the weight %${m[1]}% is outside -100…100 percent.`);
    }
    s += m[0].length;
  }
  const hash = moodleSyntax ? d.findLive("#", s, to) : -1;
  const textEnd = hash < 0 ? to : hash;
  const text = notes ? notes.text(d.slice(s, textEnd), line, `answer ${n}`) : d.slice(s, textEnd).trim();
  const feedback = hash < 0 || !notes ? undefined : notes.text(d.slice(hash + 1, to), d.lineAt(hash), `the feedback of answer ${n}`) || undefined;
  return { marker, line, percent, fraction, text, feedback };
}

function readChoice(d: Decoded, a: number, b: number, openLine: number, notes: Notes): Body {
  const answers = splitAnswers(d, a, b, "~=", notes);
  for (const [k, ans] of answers.entries()) {
    if (ans.marker === "") throw new BlockError(ans.line, `"${snippet(ans.text)}" stands before the first ~ or = in the answer block; start each answer with ~ (wrong) or = (right).`);
    if (ans.text === "") throw new BlockError(ans.line, `answer ${k + 1} is empty.`);
  }
  const rights = answers.filter((x) => x.marker === "=");
  if (rights.length > 0) {
    if (rights.length > 1) {
      throw new BlockError(
        openLine,
        `${rights.length} answers are marked right with =, but a multiple-choice question has exactly one. For several right answers give each its share: ~%50%answer.`,
      );
    }
    // Moodle reads = as full credit; a weight after it is most likely a slip, so it is reported.
    const right = rights[0]!;
    if (right.percent !== null && right.percent !== 100) {
      throw new BlockError(
        right.line,
        `"${snippet(right.text)}" is marked right with = and also given %${right.percent}%. The = answer earns full credit; give partial credit to a ~ answer instead (~%${right.percent}%${snippet(right.text)}).`,
      );
    }
    // Moodle's single-answer question with partial credit (~%50%) or penalties (~%-25%) on other answers.
    const alsoFull = answers.find((x) => x.marker === "~" && x.percent === 100);
    if (alsoFull) {
      throw new BlockError(
        alsoFull.line,
        `"${snippet(alsoFull.text)}" has 100% as well as the = answer, but a multiple-choice question has exactly one full-credit answer. For several right answers give each its share: ~%50%answer.`,
      );
    }
    return {
      type: "multiple-choice",
      config: {
        options: answers.map((x, k) => ({ id: optionIdFor(k), text: x.text, credit: x.marker === "=" ? 1 : (x.fraction ?? 0), ...fb(x.feedback) })),
      },
    };
  }
  if (!answers.some((x) => (x.percent ?? 0) > 0)) {
    throw new BlockError(openLine, "the answer block has no right answer: mark it with = (or give the right answers a share, like ~%50%answer).");
  }
  return {
    type: "multiple-response",
    config: {
      options: answers.map((x, k) => ({ id: optionIdFor(k), text: x.text, weight: x.fraction ?? 0, ...fb(x.feedback) })),
    },
  };
}

function readShortAnswer(d: Decoded, a: number, b: number, openLine: number, meta: Meta, notes: Notes): Body {
  const answers = splitAnswers(d, a, b, "=", notes);
  for (const ans of answers) {
    if (ans.text === "") throw new BlockError(ans.line, "an accepted answer is empty.");
    if (ans.percent !== null && ans.percent < 0) throw new BlockError(ans.line, `a short answer can't have negative credit (%${ans.percent}%).`);
  }
  if (!answers.some((x) => (x.percent ?? 100) > 0)) {
    throw new BlockError(openLine, "the answer block has no right answer: every accepted answer has 0% credit.");
  }
  return {
    type: "short-answer",
    config: {
      answers: answers.map((x) => ({ text: x.text, credit: x.fraction ?? 1, ...fb(x.feedback) })),
      ...SHORT_ANSWER_DEFAULTS,
      ...meta.shortAnswer,
    },
  };
}

function readTrueFalse(d: Decoded, head: string, hash: number, b: number, notes: Notes): Body {
  const answer = head.startsWith("T");
  // Moodle: the first feedback is shown to a student who answered wrongly, the second to one who
  // answered rightly. Dossier keys feedback by what the student answered instead.
  let wrong: string | undefined;
  let right: string | undefined;
  if (hash >= 0) {
    const second = d.findLive("#", hash + 1, b);
    wrong = notes.text(d.slice(hash + 1, second < 0 ? b : second), d.lineAt(hash), "the feedback for a wrong answer") || undefined;
    right = second < 0 ? undefined : notes.text(d.slice(second + 1, b), d.lineAt(second), "the feedback for a right answer") || undefined;
  }
  const feedbackTrue = answer ? right : wrong;
  const feedbackFalse = answer ? wrong : right;
  return {
    type: "true-false",
    config: {
      answer,
      ...(feedbackTrue !== undefined ? { feedbackTrue } : {}),
      ...(feedbackFalse !== undefined ? { feedbackFalse } : {}),
    },
  };
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function readNumber(text: string, line: number): number {
  const t = text.trim();
  if (!NUMBER.test(t)) {
    const hint = /\d,\d/.test(t) ? " Use a dot for decimals." : "";
    throw new BlockError(line, `"${snippet(t) || "(nothing)"}" is not a number. A numeric answer looks like 1981, 1981:2 (1981 ± 2) or 1980..1982.${hint}`);
  }
  const n = Number(t);
  if (!Number.isFinite(n)) throw new BlockError(line, `"${snippet(t)}" is too large a number.`);
  return n;
}

type NumericAnswerInput = z.input<typeof numericAnswer>;

function readNumeric(d: Decoded, a: number, b: number, openLine: number, meta: Meta, notes: Notes): Body {
  const answers = splitAnswers(d, a, b, "=~", notes);
  if (answers.length === 0) throw new BlockError(openLine, "the numeric answer block {# } has no answers.");
  const out: NumericAnswerInput[] = [];
  for (const ans of answers) {
    if (ans.marker === "~") {
      if (ans.text !== "") {
        throw new BlockError(
          ans.line,
          `in a numeric question ~ only introduces feedback for any other number (~#feedback); "${snippet(ans.text)}" is not used there. Use =%0%${ans.text} for a wrong number.`,
        );
      }
      out.push({ kind: "range", min: CATCH_ALL_MIN, max: CATCH_ALL_MAX, credit: 0, ...fb(ans.feedback) });
      continue;
    }
    const credit = ans.fraction ?? 1;
    if (credit < 0) throw new BlockError(ans.line, `a numeric answer can't have negative credit (%${ans.percent}%).`);
    const t = ans.text;
    if (t === "") throw new BlockError(ans.line, "a numeric answer is empty.");
    const dots = t.indexOf("..", 1);
    if (dots > 0) {
      const min = readNumber(t.slice(0, dots), ans.line);
      const max = readNumber(t.slice(dots + 2), ans.line);
      if (min > max) throw new BlockError(ans.line, `the range ${t} runs backwards: write the smaller number first.`);
      out.push({ kind: "range", min, max, credit, ...fb(ans.feedback) });
      continue;
    }
    const colon = t.indexOf(":", 1);
    const value = readNumber(colon > 0 ? t.slice(0, colon) : t, ans.line);
    const tolerance = colon > 0 ? readNumber(t.slice(colon + 1), ans.line) : 0;
    if (tolerance < 0) throw new BlockError(ans.line, `the margin in ${t} is negative.`);
    out.push({ kind: "tolerance", value, tolerance, credit, ...fb(ans.feedback) });
  }
  if (!out.some((x) => (x.credit ?? 0) > 0)) {
    throw new BlockError(openLine, "the answer block has no right answer: every numeric answer has 0% credit.");
  }
  return { type: "numeric", config: { answers: out, ...(meta.unit ? { unit: meta.unit } : {}) } };
}

function readMatching(d: Decoded, a: number, b: number, notes: Notes): Body {
  // Moodle reads neither weights nor # feedback in matching answers, so neither is taken here.
  const answers = splitAnswers(d, a, b, "=", null);
  const pairs: { id: string; prompt: string; answer: string }[] = [];
  const distractors: string[] = [];
  for (const ans of answers) {
    if (ans.marker === "") throw new BlockError(ans.line, `"${snippet(ans.text)}" stands before the first = in the matching block; start each pair with =.`);
    const arrow = ans.text.indexOf("->");
    if (arrow < 0) throw new BlockError(ans.line, `the matching pair "${snippet(ans.text)}" has no -> between the item and its answer.`);
    const left = notes.text(ans.text.slice(0, arrow), ans.line, `matching item ${pairs.length + distractors.length + 1}`);
    const right = ans.text.slice(arrow + 2).trim();
    if (right === "") throw new BlockError(ans.line, `the matching pair "${snippet(ans.text)}" has no answer after ->.`);
    if (left === "") distractors.push(right);
    else pairs.push({ id: pairIdFor(pairs.length), prompt: left, answer: right });
  }
  return { type: "matching", config: { pairs, distractors } };
}

function fb(feedback: string | undefined): { feedback?: string } {
  return feedback === undefined ? {} : { feedback };
}

/* ------------------------------------------------------------------------------------------ */
/* `// dossier:` lines.                                                                       */
/* ------------------------------------------------------------------------------------------ */

interface Meta {
  anchors?: string[];
  shortAnswer?: { caseSensitive: boolean; accentSensitive: boolean; punctuationSensitive: boolean };
  unit?: string;
  essay?: Record<string, unknown>;
}

function readMeta(lines: MetaLine[]): Meta {
  const meta: Meta = {};
  for (const m of lines) {
    switch (m.key) {
      case "anchors": {
        const refs = m.value.split(/[\s,]+/).filter(Boolean);
        const bad = refs.find((r) => !/^p-\d{1,4}$/.test(r));
        if (bad !== undefined) throw new BlockError(m.line, `"${snippet(bad)}" in // dossier:anchors is not a paragraph anchor (like p-12).`);
        meta.anchors = refs;
        break;
      }
      case "short-answer": {
        const flags = { ...SHORT_ANSWER_DEFAULTS } as { caseSensitive: boolean; accentSensitive: boolean; punctuationSensitive: boolean };
        const names = { case: "caseSensitive", accent: "accentSensitive", punctuation: "punctuationSensitive" } as const;
        for (const part of m.value.split(/\s+/).filter(Boolean)) {
          const [name, value] = part.split("=");
          if (!(name === "case" || name === "accent" || name === "punctuation") || (value !== "true" && value !== "false")) {
            throw new BlockError(m.line, `"${snippet(part)}" in // dossier:short-answer should look like case=true, accent=false or punctuation=false.`);
          }
          flags[names[name]] = value === "true";
        }
        meta.shortAnswer = flags;
        break;
      }
      case "unit":
        if (m.value) meta.unit = m.value;
        break;
      case "essay": {
        let raw: unknown;
        try {
          raw = JSON.parse(m.value);
        } catch {
          throw new BlockError(m.line, "the // dossier:essay line is not valid JSON.");
        }
        if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
          throw new BlockError(m.line, "the // dossier:essay line should hold a JSON object.");
        }
        meta.essay = raw as Record<string, unknown>;
        break;
      }
      case "no-category":
        break;
    }
  }
  return meta;
}

/* ------------------------------------------------------------------------------------------ */
/* Titles and messages.                                                                       */
/* ------------------------------------------------------------------------------------------ */

const TITLE_LENGTH = 60;

/** Like Moodle's default name: the start of the text, without markup, cut at a word. */
function deriveTitle(prompt: string, format: TextFormat): string {
  let s = prompt.slice(0, 600);
  if (format !== "plain") s = s.replace(/<[^>]*>/g, " ");
  s = s.replace(/\s+/g, " ").trim();
  const chars = Array.from(s);
  if (chars.length > TITLE_LENGTH) {
    let cut = chars.slice(0, TITLE_LENGTH).join("");
    const space = cut.lastIndexOf(" ");
    if (space > TITLE_LENGTH / 2) cut = cut.slice(0, space);
    s = `${cut.trimEnd()}…`;
  }
  return s || "Untitled question";
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : flat;
}

type Issue = z.core.$ZodIssue;

const FIELD_NAMES: Record<string, string> = {
  title: "the title",
  prompt: "the question text",
  generalFeedback: "the general feedback",
  anchors: "the anchors",
  category: "the category",
  options: "the answers",
  answers: "the accepted answers",
  pairs: "the matching pairs",
  distractors: "the extra answers (= -> …)",
  unit: "the unit",
  rubric: "the rubric",
  minWords: "the minimum word count",
  maxWords: "the maximum word count",
  graderNotes: "the grader notes",
  feedbackTrue: "the feedback for a student who answered true",
  feedbackFalse: "the feedback for a student who answered false",
};

/** The schema's own rules, said the way a teacher writing GIFT would fix them. */
const RULES: Record<string, string> = {
  "exactly one option is correct": "exactly one answer must be marked right (=)",
  "the right options' weights add up to 100%": "the shares (%n%) of the right answers must add up to 100%",
};

function describeIssue(issue: Issue): string {
  const path = issue.path.filter((p) => p !== "config").map(String);
  const [field, index, part] = path;
  const rule = RULES[issue.message];
  if (rule) return rule;
  let where = "the question";
  if (field !== undefined) {
    const name = FIELD_NAMES[field] ?? field;
    if (index !== undefined && /^\d+$/.test(index)) {
      const item = field === "pairs" ? "pair" : field === "answers" ? "accepted answer" : field === "distractors" ? "extra answer" : "answer";
      where = `${item} ${Number(index) + 1}${part && part !== "text" && part !== "prompt" ? ` (${part})` : ""}`;
    } else {
      where = name;
    }
  }
  switch (issue.code) {
    case "too_big":
      return issue.origin === "string"
        ? `${where} is longer than ${issue.maximum} characters`
        : issue.origin === "array"
          ? `${where}: more than ${issue.maximum}`
          : `${where} is above ${issue.maximum}`;
    case "too_small":
      return issue.origin === "string"
        ? `${where} is empty`
        : issue.origin === "array"
          ? `${where}: fewer than ${issue.minimum}`
          : `${where} is below ${issue.minimum}`;
    default:
      return `${where}: ${issue.message}`;
  }
}
