import "server-only";

/**
 * A live session's two channels on the shared real-time layer (lib/realtime): every view of the
 * session listens to the public one (what moment the class is on: never names, never an answer
 * key); the instructor's control and projector views listen to the staff one, which also carries
 * each answer's arrival (counts), so 300 students do not each receive 300 count updates.
 */
export const liveChannel = (sessionId: string) => `live:${sessionId}`;
export const liveStaffChannel = (sessionId: string) => `live-staff:${sessionId}`;

export type LiveEventType = "moment" | "responses" | "plan";

export { publish } from "@/lib/realtime";
