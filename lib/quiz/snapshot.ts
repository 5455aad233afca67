import { z } from "zod";
import { questionTypeIds } from "@/lib/question-types/ids";
import { gradeQuestion } from "@/lib/question-types/registry";
import type { GradeResult } from "@/lib/question-types/contract";
import { seededShuffle } from "@/lib/question-types/shuffle";

/**
 * An attempt's snapshot: its questions exactly as presented (config, points, order, shuffle
 * seed). Pure, so the data layer and the seed build and grade attempts the same way.
 */
export const snapshotItemSchema = z.object({
  key: z.string(),
  questionId: z.string(),
  type: z.enum(questionTypeIds),
  title: z.string(),
  prompt: z.string(),
  format: z.string(),
  anchors: z.array(z.string()),
  generalFeedback: z.string(),
  config: z.unknown(),
  points: z.number(),
  seed: z.string(),
});
export type SnapshotItem = z.infer<typeof snapshotItemSchema>;

export function readSnapshot(raw: string): SnapshotItem[] {
  return z.array(snapshotItemSchema).parse(JSON.parse(raw));
}

/** A stored question row as the quiz holds it. */
export interface QuizItemRow {
  points: number;
  question: { id: string; type: string; title: string; prompt: string; format: string; anchors: string; generalFeedback: string; config: string };
}

export function buildSnapshot(items: readonly QuizItemRow[], seed: string, shuffleQuestions: boolean): SnapshotItem[] {
  const ordered = shuffleQuestions ? seededShuffle(items, seed) : items;
  return ordered.map((item, i) => ({
    key: `q${i + 1}`,
    questionId: item.question.id,
    type: z.enum(questionTypeIds).parse(item.question.type),
    title: item.question.title,
    prompt: item.question.prompt,
    format: item.question.format,
    anchors: z.array(z.string()).parse(JSON.parse(item.question.anchors)),
    generalFeedback: item.question.generalFeedback,
    config: JSON.parse(item.question.config) as unknown,
    points: item.points,
    seed: `${seed}:${i}`,
  }));
}

export interface GradedAttempt {
  items: { item: SnapshotItem; result: GradeResult }[];
  score: number;
  needsGrading: boolean;
}

/** Grades every question of a snapshot against the saved responses (missing = unanswered). */
export function gradeSnapshot(snapshot: readonly SnapshotItem[], responses: ReadonlyMap<string, unknown>): GradedAttempt {
  const items = snapshot.map((item) => ({ item, result: gradeQuestion(item.type, item.config, responses.get(item.key) ?? null) }));
  return {
    items,
    score: items.reduce((s, g) => s + (g.result.fraction ?? 0) * g.item.points, 0),
    needsGrading: items.some((g) => g.result.fraction === null),
  };
}
