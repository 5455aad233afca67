/**
 * Real-time events for Dossier: the discussion layer and the live session both use this.
 *
 * THE TABLE IS THE TRUTH. Every event is a RealtimeEvent row (id, channel, type, JSON payload,
 * createdAt) written in the same transaction as the change it reports, so a rolled-back change
 * never announces itself and every event can be replayed from its id. Nothing lives only in
 * process memory; two app instances on PostgreSQL see the same events.
 *
 * Server (route handlers, lib/data):
 *
 *   publish(tx, "assignment:<id>", "post.created", { postId })   -> event id
 *       Inside the caller's interactive transaction (or the plain client: a transaction of its
 *       own). Call it as the LAST write of the transaction: on PostgreSQL it takes a global
 *       advisory lock so ids become visible in commit order (one cursor is then exact across
 *       every channel), and runs pg_notify('dossier_events', channel), delivered at commit.
 *       Payloads should be small and carry ids, not private content: a route's filter decides
 *       what each viewer may learn, and clients fetch details through policy-checked routes.
 *       Channel names: "<kind>:<id>" (CHANNEL_PATTERN).
 *
 *   subscribe(channels, afterId, onEvents) -> unsubscribe
 *       onEvents(events[]) gets every event with id > afterId on those channels, in id order:
 *       first the catch-up from the table, then each new commit. PostgreSQL: one dedicated `pg`
 *       client per process LISTENs on dossier_events (reconnects with back-off, then catches up
 *       from the table) and wakes the channel's subscribers, which share ONE read per wake-up.
 *       SQLite (single instance): publish() wakes this process directly; a 5 s safety poll.
 *
 *   realtimeResponse(request, { channels, hub: hub(), defaultAfter: () => latestEventId(db), filter })
 *       The whole answer of a real-time GET route: `text/event-stream` with `id:` = event id,
 *       resuming from Last-Event-ID or ?after=, a heartbeat comment every 15 s, cleaned up when
 *       request.signal aborts, headers that stop buffering (X-Accel-Buffering: no, Cache-Control:
 *       no-cache, no-transform). With ?after=<id>&poll=1: JSON { events, cursor }, long-polled up
 *       to 20 s (add &wait=0 to answer at once), for school proxies that block streams. A
 *       malformed cursor is a 400. The route authorises the viewer before calling it.
 *
 *   latestEventId(db) -> the cursor a page reads BEFORE loading its data, so that nothing
 *       committed between the data read and the stream's start is missed (clients dedupe by id).
 *
 *   pruneEvents(db) removes events older than a day; hubs do it at most every 10 minutes.
 *
 * Browser: `useEventStream(url, onEvent, { after })` from lib/realtime/use-event-stream.ts:
 * one EventSource, reconnecting with ?after=<last id> (and Last-Event-ID), deduplicating by id,
 * and falling back to polling (?poll=1) when the stream fails three times in a row.
 */
import "server-only";
import { db } from "@/lib/db";
import { resolveDatabase } from "@/lib/db/config";
import { RealtimeHub } from "./hub";
import type { OnEvents } from "./hub";

export { publish, pruneEvents, latestEventId, EVENT_RETENTION_MS, type DbOrTx } from "./publish";
export { realtimeResponse, readCursor, SSE_HEADERS, type EventFilter, type RealtimeResponseOptions } from "./sse";
export { RealtimeHub, type OnEvents, type HubOptions } from "./hub";
export { CHANNEL_PATTERN, PG_NOTIFY_CHANNEL, type RealtimeMessage } from "./events";

const g = globalThis as unknown as { dossierRealtimeHub?: RealtimeHub };

/** This process's hub, on the app's database client (created on first use). */
export function hub(): RealtimeHub {
  g.dossierRealtimeHub ??= new RealtimeHub(db, resolveDatabase());
  return g.dossierRealtimeHub;
}

/** subscribe() on this process's hub. */
export function subscribe(channels: string | readonly string[], afterId: number, onEvents: OnEvents): () => void {
  return hub().subscribe(channels, afterId, onEvents);
}

/** The newest event id in the app's database: where a new stream starts when the page gave no cursor. */
export async function currentEventId(): Promise<number> {
  return (await import("./publish")).latestEventId(db);
}
