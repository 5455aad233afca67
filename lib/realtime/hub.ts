import pg from "pg";
import type { Db } from "@/lib/db/client";
import type { DatabaseConfig } from "@/lib/db/config";
import { PG_NOTIFY_CHANNEL, type RealtimeMessage } from "./events";
import { onLocalWake } from "./local-wake";
import { pruneSoon } from "./publish";

export type OnEvents = (events: RealtimeMessage[]) => void;

interface Subscriber {
  last: number;
  onEvents: OnEvents;
}

interface Group {
  channels: string[];
  subscribers: Set<Subscriber>;
  running: boolean;
  again: boolean;
}

const BATCH = 500;

export interface HubOptions {
  /** Safety re-read of every channel, in case a wake-up was missed. Default: 5 s on SQLite, 30 s on PostgreSQL. */
  pollMs?: number;
}

/**
 * One per app process (see index.ts). Wakes subscribers of a channel and lets them read what is
 * new from the RealtimeEvent table: ONE query per channel per wake-up, however many browsers are
 * subscribed to it in this process, each subscriber then given the rows past its own cursor.
 *
 * PostgreSQL: a dedicated `pg` client (outside Prisma's pool) LISTENs on dossier_events; every
 * instance's listener hears every commit's NOTIFY. When the listener drops it reconnects with a
 * back-off and re-reads every channel, so what was published meanwhile is caught up from the table.
 * SQLite: publish() in this process wakes the hub directly; a slow poll covers anything else.
 */
export class RealtimeHub {
  readonly #groups = new Map<string, Group>();
  readonly #timers: ReturnType<typeof setInterval>[] = [];
  #listener: pg.Client | null = null;
  #started = false;
  #closed = false;
  #unwake: (() => void) | null = null;
  #retryMs = 500;
  /** Resolves once the PostgreSQL listener is LISTENing (immediately on SQLite). */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly config: DatabaseConfig,
    private readonly options: HubOptions = {},
  ) {}

  /**
   * Calls onEvents with every event on the channel(s) whose id is greater than afterId, in id
   * order, now (catch-up) and whenever new ones are committed. Returns the function that stops it.
   * Several channels in one subscription are read in one query, so their events arrive in global
   * id order and one cursor resumes them all.
   */
  subscribe(channels: string | readonly string[], afterId: number, onEvents: OnEvents): () => void {
    this.#start();
    const list = [...new Set(typeof channels === "string" ? [channels] : channels)].sort();
    if (list.length === 0) throw new Error("subscribe needs at least one channel");
    const key = list.join(",");
    let group = this.#groups.get(key);
    if (!group) {
      group = { channels: list, subscribers: new Set(), running: false, again: false };
      this.#groups.set(key, group);
    }
    const sub: Subscriber = { last: Math.max(0, Math.floor(afterId)), onEvents };
    group.subscribers.add(sub);
    void this.#pump(key);
    return () => {
      const g = this.#groups.get(key);
      if (!g) return;
      g.subscribers.delete(sub);
      if (g.subscribers.size === 0 && !g.running) this.#groups.delete(key);
    };
  }

  /** Wakes every subscription that includes the channel. */
  #wake(channel: string): void {
    for (const [key, g] of this.#groups) if (g.channels.includes(channel)) void this.#pump(key);
  }

  /** Number of live subscriptions in this process (for benchmarks and tests). */
  get subscriptionCount(): number {
    let n = 0;
    for (const g of this.#groups.values()) n += g.subscribers.size;
    return n;
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const t of this.#timers) clearInterval(t);
    this.#unwake?.();
    this.#groups.clear();
    const l = this.#listener;
    this.#listener = null;
    if (l) await l.end().catch(() => {});
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    const pollMs = this.options.pollMs ?? (this.config.provider === "postgresql" ? 30_000 : 5_000);
    const poll = setInterval(() => this.#pumpAll(), pollMs);
    poll.unref?.();
    this.#timers.push(poll);
    if (this.config.provider === "postgresql") this.ready = this.#listen();
    else this.#unwake = onLocalWake((channel) => this.#wake(channel));
  }

  async #listen(): Promise<void> {
    if (this.#closed || this.config.provider !== "postgresql") return;
    const client = new pg.Client({ connectionString: this.config.url });
    const reconnect = () => {
      if (this.#listener !== client || this.#closed) return;
      this.#listener = null;
      client.end().catch(() => {});
      const wait = this.#retryMs;
      this.#retryMs = Math.min(this.#retryMs * 2, 10_000);
      setTimeout(() => void this.#listen(), wait).unref?.();
    };
    client.on("error", (e) => {
      console.error("[realtime] listener connection lost:", e.message);
      reconnect();
    });
    client.on("end", reconnect);
    client.on("notification", (msg) => {
      if (msg.channel === PG_NOTIFY_CHANNEL && msg.payload) this.#wake(msg.payload);
    });
    this.#listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${PG_NOTIFY_CHANNEL}`);
      this.#retryMs = 500;
      // Anything committed while we were not listening is in the table: read it now.
      this.#pumpAll();
    } catch (e) {
      console.error("[realtime] could not listen:", e instanceof Error ? e.message : e);
      reconnect();
    }
  }

  #pumpAll(): void {
    for (const key of this.#groups.keys()) void this.#pump(key);
    pruneSoon(this.db);
  }

  /** Reads past the lowest cursor of the subscription's subscribers; runs once at a time per subscription. */
  async #pump(key: string): Promise<void> {
    const group = this.#groups.get(key);
    if (!group) return;
    if (group.running) {
      group.again = true;
      return;
    }
    group.running = true;
    try {
      do {
        group.again = false;
        for (;;) {
          if (group.subscribers.size === 0 || this.#closed) break;
          let from = Infinity;
          for (const s of group.subscribers) from = Math.min(from, s.last);
          const rows = await this.db.realtimeEvent.findMany({
            where: { channel: group.channels.length === 1 ? group.channels[0]! : { in: group.channels }, id: { gt: from } },
            orderBy: { id: "asc" },
            take: BATCH,
          });
          if (rows.length === 0) break;
          const events: RealtimeMessage[] = rows.map((r) => ({
            id: r.id,
            channel: r.channel,
            type: r.type,
            payload: safeParse(r.payload),
            at: r.createdAt.toISOString(),
          }));
          for (const s of group.subscribers) {
            const mine = s.last === from ? events : events.filter((e) => e.id > s.last);
            if (mine.length === 0) continue;
            s.last = mine[mine.length - 1]!.id;
            try {
              s.onEvents(mine);
            } catch (e) {
              console.error("[realtime] subscriber failed:", e instanceof Error ? e.message : e);
            }
          }
          if (rows.length < BATCH) break;
        }
      } while (group.again);
    } catch (e) {
      console.error("[realtime] reading events failed:", e instanceof Error ? e.message : e);
    } finally {
      group.running = false;
      if (group.subscribers.size === 0 && this.#groups.get(key) === group) this.#groups.delete(key);
    }
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
