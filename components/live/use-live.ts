"use client";

import { useEffect, useRef, useState } from "react";

export type Connection = "live" | "reconnecting" | "offline";

/**
 * Keeps a live view in step with its session. `onEvent` gets each event from the session's
 * stream; `resync` reloads the view's whole state (after a reconnect, or on a timer while the
 * stream is not available). Until the shared real-time layer is merged this only resyncs on a
 * timer; it is the one place the views wire to lib/realtime's client hook.
 */
export function useLive(opts: { streamUrl: string; onEvent: (type: string, payload: unknown) => void; resync: () => Promise<void> | void; everyMs?: number }): Connection {
  const [connection, setConnection] = useState<Connection>("live");
  const latest = useRef(opts);
  latest.current = opts;
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      if (stopped) return;
      try {
        await latest.current.resync();
        setConnection("live");
      } catch {
        setConnection(navigator.onLine ? "reconnecting" : "offline");
      }
    };
    const timer = window.setInterval(tick, opts.everyMs ?? 2000);
    const online = () => void tick();
    window.addEventListener("online", online);
    const offline = () => setConnection("offline");
    window.addEventListener("offline", offline);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
    };
  }, [opts.everyMs]);
  return connection;
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
