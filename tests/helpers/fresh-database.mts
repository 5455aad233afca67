import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { DatabaseConfig } from "../../lib/db/config.ts";

/**
 * A brand-new, empty database for one test run, of the same kind as DATABASE_URL says: a
 * temporary SQLite file, or a new PostgreSQL database on the same server (the role needs
 * CREATEDB). `drop()` removes it again.
 */
export async function createFreshDatabase(prefix: string, env: NodeJS.ProcessEnv = process.env): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  const base = env.DATABASE_URL?.trim();
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  if (!base || base.startsWith("file:")) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
    const file = path.join(dir, "dossier.db");
    return {
      config: { provider: "sqlite", url: `file:${file}`, file },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `${prefix}_${suffix}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    config: { provider: "postgresql", url: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
