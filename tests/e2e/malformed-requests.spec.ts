import { expect, test } from "@playwright/test";
import { LEAK, malformedVariants, readActionIds, send, sendAll, type Variant } from "../helpers/malformed-requests";
import { demo, signIn } from "./fixtures";

/**
 * Malformed, oversized and cross-site requests to server actions and route handlers get a 4xx
 * with a plain message: never a 500, never a stack trace, never a closed connection. The same
 * variants are counted against any running app by tests/bench/malformed-requests.mts.
 */

const ACCEPTABLE = new Set([200, 400, 401, 403, 404, 409, 413, 415]);

test("about fifty malformed server-action requests are answered with a 4xx (or ignored), never a 500", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const variants = malformedVariants(await readActionIds(baseURL!));
  expect(variants.length).toBeGreaterThanOrEqual(50);
  const results = await sendAll(baseURL!, variants);
  const wrong = results
    .filter((r) => !ACCEPTABLE.has(r.status) || LEAK.test(r.body))
    .map((r) => `${r.variant.name}: ${r.status || r.error} ${LEAK.test(r.body) ? r.body.slice(0, 200) : ""}`);
  expect(wrong).toEqual([]);
  // The cases that used to be 500s get the status that says what was wrong.
  const status = (name: string) => results.find((r) => r.variant.name === name)?.status;
  expect(status("text body not JSON")).toBe(400);
  expect(status("multipart truncated")).toBe(400);
  expect(status("XML content type")).toBe(415);
  expect(status("cross-site origin")).toBe(403);
  expect(status("unparseable origin")).toBe(403);
  expect(status("fetch action, 6 MB with a length")).toBe(413);
  expect(status("fetch action, 12 MB chunked")).toBe(413);
  expect(status("form post, 6 MB multipart")).toBe(413);
  expect(status("numbers instead of a form")).toBe(404);
});

test("route handlers count the body as it arrives: 413 for too much, with or without a length, and 415 for anything but JSON", async ({ page, baseURL }) => {
  await signIn(page, demo.students[1]!);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const signedIn = (v: Variant): Variant => ({ ...v, headers: { ...v.headers, cookie } });
  const cases: [Variant, number][] = [
    [{ name: "progress, 64 MB chunked", path: "/api/assignments/x/progress", headers: { "content-type": "application/json" }, body: { chunks: 64, chunkBytes: 1024 * 1024 } }, 413],
    [{ name: "progress, 17 KB with a length", path: "/api/assignments/x/progress", headers: { "content-type": "application/json" }, body: `{"anchor":"${"p".repeat(17_000)}"}` }, 413],
    [{ name: "progress, text/plain (no preflight needed cross-site)", path: "/api/assignments/x/progress", headers: { "content-type": "text/plain" }, body: '{"active":true}' }, 415],
    [{ name: "progress, a form", path: "/api/assignments/x/progress", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "active=true" }, 415],
    [{ name: "answers, 6 MB chunked", path: "/api/attempts/x/answers/q1", method: "PUT", headers: { "content-type": "application/json" }, body: { chunks: 6, chunkBytes: 1024 * 1024 } }, 413],
    [{ name: "answers, no content type", path: "/api/attempts/x/answers/q1", method: "PUT", body: '{"response":null}' }, 415],
  ];
  for (const [variant, expected] of cases) {
    const r = await send(baseURL!, signedIn(variant));
    expect(r.status, variant.name).toBe(expected);
    expect(JSON.parse(r.body).error.message, variant.name).toMatch(/too (large|long)|as JSON/);
  }
});

test("a crafted return path after sign-in lands on the dashboard, never a 500 or another site", async ({ browser }) => {
  for (const hostile of ["/dashboard\nSet-Cookie: x=1", "/dashboard\r\nLocation: https://evil.example", "／／evil.example", "/dashboard／", "/\\evil.example", "/%0d%0aSet-Cookie:x=1"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/login?callbackUrl=%2Fclasses");
    // The login page cleans what it puts in the form; a hand-made post can say anything.
    await page.locator('input[name="callbackUrl"]').evaluate((el, value) => ((el as HTMLInputElement).value = value), hostile);
    await page.getByLabel("Email").fill(demo.students[0]!);
    await page.getByLabel("Password").fill(demo.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page, JSON.stringify(hostile)).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    await context.close();
  }
});

test("forms still work without JavaScript (a multipart post with no Next-Action header)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login?callbackUrl=%2Fdashboard");
  await page.getByLabel("Email").fill(demo.students[0]!);
  await page.getByLabel("Password").fill(demo.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await context.close();
});
