"use client";
import { useEffect, useRef, useState } from "react";
import type { RealtimeMessage } from "./events";

export type StreamState = "connecting" | "live" | "polling" | "offline";

export interface UseEventStreamOptions {
  /** Start after this event id (the cursor the page's data was read at). */
  after?: number;
  /** Consecutive stream failures before switching to polling. */
  failuresBeforePolling?: number;
  /** Off: no connection (e.g. until the data has loaded). */
  enabled?: boolean;
}

const withParams = (url: string, params: Record<string, string>) => {
  const u = new URL(url, window.location.href);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.pathname + u.search;
};

/**
 * Listens to a realtimeResponse() route. One EventSource; when it drops, reconnects after a
 * growing pause with ?after=<last id seen>, so nothing is missed or repeated (ids are also
 * deduplicated here). If the stream fails `failuresBeforePolling` times without delivering
 * anything (a proxy that blocks or buffers event streams), polls `?poll=1` instead. Returns the
 * connection state for a small status line.
 */
export function useEventStream<P = unknown>(
  url: string,
  onEvent: (event: RealtimeMessage<P>) => void,
  { after, failuresBeforePolling = 3, enabled = true }: UseEventStreamOptions = {},
): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });

  useEffect(() => {
    if (!enabled) return;
    let cursor = after ?? null;
    const seen = new Set<number>();
    let stopped = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let polling = false;
    let abort: AbortController | null = null;

    const deliver = (event: RealtimeMessage<P>) => {
      if (seen.has(event.id)) return;
      seen.add(event.id);
      if (seen.size > 2000) seen.delete(seen.values().next().value as number);
      cursor = Math.max(cursor ?? 0, event.id);
      try {
        handler.current(event);
      } catch (e) {
        console.error("event handler failed", e);
      }
    };

    const connect = () => {
      if (stopped) return;
      setState(failures === 0 ? "connecting" : "offline");
      const es = new EventSource(cursor === null ? url : withParams(url, { after: String(cursor) }));
      source = es;
      let delivered = false;
      es.onopen = () => setState("live");
      es.onmessage = (m) => {
        delivered = true;
        failures = 0;
        try {
          deliver(JSON.parse(m.data as string) as RealtimeMessage<P>);
        } catch {
          /* not ours */
        }
      };
      es.onerror = () => {
        // Reconnect ourselves (with our cursor) rather than letting EventSource retry blindly.
        es.close();
        if (source === es) source = null;
        if (stopped) return;
        failures = delivered ? 1 : failures + 1;
        if (failures >= failuresBeforePolling) return startPolling();
        setState("offline");
        timer = setTimeout(connect, Math.min(1000 * 2 ** failures, 15_000));
      };
    };

    const startPolling = () => {
      polling = true;
      setState("polling");
      void poll();
    };

    const poll = async () => {
      let wait = 2000;
      while (!stopped && polling) {
        abort = new AbortController();
        try {
          const res = await fetch(withParams(url, { poll: "1", after: String(cursor ?? 0), ...(cursor === null ? { wait: "0" } : {}) }), {
            signal: abort.signal,
            headers: { Accept: "application/json" },
            cache: "no-store",
          });
          if (!res.ok) throw new Error(String(res.status));
          const body = (await res.json()) as { events: RealtimeMessage<P>[]; cursor: number };
          for (const e of body.events) deliver(e);
          cursor = Math.max(cursor ?? 0, body.cursor);
          setState("polling");
          wait = 500;
        } catch {
          if (stopped) return;
          setState("offline");
          wait = Math.min(wait * 2, 15_000);
        }
        await new Promise((r) => (timer = setTimeout(r, wait)));
      }
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
      abort?.abort();
    };
  }, [url, after, failuresBeforePolling, enabled]);

  return state;
}
