import { expect, request as playwrightRequest, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn, uniqueEmail } from "./fixtures";

const STRONG = "Warsaw pact tanks 1981";
const NEWER = "Gdansk shipyard strike 1980";

/** A browser context whose requests come from this address (the e2e server trusts one proxy hop). */
function contextFrom(browser: Browser, address: string, extra: Parameters<Browser["newContext"]>[0] = {}) {
  return browser.newContext({ ...extra, extraHTTPHeaders: { "x-forwarded-for": address } });
}

async function signUp(page: Page, name: string, email: string, role: "a student" | "an instructor" = "a student") {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(STRONG);
  await page.getByLabel(role).check();
  await page.getByRole("button", { name: "Create account" }).click();
  // The server's first sign-up loads the leaked-password list and zxcvbn's dictionaries (about a second).
  await expect(page.getByTestId("signed-in-as")).toContainText(name, { timeout: 30_000 });
}

/** Another browser holding a copy of this one's cookies, as someone who copied the session cookie. */
async function copyOf(browser: Browser, context: BrowserContext): Promise<Page> {
  const copy = await browser.newContext({ storageState: await context.storageState() });
  return copy.newPage();
}

async function expectSentToSignIn(page: Page) {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

// The first sign-in after the server starts loads Auth.js, Prisma's query compiler and argon2; on a
// busy machine that alone can take longer than an expectation's 10 s. One failed sign-in over HTTP
// (from an address no test uses, for an account that does not exist) loads them first.
test.beforeAll(async ({ baseURL }) => {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "192.0.2.254" } });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await api.post("/api/auth/callback/credentials", { form: { csrfToken, email: "warm-up@dossier.test", password: "warm-up" }, maxRedirects: 0 });
  await api.dispose();
});

test.describe("sessions", () => {
  test("signing out ends the session, even for a copied cookie", async ({ browser }) => {
    const first = await browser.newContext();
    const page = await first.newPage();
    await signIn(page, demo.students[2]!);
    const copy = await copyOf(browser, first);
    await copy.goto("/dashboard");
    await expect(copy.getByTestId("signed-in-as")).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    await expectSentToSignIn(copy);
    await first.close();
    await copy.context().close();
  });

  test("changing the password ends other sessions and copies of this one, and keeps this device signed in; the page is accessible", async ({ browser }) => {
    // Three sign-ins, four password checks (argon2 and zxcvbn) and two axe runs: a long journey.
    test.setTimeout(120_000);
    const email = uniqueEmail("changer");
    const here = await browser.newContext();
    const page = await here.newPage();
    await signUp(page, "Irena Nowicka", email);
    const stolenCopy = await copyOf(browser, here);
    const tabletContext = await browser.newContext();
    const tablet = await tabletContext.newPage();
    await signIn(tablet, email, STRONG);
    for (const p of [stolenCopy, tablet]) {
      await p.goto("/dashboard");
      await expect(p.getByTestId("signed-in-as")).toBeVisible();
    }

    await page.getByRole("link", { name: "Account" }).click();
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expectNoAxeViolations(page);

    // Keyboard only: label to field, field to field, Enter submits.
    await page.getByLabel("Current password").fill(STRONG);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("New password")).toBeFocused();
    await page.keyboard.type("Password12");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("newPassword-error")).toContainText("leaked passwords");
    await expect(page.getByLabel("New password")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);

    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password").fill(NEWER);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByTestId("currentPassword-error")).toHaveText("That is not your current password.");

    await page.getByLabel("Current password").fill(STRONG);
    await page.getByLabel("New password").fill(NEWER);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByTestId("form-message")).toHaveText("Your password has been changed. You were signed out on 1 other device.");
    await expect(page.getByLabel("New password")).toHaveValue("");

    await expectSentToSignIn(stolenCopy);
    await expectSentToSignIn(tablet);
    await page.goto("/dashboard");
    await expect(page.getByTestId("signed-in-as")).toContainText("Irena Nowicka");

    await signIn(tablet, email, NEWER);
    await Promise.all([here.close(), stolenCopy.context().close(), tabletContext.close()]);
  });

  test("'sign out everywhere' ends every session, this one included", async ({ browser }) => {
    const laptop = await browser.newContext();
    const tablet = await browser.newContext();
    const a = await laptop.newPage();
    const b = await tablet.newPage();
    await signIn(a, demo.students[1]!);
    await signIn(b, demo.students[1]!);
    await a.goto("/account");
    await expect(a.getByTestId("session-count")).toContainText(/signed in on \d+ devices/);
    await a.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(a).toHaveURL(/\/login\?reason=signed-out-everywhere/);
    await expect(a.getByTestId("form-message")).toHaveText("You are signed out on every device, this one included.");
    await expectSentToSignIn(a);
    await expectSentToSignIn(b);
    await Promise.all([laptop.close(), tablet.close()]);
  });
});

