import path from "node:path";

/**
 * Which database Dossier talks to. SQLite (a file created on first run) unless DATABASE_URL is a
 * PostgreSQL URL. Kept free of Prisma imports so scripts, tests and the app can all share it.
 */
export type DatabaseConfig =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string };

export const DEFAULT_SQLITE_FILE = "data/dossier.db";

export function resolveDatabase(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): DatabaseConfig {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) {
    const file = path.resolve(cwd, DEFAULT_SQLITE_FILE);
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  if (/^postgres(ql)?:\/\//i.test(raw)) return { provider: "postgresql", url: raw };
  if (raw.startsWith("file:")) {
    const file = path.resolve(cwd, raw.slice("file:".length));
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "${raw.split(":")[0]}:…"`,
  );
}
