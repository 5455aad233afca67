/**
 * `npm run bench:live` (tsx --conditions=react-server tests/bench/live.mts): a live session with N connected students (default 300), each an
 * SSE client in Node against the production build (`next start`). Prints figures; not a test.
 *
 *  1. Fresh database (SQLite, or PostgreSQL when DATABASE_URL is a postgres URL), demo data, N
 *     students in the demo class, all signed in over HTTP.
 *  2. N event streams open on the session (GET /api/live/:id/events). Memory per connection: the
 *     app's resident memory after opening them minus before, over N.
 *  3. Moments: the teacher's "go" (POST /api/live/:id/control) timed from just before the request
 *     to each client receiving that moment's event. p50 / p95 / max over every client and round.
 *  4. Answers: a question goes out; every client answers as soon as it sees it (PUT). Time from
 *     the first answer sent to the last acknowledged, errors, and the rows in the database
 *     (0 lost = N rows).
 *  5. A network blip: every stream dropped at once, the teacher asks the next question meanwhile,
 *     all N reconnect at once with Last-Event-ID; each must receive the missed question and its
 *     answer must be stored (0 lost); stream and answer errors counted.
 *
 * Exits 1 when an answer was lost, a request failed, or p95 was above 500 ms.
 *
 * Options: --students N  --rounds N  --port P  --instances 1|2 (2: two app instances on one
 * PostgreSQL database, clients split between them: the fan-out goes through LISTEN/NOTIFY)
 * --build (run `next build` first). Needs a production build.
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
import { DEMO_INSTRUCTOR, DEMO_JOIN_CODE, DEMO_PASSWORD } from "../../prisma/demo-accounts.ts";

const { values: opts } = parseArgs({
  options: {
    students: { type: "string", default: "300" },
    rounds: { type: "string", default: "5" },
    port: { type: "string", default: process.env.LIVE_BENCH_PORT ?? "3324" },
    instances: { type: "string", default: "1" },
    build: { type: "boolean", default: false },
  },
});
const STUDENTS = Number(opts.students);
const ROUNDS = Number(opts.rounds);
const INSTANCES = Number(opts.instances);
const PORTS = Array.from({ length: INSTANCES }, (_, i) => String(Number(opts.port) + i));
const base = (i: number) => `http://127.0.0.1:${PORTS[i % PORTS.length]}`;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const secret = "live-bench-only-secret-not-for-production-0123456789";

if (opts.build || !fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const logFile = path.join(os.tmpdir(), `dossier-live-bench-${opts.port}.log`);
const log = fs.openSync(logFile, "w");

function startApp(url: string, port: string): ChildProcess {
  return spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: secret, AUTH_TRUST_HOST: "true", NODE_ENV: "production" },
  });
}

async function waitUntilUp(port: string) {
  const t0 = performance.now();
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/auth/csrf`)).ok) return;
    } catch {
      // not yet
    }
    if (performance.now() - t0 > 60_000) throw new Error(`the app did not come up in 60 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resident memory (kB) of every process in the app's process group. */
function groupRssKb(pgid: number): number {
  let total = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return total;
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
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
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/dashboard" }),
  });
  take(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function pool<T>(items: readonly T[], width: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  }));
}

interface Message {
  id: number;
  type: string;
  payload: { moment?: { id: string; kind: string; question?: { view: { options?: { id: string }[] } } | null } | null };
}

/** One student's event stream: records when each moment's event arrived; reconnects with Last-Event-ID on demand. */
class Client {
  lastId: string | null = null;
  arrivals = new Map<string, number>();
  onMoment: ((m: Message) => void) | null = null;
  controller: AbortController | null = null;
  opened!: Promise<void>;
  errors = 0;
  constructor(
    readonly i: number,
    readonly cookie: string,
    readonly url: string,
  ) {}

  connect(): Promise<void> {
    this.controller = new AbortController();
    const headers: Record<string, string> = { cookie: this.cookie, accept: "text/event-stream" };
    if (this.lastId) headers["last-event-id"] = this.lastId;
    this.opened = (async () => {
      const res = await fetch(this.url, { headers, signal: this.controller!.signal });
      if (!res.ok || !res.body) {
        this.errors++;
        throw new Error(`stream ${res.status}`);
      }
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      const opened: { resolve: (() => void) | null } = { resolve: null };
      const firstChunk = new Promise<void>((r) => (opened.resolve = r));
      void (async () => {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            opened.resolve?.();
            opened.resolve = null;
            buffer += decoder.decode(value, { stream: true });
            let end: number;
            while ((end = buffer.indexOf("\n\n")) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = block.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
              const id = /^id: (\d+)/m.exec(block)?.[1];
              if (id) this.lastId = id;
              if (!data) continue;
              const message = JSON.parse(data) as Message;
              const momentId = message.payload?.moment?.id;
              if (message.type === "moment" && momentId && !this.arrivals.has(momentId)) {
                this.arrivals.set(momentId, performance.now());
                this.onMoment?.(message);
              }
            }
          }
        } catch (e) {
          if ((e as Error).name !== "AbortError") this.errors++;
        }
      })();
      await firstChunk;
    })();
    return this.opened;
  }

  drop() {
    this.controller?.abort();
  }
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

