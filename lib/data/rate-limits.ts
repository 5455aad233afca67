import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { buildLimiters, type Limiters } from "@/lib/auth/throttle";

/**
 * The rate limiters on the database's RateLimit table, so every app instance counts into the same
 * rows (rate-limiter-flexible's Prisma store increments in the database; it works through Prisma 7's
 * driver adapters because it only uses the client's model API: upsert, deleteMany, findFirst).
 * One limiter sweeps rows that expired over an hour ago every five minutes; the others need not.
 */
export function createLimiters(client: Db, { sweep = true }: { sweep?: boolean } = {}): Limiters {
  let first = true;
  return buildLimiters((_name, opts) => {
    const limiter = new RateLimiterPrisma({ storeClient: client, tableName: "rateLimit", clearExpiredByTimeout: sweep && first, ...opts });
    first = false;
    return limiter;
  });
}

// Per module, not on globalThis: the counts live in the database, so a fresh set after a dev-mode
// reload loses nothing.
let appLimiters: Limiters | undefined;

/** The app's limiters, on the app's database client. */
export function limiters(): Limiters {
  appLimiters ??= createLimiters(db);
  return appLimiters;
}
