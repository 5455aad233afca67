"use client";

import { useEffect, useRef } from "react";
import { useEventStream, type StreamState } from "@/lib/realtime/use-event-stream";

export type Connection = StreamState;

/**
 * Keeps a live view in step with its session through the shared real-time layer: one event stream
 * (reconnecting from the last event seen, falling back to polling when a proxy blocks streams).
 * `after` is the event cursor the page read before its data, so nothing between the two is missed.
 * When the stream comes back after a drop the layer replays what was missed; `resync` reloads the
 * whole state as well, for a device that was away longer than the events are kept.
 */
export function useLive(opts: { streamUrl: string; after: number; onEvent: (type: string, payload: unknown) => void; resync: () => Promise<void> | void }): Connection {
  const state = useEventStream(opts.streamUrl, (event) => opts.onEvent(event.type, event.payload), { after: opts.after });
  useResyncOnReturn(state, opts.resync);
  return state;
}

function useResyncOnReturn(state: StreamState, resync: () => Promise<void> | void) {
  const previous = useRef(state);
  const latest = useRef(resync);
  latest.current = resync;
  useEffect(() => {
    const was = previous.current;
    previous.current = state;
    if (was === "offline" && (state === "live" || state === "polling")) void Promise.resolve(latest.current()).catch(() => {});
  }, [state]);
}

/** GET a view's state as JSON; throws when there is no answer (offline) or an error. */
export async function fetchState<T>(url: string): Promise<T> {
  const res = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  if (!res.ok) throw new Error(`state ${res.status}`);
  return (await res.json()) as T;
}

/**
 * `fn` at most once per `ms`, the last call always honoured (trailing): a burst of 300 answers
 * makes the control view and projector reload their state a few times, not 300.
 */
export function throttled(fn: () => void, ms: number): () => void {
  let last = 0;
  let timer: number | null = null;
  return () => {
    const wait = last + ms - Date.now();
    if (wait <= 0 && timer === null) {
      last = Date.now();
      fn();
      return;
    }
    if (timer !== null) return;
    timer = window.setTimeout(() => {
      timer = null;
      last = Date.now();
      fn();
    }, Math.max(0, wait));
  };
}