const { config, drop } = await createFreshDatabase("dossier_livebench");
if (INSTANCES > 1 && config.provider !== "postgresql") throw new Error("--instances 2 needs a PostgreSQL DATABASE_URL");
const apps: ChildProcess[] = [];
const cleanup = async () => {
  for (const app of apps) {
    try {
      process.kill(-app.pid!, "SIGTERM");
    } catch {
      // gone
    }
  }
  await new Promise((r) => setTimeout(r, 500));
  await drop().catch(() => {});
};
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

let failed = false;
try {
  await applyMigrations(config);
  const setup = createPrismaClient(config);
  await seedDatabase(setup, { demo: true });
  const cls = await setup.class.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE }, select: { id: true, assignments: { select: { id: true } } } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const emails = Array.from({ length: STUDENTS }, (_, i) => `live-${i}@dossier.test`);
  await setup.user.createMany({ data: emails.map((email, i) => ({ email, name: `Live Student ${i}`, role: "student", passwordHash })) });
  const users = await setup.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
  await setup.enrolment.createMany({ data: users.map((u) => ({ userId: u.id, classId: cls.id })) });
  const [question, question2] = await setup.question.findMany({ where: { type: "multiple-choice", owner: { email: DEMO_INSTRUCTOR.email } }, select: { id: true }, take: 2 });
  if (!question || !question2) throw new Error("the demo bank needs two multiple-choice questions");
  await setup.$disconnect();

  for (const port of PORTS) apps.push(startApp(config.url, port));
  await Promise.all(PORTS.map(waitUntilUp));
  console.log(`[live] ${config.provider}, ${INSTANCES} app instance(s) on ${PORTS.join(", ")}, ${STUDENTS} students; log ${logFile}`);

  const teacherCookie = await signIn(base(0), DEMO_INSTRUCTOR.email);
  const t0 = performance.now();
  const cookies: string[] = new Array(STUDENTS);
  await pool(emails, 8, async (email, i) => {
    cookies[i] = await signIn(base(i), email);
  });
  console.log(`[live] ${STUDENTS} students signed in (${ms(performance.now() - t0)})`);

  // Start the session as the class page does (the server action), through the data layer's rule: one running session per assignment.
  process.env.DATABASE_URL = config.url;
  const { startLiveSession } = await import("../../lib/data/live.ts");
  const instructor = await (async () => {
    const c = createPrismaClient(config);
    const u = await c.user.findUniqueOrThrow({ where: { email: DEMO_INSTRUCTOR.email }, select: { id: true, email: true, name: true } });
    await c.$disconnect();
    return { ...u, role: "instructor" as const };
  })();
  const { id: sessionId } = await startLiveSession(instructor, cls.assignments[0]!.id);

  const control = async (body: unknown) => {
    const res = await fetch(`${base(0)}/api/live/${sessionId}/control`, { method: "POST", headers: { "content-type": "application/json", cookie: teacherCookie }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`control ${res.status}: ${await res.text()}`);
    return (await res.json()) as { momentId?: string };
  };

  const rssBefore = apps.reduce((s, a) => s + groupRssKb(a.pid!), 0);
  const clients = cookies.map((cookie, i) => new Client(i, cookie, `${base(i)}/api/live/${sessionId}/events`));
  const tc = performance.now();
  await pool(clients, 50, async (c) => c.connect());
  // Let the servers settle before reading memory.
  await new Promise((r) => setTimeout(r, 1500));
  const rssAfter = apps.reduce((s, a) => s + groupRssKb(a.pid!), 0);
  console.log(`[live] ${STUDENTS} streams open in ${ms(performance.now() - tc)}; app memory ${(rssBefore / 1024).toFixed(0)} MB -> ${(rssAfter / 1024).toFixed(0)} MB: ${((rssAfter - rssBefore) / STUDENTS).toFixed(1)} kB per connection`);

  // Moments: teacher's click to every client.
  const latencies: number[] = [];
  let missing = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const anchor = `p-${10 + r}`;
    const sent = performance.now();
    const { momentId } = await control({ action: "add", moment: { kind: "focus", anchor, prompt: "" }, go: true });
    const deadline = Date.now() + 10_000;
    while (clients.some((c) => !c.arrivals.has(momentId!)) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 10));
    for (const c of clients) {
      const at = c.arrivals.get(momentId!);
      if (at === undefined) missing++;
      else latencies.push(at - sent);
    }
  }
  console.log(`[live] teacher's action -> every client (${ROUNDS} rounds x ${STUDENTS}): p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))}; not received within 10 s: ${missing}`);

  // Answers: each client answers the question as soon as it arrives.
  let answerErrors = 0;
  let firstSent = Infinity;
  let lastAcked = 0;
  const answered: Promise<void>[] = [];
  const askSent = performance.now();
  for (const c of clients) {
    c.onMoment = (m) => {
      const moment = m.payload.moment;
      if (moment?.kind !== "ask") return;
      const options = moment.question?.view.options ?? [];
      const pick = options[c.i % options.length]!.id;
      answered.push(
        (async () => {
          firstSent = Math.min(firstSent, performance.now());
          try {
            const res = await fetch(`${base(c.i)}/api/live/${sessionId}/moments/${moment.id}/response`, {
              method: "PUT",
              headers: { "content-type": "application/json", cookie: c.cookie },
              body: JSON.stringify({ response: { optionId: pick } }),
            });
            if (!res.ok) answerErrors++;
            await res.arrayBuffer();
          } catch {
            answerErrors++;
          }
          lastAcked = Math.max(lastAcked, performance.now());
        })(),
      );
    };
  }
  const { momentId: askId } = await control({ action: "add", moment: { kind: "ask", questionId: question.id }, go: true });
  const deadline = Date.now() + 20_000;
  while (answered.length < STUDENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await Promise.all(answered);
  const check = createPrismaClient(config);
  const rows = await check.liveResponse.count({ where: { momentId: askId! } });
  console.log(
    `[live] ${answered.length} answers: from the question going out ${ms(lastAcked - askSent)}, from the first sent to the last acknowledged ${ms(lastAcked - firstSent)}; errors ${answerErrors}; rows in the database ${rows} (lost ${STUDENTS - rows})`,
  );
  if (answerErrors > 0 || rows !== STUDENTS) failed = true;

  // One answer at a time (changing it: the latest counts): the server's time per answer with no queue.
  const serial: number[] = [];
  for (let k = 0; k < 30; k++) {
    const c = clients[k % clients.length]!;
    const options = ((await (await fetch(`${base(c.i)}/api/live/${sessionId}/state?view=student`, { headers: { cookie: c.cookie } })).json()) as { moment: { question: { view: { options: { id: string }[] } } } }).moment.question.view.options;
    const t = performance.now();
    const res = await fetch(`${base(c.i)}/api/live/${sessionId}/moments/${askId}/response`, { method: "PUT", headers: { "content-type": "application/json", cookie: c.cookie }, body: JSON.stringify({ response: { optionId: options[k % options.length]!.id } }) });
    await res.arrayBuffer();
    serial.push(performance.now() - t);
    if (!res.ok) answerErrors++;
  }
  console.log(`[live] one answer at a time (30): p50 ${ms(percentile(serial, 50))}, p95 ${ms(percentile(serial, 95))}`);

  // A network blip: every stream dropped, the teacher asks the next question meanwhile, everyone
  // reconnects at once (Last-Event-ID), gets the question they missed and answers it.
  for (const c of clients) c.drop();
  const before = answered.length;
  const errorsBefore = answerErrors;
  const { momentId: duringBlip } = await control({ action: "add", moment: { kind: "ask", questionId: question2.id }, go: true });
  const tr = performance.now();
  const reconnectErrors = { n: 0 };
  await Promise.all(clients.map((c) => c.connect().catch(() => void reconnectErrors.n++)));
  const rdeadline = Date.now() + 30_000;
  while ((clients.some((c) => !c.arrivals.has(duringBlip!)) || answered.length < before + STUDENTS) && Date.now() < rdeadline) await new Promise((r) => setTimeout(r, 10));
  await Promise.all(answered);
  const caughtUp = clients.filter((c) => c.arrivals.has(duringBlip!)).length;
  const blipRows = await check.liveResponse.count({ where: { momentId: duringBlip! } });
  console.log(
    `[live] ${STUDENTS} reconnecting at once: every client had the question missed during the blip after ${ms(Math.max(...clients.map((c) => c.arrivals.get(duringBlip!) ?? Infinity)) - tr)}; caught up ${caughtUp}/${STUDENTS}; answers to it ${blipRows} (lost ${STUDENTS - blipRows}), answer errors ${answerErrors - errorsBefore}; stream errors ${reconnectErrors.n + clients.reduce((s, c) => s + c.errors, 0)}`,
  );
  if (caughtUp !== STUDENTS || reconnectErrors.n > 0 || blipRows !== STUDENTS || answerErrors > errorsBefore) failed = true;
  if (percentile(latencies, 95) > 500 || missing > 0) failed = true;
  await check.$disconnect();
  for (const c of clients) c.drop();
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
