/**
 * `npm run bench:crash`: does every acknowledged answer survive the app being killed?
 *
 * On a fresh database (SQLite, or PostgreSQL when DATABASE_URL is a postgres URL; a throwaway
 * database on that server) with the demo data: N students join the demo class, sign in over
 * HTTP and start the demo quiz; then each saves answers one after another through
 * PUT /api/attempts/:id/answers/:key, as the quiz player does, all students at once. Midway the
 * app (`next start`, the production build) is killed with SIGKILL. It is started again on the
 * same database, and the database is read: every save that was acknowledged (200 with savedAt)
 * must be there with the acknowledged value, or a later value the same student sent (a save in
 * flight at the kill may have committed without its answer reaching the student).
 *
 *   npm run bench:crash                  200 students, up to 40 saves each, kill after 35% of them
 *   npm run bench:crash -- --quick       20 students (for CI)
 *   options: --students N  --saves N  --kill-at 0.35  --port 3313  --build (run `next build` first)
 *
 * Exits 1 when a save was lost or a request failed before the kill. Prints the figures.
 * Needs a production build (`npx next build`, or pass --build).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { createFreshDatabase } from "../helpers/fresh-database.mts";
import { applyMigrations } from "../../prisma/scripts/migrations.mts";
import { createPrismaClient } from "../../lib/db/client.ts";
import { seedDatabase } from "../../prisma/seed.mts";
import { hashPassword } from "../../lib/auth/password.ts";
import { DEMO_JOIN_CODE, DEMO_PASSWORD } from "../../prisma/demo-accounts.ts";

const { values: opts } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    students: { type: "string" },
    saves: { type: "string", default: "40" },
    "kill-at": { type: "string", default: "0.35" },
    port: { type: "string", default: process.env.CRASH_PORT ?? "3313" },
    build: { type: "boolean", default: false },
  },
});
const STUDENTS = Number(opts.students ?? (opts.quick ? 20 : 200));
const SAVES_EACH = Number(opts.saves);
const KILL_AT = Number(opts["kill-at"]);
const PORT = opts.port;
const BASE = `http://127.0.0.1:${PORT}`;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const secret = "crash-bench-only-secret-not-for-production-0123456789";

// ---------------------------------------------------------------- the app

if (opts.build || !fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.log("[crash] building (next build)…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const logFile = path.join(os.tmpdir(), `dossier-crash-${PORT}.log`);
const log = fs.openSync(logFile, "w");

function startApp(url: string): ChildProcess {
  // Its own process group, so SIGKILL reaches next and anything it forks.
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", PORT], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: secret, AUTH_TRUST_HOST: "true", NODE_ENV: "production" },
  });
  return child;
}

async function waitUntilUp(child: ChildProcess): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}); see ${logFile}`);
    try {
      const res = await fetch(`${BASE}/api/auth/csrf`);
      if (res.ok) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 60_000) throw new Error(`the app did not come up in 60 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

// ---------------------------------------------------------------- the database

const { config, drop } = await createFreshDatabase("dossier_crash");
let app: ChildProcess | null = null;
const cleanup = async () => {
  if (app) {
    killGroup(app, "SIGTERM");
    await exited(app);
  }
  await drop().catch(() => {});
};
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

try {
  await applyMigrations(config);
  const setup = createPrismaClient(config);
  await seedDatabase(setup, { demo: true });
  const cls = await setup.class.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE }, select: { id: true } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const emails = Array.from({ length: STUDENTS }, (_, i) => `crash-${i}@dossier.test`);
  await setup.user.createMany({ data: emails.map((email, i) => ({ email, name: `Crash Student ${i}`, role: "student", passwordHash })) });
  const users = await setup.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  await setup.enrolment.createMany({ data: users.map((u) => ({ userId: u.id, classId: cls.id })) });
  const qa = await setup.quizAssignment.findFirstOrThrow({ where: { classId: cls.id }, select: { id: true } });
  const journal = config.provider === "sqlite" ? await setup.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode") : null;
  const synchronous = config.provider === "sqlite" ? await setup.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous") : null;
  await setup.$disconnect();

  // Attempts are started through the data layer (starting is a server action in the app).
  process.env.DATABASE_URL = config.url;
  const { startAttempt } = await import("../../lib/data/attempts.ts");
  const attemptOf = new Map<string, string>();
  for (const u of users) attemptOf.set(u.email, (await startAttempt({ id: u.id, email: u.email, name: "", role: "student" }, qa.id)).attemptId);
  const { db: dataDb } = await import("../../lib/db/index.ts");
  const sample = await dataDb.attempt.findUniqueOrThrow({ where: { id: attemptOf.get(emails[0]!)! }, select: { snapshot: true } });
  await dataDb.$disconnect();
  // Questions whose answer is free text, so each save can carry its student and sequence number.
  const keys = (JSON.parse(sample.snapshot) as { key: string; type: string }[]).filter((q) => q.type === "short-answer" || q.type === "essay").map((q) => q.key);
  if (keys.length === 0) throw new Error("the demo quiz has no text questions");

  console.log(`[crash] ${config.provider}${journal ? ` (journal_mode=${journal[0]!.journal_mode}, synchronous=${synchronous![0]!.synchronous})` : ""}: ${STUDENTS} students, questions ${keys.join(", ")}; app on ${BASE}, log ${logFile}`);
  app = startApp(config.url);
  await waitUntilUp(app);

  // ---------------------------------------------------------------- sign in over HTTP
  async function signIn(email: string): Promise<string> {
    const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const jar = new Map<string, string>();
    const take = (res: Response) => {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const at = pair!.indexOf("=");
        jar.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
    };
    take(csrfRes);
    const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
      body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, callbackUrl: `${BASE}/dashboard` }),
    });
    take(res);
    const session = [...jar.keys()].find((k) => k.includes("session-token"));
    if (!session) throw new Error(`sign-in failed for ${email}: HTTP ${res.status} ${res.headers.get("location")}`);
    return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  const cookies = new Map<string, string>();
  const tSignIn = performance.now();
  let nextUser = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (nextUser < emails.length) {
        const email = emails[nextUser++]!;
        cookies.set(email, await signIn(email));
      }
    }),
  );
  console.log(`[crash] ${cookies.size} students signed in over HTTP in ${((performance.now() - tSignIn) / 1000).toFixed(1)} s`);

  // ---------------------------------------------------------------- saves, and the kill
  type Slot = { acked: number; sent: number };
  const slots = new Map<string, Slot>(); // "attemptId key" → last acknowledged / last sent sequence
  const counts = { sent: 0, acknowledged: 0, inFlightAtKill: 0, failedBeforeKill: 0, refused: 0 };
  const failures: string[] = [];
  const killAfter = Math.max(1, Math.floor(STUDENTS * SAVES_EACH * KILL_AT));
  let killed = false;
  let killedAt = 0;
  const victim = app;
  const t0 = performance.now();

  async function student(email: string, index: number) {
    const attemptId = attemptOf.get(email)!;
    const cookie = cookies.get(email)!;
    for (let seq = 1; seq <= SAVES_EACH && !killed; seq++) {
      const key = keys[(seq + index) % keys.length]!;
      const slot = slots.get(`${attemptId} ${key}`) ?? { acked: 0, sent: 0 };
      slots.set(`${attemptId} ${key}`, slot);
      slot.sent = seq;
      counts.sent++;
      try {
        const res = await fetch(`${BASE}/api/attempts/${attemptId}/answers/${key}`, {
          method: "PUT",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ response: { text: `student ${index} save ${seq}` } }),
        });
        const body = (await res.json().catch(() => null)) as { savedAt?: string } | null;
        if (res.status === 200 && body?.savedAt) {
          slot.acked = seq;
          counts.acknowledged++;
          if (counts.acknowledged >= killAfter && !killed) {
            killed = true;
            killedAt = performance.now() - t0;
            killGroup(victim, "SIGKILL");
          }
        } else if (killed) {
          counts.inFlightAtKill++;
        } else {
          counts.failedBeforeKill++;
          if (failures.length < 5) failures.push(`HTTP ${res.status}: ${JSON.stringify(body)}`);
        }
      } catch (e) {
        if (killed) counts.inFlightAtKill++;
        else {
          counts.failedBeforeKill++;
          if (failures.length < 5) failures.push(String(e));
        }
      }
    }
  }
  await Promise.all(emails.map((email, i) => student(email, i)));
  await exited(victim);
  const elapsed = (killed ? killedAt : performance.now() - t0) / 1000;
  console.log(
    `[crash] ${killed ? `SIGKILL after ${counts.acknowledged} acknowledged saves, ${killedAt.toFixed(0)} ms in` : "finished before the kill point (raise --saves)"}; ${(counts.acknowledged / elapsed).toFixed(0)} acknowledged saves/s`,
  );

  // ---------------------------------------------------------------- restart, and count
  app = startApp(config.url);
  const restartMs = await waitUntilUp(app);
  // The app works again: one more save from a student who was mid-stream.
  const probe = await fetch(`${BASE}/api/attempts/${attemptOf.get(emails[0]!)!}/answers/${keys[0]!}`, {
    method: "PUT",
    headers: { "content-type": "application/json", cookie: cookies.get(emails[0]!)! },
    body: JSON.stringify({ response: { text: "after the restart" } }),
  });
  console.log(`[crash] restarted in ${(restartMs / 1000).toFixed(1)} s; a save after the restart: HTTP ${probe.status}`);
  killGroup(app, "SIGTERM");
  await exited(app);
  app = null;

  const check = createPrismaClient(config);
  const rows = await check.attemptResponse.findMany({ where: { attemptId: { in: [...attemptOf.values()] }, questionKey: { in: keys } }, select: { attemptId: true, questionKey: true, response: true } });
  const integrity = config.provider === "sqlite" ? await check.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check") : null;
  await check.$disconnect();
  const stored = new Map(rows.map((r) => [`${r.attemptId} ${r.questionKey}`, r.response]));
  const result = { kept: 0, later: 0, lost: 0, wrong: 0 };
  for (const [slotKey, slot] of slots) {
    if (slot.acked === 0) continue;
    const raw = stored.get(slotKey);
    const seq = raw ? Number(/save (\d+)"/.exec(raw)?.[1] ?? NaN) : NaN;
    if (raw?.includes("after the restart")) result.kept++;
    else if (Number.isNaN(seq) || seq < slot.acked) result.lost++;
    else if (seq > slot.sent) result.wrong++;
    else if (seq === slot.acked) result.kept++;
    else result.later++;
  }
  const acknowledgedSlots = [...slots.values()].filter((s) => s.acked > 0).length;

  console.log("");
  console.log(`database                 ${config.provider}${journal ? ` (journal_mode=${journal[0]!.journal_mode}, synchronous=${synchronous![0]!.synchronous === 2n ? "FULL" : synchronous![0]!.synchronous})` : ""}${integrity ? `, integrity_check ${integrity[0]!.integrity_check}` : ""}`);
  console.log(`students                 ${STUDENTS}`);
  console.log(`saves sent               ${counts.sent}`);
  console.log(`acknowledged (200)       ${counts.acknowledged}`);
  console.log(`in flight at the kill    ${counts.inFlightAtKill} (no answer; outcome unknown to the student)`);
  console.log(`errors before the kill   ${counts.failedBeforeKill}${failures.length ? `: ${failures.join(" | ")}` : ""}`);
  console.log(`answers checked          ${acknowledgedSlots} (last acknowledged value per student and question)`);
  console.log(`  kept as acknowledged   ${result.kept}`);
  console.log(`  a later value kept     ${result.later} (sent, not acknowledged, committed before the kill)`);
  console.log(`  lost                   ${result.lost}`);
  console.log(`  unexplained value      ${result.wrong}`);
  const ok = result.lost === 0 && result.wrong === 0 && counts.failedBeforeKill === 0 && killed && probe.status === 200;
  console.log(ok ? "[crash] OK: every acknowledged save survived the kill" : "[crash] FAILED");
  await drop();
  process.exit(ok ? 0 : 1);
} catch (e) {
  console.error(e);
  await cleanup();
  process.exit(1);
}
