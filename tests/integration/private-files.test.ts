// The SQLite database as the app creates it: migrations, seed and writes leave no file that other
// users of the machine can read. Always SQLite (the file is the point), also in PostgreSQL runs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { DatabaseConfig } from "@/lib/db/config";
import { applyMigrations } from "@/prisma/scripts/migrations.mts";
import { seedDatabase } from "@/prisma/seed.mts";

const mode = (p: string) => fs.statSync(p).mode & 0o777;
let root: string;
let umask: number;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-private-db-"));
  umask = process.umask(0o022); // the usual default: without care, new files would be 0644
});
afterAll(() => {
  process.umask(umask);
  fs.rmSync(root, { recursive: true, force: true });
});

describe("the SQLite database file", () => {
  it("is created 0600 in a 0700 directory by migrations, and stays so through seeding and writes", async () => {
    const file = path.join(root, "data", "dossier.db");
    const config: DatabaseConfig = { provider: "sqlite", url: `file:${file}`, file };
    await applyMigrations(config);
    expect(mode(path.dirname(file))).toBe(0o700);
    expect(mode(file)).toBe(0o600);

    const db = createPrismaClient(config);
    try {
      await seedDatabase(db, { demo: true });
      expect(await db.user.count()).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
    }
    const files = fs.readdirSync(path.dirname(file));
    expect(files).toContain("dossier.db");
    for (const f of files) expect(mode(path.join(path.dirname(file), f)), f).toBe(0o600);
  });

  it("one created readable by everyone (by an earlier version) is made private when the app opens it", async () => {
    const file = path.join(root, "old", "dossier.db");
    const config: DatabaseConfig = { provider: "sqlite", url: `file:${file}`, file };
    await applyMigrations(config);
    fs.chmodSync(file, 0o644);
    const db = createPrismaClient(config);
    try {
      expect(mode(file)).toBe(0o600);
      expect(await db.user.count()).toBe(0); // still the same, working database
    } finally {
      await db.$disconnect();
    }
  });
});
