/**
 * `npm run bench:instructor`: the instructor's pages for a class of 1,000 students who all took a
 * 30-question quiz (tests/bench/seed-large-class.mts), on a fresh database: SQLite, or PostgreSQL
 * when DATABASE_URL is a postgres URL (a throwaway database on that server).
 *
 * Measures, for the gradebook, question analysis, evidence on the reading, the class's progress
 * table and the CSV export:
 *   - the lib/data function on its own (server time without rendering), with its SQL statement count;
 *   - the page or route of the built app (`next start`), signed in as the instructor, whole body read.
 * Each is run once to warm up, then --runs times one after another; prints the median and the worst.
 *
 *   npm run bench:instructor                         1,000 students, data functions and HTTP
 *   npm run bench:instructor -- --quick              200 students (for CI, well under a minute)
 *   options: --students N  --questions N  --runs N  --no-http  --port 3312  --budget 300 (ms; exit 1 above it)
 *
 * HTTP needs a production build (`npx next build`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { createFreshDatabase } from "../helpers/fresh-database.mts";
import { applyMigrations } from "../../prisma/scripts/migrations.mts";
import { createPrismaClient, type Db } from "../../lib/db/client.ts";
import { seedDatabase } from "../../prisma/seed.mts";
import { seedLargeClass } from "./seed-large-class.mts";

const { values: opts } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    students: { type: "string" },
    questions: { type: "string", default: "30" },
    runs: { type: "string" },
    "no-http": { type: "boolean", default: false },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3312" },
    budget: { type: "string" },
  },
});
const STUDENTS = Number(opts.students ?? (opts.quick ? 200 : 1000));
const RUNS = Number(opts.runs ?? (opts.quick ? 3 : 7));
const PORT = opts.port;
const BASE = `http://127.0.0.1:${PORT}`;
const BUDGET = opts.budget ? Number(opts.budget) : null;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;

async function timed(fn: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  await fn(); // warm up (module load, JIT, page cache)
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return { median: median(times), max: Math.max(...times) };
}

const { config, drop } = await createFreshDatabase("dossier_bench_instr");
let app: ChildProcess | null = null;
const stopApp = async () => {
  if (!app || app.exitCode !== null) return;
  const child = app;
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // gone already
  }
  await gone;
};
process.on("SIGINT", () => void stopApp().then(drop).then(() => process.exit(130)));

let failed = false;
try {
  const t0 = performance.now();
  await applyMigrations(config);
  const setup = createPrismaClient(config);
  await seedDatabase(setup, { demo: false });
  const made = await seedLargeClass(setup, { label: "bench", students: STUDENTS, questions: Number(opts.questions), attempts: "submitted" });
  const evidenceQuestionId = (await setup.question.findFirstOrThrow({ where: { id: { in: made.questionIds }, type: "evidence" }, select: { id: true } })).id;
  const sizes = await setup.attempt.aggregate({ where: { quizAssignmentId: made.quizAssignmentId }, _count: true });
  await setup.$disconnect();
  console.log(`[instructor] ${config.provider}: ${STUDENTS} students × ${opts.questions} questions, ${sizes._count} submitted attempts, seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // ---------------------------------------------------------------- the data functions
  process.env.DATABASE_URL = config.url;
  let queries = 0;
  // lib/db takes its client from here when one is there: this one counts statements.
  (globalThis as { dossierDb?: Db }).dossierDb = createPrismaClient(config, { onQuery: () => queries++ });
  const attempts = await import("../../lib/data/attempts.ts");
  const progress = await import("../../lib/data/progress.ts");
  const teacher = made.instructor;
  const cases: [string, () => Promise<unknown>, string][] = [
    ["gradebook", () => attempts.getGradebook(teacher, made.classId), `/classes/${made.classId}/gradebook`],
    ["question analysis", () => attempts.analyseQuizAssignment(teacher, made.quizAssignmentId), `/quiz-assignments/${made.quizAssignmentId}/analysis`],
    ["evidence on the reading", () => attempts.analyseQuizAssignment(teacher, made.quizAssignmentId), `/quiz-assignments/${made.quizAssignmentId}/analysis/evidence/${evidenceQuestionId}`],
    ["progress table (class page)", () => progress.getClassProgress(teacher, made.classId), `/classes/${made.classId}`],
    ["CSV export", () => attempts.exportGradesCsv(teacher, made.classId), `/classes/${made.classId}/gradebook/grades.csv`],
    ["grading overview", () => attempts.getGradingOverview(teacher, made.quizAssignmentId), `/quiz-assignments/${made.quizAssignmentId}/grade`],
  ];
  const results: { name: string; data: { median: number; max: number }; queries: number; http?: { median: number; max: number; bytes: number } }[] = [];
  for (const [name, fn] of cases) {
    queries = 0;
    await fn();
    const count = queries;
    results.push({ name, data: await timed(fn), queries: count });
  }
  await (globalThis as { dossierDb?: Db }).dossierDb!.$disconnect();

  // ---------------------------------------------------------------- the pages, over HTTP
  if (!opts["no-http"]) {
    if (!fs.existsSync(path.join(root, ".next/BUILD_ID"))) throw new Error("no production build: run `npx next build` first, or pass --no-http");
    const logFile = path.join(os.tmpdir(), `dossier-bench-instructor-${PORT}.log`);
    app = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", PORT], {
      cwd: root,
      detached: true,
      stdio: ["ignore", fs.openSync(logFile, "w"), fs.openSync(logFile, "a")],
      env: { ...process.env, DATABASE_URL: config.url, AUTH_SECRET: "bench-only-secret-not-for-production-0123456789", AUTH_TRUST_HOST: "true", NODE_ENV: "production" },
    });
    for (const started = Date.now(); ; ) {
      if (app.exitCode !== null) throw new Error(`the app exited; see ${logFile}`);
      if (await fetch(`${BASE}/api/auth/csrf`).then((r) => r.ok, () => false)) break;
      if (Date.now() - started > 60_000) throw new Error(`the app did not come up; see ${logFile}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const { signIn } = await import("./http-client.mts");
    const cookie = await signIn(BASE, teacher.email, made.password);
    for (const [i, [, , route]] of cases.entries()) {
      let bytes = 0;
      const http = await timed(async () => {
        const res = await fetch(`${BASE}${route}`, { headers: { cookie }, redirect: "manual" });
        const body = await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${route}: HTTP ${res.status}`);
        bytes = body.byteLength;
      });
      results[i]!.http = { ...http, bytes };
    }
    await stopApp();
  }

  console.log("");
  console.log(`${config.provider}, ${STUDENTS} students × ${opts.questions} questions; median (worst) of ${RUNS} runs`);
  console.log(`${"".padEnd(30)}${"data function".padEnd(26)}${opts["no-http"] ? "" : "page or route (HTTP)"}`);
  for (const r of results) {
    const data = `${ms(r.data.median)} (${ms(r.data.max)}) ${String(r.queries).padStart(3)} q`;
    const http = r.http ? `${ms(r.http.median)} (${ms(r.http.max)}) ${(r.http.bytes / 1024).toFixed(0)} KB` : "";
    console.log(`${r.name.padEnd(30)}${data.padEnd(26)}${http}`);
    if (BUDGET !== null && (r.data.median > BUDGET || (r.http && r.http.median > BUDGET))) failed = true;
  }
  if (BUDGET !== null) console.log(failed ? `[instructor] FAILED: above the ${BUDGET} ms budget` : `[instructor] OK: every median within ${BUDGET} ms`);
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  await stopApp();
  await drop().catch(() => {});
}
process.exit(failed ? 1 : 0);
