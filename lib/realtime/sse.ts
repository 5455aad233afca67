import type { RealtimeMessage } from "./events";
import type { RealtimeHub } from "./hub";

/** What a route may do with each event before it reaches a browser: adapt it for this viewer, or drop it (null). */
export type EventFilter = (event: RealtimeMessage) => RealtimeMessage | null | Promise<RealtimeMessage | null>;

export interface RealtimeResponseOptions {
  channels: readonly string[];
  hub: RealtimeHub;
  /** Where a client without a cursor starts: usually the newest event id (only what happens next). */
  defaultAfter: () => Promise<number>;
  filter?: EventFilter;
  /** Heartbeat comment interval; ~15 s keeps proxies from closing an idle stream. */
  heartbeatMs?: number;
  /** Longest a poll request waits for something new before answering empty. */
  pollWaitMs?: number;
}

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: proxies and Next's compression must not buffer or gzip the stream.
  "Cache-Control": "no-cache, no-transform",
  "Content-Encoding": "none",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;

class CursorError extends Error {}

/**
 * The resume point: Last-Event-ID (sent by EventSource on its own reconnects) wins over ?after=
 * (sent by useEventStream when it reconnects itself or polls). Absent: null. Malformed: CursorError.
 */
export function readCursor(request: Request): number | null {
  const header = request.headers.get("last-event-id");
  const query = new URL(request.url).searchParams.get("after");
  const raw = header?.trim() || query?.trim();
  if (!raw) return null;
  if (!/^\d{1,15}$/.test(raw)) throw new CursorError("The event cursor must be a whole number.");
  return Number(raw);
}

/**
 * A route handler's whole answer for a real-time endpoint: an SSE stream, or with `?poll=1` a
 * JSON list of events (long-polled up to pollWaitMs) for networks that block streaming.
 * The route checks who may listen BEFORE calling this; `filter` then shapes each event.
 */
export async function realtimeResponse(request: Request, opts: RealtimeResponseOptions): Promise<Response> {
  let after: number;
  try {
    after = readCursor(request) ?? (await opts.defaultAfter());
  } catch (e) {
    if (e instanceof CursorError) return Response.json({ error: { code: "invalid", message: e.message } }, { status: 400 });
    throw e;
  }
  const url = new URL(request.url);
  if (url.searchParams.get("poll") === "1") return pollResponse(request, opts, after, url.searchParams.get("wait") === "0" ? 0 : (opts.pollWaitMs ?? 20_000));
  return streamResponse(request, opts, after);
}

function streamResponse(request: Request, opts: RealtimeResponseOptions, after: number): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      // retry: how long EventSource waits before reconnecting; the comment flushes the headers now.
      send(`retry: 3000\n: stream open at ${after}\n\n`);
      let chain = Promise.resolve();
      const unsubscribe = opts.hub.subscribe(opts.channels, after, (events) => {
        chain = chain.then(async () => {
          for (const event of events) {
            const shown = opts.filter ? await opts.filter(event) : event;
            if (shown) send(`id: ${event.id}\ndata: ${JSON.stringify(shown)}\n\n`);
          }
        }).catch((e) => console.error("[realtime] filter failed:", e instanceof Error ? e.message : e));
      });
      const heartbeat = setInterval(() => send(`: ping\n\n`), opts.heartbeatMs ?? 15_000);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        request.signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          /* already closed by the client */
        }
      };
      if (request.signal.aborted) cleanup();
      else request.signal.addEventListener("abort", cleanup);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: SSE_HEADERS });
}

async function pollResponse(request: Request, opts: RealtimeResponseOptions, after: number, waitMs: number): Promise<Response> {
  const batch = await new Promise<RealtimeMessage[]>((resolve) => {
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe = () => {};
    const finish = (events: RealtimeMessage[]) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      queueMicrotask(() => unsubscribe());
      request.signal.removeEventListener("abort", onAbort);
      resolve(events);
    };
    const onAbort = () => finish([]);
    request.signal.addEventListener("abort", onAbort);
    // The catch-up read runs first; with nothing new, wait for the next wake-up or the deadline.
    unsubscribe = opts.hub.subscribe(opts.channels, after, (events) => finish(events));
    timer = setTimeout(() => finish([]), waitMs);
    if (done) unsubscribe();
  });
  const events: RealtimeMessage[] = [];
  let cursor = after;
  for (const event of batch) {
    cursor = Math.max(cursor, event.id);
    const shown = opts.filter ? await opts.filter(event) : event;
    if (shown) events.push(shown);
  }
  return Response.json({ events, cursor }, { headers: { "Cache-Control": "no-store" } });
}
