/**
 * `npx tsx tests/bench/annotations.mts`: 1,000 annotations on the reading, drawn in Chromium with
 * the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate). Prints the longest main-thread task
 * (target: none over 200 ms) while the page loads and draws the layer, while the panel opens, and
 * while a live update redraws it. Needs a `next build`. Makes its own database (SQLite, or
 * PostgreSQL with a postgres DATABASE_URL), seeds the demo class plus 1,000 posts by the demo
 * students spread over the paragraphs (quotes of 2–8 words, a third with replies), starts
 * `next start` on BENCH_PORT (default 3399), and cleans up.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { createFreshDatabase } from "../helpers/fresh-database.mts";
import { applyMigrations } from "../../prisma/scripts/migrations.mts";
import { createPrismaClient } from "../../lib/db/client.ts";
import { seedDatabase } from "../../prisma/seed.mts";
import { describeSpan } from "../../lib/discussion/anchor.ts";
import { DEMO_PASSWORD, DEMO_READING, DEMO_STUDENTS } from "../../prisma/demo-accounts.ts";

const COUNT = Number(process.env.BENCH_ANNOTATIONS ?? 1000);
const THROTTLE = 4;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const port = process.env.BENCH_PORT ?? "3399";
const base = `http://localhost:${port}`;

const { config, drop } = await createFreshDatabase("dossier_bench_ann");
await applyMigrations(config);
const db = createPrismaClient(config);
await seedDatabase(db, { demo: true });
const reading = await db.reading.findUniqueOrThrow({ where: { slug: DEMO_READING }, select: { id: true } });
const paragraphs = (await db.paragraph.findMany({ where: { readingId: reading.id, kind: { in: ["text", "list-item", "bullet"] } }, select: { anchor: true, text: true } })).filter((p) => p.text.length > 40);
const students = await db.user.findMany({ where: { role: "student" }, select: { id: true } });
const assignment = await db.assignment.findFirstOrThrow({ select: { id: true } });
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const rows = [];
for (let i = 0; i < COUNT; i++) {
  const p = paragraphs[Math.floor(rand() * paragraphs.length)]!;
  const words = [...p.text.matchAll(/\S+/g)];
  const from = Math.floor(rand() * Math.max(1, words.length - 8));
  const len = 2 + Math.floor(rand() * 6);
  const first = words[from]!;
  const last = words[Math.min(words.length - 1, from + len)]!;
  const span = describeSpan(p.text, first.index, last.index + last[0].length);
  rows.push({
    assignmentId: assignment.id,
    authorId: students[i % students.length]!.id,
    kind: ["comment", "question", "claim"][i % 3]!,
    body: `Benchmark post ${i}: a sentence or two about this passage, as a student would write it in class.`,
    paragraphAnchor: p.anchor,
    quoteExact: span.exact,
    quotePrefix: span.prefix,
    quoteSuffix: span.suffix,
    quoteStart: span.start,
    quoteEnd: span.end,
    citedAnchors: i % 3 === 2 ? p.anchor : "",
  });
}
for (let i = 0; i < rows.length; i += 200) await db.annotation.createMany({ data: rows.slice(i, i + 200) });
const roots = await db.annotation.findMany({ where: { assignmentId: assignment.id, parentId: null }, select: { id: true, paragraphAnchor: true }, take: Math.floor(COUNT / 3) });
await db.annotation.createMany({
  data: roots.map((r, i) => ({ assignmentId: assignment.id, authorId: students[(i + 1) % students.length]!.id, kind: "comment", body: `Reply ${i}`, paragraphAnchor: r.paragraphAnchor, parentId: r.id })),
});
const total = await db.annotation.count({ where: { assignmentId: assignment.id } });
await db.$disconnect();

const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, DATABASE_URL: config.url, AUTH_SECRET: "bench-only-secret-0123456789abcdef", AUTH_TRUST_HOST: "true", NODE_ENV: "production" },
});
const cleanup = async () => {
  child.kill("SIGTERM");
  await drop().catch(() => {});
};
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 240) throw new Error("the app did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(DEMO_STUDENTS[1].email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("signed-in-as").waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  const longest = async (since: number) =>
    page.evaluate((since) => {
      const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= since);
      return { max: Math.max(0, ...tasks.map((t) => t.duration)), count: tasks.length };
    }, since);
  const t0 = Date.now();
  await page.goto(`${base}/assignments/${assignment.id}`);
  await page.waitForFunction(() => (CSS.highlights.get("dossier-annotation")?.size ?? 0) > 0, null, { timeout: 120_000 });
  const drawnMs = Date.now() - t0;
  const drawn = await page.evaluate(() => CSS.highlights.get("dossier-annotation")?.size ?? 0);
  const load = await longest(0);
  const mark1 = await page.evaluate(() => performance.now());
  await page.getByRole("button", { name: /^Discussion \(/ }).click();
  await page.locator("#discussion-panel [data-thread]").first().waitFor();
  const panel = await longest(mark1);
  const mark2 = await page.evaluate(() => performance.now());
  // A live update: a reply posted through the API; every open page re-reads and redraws the layer.
  const before = await page.evaluate(() => CSS.highlights.get("dossier-annotation")?.size ?? 0);
  const res = await page.request.post(`${base}/api/assignments/${assignment.id}/discussion`, { data: { kind: "comment", body: "Live one", paragraph: paragraphs[0]!.anchor } });
  if (!res.ok()) throw new Error(`posting failed: ${res.status()}`);
  await page.waitForFunction((n) => (CSS.highlights.get("dossier-annotation")?.size ?? 0) > n, before, { timeout: 60_000 });
  const live = await longest(mark2);
  await browser.close();
  const verdict = (ms: number) => (ms <= 200 ? "ok" : "OVER");
  console.log(`annotations on the reading: ${total} posts (${COUNT} threads + ${total - COUNT} replies), ${drawn} highlights drawn; CPU throttled ${THROTTLE}×; ${config.provider}`);
  console.log(`  page load to layer drawn: ${drawnMs} ms wall clock`);
  console.log(`  longest main-thread task, load + hydrate + draw: ${load.max.toFixed(0)} ms (${load.count} long tasks)  target ≤ 200 ms: ${verdict(load.max)}`);
  console.log(`  longest main-thread task, opening the panel:    ${panel.max.toFixed(0)} ms (${panel.count} long tasks)  target ≤ 200 ms: ${verdict(panel.max)}`);
  console.log(`  longest main-thread task, a live update redraw: ${live.max.toFixed(0)} ms (${live.count} long tasks)  target ≤ 200 ms: ${verdict(live.max)}`);
} finally {
  await cleanup();
}
process.exit(0);
