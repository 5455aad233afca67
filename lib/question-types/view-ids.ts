import { createHmac } from "node:crypto";

/**
 * The ids a student's browser receives for options, items and pairs. Authored ids ("a", "b", or
 * items numbered in their right order) would hand over the key: sorting an ordering question's
 * ids, or knowing that the right option is usually "a". So the browser only ever sees per-attempt
 * opaque ids: an HMAC of the authored id keyed by the question's seed, which is random per attempt
 * and never leaves the server. The same seed gives the same ids, so a reload, an answer queued
 * offline and the review all agree; another attempt gets unrelated ids.
 *
 * Answers arrive in view ids and are stored in authored ids (grading, analysis and export never
 * see view ids); an id that is not one of the question's view ids is refused, so guessing the
 * authored ids gets nowhere either.
 */
export function viewId(seed: string, authoredId: string): string {
  return `o${createHmac("sha256", `dossier:view-id:${seed}`).update(authoredId).digest("hex").slice(0, 15)}`;
}

/** view id → authored id, for the ids a question's responses can name. */
export function viewIdDecoder(seed: string, authoredIds: readonly string[]): ReadonlyMap<string, string> {
  const decoder = new Map(authoredIds.map((id) => [viewId(seed, id), id]));
  // 60 bits per id: a collision among a dozen ids is not expected in the life of the universe, but
  // if it ever happened two options would become one, so fail loudly rather than grade wrongly.
  if (decoder.size !== new Set(authoredIds).size) throw new Error("Two view ids collided; this question cannot be shown with this seed.");
  return decoder;
}
