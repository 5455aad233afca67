import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendPrivateFile, makePrivate, preparePrivateSqliteFile } from "@/lib/db/private-files";

const mode = (p: string) => fs.statSync(p).mode & 0o777;
let root: string;
let umask: number;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-private-"));
  umask = process.umask(0o022); // the usual default, which makes new files 0644
});
afterEach(() => {
  process.umask(umask);
  fs.rmSync(root, { recursive: true, force: true });
});

describe("appendPrivateFile (.env.local and its secret)", () => {
  it("creates the file readable and writable by its owner only", () => {
    const file = path.join(root, ".env.local");
    appendPrivateFile(file, "AUTH_SECRET=abc\n");
    expect(mode(file)).toBe(0o600);
    expect(fs.readFileSync(file, "utf8")).toBe("AUTH_SECRET=abc\n");
  });

  it("tightens a file created readable by everyone, keeping what it held", () => {
    const file = path.join(root, ".env.local");
    fs.writeFileSync(file, "OTHER=1\n", { mode: 0o644 });
    expect(mode(file)).toBe(0o644);
    appendPrivateFile(file, "AUTH_SECRET=abc\n");
    expect(mode(file)).toBe(0o600);
    expect(fs.readFileSync(file, "utf8")).toBe("OTHER=1\nAUTH_SECRET=abc\n");
  });
});

describe("makePrivate (at start, for files from before)", () => {
  it("takes group and other permissions off and says so", () => {
    const file = path.join(root, "f");
    fs.writeFileSync(file, "x", { mode: 0o666 });
    fs.chmodSync(file, 0o666);
    expect(makePrivate(file)).toBe(true);
    expect(mode(file)).toBe(0o600);
    expect(makePrivate(file)).toBe(false);
  });

  it("leaves a stricter file and a missing file alone", () => {
    const file = path.join(root, "f");
    fs.writeFileSync(file, "x", { mode: 0o400 });
    expect(makePrivate(file)).toBe(false);
    expect(mode(file)).toBe(0o400);
    expect(makePrivate(path.join(root, "missing"))).toBe(false);
  });
});

describe("preparePrivateSqliteFile", () => {
  it("creates the default data/ directory 0700 and an empty database file 0600", () => {
    const file = path.join(root, "data", "dossier.db");
    preparePrivateSqliteFile(file, root);
    expect(mode(path.join(root, "data"))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(fs.statSync(file).size).toBe(0);
  });

  it("tightens an existing default data/ directory, database and journal files without touching their contents", () => {
    const dir = path.join(root, "data");
    fs.mkdirSync(dir, { mode: 0o755 });
    const file = path.join(dir, "dossier.db");
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.writeFileSync(f, "content", { mode: 0o644 });
    preparePrivateSqliteFile(file, root);
    expect(mode(dir)).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
      expect(mode(f), f).toBe(0o600);
      expect(fs.readFileSync(f, "utf8")).toBe("content");
    }
  });

  it("creates a directory named in DATABASE_URL 0700 but leaves an existing one (it may be shared, like /tmp) alone", () => {
    const fresh = path.join(root, "new", "nested", "app.db");
    preparePrivateSqliteFile(fresh, root);
    expect(mode(path.join(root, "new"))).toBe(0o700);
    expect(mode(path.join(root, "new", "nested"))).toBe(0o700);
    expect(mode(fresh)).toBe(0o600);

    const shared = path.join(root, "shared");
    fs.mkdirSync(shared, { mode: 0o777 });
    fs.chmodSync(shared, 0o1777);
    preparePrivateSqliteFile(path.join(shared, "app.db"), root);
    expect(fs.statSync(shared).mode & 0o7777).toBe(0o1777);
    expect(mode(path.join(shared, "app.db"))).toBe(0o600);
  });
});
