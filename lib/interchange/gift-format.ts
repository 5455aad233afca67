/**
 * Writes Dossier questions as Moodle GIFT. Every text is escaped and kept on one line (real
 * newlines become `\n`), so no text can end a question early or pass for a comment. Questions
 * GIFT cannot hold are written as `//` comments a teacher can still read; nothing is dropped.
 */
import type { AuthoredQuestion, ConfigOf } from "@/lib/question-types/schemas";

import { BLANK, CATCH_ALL_MAX, CATCH_ALL_MIN, META_PREFIX, SHORT_ANSWER_DEFAULTS, flatten, percentToFraction, startsWithFormatTag, type TextFormat } from "./gift-shared";

const HEADER =
  '// Exported from Dossier. Moodle ignores the "// dossier:" comment lines; Dossier reads them back.';

export function formatGift(questions: AuthoredQuestion[]): string {
  if (questions.length === 0) return "";
  const blocks: string[] = [HEADER];
  let category: string | undefined;
  for (const q of questions) {
    const written = writeQuestion(q);
    if (written.kind === "comment") {
      blocks.push(written.lines.join("\n"));
      continue;
    }
    const lines = metaLines(q);
    const wanted = q.category === undefined ? undefined : flatten(q.category) || undefined;
    if (wanted !== category) {
      // GIFT has no way back to "no category"; Moodle files such a question under the last one.
      if (wanted === undefined) lines.unshift(`${META_PREFIX}no-category`);
      else blocks.push(`$CATEGORY: ${wanted}`);
      category = wanted;
    }
    blocks.push([...lines, written.text].join("\n"));
  }
  return `${blocks.join("\n\n")}\n`;
}

type Written = { kind: "gift"; text: string } | { kind: "comment"; lines: string[] };

