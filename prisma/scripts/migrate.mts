/**
 * Dossier's migration commands (Prisma's native schema engine is not available here; see
 * prisma/scripts/migrations.mts).
 *
 *   deploy                       apply pending migrations to DATABASE_URL (default: SQLite data/dossier.db)
 *   create <name>                write the next migration for BOTH providers, same timestamp and name
 *                                (PostgreSQL needs PG_SHADOW_URL or a postgres DATABASE_URL, role with CREATEDB)
 *   status                       applied / pending / failed migrations of DATABASE_URL; exit 1 unless up to date
 *   check                        exit 1 if a provider's migrations folder lags prisma/schema.prisma
 *   resolve --rolled-back <name> mark a failed migration rolled back once the database is fixed by hand
 */
import { rmSync } from "node:fs";
import path from "node:path";

import { resolveDatabase, type DatabaseConfig } from "../../lib/db/config.ts";
import {
  applyMigrations,
  markMigrationRolledBack,
  MIGRATIONS_DIRS,
  migrationNames,
  migrationSlug,
  migrationStatus,
  MigrationError,
  nextTimestamp,
  pendingSchemaChanges,
  PROVIDERS,
  shadowUrlFromEnv,
  writeMigration,
  type Provider,
} from "./migrations.mts";

const USAGE = "usage: migrate.mts deploy | create <name> | status | check | resolve --rolled-back <name>";

class UsageError extends Error {}

/** Paths under the working directory print relative, others absolute. */
function rel(p: string): string {
  const relative = path.relative(process.cwd(), p);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? p : relative;
}

function describe(config: DatabaseConfig): string {
  if (config.provider === "sqlite") return `SQLite ${rel(config.file)}`;
  try {
    const url = new URL(config.url);
    return `PostgreSQL ${url.username ? `${decodeURIComponent(url.username)}@` : ""}${url.host}${url.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}

async function deploy(): Promise<number> {
  const config = resolveDatabase(process.env);
  console.log(`migrating ${describe(config)}`);
  await applyMigrations(config, { log: (line) => console.log(line) });
  return 0;
}

async function create(name: string | undefined): Promise<number> {
  if (!name) throw new UsageError("create needs a name, e.g. `npm run db:migrate:create -- add_notes`");
  const slug = migrationSlug(name);
  // Diff both before writing either, so a failure (say, no PostgreSQL server) leaves no half-pair.
  const changes = new Map<Provider, string | null>();
  for (const provider of PROVIDERS) changes.set(provider, await pendingSchemaChanges(provider));
  if ([...changes.values()].every((sql) => sql === null)) {
    console.log("no changes: prisma/schema.prisma already matches both migrations folders");
    return 0;
  }
  const folder = `${nextTimestamp(PROVIDERS.map((p) => MIGRATIONS_DIRS[p]))}_${slug}`;
  const written: string[] = [];
  try {
    for (const provider of PROVIDERS) {
      const sql =
        changes.get(provider) ??
        `-- Nothing to change on ${provider} in this step; the folder exists so both providers' histories keep the same names.\n`;
      const created = writeMigration(provider, MIGRATIONS_DIRS[provider], folder, sql);
      written.push(created.dir);
      console.log(`created ${rel(path.join(created.dir, "migration.sql"))}`);
      for (const warning of created.warnings) console.log(`  review (${provider}, may lose data): ${warning}`);
    }
  } catch (error) {
    for (const dir of written) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return 0;
}

async function status(): Promise<number> {
  const config = resolveDatabase(process.env);
  const s = await migrationStatus(config);
  console.log(`${describe(config)}: ${s.local.length} migrations in ${rel(s.migrationsDir)}, ${s.applied.length} applied`);
  const list = (label: string, names: string[]): void => {
    if (names.length > 0) console.log(`${label}: ${names.join(", ")}`);
  };
  if (!s.hasMigrationsTable) console.log("no migration has been applied to this database yet");
  list("pending", s.pending);
  list("failed (blocks later migrations)", s.failed);
  list("edited after being applied", s.edited);
  list("applied but missing from the folder", s.unknown);
  if (s.schemaMatchesDatabase === false) {
    console.log("the database differs from prisma/schema.prisma: a migration is missing (`npm run db:migrate:create -- <name>`) or the database was changed by hand");
  }
  console.log(s.upToDate ? "up to date" : "not up to date");
  return s.upToDate ? 0 : 1;
}

async function check(): Promise<number> {
  let ok = true;
  const names = Object.fromEntries(PROVIDERS.map((p) => [p, migrationNames(p).join("\n")]));
  if (names.sqlite !== names.postgresql) {
    ok = false;
    console.error(`${rel(MIGRATIONS_DIRS.sqlite)} and ${rel(MIGRATIONS_DIRS.postgresql)} hold different migration names: create migrations with \`npm run db:migrate:create\` only`);
  }
  for (const provider of PROVIDERS) {
    if (provider === "postgresql" && !shadowUrlFromEnv()) {
      console.log("postgresql: not checked (set PG_SHADOW_URL or a postgres DATABASE_URL to check it)");
      continue;
    }
    const sql = await pendingSchemaChanges(provider);
    if (sql === null) {
      console.log(`${provider}: migrations match prisma/schema.prisma`);
    } else {
      ok = false;
      console.error(`${provider}: ${rel(MIGRATIONS_DIRS[provider])} lags prisma/schema.prisma: run \`npm run db:migrate:create -- <name>\``);
    }
  }
  return ok ? 0 : 1;
}

async function resolve(args: string[]): Promise<number> {
  const [flag, name] = args;
  if (flag !== "--rolled-back" || !name) throw new UsageError("usage: migrate.mts resolve --rolled-back <migration name>");
  const config = resolveDatabase(process.env);
  await markMigrationRolledBack(config, name);
  console.log(`${name} marked as rolled back on ${describe(config)}; \`npm run db:migrate\` will apply it again`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "deploy":
      return deploy();
    case "create":
      if (rest.length > 1) throw new UsageError("create takes one name; join words with _ (e.g. add_notes)");
      return create(rest[0]);
    case "status":
      return status();
    case "check":
      return check();
    case "resolve":
      return resolve(rest);
    default:
      throw new UsageError(command ? `unknown command "${command}"; ${USAGE}` : USAGE);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`migrate: ${message.replace(/\s*\n\s*/g, " ")}`);
    // A person wants the message; a bug report wants the stack.
    if (!(error instanceof MigrationError || error instanceof UsageError) && /\bmigrat/i.test(process.env.DEBUG ?? "")) console.error(error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
