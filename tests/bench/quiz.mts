/**
 * `npm run bench:quiz`: figures for quizzes, against a running app with the demo data (default
 * http://localhost:3000, or BENCH_URL). Prints; asserts nothing. Uses a demo student who has no
 * attempt yet (Dawit), so run it on a fresh demo database; it starts and submits one attempt.
 *
 *   - what a browser transfers for the quiz player on a cold cache (documents, scripts, styles, fonts)
 *   - answer saves: the PUT to /api/attempts/…/answers/…, round trip as the browser measured it
 *   - submitting: from the confirm click to the review page (grading on the server included)
 *   - the instructor's gradebook, question analysis and evidence-on-the-reading pages: server time
 */
import { chromium, type Page } from "@playwright/test";
import { trackTransfer } from "./transfer.mts";
import { DEMO_INSTRUCTOR, DEMO_PASSWORD, DEMO_STUDENTS } from "../../prisma/demo-accounts.ts";

const base = process.env.BENCH_URL ?? "http://localhost:3000";
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function load(url: string, requests: number, concurrency: number, cookie: string) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        const t = performance.now();
        const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
        times.push(performance.now() - t);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), rps: requests / ((performance.now() - started) / 1000) };
}

async function signIn(page: Page, email: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/dashboard/);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
});

// ---------------------------------------------------------------- the student
const student = await browser.newContext();
const page = await student.newPage();
await signIn(page, DEMO_STUDENTS[2].email);
await page.getByTestId("my-quizzes").getByRole("link", { name: /^Start quiz/ }).first().click();
await page.getByTestId("start-quiz").click();
await page.waitForURL(/\/attempts\/[^/]+$/);
const attemptUrl = page.url();

// The player on a cold cache: a new context with the same session.
const cold = await browser.newContext({ storageState: await student.storageState() });
const coldPage = await cold.newPage();
const transfer = trackTransfer(coldPage);
await coldPage.goto(attemptUrl, { waitUntil: "networkidle" });
console.log(`quiz player, cold cache: ${await transfer.summary()}`);
await cold.close();

// Answer saves: every question with a radio button or a checkbox gets its first one ticked, one at a time.
const saves: number[] = [];
page.on("requestfinished", (req) => {
  if (req.method() === "PUT" && req.url().includes("/answers/")) saves.push(req.timing().responseEnd);
});
const questions = page.locator('[data-testid^="question-q"]');
const count = await questions.count();
for (let i = 0; i < count; i++) {
  const radio = questions.nth(i).locator("input[type=radio], input[type=checkbox]").first();
  if ((await radio.count()) === 0) continue;
  const before = saves.length;
  await radio.check();
  const deadline = Date.now() + 10_000;
  while (saves.length === before && Date.now() < deadline) await page.waitForTimeout(50);
}
saves.sort((a, b) => a - b);
console.log(`answer saves (${saves.length}, one at a time): p50 ${fmt(percentile(saves, 50))}, max ${fmt(saves.at(-1) ?? NaN)}`);

// Submitting: confirm click to the review page.
await page.getByTestId("submit-quiz").click();
const t = performance.now();
await page.getByTestId("confirm-submit").click();
await page.waitForURL(/\/review$/);
console.log(`submit (grading on the server) to the review page: ${fmt(performance.now() - t)}`);
await student.close();

// ---------------------------------------------------------------- the instructor
const teacher = await browser.newContext();
const tpage = await teacher.newPage();
await signIn(tpage, DEMO_INSTRUCTOR.email);
await tpage.getByRole("link", { name: "History 11B: The Cold War" }).first().click();
await tpage.waitForURL(/\/classes\/[^/]+$/);
const classUrl = tpage.url();
await tpage.getByRole("link", { name: "Question analysis" }).first().click();
await tpage.waitForURL(/\/analysis$/);
const analysisUrl = tpage.url();
const evidenceUrl = new URL((await tpage.getByTestId("evidence-on-reading").first().getAttribute("href"))!, base).href;
const cookie = (await teacher.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
await browser.close();

for (const [name, url] of [
  ["gradebook", `${classUrl}/gradebook`],
  ["question analysis", analysisUrl],
  ["evidence on the reading", evidenceUrl],
] as const) {
  const r = await load(url, 20, 4, cookie);
  console.log(`${name} (instructor, 4 concurrent): p50 ${fmt(r.p50)}, p95 ${fmt(r.p95)}, ${r.rps.toFixed(0)} req/s`);
}
