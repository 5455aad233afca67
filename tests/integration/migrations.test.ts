// The migration tooling against real databases: a fresh SQLite file always, and a fresh
// PostgreSQL database (created here, dropped afterwards) when DATABASE_URL is a postgres URL.
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseConfig } from "@/lib/db/config";
import {
  applyMigrations,
  checkMigrations,
  createMigration,
  MigrationError,
  MIGRATIONS_DIRS,
  markMigrationRolledBack,
  migrationNames,
  migrationStatus,
  type Provider,
} from "@/prisma/scripts/migrations.mts";

const EXPECTED_TABLES = [
  "User",
  "Class",
  "Enrolment",
  "Assignment",
  "ReadingProgress",
  "SectionRead",
  "ReadingMinute",
  "Reading",
  "Section",
  "Paragraph",
  "Note",
  "NoteAnchor",
  "TimelineEvent",
  "EventAnchor",
  "_prisma_migrations",
];

const tmpRoot = mkdtempSync(path.join(os.tmpdir(), "dossier-migrations-"));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A copy of the provider's migrations plus a migration that fails halfway, and one after it. */
function brokenHistory(provider: Provider): { dir: string; bad: string; later: string } {
  const dir = mkdtempSync(path.join(tmpRoot, `${provider}-broken-`));
  cpSync(MIGRATIONS_DIRS[provider], dir, { recursive: true });
  const bad = "29990101000000_broken";
  const later = "29990101000001_later";
  mkdirSync(path.join(dir, bad));
  writeFileSync(path.join(dir, bad, "migration.sql"), 'CREATE TABLE "half_done" ("id" INTEGER);\nINSERT INTO "no_such_table" VALUES (1);\n');
  mkdirSync(path.join(dir, later));
  writeFileSync(path.join(dir, later, "migration.sql"), 'CREATE TABLE "later" ("id" INTEGER);\n');
  return { dir, bad, later };
}

interface Db {
  config: DatabaseConfig;
  tables(): Promise<string[]>;
  migrationRows(): Promise<Array<{ name: string; checksum: string; finished: boolean; rolledBack: boolean }>>;
}

function sqliteDb(file: string): Db {
  const query = async (sql: string): Promise<unknown[][]> => {
    const adapter = await new PrismaBetterSqlite3({ url: file }).connect();
    try {
      return (await adapter.queryRaw({ sql, args: [], argTypes: [] })).rows;
    } finally {
      await adapter.dispose();
    }
  };
  return {
    config: { provider: "sqlite", url: `file:${file}`, file },
    tables: async () => (await query("SELECT name FROM sqlite_master WHERE type = 'table'")).map((r) => String(r[0])),
    migrationRows: async () =>
      (
        await query(
          'SELECT migration_name, checksum, finished_at IS NOT NULL, rolled_back_at IS NOT NULL FROM "_prisma_migrations" ORDER BY started_at',
        )
      ).map((r) => ({ name: String(r[0]), checksum: String(r[1]), finished: Number(r[2]) === 1, rolledBack: Number(r[3]) === 1 })),
  };
}

function postgresDb(url: string): Db {
  const query = async (sql: string): Promise<unknown[][]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<unknown[]>({ text: sql, rowMode: "array" })).rows;
    } finally {
      await client.end();
    }
  };
  return {
    config: { provider: "postgresql", url },
    tables: async () =>
      (await query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).map((r) => String(r[0])),
    migrationRows: async () =>
      (
        await query(
          'SELECT migration_name, checksum, finished_at IS NOT NULL, rolled_back_at IS NOT NULL FROM "_prisma_migrations" ORDER BY started_at',
        )
      ).map((r) => ({ name: String(r[0]), checksum: String(r[1]), finished: r[2] === true, rolledBack: r[3] === true })),
  };
}

