/**
 * `npm run bench:year-group`: a year group takes the same quiz at once.
 *
 * On a fresh database (SQLite, or PostgreSQL when DATABASE_URL is a postgres URL: a throwaway
 * database on that server) with a class of N students and a 30-question quiz
 * (tests/bench/seed-large-class.mts), the built app is started (`next start`) and every student,
 * as a browser with JavaScript would:
 *   1. signs in through the credentials flow (CSRF token, then the callback: argon2id on the server),
 *      the sign-ins spread evenly over --stagger seconds (60 by default), all from one address as
 *      behind a school's router;
 *   2. opens the quiz's page and presses Start (the server action, whose response carries the
 *      attempt page it redirects to, as Next sends it);
 *   3. saves an answer every 10 s for --minutes minutes (PUT /api/attempts/…/answers/…, as the player does);
 *   4. submits (the server action, graded on the server, with the review page it redirects to).
 * Afterwards the database is read: every acknowledged save must be there with the acknowledged
 * value (or a later one the same student sent), and every acknowledged submit submitted.
 *
 * Prints p50/p95/p99 for each step, errors, lost saves, the app's peak RSS and CPU time.
 *
 *   npm run bench:year-group                                  100 students, 2 minutes
 *   npm run bench:year-group -- --students 1000 --minutes 3
 *   npm run bench:year-group -- --quick                       20 students, 30 s of saving, 5 s stagger (CI; under a minute)
 *   options: --students N  --minutes D  --stagger S  --save-every S  --port 3312  --build  --budget MS (exit 1 if a p95 of start, save or submit is above it)
 *
 * Exits 1 on a lost save, an error, or a p95 over --budget. Needs a production build (or --build).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";

import { createFreshDatabase } from "../helpers/fresh-database.mts";
import { applyMigrations } from "../../prisma/scripts/migrations.mts";
import { createPrismaClient } from "../../lib/db/client.ts";
import { seedDatabase } from "../../prisma/seed.mts";
import { seedLargeClass } from "./seed-large-class.mts";
import { CookieJar, signIn } from "./http-client.mts";

const { values: opts } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    students: { type: "string" },
    minutes: { type: "string" },
    stagger: { type: "string" },
    "save-every": { type: "string", default: "10" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3312" },
    build: { type: "boolean", default: false },
    budget: { type: "string" },
    /** A folder for a CPU profile of the app (node --cpu-prof), written when it stops. */
    profile: { type: "string" },
  },
});
const STUDENTS = Number(opts.students ?? (opts.quick ? 20 : 100));
const MINUTES = Number(opts.minutes ?? (opts.quick ? 0.5 : 2));
const STAGGER_S = Number(opts.stagger ?? (opts.quick ? 5 : 60));
const SAVE_EVERY_S = Number(opts["save-every"]);
const BUDGET = opts.budget ? Number(opts.budget) : null;
const PORT = opts.port;
const BASE = `http://127.0.0.1:${PORT}`;
const REQUEST_TIMEOUT_MS = 120_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// ---------------------------------------------------------------- the app

if (opts.build || !fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.log("[year-group] building (next build)…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The ids Next gave the server actions in this build (what a page's JavaScript sends as Next-Action). */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in ${file} in this build`);
  return found[0];
}
const START_ACTION = actionId("lib/actions/attempts.ts", "startAttemptAction");
const SUBMIT_ACTION = actionId("lib/actions/attempts.ts", "submitAttemptAction");

const logFile = path.join(os.tmpdir(), `dossier-year-group-${PORT}.log`);

function startApp(url: string): ChildProcess {
  const log = fs.openSync(logFile, "w");
  const profile = opts.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(opts.profile)}`] : [];
  return spawn(process.execPath, [...profile, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", PORT], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: "year-group-bench-only-secret-not-for-production-0123",
      AUTH_TRUST_HOST: "true",
      NODE_ENV: "production",
    },
  });
}

async function waitUntilUp(child: ChildProcess): Promise<void> {
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}); see ${logFile}`);
    if (await fetch(`${BASE}/api/auth/csrf`).then((r) => r.ok, () => false)) return;
    if (performance.now() - t0 > 60_000) throw new Error(`the app did not come up in 60 s; see ${logFile}`);
    await sleep(100);
  }
}

/** The app's processes (next start and anything it forks): resident memory and CPU seconds so far. */
function appUsage(pid: number): { rss: number; cpu: number } {
  let rss = 0;
  let cpu = 0;
  const ticks = 100; // USER_HZ on Linux
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields[2] is the process group (field 5 of stat); ours is the app's pid (detached).
      if (Number(fields[2]) !== pid) continue;
      cpu += (Number(fields[11]) + Number(fields[12])) / ticks;
      rss += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${entry}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return { rss, cpu };
}

// ---------------------------------------------------------------- figures

