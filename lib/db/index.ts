import "server-only";
import { createPrismaClient, type Db } from "./client";
import { resolveDatabase } from "./config";

// One client per server process; kept on globalThis so dev-mode hot reloads don't open new pools.
const globalForDb = globalThis as unknown as { dossierDb?: Db };

export const db: Db = globalForDb.dossierDb ?? createPrismaClient(resolveDatabase());
/** Which database `db` talks to, for the few statements written for each (lib/data/attempts.ts: saving an answer). */
export const dbProvider = resolveDatabase().provider;
if (process.env.NODE_ENV !== "production") globalForDb.dossierDb = db;
