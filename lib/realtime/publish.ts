import type { Db } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/config";
import { CHANNEL_PATTERN, PG_NOTIFY_CHANNEL } from "./events";
import { wakeLocal } from "./local-wake";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** The app's client or an interactive transaction's client. */
export type DbOrTx = Db | Tx;

/**
 * Any constant works: every publisher takes the same lock, so on PostgreSQL event ids become
 * visible in id order (see publish()).
 */
const PUBLISH_LOCK_KEY = 0x0d055e7;

/** Events older than this are removed; a client gone for longer reloads the page instead of resuming. */
export const EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

// A transaction's client has $transaction too (it throws when called), but not $connect.
const isFullClient = (client: DbOrTx): client is Db => typeof (client as { $connect?: unknown }).$connect === "function";

/**
 * Writes one event in the caller's transaction (or in a transaction of its own when given the
 * plain client). Returns the event's id.
 *
 * PostgreSQL: takes a transaction-scoped advisory lock first, so two publishing transactions are
 * serialised from the insert to their commit. Without it, transaction A could take id 10, B id 11,
 * B commit, a subscriber read 11 and move its cursor past 10, then A commit: event 10 would never
 * be seen. With it, ids become visible in increasing order and "id > cursor" misses nothing, across
 * every channel (one cursor per browser tab covers all its channels). Call publish() as the LAST
 * write of a transaction so the lock is held only until the commit. Then pg_notify(), which
 * PostgreSQL delivers to every listening connection at commit, and never for a rollback.
 *
 * SQLite has a single writer, so ids are committed in order already; subscribers in this process
 * are woken at once (their read waits for the open transaction: see lib/db/sqlite-adapter.ts).
 */
export async function publish(client: DbOrTx, channel: string, type: string, payload: unknown): Promise<number> {
  if (!CHANNEL_PATTERN.test(channel)) throw new Error(`Not a real-time channel name: ${channel}`);
  if (isFullClient(client)) return client.$transaction((tx) => publish(tx, channel, type, payload));
  const postgres = resolveDatabase().provider === "postgresql";
  if (postgres) await client.$executeRaw`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK_KEY})`;
  const row = await client.realtimeEvent.create({
    data: { channel, type, payload: JSON.stringify(payload ?? null) },
    select: { id: true },
  });
  if (postgres) await client.$executeRaw`SELECT pg_notify(${PG_NOTIFY_CHANNEL}, ${channel})`;
  else wakeLocal(channel);
  return row.id;
}

/** Removes events older than the retention window. */
export async function pruneEvents(client: Db, now = new Date()): Promise<number> {
  const { count } = await client.realtimeEvent.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - EVENT_RETENTION_MS) } } });
  return count;
}

let lastPrune = 0;
/** Prunes at most every ten minutes per process, after the current work, never failing the caller. */
export function pruneSoon(client: Db): void {
  const now = Date.now();
  if (now - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now;
  setTimeout(() => void pruneEvents(client).catch((e) => console.error("[realtime] prune failed:", e instanceof Error ? e.message : e)), 0).unref?.();
}

/** The newest event id on any channel (0 when none): a page reads it BEFORE its data, then streams from it. */
export async function latestEventId(client: DbOrTx): Promise<number> {
  const row = await client.realtimeEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0;
}