type Step = "sign-in" | "quiz page" | "start" | "save" | "submit";
const STEPS: Step[] = ["sign-in", "quiz page", "start", "save", "submit"];
const times = new Map<Step, number[]>(STEPS.map((s) => [s, []]));
const errors = new Map<Step, number>(STEPS.map((s) => [s, 0]));
const errorSamples: string[] = [];
function failed(step: Step, what: string) {
  errors.set(step, errors.get(step)! + 1);
  if (errorSamples.length < 8) errorSamples.push(`${step}: ${what}`);
}
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** One request, timed; the whole body is read (a browser waits for it too). */
async function timedFetch(step: Step, url: string, init: RequestInit): Promise<{ res: Response; body: string } | null> {
  const t = performance.now();
  try {
    const res = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await res.text();
    times.get(step)!.push(performance.now() - t);
    return { res, body };
  } catch (e) {
    failed(step, e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    return null;
  }
}

// ---------------------------------------------------------------- the run

const { config, drop } = await createFreshDatabase("dossier_year_group");
let app: ChildProcess | null = null;
const stopApp = async () => {
  if (!app || app.exitCode !== null || app.signalCode !== null) return;
  const child = app;
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    return;
  }
  await gone;
};
process.on("SIGINT", () => void stopApp().then(drop).then(() => process.exit(130)));

