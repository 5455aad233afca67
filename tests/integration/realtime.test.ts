/**
 * The real-time layer on a real database (SQLite by default, PostgreSQL with a postgres
 * DATABASE_URL). On PostgreSQL each RealtimeHub has its own LISTEN connection, so two hubs stand
 * for two app instances: an event reaches both only through PostgreSQL's NOTIFY and the table.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RealtimeHub as Hub, RealtimeMessage } from "@/lib/realtime";
import { setupTestDatabase } from "../helpers/test-db";

const t = setupTestDatabase({ seed: false });

let realtime: typeof import("@/lib/realtime");
let hubA: Hub;
let hubB: Hub;

beforeAll(async () => {
  realtime = await import("@/lib/realtime");
  const { resolveDatabase } = await import("@/lib/db/config");
  // A slow safety poll: deliveries in these tests must come from the wake-up, not the poll.
  hubA = new realtime.RealtimeHub(t.db(), resolveDatabase(), { pollMs: 60_000 });
  hubB = new realtime.RealtimeHub(t.db(), resolveDatabase(), { pollMs: 60_000 });
});
afterAll(async () => {
  await hubA?.close();
  await hubB?.close();
});

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function collector(hub: Hub, channel: string | string[], after: number) {
  const got: RealtimeMessage[] = [];
  const stop = hub.subscribe(channel, after, (events) => got.push(...events));
  return { got, stop };
}

describe("publish and subscribe", () => {
  it("delivers an event committed in a transaction to two independent subscribers (two instances on PostgreSQL)", async () => {
    const db = t.db();
    const start = await realtime.latestEventId(db);
    const a = collector(hubA, "assignment:one", start);
    const b = collector(hubB, "assignment:one", start);
    const other = collector(hubB, "assignment:two", start);
    await Promise.all([hubA.ready, hubB.ready]);
    const id = await db.$transaction(async (tx) => {
      await tx.user.count();
      return realtime.publish(tx, "assignment:one", "post.created", { postId: "p1" });
    });
    await until(() => a.got.length === 1 && b.got.length === 1, "both subscribers");
    for (const got of [a.got, b.got]) {
      expect(got[0]).toMatchObject({ id, channel: "assignment:one", type: "post.created", payload: { postId: "p1" } });
    }
    expect(other.got).toEqual([]);
    a.stop();
    b.stop();
    other.stop();
  });

  it("delivers nothing for a rolled-back transaction", async () => {
    const db = t.db();
    const start = await realtime.latestEventId(db);
    const a = collector(hubA, "assignment:rb", start);
    const b = collector(hubB, "assignment:rb", start);
    await expect(
      db.$transaction(async (tx) => {
        await realtime.publish(tx, "assignment:rb", "post.created", { postId: "never" });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    // A later committed event is the marker: once it has arrived, the rolled-back one would have too.
    const marker = await realtime.publish(db, "assignment:rb", "post.created", { postId: "kept" });
    await until(() => a.got.length >= 1 && b.got.length >= 1, "the marker event");
    expect(a.got.map((e) => e.id)).toEqual([marker]);
    expect(b.got.map((e) => e.id)).toEqual([marker]);
    expect(await db.realtimeEvent.count({ where: { channel: "assignment:rb" } })).toBe(1);
    a.stop();
    b.stop();
  });

  it("replays exactly the missed events when resuming from an id", async () => {
    const db = t.db();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await realtime.publish(db, "session:replay", "moment", { i }));
    await realtime.publish(db, "session:elsewhere", "moment", { i: 99 });
    const resumed = collector(hubB, "session:replay", ids[1]!);
    await until(() => resumed.got.length === 3, "the three missed events");
    expect(resumed.got.map((e) => e.payload)).toEqual([{ i: 2 }, { i: 3 }, { i: 4 }]);
    const next = await realtime.publish(db, "session:replay", "moment", { i: 5 });
    await until(() => resumed.got.length === 4, "the next event");
    expect(resumed.got.map((e) => e.id)).toEqual([ids[2], ids[3], ids[4], next]);
    resumed.stop();
  });

  it("one subscription over several channels gets their events in id order", async () => {
    const db = t.db();
    const start = await realtime.latestEventId(db);
    const both = collector(hubA, ["session:x", "assignment:y"], start);
    const e1 = await realtime.publish(db, "session:x", "a", {});
    const e2 = await realtime.publish(db, "assignment:y", "b", {});
    const e3 = await realtime.publish(db, "session:x", "c", {});
    await until(() => both.got.length === 3, "three events");
    expect(both.got.map((e) => e.id)).toEqual([e1, e2, e3]);
    both.stop();
  });

  it("concurrent publishers: a subscriber that keeps reading never skips an id", async () => {
    const db = t.db();
    const start = await realtime.latestEventId(db);
    const a = collector(hubA, "session:race", start);
    const b = collector(hubB, "session:race", start);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.$transaction(async (tx) => {
          await tx.user.count();
          return realtime.publish(tx, "session:race", "answer", { i });
        }),
      ),
    );
    await until(() => a.got.length === 20 && b.got.length === 20, "twenty events");
    for (const got of [a.got, b.got]) {
      expect(new Set(got.map((e) => e.id)).size).toBe(20);
      expect(got.map((e) => e.id)).toEqual([...got.map((e) => e.id)].sort((x, y) => x - y));
    }
    a.stop();
    b.stop();
  });

  it("refuses channel names that are not <kind>:<id>", async () => {
    await expect(realtime.publish(t.db(), "bad channel", "x", {})).rejects.toThrow(/channel/);
  });

  it("prunes events older than a day", async () => {
    const db = t.db();
    const old = await realtime.publish(db, "session:old", "x", {});
    await db.realtimeEvent.update({ where: { id: old }, data: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    const fresh = await realtime.publish(db, "session:old", "y", {});
    expect(await realtime.pruneEvents(db)).toBeGreaterThanOrEqual(1);
    const left = await db.realtimeEvent.findMany({ where: { channel: "session:old" }, select: { id: true } });
    expect(left.map((r) => r.id)).toEqual([fresh]);
  });
});

describe("the SSE and poll responses", () => {
  async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, pattern: RegExp): Promise<string> {
    const decoder = new TextDecoder();
    let text = "";
    while (!pattern.test(text)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before ${pattern}: ${text}`);
      text += decoder.decode(value);
    }
    return text;
  }

  it("streams events with ids, resumes from Last-Event-ID, and lets go when the client leaves", async () => {
    const db = t.db();
    const first = await realtime.publish(db, "assignment:sse", "post.created", { n: 1 });
    const second = await realtime.publish(db, "assignment:sse", "post.created", { n: 2 });
    const abort = new AbortController();
    const before = hubA.subscriptionCount;
    const res = await realtime.realtimeResponse(
      new Request("http://x/api/stream", { headers: { "Last-Event-ID": String(first) }, signal: abort.signal }),
      { channels: ["assignment:sse"], hub: hubA, defaultAfter: () => realtime.latestEventId(db), heartbeatMs: 50 },
    );
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const reader = res.body!.getReader();
    const text = await readUntil(reader, new RegExp(`id: ${second}\\ndata: .*\\n\\n`));
    expect(text).not.toContain(`id: ${first}\n`);
    expect(text).toContain(`"payload":{"n":2}`);
    const third = await realtime.publish(db, "assignment:sse", "post.created", { n: 3 });
    await readUntil(reader, new RegExp(`id: ${third}\\n`));
    await readUntil(reader, /: ping\n\n/);
    expect(hubA.subscriptionCount).toBe(before + 1);
    abort.abort();
    await until(() => hubA.subscriptionCount === before, "the subscription to end");
    reader.releaseLock();
  });

  it("filters each event for the viewer", async () => {
    const db = t.db();
    const start = await realtime.latestEventId(db);
    await realtime.publish(db, "assignment:filter", "secret", { n: 1 });
    const shown = await realtime.publish(db, "assignment:filter", "public", { n: 2 });
    const res = await realtime.realtimeResponse(new Request(`http://x/s?after=${start}&poll=1`), {
      channels: ["assignment:filter"],
      hub: hubB,
      defaultAfter: () => realtime.latestEventId(db),
      filter: (e) => (e.type === "secret" ? null : e),
    });
    const body = (await res.json()) as { events: RealtimeMessage[]; cursor: number };
    expect(body.events.map((e) => e.id)).toEqual([shown]);
    expect(body.cursor).toBe(shown);
  });

  it("poll waits for the next event when there is nothing new, and answers at once with wait=0", async () => {
    const db = t.db();
    const start = await realtime.latestEventId(db);
    const opts = { channels: ["assignment:poll"], hub: hubA, defaultAfter: () => realtime.latestEventId(db) };
    const empty = await realtime.realtimeResponse(new Request(`http://x/s?after=${start}&poll=1&wait=0`), opts);
    expect(await empty.json()).toEqual({ events: [], cursor: start });
    const pending = realtime.realtimeResponse(new Request(`http://x/s?after=${start}&poll=1`), opts);
    const id = await realtime.publish(db, "assignment:poll", "post.created", {});
    const body = (await (await pending).json()) as { events: RealtimeMessage[]; cursor: number };
    expect(body.events.map((e) => e.id)).toEqual([id]);
  });

  it("refuses a malformed cursor with 400", async () => {
    const res = await realtime.realtimeResponse(new Request("http://x/s?after=abc"), {
      channels: ["assignment:poll"],
      hub: hubA,
      defaultAfter: async () => 0,
    });
    expect(res.status).toBe(400);
  });
});
