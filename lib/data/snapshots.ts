import "server-only";
import { db } from "@/lib/db";
import { Lru } from "@/lib/lru";
import { contentId, contentOf, itemFrom, outlineOf, readOutline, readSnapshot, type ItemContent, type OutlineItem, type SnapshotItem } from "@/lib/quiz/snapshot";

/**
 * Attempts' questions without reading their snapshots. An attempt's snapshot keeps every question
 * as presented (tens of kilobytes for a 30-question quiz); its outline (Attempt.outline) lists the
 * same questions by key, points and seed and names each one's content. A thousand attempts of one
 * quiz name the same thirty contents, so a class's gradebook reads a thousand 3 KB outlines and at
 * most a snapshot or two for contents it has not seen, instead of 60 MB of snapshots.
 *
 * Contents are immutable (the name is a hash of the content), so the parsed ones are kept in a
 * bounded cache shared by every request; nothing in it is state: a miss reads the snapshot again,
 * and two app instances each keep their own copy of the same facts.
 */

/** Each entry is one question as presented: a few kilobytes. Room for many quizzes' worth. */
const contents = new Lru<string, ItemContent>(2_000);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Keeps a snapshot's contents (frozen: every attempt with the same content shares the object). */
function remember(snapshot: readonly SnapshotItem[], into: Map<string, ItemContent>): void {
  for (const item of snapshot) {
    const id = contentId(item);
    const content = contents.get(id) ?? deepFreeze(contentOf(item));
    contents.set(id, content);
    into.set(id, content);
  }
}

type Client = Pick<typeof db, "attempt">;

export interface AttemptRef {
  id: string;
  /** Attempt.outline: "" for an attempt from before outlines. */
  outline: string;
}

/** The attempts' outlines; those without one (older attempts) are derived from their snapshots, read in one query. */
export async function outlinesOf(attempts: readonly AttemptRef[], client: Client = db): Promise<Map<string, OutlineItem[]>> {
  const out = new Map<string, OutlineItem[]>();
  const legacy: string[] = [];
  for (const a of attempts) {
    if (a.outline) out.set(a.id, readOutline(a.outline));
    else legacy.push(a.id);
  }
  if (legacy.length > 0) {
    const known = new Map<string, ItemContent>();
    for (const a of await client.attempt.findMany({ where: { id: { in: legacy } }, select: { id: true, snapshot: true } })) {
      const snapshot = readSnapshot(a.snapshot);
      remember(snapshot, known);
      out.set(a.id, outlineOf(snapshot));
    }
  }
  return out;
}

/**
 * The attempts' snapshots, rebuilt from their outlines and the contents they name: contents not
 * in the cache are read from one snapshot that has each (one query for all of them). A constant
 * number of queries however many attempts there are.
 */
export async function snapshotsOf(attempts: readonly AttemptRef[], client: Client = db): Promise<Map<string, SnapshotItem[]>> {
  const outlines = await outlinesOf(attempts, client);
  // This call's contents, so that the cache forgetting some meanwhile changes nothing.
  const known = new Map<string, ItemContent>();
  const wanted = new Map<string, string>(); // content → an attempt that has it
  for (const [attemptId, items] of outlines) {
    for (const q of items) {
      if (known.has(q.content) || wanted.has(q.content)) continue;
      const cached = contents.get(q.content);
      if (cached) known.set(q.content, cached);
      else wanted.set(q.content, attemptId);
    }
  }
  if (wanted.size > 0) {
    const rows = await client.attempt.findMany({ where: { id: { in: [...new Set(wanted.values())] } }, select: { snapshot: true } });
    for (const a of rows) remember(readSnapshot(a.snapshot), known);
  }
  const result = new Map<string, SnapshotItem[]>();
  const unresolved: string[] = [];
  for (const [attemptId, items] of outlines) {
    if (items.every((q) => known.has(q.content))) result.set(attemptId, items.map((q) => itemFrom(q, known.get(q.content)!)));
    else unresolved.push(attemptId);
  }
  // An outline that names a content its snapshot doesn't have would be a bug; the snapshot is the record.
  if (unresolved.length > 0) {
    for (const a of await client.attempt.findMany({ where: { id: { in: unresolved } }, select: { id: true, snapshot: true } })) result.set(a.id, readSnapshot(a.snapshot));
  }
  return result;
}

/** One attempt's snapshot (see snapshotsOf). */
export async function snapshotOf(attempt: AttemptRef, client: Client = db): Promise<SnapshotItem[]> {
  const snapshot = (await snapshotsOf([attempt], client)).get(attempt.id);
  if (!snapshot) throw new Error(`attempt ${attempt.id} has no snapshot`);
  return snapshot;
}
