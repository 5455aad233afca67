import type { z } from "zod";
import type { QuestionTypeId } from "./ids";
import type { configSchemas, responseSchemas } from "./schemas";

/**
 * What every question type implements. Grading is pure: the same config and response always
 * give the same result, with no database, clock or randomness (shuffles take a seed), so an
 * attempt can be regraded from its snapshot and every type is tested the same way
 * (tests/unit/question-types/contract.test.ts).
 */

export type GradeState = "correct" | "partial" | "incorrect" | "needs-grading" | "unanswered";

export interface GradeResult {
  /** 0..1 of the question's points; null while a person still has to grade it (essays). */
  fraction: number | null;
  state: GradeState;
  /** Feedback the author attached to what the student chose or wrote (shown as the review policy allows). */
  feedback: string[];
}

export interface QuestionTypePlugin<T extends QuestionTypeId, View> {
  id: T;
  /** How the type is named to instructors. */
  label: string;
  config: (typeof configSchemas)[T];
  response: (typeof responseSchemas)[T];
  /**
   * Fully answered (every item placed, every prompt matched; the submit dialog warns about the
   * rest), told from the player view and a response in view ids, read defensively: the quiz
   * player runs it in the browser, the server on the same view (see ./completeness.ts).
   */
  isComplete(view: View, response: unknown): boolean;
  grade(config: z.infer<(typeof configSchemas)[T]>, response: z.infer<(typeof responseSchemas)[T]> | null): GradeResult;
  /** A response that earns full marks, or null where none exists (essays). */
  correctResponse(config: z.infer<(typeof configSchemas)[T]>): z.infer<(typeof responseSchemas)[T]> | null;
  /**
   * What the student's browser may see: no answer key, no per-option feedback; options shuffled by
   * `seed` when asked, and every id in it a view id (`viewId(seed, id)` in ./view-ids.ts), never
   * the authored one.
   */
  toPlayerView(config: z.infer<(typeof configSchemas)[T]>, opts: { seed: string; shuffle: boolean }): View;
  /** The authored ids a response can name (options, items, pairs); [] for types whose answers name none. */
  responseIds(config: z.infer<(typeof configSchemas)[T]>): string[];
  /** The response with every id it names replaced by `map(id)`: how answers cross between view ids and authored ids. */
  mapResponseIds(response: z.infer<(typeof responseSchemas)[T]>, map: (id: string) => string): z.infer<(typeof responseSchemas)[T]>;
  /**
   * How an answer (in authored ids) reads to an instructor, one label per thing chosen: option,
   * item and pair texts rather than ids, typed text as typed. [] for an empty answer. The
   * analysis counts answers by these labels.
   */
  answerLabels(config: z.infer<(typeof configSchemas)[T]>, response: z.infer<(typeof responseSchemas)[T]>): string[];
  /**
   * For types whose answers are typed: the form in which two labels count as the same answer
   * (as grading compares them, e.g. "SOLIDARNOŚĆ" and "solidarnosc"). Without it, labels are
   * counted as they are.
   */
  answerGroup?(config: z.infer<(typeof configSchemas)[T]>, label: string): string;
  /** The answer key at a glance, a line each, for the editor's question list: "✓ 3–4 April 1981", the order, the pairs. */
  keySummary(config: z.infer<(typeof configSchemas)[T]>): string[];
}

/** For types whose responses name no ids (true/false, short answer, numeric, essay). */
export const noResponseIds = {
  responseIds: (): string[] => [],
  mapResponseIds: <R>(response: R): R => response,
};
