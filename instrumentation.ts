/**
 * Runs once when a server process starts (Next.js instrumentation). Checks every setting, so a
 * wrong value stops the server at start-up with a message naming it (lib/env.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("./lib/env")).env();
}