let ok = false;
try {
  await applyMigrations(config);
  const setup = createPrismaClient(config);
  await seedDatabase(setup, { demo: false });
  // One more student than measured: the first goes through every step once before the clock starts,
  // so the figures are of a warm app (routes loaded, code compiled), as on a school morning.
  const made = await seedLargeClass(setup, { label: "yg", students: STUDENTS + 1, attempts: "none", progress: false });
  const warmUp = made.students.shift()!;
  const questions = await setup.question.findMany({ where: { id: { in: made.questionIds } }, select: { id: true, type: true } });
  await setup.$disconnect();
  const typeOf = new Map(questions.map((q) => [q.id, q.type]));
  // The quiz is not shuffled, so q1…q30 follow the quiz's order: answers with free text carry who sent which save.
  const textKeys = made.questionIds.flatMap((id, i) => (typeOf.get(id) === "short-answer" || typeOf.get(id) === "essay" ? [`q${i + 1}`] : []));

  const loadAtStart = os.loadavg();
  const savesEach = Math.max(1, Math.floor((MINUTES * 60) / SAVE_EVERY_S));
  console.log(
    `[year-group] ${config.provider}: ${STUDENTS} students sign in over ${STAGGER_S} s, start a ${made.questionIds.length}-question quiz, save every ${SAVE_EVERY_S} s for ${MINUTES} min (${savesEach} saves each), submit. Load before: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}. App log: ${logFile}`,
  );
  app = startApp(config.url);
  await waitUntilUp(app);
  const appPid = app.pid!;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, appUsage(appPid).rss)), 1000);

  type Slot = { acked: number; sent: number };
  const slots = new Map<string, Slot>(); // "attemptId key" → last acknowledged / last sent save number
  const submitted = new Set<string>();
  const attempts: string[] = [];
  const quizUrl = `${BASE}/quiz-assignments/${made.quizAssignmentId}`;

  async function student(i: number, who = made.students[i]!, opts: { saves: number; saveEvery: number } = { saves: savesEach, saveEvery: SAVE_EVERY_S }) {
    await sleep((i / STUDENTS) * STAGGER_S * 1000);
    const jar = new CookieJar();
    let cookie: string;
    const tSignIn = performance.now();
    try {
      cookie = await signIn(BASE, who.email, made.password, jar);
      times.get("sign-in")!.push(performance.now() - tSignIn);
    } catch (e) {
      failed("sign-in", String(e instanceof Error ? e.message : e));
      return;
    }
    const page = await timedFetch("quiz page", quizUrl, { headers: { cookie } });
    if (page && page.res.status !== 200) failed("quiz page", `HTTP ${page.res.status}`);

    // "Start the quiz", as the page's JavaScript sends the form to its server action.
    const form = new FormData();
    form.set("_1_quizAssignmentId", made.quizAssignmentId);
    form.set("0", '["$K1"]');
    const started = await timedFetch("start", quizUrl, { method: "POST", headers: { cookie, origin: BASE, accept: "text/x-component", "next-action": START_ACTION }, body: form });
    if (!started) return;
    const redirect = /^\/attempts\/([^/;?]+);/.exec(started.res.headers.get("x-action-redirect") ?? "");
    if (!redirect) {
      failed("start", `HTTP ${started.res.status}, redirect ${started.res.headers.get("x-action-redirect")}`);
      return;
    }
    const attemptId = redirect[1]!;
    attempts.push(attemptId);

    for (let seq = 1; seq <= opts.saves; seq++) {
      await sleep(opts.saveEvery * 1000);
      const key = textKeys[(seq + i) % textKeys.length]!;
      const slotKey = `${attemptId} ${key}`;
      const slot = slots.get(slotKey) ?? slots.set(slotKey, { acked: 0, sent: 0 }).get(slotKey)!;
      slot.sent = seq;
      const saved = await timedFetch("save", `${BASE}/api/attempts/${attemptId}/answers/${key}`, {
        method: "PUT",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ response: { text: `student ${i} save ${seq}` } }),
      });
      if (!saved) continue;
      if (saved.res.status === 200 && (JSON.parse(saved.body) as { savedAt?: string }).savedAt) slot.acked = seq;
      else failed("save", `HTTP ${saved.res.status} ${saved.body.slice(0, 200)}`);
    }

    const done = await timedFetch("submit", `${BASE}/attempts/${attemptId}`, {
      method: "POST",
      headers: { cookie, origin: BASE, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", "next-action": SUBMIT_ACTION },
      body: JSON.stringify([attemptId]),
    });
    if (!done) return;
    if ((done.res.headers.get("x-action-redirect") ?? "").startsWith(`/attempts/${attemptId}/review`)) submitted.add(attemptId);
    else failed("submit", `HTTP ${done.res.status} ${done.body.slice(0, 200)}`);
  }

  await student(0, warmUp, { saves: 2, saveEvery: 0 });
  if ([...errors.values()].some((n) => n > 0)) throw new Error(`the warm-up student failed: ${errorSamples.join(" | ")}`);
  for (const step of STEPS) times.set(step, []);
  slots.clear();
  submitted.clear();
  attempts.length = 0;
  const cpuBefore = appUsage(appPid).cpu;
  const t0 = performance.now();
  await Promise.all(made.students.map((_, i) => student(i)));
  const wall = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, appUsage(appPid).rss);
  const cpu = appUsage(appPid).cpu - cpuBefore;
  const loadAfter = os.loadavg();
  const loadBefore = loadAtStart;
  await stopApp();

  // ---------------------------------------------------------------- nothing lost?
  const check = createPrismaClient(config);
  const rows = await check.attemptResponse.findMany({ where: { attemptId: { in: attempts } }, select: { attemptId: true, questionKey: true, response: true } });
  const states = await check.attempt.findMany({ where: { id: { in: attempts } }, select: { id: true, status: true } });
  await check.$disconnect();
  const stored = new Map(rows.map((r) => [`${r.attemptId} ${r.questionKey}`, r.response]));
  let kept = 0;
  let later = 0;
  let lost = 0;
  for (const [slotKey, slot] of slots) {
    if (slot.acked === 0) continue;
    const seq = Number(/save (\d+)"/.exec(stored.get(slotKey) ?? "")?.[1] ?? NaN);
    if (Number.isNaN(seq) || seq < slot.acked || seq > slot.sent) lost++;
    else if (seq === slot.acked) kept++;
    else later++;
  }
  const notSubmitted = states.filter((a) => submitted.has(a.id) && a.status !== "submitted").length;

  const f = (x: number) => (Number.isNaN(x) ? "    –" : `${x.toFixed(0).padStart(5)}`);
  console.log("");
  console.log(`${config.provider}, ${STUDENTS} students, ${MINUTES} min of saving every ${SAVE_EVERY_S} s; ${wall.toFixed(0)} s wall; load average ${loadBefore.map((l) => l.toFixed(2)).join(" ")} before, ${loadAfter.map((l) => l.toFixed(2)).join(" ")} after`);
  console.log(`${"step".padEnd(12)}${"n".padStart(7)}${"p50 ms".padStart(9)}${"p95 ms".padStart(9)}${"p99 ms".padStart(9)}${"max ms".padStart(9)}${"errors".padStart(8)}`);
  for (const step of STEPS) {
    const xs = times.get(step)!;
    console.log(`${step.padEnd(12)}${String(xs.length).padStart(7)}    ${f(pct(xs, 50))}    ${f(pct(xs, 95))}    ${f(pct(xs, 99))}    ${f(xs.length ? Math.max(...xs) : NaN)}${String(errors.get(step)).padStart(8)}`);
  }
  if (errorSamples.length) console.log(`errors, first ones: ${errorSamples.join(" | ")}`);
  const acked = [...slots.values()].filter((s) => s.acked > 0).length;
  console.log(`saves checked ${acked} (last acknowledged per student and question): kept ${kept}, a later value ${later}, lost ${lost}; submits acknowledged ${submitted.size}, not submitted in the database ${notSubmitted}`);
  console.log(`app: peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB, CPU ${cpu.toFixed(0)} s over ${wall.toFixed(0)} s`);
  const totalErrors = [...errors.values()].reduce((a, b) => a + b, 0);
  const slow = BUDGET === null ? [] : (["start", "save", "submit"] as const).filter((s) => pct(times.get(s)!, 95) > BUDGET);
  ok = lost === 0 && notSubmitted === 0 && totalErrors === 0 && slow.length === 0;
  console.log(ok ? "[year-group] OK" : `[year-group] FAILED${lost ? `: ${lost} saves lost` : ""}${totalErrors ? `: ${totalErrors} errors` : ""}${slow.length ? `: p95 over ${BUDGET} ms for ${slow.join(", ")}` : ""}`);
} catch (e) {
  console.error(e);
} finally {
  await stopApp();
  await drop().catch(() => {});
}
process.exit(ok ? 0 : 1);
