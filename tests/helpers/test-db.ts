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
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll } from "vitest";

import type { Db } from "@/lib/db/client";
import { resolveDatabase, type DatabaseConfig } from "@/lib/db/config";
import { applyMigrations } from "@/prisma/scripts/migrations.mts";

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
}

type GlobalWithDb = typeof globalThis & { dossierDb?: Db };

const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function setupTestDatabase(opts: SetupOptions = {}): TestDatabase {
  const originalUrl = process.env.DATABASE_URL;
  const base = originalUrl?.trim() ?? "";
  const provider: DatabaseConfig["provider"] = isPostgresUrl(base) ? "postgresql" : "sqlite";
  if (base && provider === "sqlite" && !base.startsWith("file:")) {
    throw new Error(`setupTestDatabase: DATABASE_URL must be unset, a file: URL or a postgres URL`);
  }

  let url: string;
  let removeStorage: () => Promise<void>;
  if (provider === "postgresql") {
    const name = `dossier_test_${randomBytes(6).toString("hex")}`;
    const parsed = new URL(base);
    parsed.pathname = `/${name}`;
    parsed.searchParams.delete("schema");
    url = parsed.toString();
    removeStorage = () => adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "dossier-test-"));
    url = `file:${path.join(dir, "dossier.db")}`;
    removeStorage = async () => rmSync(dir, { recursive: true, force: true });
  }

  let db: Db | null = null;
  let created = false;
  let cleanedUp = false;

  const cleanup = async (): Promise<void> => {
    if (cleanedUp) return;
    cleanedUp = true;
    try {
      if (db) await db.$disconnect();
    } finally {
      db = null;
      const g = globalThis as GlobalWithDb;
      delete g.dossierDb;
      if (originalUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = originalUrl;
      if (created || provider === "sqlite") await removeStorage();
    }
  };

  beforeAll(async () => {
    if (provider === "postgresql") {
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      await adminQuery(base, `CREATE DATABASE "${name}"`);
      created = true;
    }
    const config = resolveDatabase({ ...process.env, DATABASE_URL: url });
    await applyMigrations(config);

    process.env.DATABASE_URL = url;
    // A singleton left on globalThis by an earlier file in the same process would point elsewhere.
    delete (globalThis as GlobalWithDb).dossierDb;
    const mod = await import("@/lib/db");
    db = mod.db;
    if (opts.seed ?? true) {
      const { seedDatabase } = await import("@/prisma/seed.mts");
      await seedDatabase(db, { demo: true });
    }
  });
  afterAll(cleanup);

  return {
    url,
    provider,
    db() {
      if (!db) throw new Error("The test database is not ready: use it inside a test or a later beforeAll");
      return db;
    },
    cleanup,
  };
}
