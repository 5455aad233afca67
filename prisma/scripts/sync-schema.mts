/**
 * Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (the SQLite source of truth).
 *
 * A datasource provider is a literal in Prisma and a generated client is bound to it, so the
 * PostgreSQL client needs a schema file of its own. Generating it keeps the two from drifting;
 * tests/unit/schema-drift.test.ts fails when someone forgets to run this.
 *
 *   tsx prisma/scripts/sync-schema.mts          write the file if its content changed
 *   tsx prisma/scripts/sync-schema.mts --check  exit 1 if the file is missing or stale (CI)
 */
import { readFileSync, writeFileSync, mkdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SQLITE_SCHEMA_PATH = path.join(REPO_ROOT, "prisma/schema.prisma");
export const POSTGRES_SCHEMA_PATH = path.join(REPO_ROOT, "prisma/postgresql/schema.prisma");

const SQLITE_CLIENT_OUTPUT = "../generated/prisma/sqlite";
const POSTGRES_CLIENT_OUTPUT = "../../generated/prisma/postgresql";

const HEADER = [
  "// generated — edit prisma/schema.prisma, then run `npm run db:generate`.",
  "// Written by prisma/scripts/sync-schema.mts; changes made here are overwritten.",
].join("\n");

/** A `datasource` or `generator` block: the keyword, its name and the text between the braces. */
const BLOCK = /^([ \t]*)(datasource|generator)([ \t]+)(\w+)([ \t]*\{)([^{}]*?)(^[ \t]*\})/gm;

function replaceAssignment(body: string, key: string, expected: string, replacement: string, where: string): string {
  const line = new RegExp(`^([ \\t]*${key}[ \\t]*=[ \\t]*)"([^"]*)"`, "m");
  const match = line.exec(body);
  if (!match) throw new Error(`${where} has no ${key} = "…" line`);
  if (match[2] !== expected) {
    throw new Error(`${where} must have ${key} = "${expected}" (found "${match[2]}"); sync-schema only knows that layout`);
  }
  return body.replace(line, `$1"${replacement}"`);
}

/**
 * The PostgreSQL twin of the SQLite schema: same models, provider "postgresql", its own client
 * output folder. Pure and deterministic, so a test can compare it with the committed file.
 * Throws on a layout it does not recognise rather than writing a schema that silently differs.
 */
export function toPostgresSchema(sqliteSchemaText: string): string {
  const text = sqliteSchemaText.replace(/\r\n?/g, "\n");

  // The source's opening comment speaks about the source file ("edit this one only"), which would
  // be wrong in the copy; the generated header replaces it. `///` doc comments belong to models.
  const lines = text.split("\n");
  let start = 0;
  while (start < lines.length) {
    const line = lines[start]!.trim();
    if (line === "" || (line.startsWith("//") && !line.startsWith("///"))) start++;
    else break;
  }
  const body = lines.slice(start).join("\n");

  let datasources = 0;
  let generators = 0;
  const converted = body.replace(
    BLOCK,
    (_all, indent: string, kind: string, gap: string, name: string, open: string, inner: string, close: string) => {
      let next = inner;
      if (kind === "datasource") {
        datasources++;
        next = replaceAssignment(inner, "provider", "sqlite", "postgresql", `datasource ${name}`);
      } else {
        generators++;
        const where = `generator ${name}`;
        replaceAssignment(inner, "provider", "prisma-client", "prisma-client", where);
        next = replaceAssignment(inner, "output", SQLITE_CLIENT_OUTPUT, POSTGRES_CLIENT_OUTPUT, where);
      }
      return `${indent}${kind}${gap}${name}${open}${next}${close}`;
    },
  );
  if (datasources !== 1) throw new Error(`expected exactly one datasource block, found ${datasources}`);
  if (generators !== 1) throw new Error(`expected exactly one generator block, found ${generators}`);

  return `${HEADER}\n\n${converted.replace(/\s*$/, "")}\n`;
}

export type SyncResult = "unchanged" | "written";

/** Writes the PostgreSQL schema only when its content changes, so watchers and mtimes stay quiet. */
export function syncSchema(): SyncResult {
  const next = toPostgresSchema(readFileSync(SQLITE_SCHEMA_PATH, "utf8"));
  let current: string | null = null;
  try {
    current = readFileSync(POSTGRES_SCHEMA_PATH, "utf8");
  } catch {
    current = null;
  }
  if (current === next) return "unchanged";
  mkdirSync(path.dirname(POSTGRES_SCHEMA_PATH), { recursive: true });
  writeFileSync(POSTGRES_SCHEMA_PATH, next);
  return "written";
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const rel = path.relative(process.cwd(), POSTGRES_SCHEMA_PATH) || POSTGRES_SCHEMA_PATH;
  try {
    if (process.argv.includes("--check")) {
      let current: string | null = null;
      try {
        current = readFileSync(POSTGRES_SCHEMA_PATH, "utf8");
      } catch {
        current = null;
      }
      if (current !== toPostgresSchema(readFileSync(SQLITE_SCHEMA_PATH, "utf8"))) {
        console.error(`${rel} is out of date: run \`npm run db:generate\``);
        process.exit(1);
      }
      console.log(`${rel} is up to date`);
    } else {
      console.log(syncSchema() === "written" ? `wrote ${rel}` : `${rel} is up to date`);
    }
  } catch (error) {
    console.error(`sync-schema: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
