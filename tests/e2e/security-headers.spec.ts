import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { demo, READING, signIn, uniqueEmail } from "./fixtures";

/**
 * Security headers on every kind of response, and a Content-Security-Policy that the app itself
 * never violates: every main page, as the user who sees it, with its scripts running.
 */

const CSP_CONSOLE = /Content.Security.Policy|Refused to (load|execute|apply|connect|frame)|violates the following/i;
/** A header the browser could not read (an unknown Permissions-Policy feature, say) is a mistake too. */
const HEADER_CONSOLE = /Permissions-Policy|Unrecognized feature|Error with .* header/i;

/** Collects CSP violations from the console and from `securitypolicyviolation` events. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (m) => {
    if (CSP_CONSOLE.test(m.text()) || HEADER_CONSOLE.test(m.text())) fromConsole.push(`${page.url()}: ${m.text()}`);
  });
  // Init scripts run outside the page's CSP, on every document, before the page's own scripts.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

/** Goes to a page, lets its scripts run, and fails on any CSP violation there. */
async function visit(page: Page, violations: () => Promise<string[]>, url: string, ready?: () => Promise<void>) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBeLessThan(500);
  // Hydrated: React attached to the document (a blocked script would leave it inert).
  await expect.poll(() => page.evaluate(() => Object.keys(document.body).some((k) => k.startsWith("__react"))), { message: `${url} hydrated` }).toBe(true);
  if (ready) await ready();
  expect(await violations(), url).toEqual([]);
}

function expectFixedHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"], what).toMatch(/(^|, )camera=\(\)/);
  expect(h["permissions-policy"], what).toMatch(/microphone=\(\)/);
  expect(h["permissions-policy"], what).toMatch(/geolocation=\(\)/);
  expect(h["cross-origin-opener-policy"], what).toBe("same-origin");
  expect(h["x-powered-by"], what).toBeUndefined();
  expect(h["strict-transport-security"], `${what}: no HSTS over plain HTTP`).toBeUndefined();
}

function directives(policy: string | undefined): Map<string, string[]> {
  return new Map((policy ?? "").split(";").map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name!, values]));
}

