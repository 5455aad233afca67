/**
 * A fresh, migrated and seeded database for one integration test file.
 *
 * Call setupTestDatabase() at the top level of the file, before anything imports lib/db (import
 * lib/data with `await import(...)` inside beforeAll or a test). It registers a beforeAll that
 *
 *  - creates a new database: a temp SQLite file under os.tmpdir() when DATABASE_URL is unset or a
 *    file: URL, or a new PostgreSQL database `dossier_test_<random>` on the DATABASE_URL's server
 *    when DATABASE_URL is a postgres URL (created through an admin connection to that URL);
 *  - applies the migrations with prisma/scripts/migrations.mts;
 *  - points process.env.DATABASE_URL at it, so the lib/db singleton connects there;
 *  - seeds it with seedDatabase(db, { demo: true }) (the reading and the demo class);
 *
 * and an afterAll that disconnects, drops the database (or deletes the file) and restores
 * DATABASE_URL. Seeding happens once per file, so tests in a file share (and may add to) the data.
 */
import { afterAll, beforeAll } from "vitest";

import type { Db } from "@/lib/db/client";
import type { DatabaseConfig } from "@/lib/db/config";
import { applyMigrations } from "@/prisma/scripts/migrations.mts";
import { createFreshDatabase } from "./fresh-database.mts";

export interface TestDatabase {
  /** The URL the file's tests run against (also in process.env.DATABASE_URL while they run). */
  readonly url: string;
  readonly provider: DatabaseConfig["provider"];
  /** The lib/db singleton, connected to the test database; available once beforeAll has run. */
  db(): Db;
  /** Disconnects and removes the database; runs in afterAll, safe to call more than once. */
  cleanup(): Promise<void>;
}

export interface SetupOptions {
  /** Seed with seedDatabase(db, { demo: true }); default true. */
  seed?: boolean;
  /**
   * Wraps the client that lib/db hands to lib/data (e.g. with a Prisma `$extends` query hook that
   * injects faults, see faults.ts). The wrapped client is put where lib/db looks for its
   * singleton before lib/db is first imported, so the code under test uses it unchanged.
   */
  extend?: (db: Db) => Db;
  /** Sees every SQL statement lib/data sends (counting queries: tests/integration/query-counts.test.ts). */
  onQuery?: (query: { sql: string }) => void;
}

type GlobalWithDb = typeof globalThis & { dossierDb?: Db };

export function setupTestDatabase(opts: SetupOptions = {}): TestDatabase {
  const originalUrl = process.env.DATABASE_URL;
  let config: DatabaseConfig | null = null;
  let drop: (() => Promise<void>) | null = null;
  let db: Db | null = null;
  let cleanedUp = false;

  const cleanup = async (): Promise<void> => {
    if (cleanedUp) return;
    cleanedUp = true;
    try {
      if (db) await db.$disconnect();
    } finally {
      db = null;
      delete (globalThis as GlobalWithDb).dossierDb;
      if (originalUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = originalUrl;
      await drop?.();
    }
  };

  beforeAll(async () => {
    ({ config, drop } = await createFreshDatabase("dossier_test"));
    await applyMigrations(config);
    process.env.DATABASE_URL = config.url;
    // A singleton left on globalThis by an earlier file in the same process would point elsewhere.
    delete (globalThis as GlobalWithDb).dossierDb;
    if (opts.extend || opts.onQuery) {
      const { createPrismaClient } = await import("@/lib/db/client");
      const client = createPrismaClient(config, { ...(opts.onQuery && { onQuery: opts.onQuery }) });
      (globalThis as GlobalWithDb).dossierDb = opts.extend ? opts.extend(client) : client;
    }
    const mod = await import("@/lib/db");
    db = mod.db;
    if (opts.seed ?? true) {
      const { seedDatabase } = await import("@/prisma/seed.mts");
      await seedDatabase(db, { demo: true });
    }
  });
  afterAll(cleanup);

  return {
    get url() {
      if (!config) throw new Error("The test database is not ready: use it inside a test or a later beforeAll");
      return config.url;
    },
    get provider() {
      if (!config) throw new Error("The test database is not ready: use it inside a test or a later beforeAll");
      return config.provider;
    },
    db() {
      if (!db) throw new Error("The test database is not ready: use it inside a test or a later beforeAll");
      return db;
    },
    cleanup,
  };
}
