/**
 * `npm run bench`: figures for the reading, against a running app (default http://localhost:3000,
 * or BENCH_URL). Prints; asserts nothing. Traffic goes to the given address only, bounded in
 * count and time.
 *
 *   - the public reading: HTML bytes raw and gzipped, and latency at 1 and 20 concurrent clients
 *   - what a browser transfers for it (documents, scripts, styles, fonts), from Chromium
 *   - a signed-in student's dashboard and assignment page: server time per request
 */
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { trackTransfer } from "./transfer.mts";
import { DEMO_PASSWORD, DEMO_STUDENTS } from "../../prisma/demo-accounts.ts";

const base = process.env.BENCH_URL ?? "http://localhost:3000";
const reading = `${base}/readings/mielke-andropov-1981`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timed(url: string, init?: RequestInit): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return performance.now() - t;
}

async function load(url: string, requests: number, concurrency: number, init?: RequestInit) {
  const times: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        times.push(await timed(url, init));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), rps: requests / seconds };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;

const html = Buffer.from(await (await fetch(reading)).arrayBuffer());
console.log(`public reading HTML: ${kb(html.length)} raw, ${kb(gzipSync(html).length)} gzipped`);
for (const c of [1, 20]) {
  const r = await load(reading, c === 1 ? 30 : 200, c);
  console.log(`public reading, ${String(c).padStart(2)} concurrent: p50 ${fmt(r.p50)}, p95 ${fmt(r.p95)}, ${r.rps.toFixed(0)} req/s`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
});
const page = await browser.newPage();
const transfer = trackTransfer(page);
await page.goto(reading, { waitUntil: "networkidle" });
const nav = await page.evaluate(() => {
  const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
  return { ttfb: n.responseStart, domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd };
});
console.log(`browser transfer for the reading: ${await transfer.summary()}`);
console.log(`browser timing: TTFB ${fmt(nav.ttfb)}, DOMContentLoaded ${fmt(nav.domContentLoaded)}, load ${fmt(nav.load)}`);

await page.goto(`${base}/login`);
await page.getByLabel("Email").fill(DEMO_STUDENTS[0].email);
await page.getByLabel("Password").fill(DEMO_PASSWORD);
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/dashboard/);
const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
const assignment = await page.getByRole("link", { name: "Continue reading" }).getAttribute("href");
await browser.close();

for (const [name, url] of [["student dashboard", `${base}/dashboard`], ["assignment page", `${base}${assignment}`]] as const) {
  const r = await load(url, 40, 4, { headers: { cookie } });
  console.log(`${name} (signed in, 4 concurrent): p50 ${fmt(r.p50)}, p95 ${fmt(r.p95)}, ${r.rps.toFixed(0)} req/s`);
}