/** The same assertions for each provider: fresh apply, no-op re-apply, status, failure and recovery. */
function migrationSuite(provider: Provider, fresh: () => Db) {
  const local = migrationNames(provider);

  it("applies every migration to a fresh database, recording each as the CLI would", async () => {
    const db = fresh();
    const lines: string[] = [];
    expect(await applyMigrations(db.config, { log: (l) => lines.push(l) })).toEqual(local);
    expect(lines.length).toBe(local.length);
    expect(await db.tables()).toEqual(expect.arrayContaining(EXPECTED_TABLES));
    const rows = await db.migrationRows();
    expect(rows.map((r) => r.name)).toEqual(local);
    for (const row of rows) {
      expect(row.finished && !row.rolledBack).toBe(true);
      expect(row.checksum).toBe(sha256(path.join(MIGRATIONS_DIRS[provider], row.name, "migration.sql")));
    }

    // A second run is a no-op, and status agrees that nothing is left to do.
    expect(await applyMigrations(db.config)).toEqual([]);
    expect((await db.migrationRows()).length).toBe(local.length);
    const status = await migrationStatus(db.config);
    expect(status).toMatchObject({ applied: local, pending: [], failed: [], edited: [], unknown: [], schemaMatchesDatabase: true, upToDate: true });
  });

  it("throws on a failing migration, records it as failed, blocks later ones until resolved", async () => {
    const db = fresh();
    const { dir, bad, later } = brokenHistory(provider);
    const error = await applyMigrations(db.config, { migrationsDir: dir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(bad);
    expect((error as Error).message).toMatch(/no_such_table/);
    expect((error as Error).message).not.toMatch(/\n|External error|schema_engine/);

    const status = await migrationStatus(db.config, { migrationsDir: dir });
    expect(status).toMatchObject({ applied: local, failed: [bad], pending: [later], upToDate: false });
    await expect(applyMigrations(db.config, { migrationsDir: dir })).rejects.toThrow(new RegExp(`${bad}.*failed`));

    // PostgreSQL runs a migration as one implicit transaction, so the half that worked is gone;
    // SQLite keeps it (as with Prisma's CLI), so the fixed script must tolerate it.
    expect((await db.tables()).includes("half_done")).toBe(provider === "sqlite");
    writeFileSync(path.join(dir, bad, "migration.sql"), 'CREATE TABLE IF NOT EXISTS "half_done" ("id" INTEGER);\n');
    await markMigrationRolledBack(db.config, bad);
    expect(await applyMigrations(db.config, { migrationsDir: dir })).toEqual([bad, later]);
    expect(await db.tables()).toEqual(expect.arrayContaining(["half_done", "later"]));
  });
}

describe("sqlite", () => {
  let counter = 0;
  // A folder that does not exist yet: applyMigrations must create it.
  migrationSuite("sqlite", () => sqliteDb(path.join(tmpRoot, `sqlite-${++counter}`, "nested", "dossier.db")));

  it("creates a migration into an empty folder, then reports nothing more to create", async () => {
    const dir = path.join(tmpRoot, "created-migrations");
    expect(await checkMigrations("sqlite", { migrationsDir: dir })).toBe(false);
    const created = await createMigration("Init schema", "sqlite", { migrationsDir: dir });
    expect(created).not.toBeNull();
    expect(created!.name).toMatch(/^\d{14}_init_schema$/);
    expect(readFileSync(path.join(dir, created!.name, "migration.sql"), "utf8")).toContain('CREATE TABLE "User"');
    expect(readFileSync(path.join(dir, "migration_lock.toml"), "utf8")).toContain('provider = "sqlite"');
    expect(await createMigration("again", "sqlite", { migrationsDir: dir })).toBeNull();
    expect(readdirSync(dir).sort()).toEqual([created!.name, "migration_lock.toml"].sort());
    expect(await checkMigrations("sqlite", { migrationsDir: dir })).toBe(true);
  });

  it("status of a database file that does not exist changes nothing", async () => {
    const file = path.join(tmpRoot, "never-created", "dossier.db");
    const status = await migrationStatus({ provider: "sqlite", url: `file:${file}`, file });
    expect(status).toMatchObject({ hasMigrationsTable: false, applied: [], pending: migrationNames("sqlite"), upToDate: false });
    expect(existsSync(file)).toBe(false);
  });
});

const adminUrl = process.env.DATABASE_URL?.trim() ?? "";
const hasPostgres = /^postgres(ql)?:\/\//i.test(adminUrl);

// PostgreSQL-only checks exist only in a PostgreSQL run (`DATABASE_URL=postgresql://… npm test`,
// which CI always does), rather than showing up as skipped in every SQLite run.
if (hasPostgres) describe("postgresql (DATABASE_URL)", () => {
  const created: string[] = [];
  const withDatabase = (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  // One fresh database per suite test, all created up front (tests in a file run in order).
  const pending: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const name = `dossier_mig_${randomBytes(5).toString("hex")}`;
      await admin(`CREATE DATABASE "${name}"`);
      created.push(name);
      pending.push(name);
    }
  });
  afterAll(async () => {
    for (const name of created) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  migrationSuite("postgresql", () => {
    const name = pending.shift();
    if (!name) throw new Error("no fresh PostgreSQL database left for this test");
    return postgresDb(withDatabase(name));
  });

  it("the migrations produce exactly the PostgreSQL schema (no migration missing)", async () => {
    expect(await checkMigrations("postgresql", { shadowUrl: adminUrl })).toBe(true);
  });
});
