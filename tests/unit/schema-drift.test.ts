// Fails when the two schemas or the two migration histories drift apart: someone edited
// prisma/schema.prisma without `npm run db:generate`, created a migration for one provider only,
// or changed the schema without `npm run db:migrate:create -- <name>`.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { checkMigrations, lockfileContent, MIGRATIONS_DIRS, migrationNames, PROVIDERS } from "@/prisma/scripts/migrations.mts";
import { POSTGRES_SCHEMA_PATH, SQLITE_SCHEMA_PATH, toPostgresSchema } from "@/prisma/scripts/sync-schema.mts";

const sqliteSchema = readFileSync(SQLITE_SCHEMA_PATH, "utf8");

describe("prisma/postgresql/schema.prisma", () => {
  it("is exactly what sync-schema makes of prisma/schema.prisma (run `npm run db:generate`)", () => {
    expect(existsSync(POSTGRES_SCHEMA_PATH)).toBe(true);
    expect(readFileSync(POSTGRES_SCHEMA_PATH, "utf8")).toBe(toPostgresSchema(sqliteSchema));
  });

  it("differs from the source only in provider, client output and header", () => {
    const pgSchema = toPostgresSchema(sqliteSchema);
    expect(pgSchema.startsWith("// generated — edit prisma/schema.prisma")).toBe(true);
    expect(pgSchema).toMatch(/datasource \w+ \{[^}]*provider = "postgresql"/);
    expect(pgSchema).toContain('output   = "../../generated/prisma/postgresql"');
    expect(pgSchema).not.toContain('"sqlite"');
    const models = (text: string) => text.slice(text.indexOf("\nmodel "));
    expect(models(pgSchema)).toBe(models(sqliteSchema.replace(/\r\n?/g, "\n")).replace(/\s*$/, "\n"));
  });

  it("is deterministic and refuses layouts it does not know", () => {
    expect(toPostgresSchema(sqliteSchema)).toBe(toPostgresSchema(sqliteSchema.replace(/\n/g, "\r\n")));
    expect(() => toPostgresSchema(sqliteSchema.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(/provider = "sqlite"/);
    expect(() => toPostgresSchema(sqliteSchema.replace(/datasource db \{[^}]*\}/, ""))).toThrow(/one datasource/);
  });
});

describe("migration folders", () => {
  it("hold the same migrations for both providers (create them with `npm run db:migrate:create`)", () => {
    const sqlite = migrationNames("sqlite");
    expect(sqlite.length).toBeGreaterThan(0);
    expect(migrationNames("postgresql")).toEqual(sqlite);
    for (const provider of PROVIDERS) {
      for (const name of sqlite) {
        expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
        expect(existsSync(path.join(MIGRATIONS_DIRS[provider], name, "migration.sql")), `${provider}/${name}/migration.sql`).toBe(true);
      }
      expect(readFileSync(path.join(MIGRATIONS_DIRS[provider], "migration_lock.toml"), "utf8")).toBe(lockfileContent(provider));
    }
  });

  // Runs the real schema engine against an in-memory SQLite shadow database: no server needed.
  // The PostgreSQL twin of this check needs a server and lives in tests/integration/migrations.test.ts.
  it("sqlite: the migrations produce exactly prisma/schema.prisma (no migration missing)", async () => {
    expect(await checkMigrations("sqlite")).toBe(true);
  }, 30_000);
});
