/** The shape of a real-time event, shared by the server (lib/realtime) and the browser hook. */
export interface RealtimeMessage<P = unknown> {
  /** Global, increasing in commit order (see publish.ts): a client's single resume cursor. */
  id: number;
  channel: string;
  type: string;
  payload: P;
  /** ISO time the event was written. */
  at: string;
}

/** The PostgreSQL NOTIFY channel every app instance LISTENs on; the payload is the event's channel. */
export const PG_NOTIFY_CHANNEL = "dossier_events";

/** Channel names stay short and plain: they travel in NOTIFY payloads (limit 8,000 bytes) and URLs. */
export const CHANNEL_PATTERN = /^[a-z][a-z0-9_-]*:[A-Za-z0-9_-]{1,64}$/;