test.describe("rate limits", () => {
  test("brute force over HTTP gets 429 with Retry-After, while the teacher still signs in from their own device", async ({ browser, baseURL }) => {
    const email = uniqueEmail("teacher");
    // The teacher has signed in from this browser before (sign-up signs in), then signed out.
    const teacherContext = await contextFrom(browser, "203.0.113.10");
    const teacher = await teacherContext.newPage();
    await signUp(teacher, "Teresa Lange", email, "an instructor");
    await teacher.getByRole("button", { name: "Sign out" }).click();
    await expect(teacher.getByRole("link", { name: "Sign in" }).first()).toBeVisible();

    // The attacker posts straight to Auth.js's credentials callback from another address.
    const attacker = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.66" } });
    const attempt = async (password: string) => {
      const { csrfToken } = (await (await attacker.get("/api/auth/csrf")).json()) as { csrfToken: string };
      return attacker.post("/api/auth/callback/credentials", { form: { csrfToken, email, password }, maxRedirects: 0 });
    };
    for (let i = 0; i < 10; i++) {
      const res = await attempt(`guess number ${i}`);
      expect(res.status(), `guess ${i + 1}`).toBe(302);
      expect(res.headers().location).toContain("error=CredentialsSignin");
    }
    const refused = await attempt("guess number 11");
    expect(refused.status()).toBe(429);
    const retryAfter = Number(refused.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(13 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await refused.json()).toEqual({ error: { code: "rate_limited", message: "Too many attempts. Try again in 15 minutes." } });
    // The right password is refused too: the limit comes before the password check.
    expect((await attempt(STRONG)).status()).toBe(429);

    // Someone on a new device, even with the right password, is asked to wait, with the time.
    const strangerContext = await contextFrom(browser, "192.0.2.77");
    const stranger = await strangerContext.newPage();
    await stranger.goto("/login");
    await stranger.getByLabel("Email").fill(email);
    await stranger.getByLabel("Password").fill(STRONG);
    await stranger.getByRole("button", { name: "Sign in" }).click();
    await expect(stranger.getByTestId("form-message")).toHaveText(/^Too many attempts\. Try again in (14|15) minutes\.$/);
    await expectNoAxeViolations(stranger);

    // The teacher, on their own device and address, signs in as usual.
    await signIn(teacher, email, STRONG);
    await expect(teacher.getByTestId("signed-in-as")).toContainText("Teresa Lange");

    await attacker.dispose();
    await Promise.all([teacherContext.close(), strangerContext.close()]);
  });

  test("hostile sign-in input gets a plain answer, never a 500", async ({ baseURL }) => {
    const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.200" } });
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const forms: Record<string, string>[] = [
      { csrfToken, email: demo.students[0]!, password: "x".repeat(100_000) },
      { csrfToken, email: demo.students[0]!, password: "" },
      { csrfToken, email: "ünïcødé@dossier.test", password: "пароль-密码-🔑" },
      { csrfToken, email: "x".repeat(5000), password: "whatever" },
      { csrfToken },
    ];
    for (const form of forms) {
      const res = await api.post("/api/auth/callback/credentials", { form, maxRedirects: 0 });
      expect(res.status()).toBe(302);
      expect(res.headers().location).toContain("error=CredentialsSignin");
    }
    await api.dispose();
  });

  test("a long password at sign-up is refused with a message", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Your name").fill("Long Password");
    await page.getByLabel("Email").fill(uniqueEmail("long"));
    await page.getByLabel("Password").fill("Ab1-".repeat(2000));
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("password-error")).toHaveText("Use at most 200 characters.");
  });

  test("a student guessing join codes is told to wait after 10 wrong ones", async ({ browser }) => {
    const context = await contextFrom(browser, "203.0.113.44");
    const page = await context.newPage();
    await signUp(page, "Code Guesser", uniqueEmail("guesser"));
    await page.goto("/join");
    for (let i = 0; i < 10; i++) {
      await page.getByLabel("Join code").fill(`WRQNGC${"23456789ABCDEFGH"[i]}${"K"}`);
      await page.getByRole("button", { name: "Join class" }).click();
      await expect(page.getByTestId("code-error")).toContainText("No class has that join code");
    }
    await page.getByLabel("Join code").fill("DETENTE8");
    await page.getByRole("button", { name: "Join class" }).click();
    await expect(page.getByTestId("form-message")).toHaveText(/^Too many attempts\. Try again in (14|15) minutes\.$/);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
