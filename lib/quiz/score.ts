import { pluralPoints } from "@/lib/format";

/**
 * What a score leaves out. A submitted attempt's score counts an answer that waits for a person
 * (an essay) as 0, so "9 of 19" can be "9 of 19, and 10 still to come": every place that shows the
 * score says so. Pure.
 */

/** The points of the questions whose answers wait for a grader (a saved fraction of null). */
export function pendingPoints(
  snapshot: readonly { key: string; points: number }[],
  responses: Iterable<{ questionKey: string; fraction: number | null }>,
): number {
  const waiting = new Set<string>();
  for (const r of responses) if (r.fraction === null) waiting.add(r.questionKey);
  return snapshot.reduce((sum, q) => (waiting.has(q.key) ? sum + q.points : sum), 0);
}


/** "10 points waiting to be graded", or null when nothing waits. */
export function pendingLabel(pending: number | null | undefined): string | null {
  if (!pending || pending <= 0) return null;
  return `${pluralPoints(pending)} waiting to be graded`;
}