test.describe("headers", () => {
  test("pages rendered per request get a fresh nonce and a strict policy", async ({ request }) => {
    const first = await request.get("/login");
    const second = await request.get("/login");
    expectFixedHeaders(first, "/login");
    const policy = directives(first.headers()["content-security-policy"]);
    const script = policy.get("script-src") ?? [];
    const nonce = script.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, "a nonce").toMatch(/^[A-Za-z0-9+/]{20,}={0,2}$/);
    expect(script).toContain("'strict-dynamic'");
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests"), "no upgrade over plain HTTP").toBe(false);
    // The nonce is on Next's scripts, and is new each time.
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(3);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  });

  test("a client cannot choose the nonce", async ({ request }) => {
    const res = await request.get("/login", { headers: { "content-security-policy": "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAAAA'" } });
    expect(res.headers()["content-security-policy"]).not.toContain("AAAAAAAAAAAAAAAAAAAAAAAA");
    expect(await res.text()).not.toContain('nonce="AAAAAAAAAAAAAAAAAAAAAAAA"');
  });

  test("the public reading stays in the static cache, with a policy that needs no nonce", async ({ request }) => {
    await request.get(READING);
    const res = await request.get(READING);
    expectFixedHeaders(res, READING);
    expect(res.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(res.headers()["cache-control"]).toMatch(/s-maxage=3600/);
    const policy = directives(res.headers()["content-security-policy"]);
    expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  test("route handlers, static files and a 404 carry the headers too", async ({ request, page }) => {
    const api = await request.get("/api/auth/csrf");
    expectFixedHeaders(api, "/api/auth/csrf");
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    const post = await request.post("/api/assignments/x/progress", { data: { active: true } });
    expect(post.status()).toBe(401);
    expectFixedHeaders(post, "progress API");
    expect(post.headers()["content-security-policy"]).toContain("default-src 'none'");

    await page.goto("/login");
    const assets = await page.evaluate(() => [...document.querySelectorAll("script[src], link[rel=stylesheet]")].map((e) => e.getAttribute("src") ?? e.getAttribute("href")));
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of [...assets.slice(0, 3), "/icon.svg", "/opengraph-image.png"]) {
      const res = await request.get(asset!);
      expect(res.status(), asset!).toBe(200);
      expectFixedHeaders(res, asset!);
    }

    const missing = await request.get("/no/such/page");
    expect(missing.status()).toBe(404);
    expectFixedHeaders(missing, "404");
    expect(missing.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  });

  test("HSTS and upgrade-insecure-requests only when the request came over HTTPS", async ({ request }) => {
    const res = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers()["strict-transport-security"]).toBe("max-age=63072000");
    expect(directives(res.headers()["content-security-policy"]).has("upgrade-insecure-requests")).toBe(true);
    expect((await request.get("/login")).headers()["strict-transport-security"]).toBeUndefined();
  });
});

test.describe("no page violates its own Content-Security-Policy", () => {
  // Each walks through many pages, the reading among them (about 800 KB of HTML).
  test.describe.configure({ timeout: 180_000 });

  test("public pages: home, sign-in, sign-up, the reading and a paragraph link, a 404", async ({ page }) => {
    const violations = await watchCsp(page);
    await visit(page, violations, "/");
    await visit(page, violations, "/login");
    await visit(page, violations, "/signup");
    await visit(page, violations, READING, async () => {
      // The notes panel is client-side: a note opening shows the scripts run under this policy.
      await page.locator('article [data-note="polish-crisis"]').first().click();
      await expect(page.getByRole("complementary", { name: "Notes beside the text" }).getByRole("button", { name: /Close/ })).toBeVisible();
    });
    await visit(page, violations, `${READING}/p/p-12`);
    await visit(page, violations, "/no-such-page");
  });

  test("an instructor's pages: dashboard, class page, gradebook, analysis, quiz builder, preview, question bank, import", async ({ page }) => {
    const violations = await watchCsp(page);
    await signIn(page, demo.instructor);
    expect(await violations()).toEqual([]);
    await visit(page, violations, "/dashboard");
    await page.getByRole("link", { name: "History 11B: The Cold War" }).click();
    await expect(page).toHaveURL(/\/classes\/[^/]+$/);
    const classUrl = new URL(page.url()).pathname;
    await visit(page, violations, classUrl, async () => {
      await expect(page.getByText("DETENTE8").first()).toBeVisible();
    });
    await visit(page, violations, `${classUrl}/gradebook`);
    await page.getByRole("link", { name: "Question analysis" }).first().click();
    await expect(page).toHaveURL(/\/analysis$/);
    await visit(page, violations, new URL(page.url()).pathname);
    await visit(page, violations, "/quizzes");
    await page.getByRole("link", { name: "The Mielke–Andropov talks, 11 July 1981" }).first().click();
    await expect(page).toHaveURL(/\/quizzes\/[^/]+$/);
    const quizUrl = new URL(page.url()).pathname;
    await visit(page, violations, quizUrl);
    await visit(page, violations, `${quizUrl}/preview`);
    await visit(page, violations, `${quizUrl}/questions/new`);
    await visit(page, violations, "/questions");
    await visit(page, violations, "/quizzes/import");
  });

  test("a student's pages: joining, the dashboard, the assigned reading with progress saving, the quiz player", async ({ page }) => {
    const violations = await watchCsp(page);
    await visit(page, violations, "/signup", async () => {
      await page.getByLabel("Your name").fill("Csp Student");
      await page.getByLabel("Email").fill(uniqueEmail("csp"));
      await page.getByLabel("Password").fill("solidarnosc in gdansk 1980");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByTestId("signed-in-as")).toBeVisible();
    });
    await visit(page, violations, "/join?code=DETENTE8", async () => {
      await page.getByRole("button", { name: "Join class" }).click();
      await expect(page.getByText(/You have joined History 11B/)).toBeVisible();
    });
    await visit(page, violations, "/dashboard");
    await page.getByRole("link", { name: "Stasi Note on Meeting Between Minister Mielke and KGB Chairman Andropov" }).first().click();
    await expect(page).toHaveURL(/\/assignments\//);
    await visit(page, violations, new URL(page.url()).pathname, async () => {
      // Progress is sent with fetch (connect-src 'self') when a part is finished.
      const saved = page.waitForResponse((r) => r.url().endsWith("/progress") && r.status() === 200);
      await page.locator("[data-section-end='mielke-closing']").evaluate((el) => el.scrollIntoView({ block: "center" }));
      await expect(page.locator("#s-mielke-closing").getByText("You have read this part.")).toBeVisible();
      await saved;
    });
    await visit(page, violations, "/dashboard");
    await page.getByTestId("my-quizzes").getByRole("link", { name: /^Start quiz/ }).first().click();
    await page.getByTestId("start-quiz").click();
    await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
    await visit(page, violations, new URL(page.url()).pathname, async () => {
      await page.getByTestId("question-q2").getByLabel(/The US defence budget request/).check();
      await expect(page.getByTestId("save-status")).toHaveText("All answers saved");
    });
  });
});