/** Backslash first, so the escapes added after it are not doubled. */
export function escapeGift(text: string): string {
  return text.replace(/\r/g, "").replace(/[\\~=#{}:\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
}

function writeQuestion(q: AuthoredQuestion): Written {
  switch (q.type) {
    case "multiple-choice":
      // The full-credit option is =; partly right ones (and penalties) are ~%n%, as Moodle writes them.
      return gift(
        q,
        choiceBlock(
          q.config.options.map((o) => ({ marker: o.credit === 1 ? "=" : "~", percent: o.credit === 1 || o.credit === 0 ? null : o.credit, text: o.text, feedback: o.feedback })),
          q,
        ),
      );
    case "multiple-response":
      return gift(
        q,
        choiceBlock(
          q.config.options.map((o) => ({ marker: "~", percent: o.weight === 0 ? null : o.weight, text: o.text, feedback: o.feedback })),
          q,
        ),
      );
    case "true-false":
      return gift(q, trueFalseBlock(q.config, q));
    case "short-answer": {
      const block = choiceBlock(
        q.config.answers.map((a) => ({ marker: "=", percent: a.credit === 1 ? null : a.credit, text: a.text, feedback: a.feedback })),
        q,
      );
      // Moodle reads any block holding = and -> as matching, and GIFT has no escape for "->".
      if (block.includes("->")) return unsupported(q, 'an accepted answer or its feedback contains "->", which GIFT would read as matching');
      return gift(q, block);
    }
    case "numeric":
      return gift(q, numericBlock(q.config, q));
    case "matching":
      if (q.config.pairs.some((p) => p.prompt.includes("->"))) return unsupported(q, 'a matching item contains "->", which GIFT cannot escape');
      return gift(q, matchingBlock(q.config, q));
    case "essay":
      return gift(q, `{${generalFeedback(q)}}`);
    case "ordering":
    case "evidence":
      return unsupported(q);
  }
}

function gift(q: AuthoredQuestion, block: string): Written {
  return { kind: "gift", text: `::${escapeGift(q.title)}::${promptWith(q.prompt, q.format, block)}` };
}

/**
 * The format tag is always written, so Moodle's default ([moodle]) never changes a question's
 * format and a prompt starting with "[" is never mistaken for a tag. A prompt with the blank
 * marker gets the block in its place (Moodle's missing-word format) so the marker comes back.
 */
function promptWith(prompt: string, format: TextFormat, block: string): string {
  const head = `[${format}]`;
  const at = prompt.indexOf(BLANK);
  if (at >= 0 && at + BLANK.length < prompt.length) {
    return head + escapeGift(prompt.slice(0, at)) + block + escapeGift(prompt.slice(at + BLANK.length));
  }
  return head + escapeGift(prompt) + block;
}

/** An answer-level text: a leading format tag would be taken as one, so the question's goes first. */
function answerText(text: string, format: TextFormat): string {
  return (startsWithFormatTag(text) ? `[${format}]` : "") + escapeGift(text);
}

function generalFeedback(q: AuthoredQuestion): string {
  const gf = q.generalFeedback?.trim();
  return gf ? `####${answerText(gf, q.format)}` : "";
}

interface ChoiceLine {
  marker: "=" | "~";
  /** A fraction to write as %n%, or null for the marker's own meaning (= full, ~ none). */
  percent: number | null;
  text: string;
  feedback: string | undefined;
}

function choiceBlock(answers: ChoiceLine[], q: AuthoredQuestion): string {
  const lines = answers.map((a) => {
    // A text that itself starts with %n% would be read as a weight: an explicit one shields it.
    const percent = a.percent ?? (a.text.startsWith("%") ? (a.marker === "=" ? 1 : 0) : null);
    const weight = percent === null ? "" : `%${percentText(percent)}%`;
    const feedback = a.feedback?.trim() ? `#${answerText(a.feedback.trim(), q.format)}` : "";
    return `\t${a.marker}${weight}${answerText(a.text, q.format)}${feedback}`;
  });
  const gf = generalFeedback(q);
  if (gf) lines.push(`\t${gf}`);
  return `{\n${lines.join("\n")}\n}`;
}

function trueFalseBlock(config: ConfigOf<"true-false">, q: AuthoredQuestion): string {
  // Moodle's order is feedback for a wrong answer, then for a right one.
  const right = (config.answer ? config.feedbackTrue : config.feedbackFalse)?.trim();
  const wrong = (config.answer ? config.feedbackFalse : config.feedbackTrue)?.trim();
  let out = config.answer ? "{TRUE" : "{FALSE";
  if (wrong) out += `#${answerText(wrong, q.format)}`;
  else if (right) out += "#";
  if (right) out += `#${answerText(right, q.format)}`;
  return `${out}${generalFeedback(q)}}`;
}

function numericBlock(config: ConfigOf<"numeric">, q: AuthoredQuestion): string {
  const only = config.answers.length === 1 ? config.answers[0] : undefined;
  if (only && only.credit === 1 && !only.feedback?.trim()) return `{#${numericValue(only)}${generalFeedback(q)}}`;
  const lines = config.answers.map((a, k) => {
    const feedback = a.feedback?.trim() ? `#${answerText(a.feedback.trim(), q.format)}` : "";
    const isLast = k === config.answers.length - 1;
    if (isLast && a.kind === "range" && a.credit === 0 && a.min === CATCH_ALL_MIN && a.max === CATCH_ALL_MAX) return `\t~${feedback}`;
    const weight = a.credit === 1 ? "" : `%${percentText(a.credit)}%`;
    return `\t=${weight}${numericValue(a)}${feedback}`;
  });
  const gf = generalFeedback(q);
  if (gf) lines.push(`\t${gf}`);
  return `{#\n${lines.join("\n")}\n}`;
}

function numericValue(a: ConfigOf<"numeric">["answers"][number]): string {
  if (a.kind === "range") return `${a.min}..${a.max}`;
  return a.tolerance === 0 ? `${a.value}` : `${a.value}:${a.tolerance}`;
}

function matchingBlock(config: ConfigOf<"matching">, q: AuthoredQuestion): string {
  const lines = [
    ...config.pairs.map((p) => `\t=${answerText(p.prompt, q.format)} -> ${escapeGift(p.answer)}`),
    // Moodle's own export writes extra answers as pairs with an empty item.
    ...config.distractors.map((d) => `\t= -> ${escapeGift(d)}`),
  ];
  const gf = generalFeedback(q);
  if (gf) lines.push(`\t${gf}`);
  return `{\n${lines.join("\n")}\n}`;
}

/**
 * A weight as a percentage that reads back to the same fraction: the shortest decimal that
 * does, so 0.07 is "7" rather than "7.000000000000001", and 1/3 keeps all its digits.
 */
function percentText(fraction: number): string {
  const exact = fraction * 100;
  for (let digits = 1; digits <= 17; digits++) {
    const s = String(Number(exact.toPrecision(digits)));
    if (percentToFraction(s) === fraction) return s;
  }
  return String(exact);
}

function metaLines(q: AuthoredQuestion): string[] {
  const out: string[] = [];
  if (q.anchors.length) out.push(`${META_PREFIX}anchors ${q.anchors.join(",")}`);
  if (q.type === "short-answer") {
    const c = q.config;
    const d = SHORT_ANSWER_DEFAULTS;
    if (c.caseSensitive !== d.caseSensitive || c.accentSensitive !== d.accentSensitive || c.punctuationSensitive !== d.punctuationSensitive) {
      out.push(`${META_PREFIX}short-answer case=${c.caseSensitive} accent=${c.accentSensitive} punctuation=${c.punctuationSensitive}`);
    }
  }
  if (q.type === "numeric" && q.config.unit?.trim()) out.push(`${META_PREFIX}unit ${flatten(q.config.unit)}`);
  if (q.type === "essay") {
    const { rubric, minWords, maxWords, graderNotes } = q.config;
    const extras = {
      ...(rubric.length ? { rubric } : {}),
      ...(minWords !== undefined ? { minWords } : {}),
      ...(maxWords !== undefined ? { maxWords } : {}),
      ...(graderNotes !== undefined ? { graderNotes } : {}),
    };
    // JSON escapes newlines, so the settings stay on the one comment line.
    if (Object.keys(extras).length) out.push(`${META_PREFIX}essay ${JSON.stringify(extras)}`);
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Questions GIFT cannot hold, written so a teacher can still read them.                      */
/* ------------------------------------------------------------------------------------------ */

function unsupported(q: AuthoredQuestion, reason?: string): Written {
  const why = reason ? `not importable into GIFT: ${reason}` : "not importable into GIFT";
  const lines = [`// Dossier ${q.type} question "${flatten(q.title)}" (${why})${summary(q)}`];
  lines.push(...quoted("question text", q.prompt));
  lines.push(...details(q));
  if (q.generalFeedback?.trim()) lines.push(...quoted("general feedback", q.generalFeedback));
  if (q.anchors.length) lines.push(`// anchors: ${q.anchors.join(", ")}`);
  if (q.category) lines.push(`// category: ${flatten(q.category)}`);
  return { kind: "comment", lines };
}

function summary(q: AuthoredQuestion): string {
  if (q.type === "ordering") return `: items in order: ${q.config.items.map((it, k) => `${k + 1}. ${flatten(it.text)}`).join("; ")}`;
  if (q.type === "evidence") {
    return `: answer, then cite paragraphs ${q.config.evidence.join(", ")} (the answer is ${percentText(q.config.answerWeight)}% of the credit)`;
  }
  return "";
}

function details(q: AuthoredQuestion): string[] {
  switch (q.type) {
    case "evidence": {
      const a = q.config.answer;
      if (a.kind === "choice") return [`// choices: ${a.options.map((o) => `[${choiceLabel(o.credit)}] ${flatten(o.text)}`).join("; ")}`];
      return [`// accepted answers: ${a.answers.map((x) => `"${flatten(x.text)}" (${percentText(x.credit)}%)`).join("; ")}`];
    }
    case "short-answer":
      return [`// accepted answers: ${q.config.answers.map((x) => `"${flatten(x.text)}" (${percentText(x.credit)}%)`).join("; ")}`];
    case "matching":
      return [
        `// pairs: ${q.config.pairs.map((p) => `${flatten(p.prompt)} => ${flatten(p.answer)}`).join("; ")}`,
        ...(q.config.distractors.length ? [`// extra answers: ${q.config.distractors.map(flatten).join("; ")}`] : []),
      ];
    default:
      return [];
  }
}

function choiceLabel(credit: number): string {
  return credit === 1 ? "right" : credit === 0 ? "wrong" : `${percentText(credit)}%`;
}

/** Continuation lines are indented so a quoted "dossier:…" can never pass for a settings line. */
function quoted(label: string, text: string): string[] {
  const [first = "", ...rest] = text.replace(/\r/g, "").split("\n");
  return [`// ${label}: ${first}`, ...rest.map((l) => `//   ${l}`)];
}
