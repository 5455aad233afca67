/**
 * `npm test`: the whole suite, in order of speed: types, lint, unit, integration (real database),
 * then end-to-end in Chromium against a fresh production build. DATABASE_URL chooses the
 * database for integration and end-to-end tests (SQLite when unset). Ends with one line,
 * "N passed, N failed", counting every test that ran.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-test-"));
const db = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
let passed = 0;
let failed = 0;
const problems: string[] = [];

function step(name: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`--- ${name}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) problems.push(name);
  return r.status === 0;
}

function countVitest(file: string) {
  if (!fs.existsSync(file)) return;
  const j = JSON.parse(fs.readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests?: number; numTodoTests?: number };
  passed += j.numPassedTests;
  failed += j.numFailedTests;
}

function countPlaywright(file: string) {
  if (!fs.existsSync(file)) return;
  const j = JSON.parse(fs.readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  passed += j.stats.expected + j.stats.flaky;
  failed += j.stats.unexpected;
}

console.log(`Dossier test suite on ${db}`);

// The end-to-end tests drive Debian's Chromium (Playwright's own browser download is not used).
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromiumPath)) {
  if (process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing Debian's chromium package (once).");
    spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium"], { stdio: "inherit" });
  }
  if (!fs.existsSync(chromiumPath)) {
    console.error(`Chromium not found at ${chromiumPath}. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
}
step("typecheck", "npx", ["tsc", "--noEmit"]);
step("lint", "npx", ["eslint", "--max-warnings", "0", "."]);
for (const project of ["unit", "integration"]) {
  const out = path.join(tmp, `${project}.json`);
  step(`${project} tests`, "npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  countVitest(out);
}
if (step("production build", "npx", ["next", "build"])) {
  const out = path.join(tmp, "e2e.json");
  step("end-to-end tests (Chromium)", "npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  countPlaywright(out);
}
fs.rmSync(tmp, { recursive: true, force: true });

console.log(problems.length ? `\nFailed steps: ${problems.join(", ")}` : "\nAll steps passed.");
console.log(`${passed} passed, ${failed} failed`);
process.exit(problems.length || failed ? 1 : 0);
