import type { Passage } from "@/lib/data/attempts";
import type { QuestionTypeId } from "@/lib/question-types/ids";
import type { ResponseOf } from "@/lib/question-types/schemas";
import type { EssayView } from "@/lib/question-types/essay/view";
import type { EvidenceView } from "@/lib/question-types/evidence/view";
import type { MatchingView } from "@/lib/question-types/matching/view";
import type { MultipleChoiceView } from "@/lib/question-types/multiple-choice/view";
import type { MultipleResponseView } from "@/lib/question-types/multiple-response/view";
import type { NumericView } from "@/lib/question-types/numeric/view";
import type { OrderingView } from "@/lib/question-types/ordering/view";
import type { ShortAnswerView } from "@/lib/question-types/short-answer/view";
import type { TrueFalseView } from "@/lib/question-types/true-false/view";

/**
 * What every question player shares: its props, the legend, the look of a choice, and how a
 * paragraph of the reading is named. Types only come from lib/: a player sees the question's
 * player view (never its config, so never its answer key) and the student's response.
 */

export interface ViewByType {
  "multiple-choice": MultipleChoiceView;
  "multiple-response": MultipleResponseView;
  "true-false": TrueFalseView;
  "short-answer": ShortAnswerView;
  numeric: NumericView;
  ordering: OrderingView;
  matching: MatchingView;
  essay: EssayView;
  evidence: EvidenceView;
}

/** "typing": the attempt saves after a pause; "choice" (the default): at once. */
export type ChangeKind = "choice" | "typing";

export interface PlayerProps<T extends QuestionTypeId> {
  /** Unique on the page ("q3"); every id a player makes starts with it. */
  questionKey: string;
  view: ViewByType[T];
  /** The current response, or null when the question is not answered. */
  value: ResponseOf<T> | null;
  /** Emits a response of the type's shape (lib/question-types/schemas.ts), or null to clear it. */
  onChange: (response: ResponseOf<T> | null, kind?: ChangeKind) => void;
  disabled?: boolean | undefined;
  /** The reading's paragraphs (evidence questions cite them). */
  passages: readonly Passage[];
  /** Names the question for screen readers in the answer's legend, e.g. "question 3". */
  label?: string | undefined;
  /** The id of the question's prompt, which describes the answer group. */
  describedBy?: string | undefined;
}

export function Legend({ id, label, children = "Your answer" }: { id?: string; label?: string | undefined; children?: React.ReactNode }) {
  return (
    <legend id={id} className="field-label">
      {children}
      {label ? <span className="sr-only"> to {label}</span> : null}
    </legend>
  );
}

/** A radio or checkbox with its text, the whole row clickable. */
export const choiceRowClass =
  "flex cursor-pointer items-start gap-3 rounded-md border border-line bg-white px-3 py-2.5 hover:bg-stone-50 has-checked:border-accent has-checked:bg-blue-50 has-disabled:cursor-not-allowed has-disabled:opacity-70";
export const choiceInputClass = "mt-0.5 h-5 w-5 shrink-0 accent-accent";

/** "p-12" → "12". */
export function paragraphNumber(anchor: string): string {
  return anchor.replace(/^p-/, "");
}

export function paragraphLabel(anchor: string): string {
  return `¶ ${paragraphNumber(anchor)}`;
}

/** The first ~max characters, cut at a word. */
export function snippet(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}

/** Paragraphs grouped by their section, in reading order. */
export function groupBySection<P extends { sectionTitle: string }>(passages: readonly P[]): { title: string; passages: P[] }[] {
  const groups: { title: string; passages: P[] }[] = [];
  for (const p of passages) {
    const last = groups[groups.length - 1];
    if (last && last.title === p.sectionTitle) last.passages.push(p);
    else groups.push({ title: p.sectionTitle, passages: [p] });
  }
  return groups;
}

/** "¶ 3, 5–8": anchors as numbered ranges, for short labels. */
export function paragraphRanges(anchors: readonly string[]): string {
  const numbers = [...new Set(anchors.map((a) => Number(paragraphNumber(a))).filter(Number.isFinite))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const start = numbers[i]!;
    let end = start;
    while (numbers[i + 1] === end + 1) end = numbers[++i]!;
    parts.push(end > start + 1 ? `${start}–${end}` : end === start + 1 ? `${start}, ${end}` : `${start}`);
  }
  return parts.length ? `¶ ${parts.join(", ")}` : "";
}

/** Lower case, without accents: how filter boxes compare text. */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/u).length : 0;
}
