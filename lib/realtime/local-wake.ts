/**
 * The in-process wake-up used on SQLite (one instance): publish() calls wakeLocal(channel), every
 * hub in this process re-reads that channel from the table. Kept on globalThis so that two copies
 * of this module (dev reloads, route bundles) still reach each other. It carries no data: the
 * table is the truth.
 */
type Listener = (channel: string) => void;
const g = globalThis as unknown as { dossierRealtimeLocal?: Set<Listener> };
const listeners = (g.dossierRealtimeLocal ??= new Set<Listener>());

export function onLocalWake(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function wakeLocal(channel: string): void {
  // After the current call stack: the read that follows then queues behind the open transaction.
  queueMicrotask(() => {
    for (const fn of listeners) fn(channel);
  });
}
