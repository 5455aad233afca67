import fs from "node:fs";
import path from "node:path";
import { DEFAULT_SQLITE_FILE } from "./config";

/**
 * Files only the account running Dossier may read: the generated auth secret (.env.local) and
 * the SQLite database, which hold everything needed to sign in as anyone or read every answer.
 * Created 0600 (and the default data/ directory 0700); ones left readable by others (by an
 * earlier version, or a umask) are tightened at start. Permission bits mean nothing on Windows; there these calls do nothing.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Takes group and other permissions off an existing file (0644 becomes 0600). True when it had any. */
export function makePrivate(file: string): boolean {
  let mode: number;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch {
    return false; // not there (yet)
  }
  if ((mode & 0o077) === 0) return false;
  fs.chmodSync(file, mode & 0o700);
  return true;
}

/** Appends to a file that is created 0600 (or tightened to it, when it existed). */
export function appendPrivateFile(file: string, text: string): void {
  fs.appendFileSync(file, text, { mode: PRIVATE_FILE_MODE });
  makePrivate(file);
}

// SQLite keeps a rollback journal or a write-ahead log beside the database while it works.
const SQLITE_SIDECARS = ["-journal", "-wal", "-shm"];

/**
 * Before SQLite opens the file: its directory exists (0700 when Dossier creates it, and the
 * default data/ directory always), the file exists with mode 0600 (SQLite gives its journal
 * files the database file's mode), and files from before are tightened. A directory named in
 * DATABASE_URL that already exists is left alone: it may be shared (e.g. /tmp).
 */
export function preparePrivateSqliteFile(file: string, cwd: string = process.cwd()): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  } else if (path.resolve(dir) === path.resolve(cwd, path.dirname(DEFAULT_SQLITE_FILE)) && (fs.statSync(dir).mode & 0o777) !== PRIVATE_DIR_MODE) {
    fs.chmodSync(dir, PRIVATE_DIR_MODE);
  }
  // "a": create if missing (an empty file is an empty SQLite database), never truncate.
  fs.closeSync(fs.openSync(file, "a", PRIVATE_FILE_MODE));
  for (const f of [file, ...SQLITE_SIDECARS.map((s) => file + s)]) makePrivate(f);
}
