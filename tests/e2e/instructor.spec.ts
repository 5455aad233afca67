import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn, uniqueEmail } from "./fixtures";

test.describe("an instructor", () => {
  test("creates a class, a student joins it by code, and the instructor sees the student's progress", async ({ page, browser }) => {
    await signIn(page, demo.instructor);
    await expectNoAxeViolations(page);
    await page.getByLabel("Class name").fill("");
    await page.getByRole("button", { name: "Create class" }).click();
    await expect(page.getByTestId("name-error")).toContainText("Give the class a name");
    await page.getByLabel("Class name").fill("History 12A: Détente");
    await page.getByRole("button", { name: "Create class" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("History 12A: Détente");
    const code = (await page.getByTestId("join-code").textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);

    await page.getByLabel("Due date (optional)").fill("2030-01-15");
    await page.getByRole("button", { name: "Assign reading" }).click();
    await expect(page.getByText("The reading is assigned")).toBeVisible();
    await expect(page.getByText("due 15 Jan 2030")).toBeVisible();
    await expectNoAxeViolations(page);

    // A new student signs up and joins with the code.
    const student = await browser.newPage();
    await student.goto("/signup");
    await student.getByLabel("Your name").fill("Jan Wiśniewski");
    await student.getByLabel("Email").fill(uniqueEmail("jan"));
    await student.getByLabel("Password").fill("solidarnosc in gdansk 1980");
    await student.getByRole("button", { name: "Create account" }).click();
    await expect(student.getByTestId("signed-in-as")).toBeVisible();
    await student.goto(`/join?code=${code}`);
    await student.getByRole("button", { name: "Join class" }).click();
    await expect(student.getByText("You have joined History 12A")).toBeVisible();
    await student.getByRole("link", { name: "Stasi Note on Meeting Between Minister Mielke and KGB Chairman Andropov" }).click();
    await expect(student.getByTestId("save-state")).toBeVisible();
    const saved = student.waitForResponse(async (r) => r.url().endsWith("/progress") && r.ok() && ((await r.json()) as { summary: { readSections: string[] } }).summary.readSections.includes("mielke-closing"));
    // Staying in the part for its reading time (shortened on the e2e server) marks it read.
    await student.locator("[data-section-end='mielke-closing']").evaluate((el) => el.scrollIntoView({ block: "center" }));
    await expect(student.locator("#s-mielke-closing").getByText("You have read this part.")).toBeVisible({ timeout: 20_000 });
    await saved; // a finished part is reported at once, and the server agrees
    await student.close();

    const row = page.getByTestId("progress-table").locator("tr", { hasText: "Jan Wiśniewski" });
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText("11%", { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByRole("heading", { name: "Roster (1)" })).toBeVisible();
  });

  test("sees times in their own time zone, students in theirs; a due date ends the day in the class's zone", async ({ browser }) => {
    const teacherContext = await browser.newContext({ timezoneId: "Europe/Warsaw" });
    const teacher = await teacherContext.newPage();
    await signIn(teacher, demo.instructor);
    await teacher.getByLabel("Class name").fill("History 10C: Warsaw");
    // The class takes the instructor's zone unless they choose another.
    await expect(teacher.getByLabel("Time zone")).toHaveValue("Europe/Warsaw");
    await teacher.getByRole("button", { name: "Create class" }).click();
    await expect(teacher.getByRole("heading", { level: 1 })).toHaveText("History 10C: Warsaw");
    await teacher.getByLabel("Due date (optional)").fill("2030-06-15");
    await teacher.getByRole("button", { name: "Assign reading" }).click();
    await expect(teacher.getByText("The reading is assigned")).toBeVisible();
    await expect(teacher.getByText("due 15 Jun 2030, 23:59 Warsaw time")).toBeVisible();
    await expectNoAxeViolations(teacher);
    const code = (await teacher.getByTestId("join-code").textContent())!.trim();
    await teacherContext.close();

    const studentContext = await browser.newContext({ timezoneId: "America/New_York" });
    const student = await studentContext.newPage();
    await student.goto("/signup");
    await student.getByLabel("Your name").fill("Sam Carter");
    await student.getByLabel("Email").fill(uniqueEmail("sam"));
    await student.getByLabel("Password").fill("a walk in the woods 1982");
    await student.getByRole("button", { name: "Create account" }).click();
    await expect(student.getByTestId("signed-in-as")).toBeVisible();
    await student.goto(`/join?code=${code}`);
    await student.getByRole("button", { name: "Join class" }).click();
    await expect(student.getByText("You have joined History 10C")).toBeVisible();
    // The same instant, in New York: six hours earlier.
    await expect(student.getByText("due 15 Jun 2030, 17:59 New York time")).toBeVisible();
    await student.goto("/dashboard");
    await expect(student.getByText("due 15 Jun 2030, 17:59 New York time")).toBeVisible();
    await expect(student.getByText("UTC")).toHaveCount(0);
    await studentContext.close();
  });

  test("sees the demo class's roster and progress table", async ({ page }) => {
    await signIn(page, demo.instructor);
    await page.getByRole("link", { name: "History 11B: The Cold War" }).click();
    const table = page.getByTestId("progress-table");
    await expect(table.locator("tr", { hasText: "Chloé Dubois" })).toContainText("100%");
    await expect(table.locator("tr", { hasText: "Dawit Bekele" })).toContainText("not started");
    await expect(table.locator("tr", { hasText: "Ben Ortiz" })).toContainText("33%");
    await expect(page.getByTestId("join-code")).toHaveText("DETENTE8");
    // Opening the assignment is a preview: nothing is recorded for the instructor.
    await page.getByRole("link", { name: "Stasi Note on Meeting Between Minister Mielke and KGB Chairman Andropov" }).click();
    await expect(page.getByText("previewing this assignment")).toBeVisible();
  });

  test("can't open another instructor's class, or join a class", async ({ page, browser }) => {
    const other = await browser.newPage();
    const email = uniqueEmail("other-teacher");
    await other.goto("/signup");
    await other.getByLabel("Your name").fill("Olga Other");
    await other.getByLabel("Email").fill(email);
    await other.getByLabel("Password").fill("a separate classroom 1983");
    await other.getByLabel("an instructor").check();
    await other.getByRole("button", { name: "Create account" }).click();
    await expect(other.getByTestId("signed-in-as")).toContainText("instructor");
    await other.getByLabel("Class name").fill("Olga's class");
    await other.getByRole("button", { name: "Create class" }).click();
    await expect(other).toHaveURL(/\/classes\//);
    const olgasClass = new URL(other.url()).pathname;
    await other.goto("/join");
    await expect(other.getByText("Join codes are for students")).toBeVisible();
    await other.close();

    await signIn(page, demo.instructor);
    const res = await page.goto(olgasClass);
    expect(res?.status()).toBe(403);
  });
});

test.describe("signed out", () => {
  test("protected pages send you to sign in and back", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard/);
    await expect(page.getByTestId("form-message")).toHaveText("Please sign in to continue.");
    await page.getByLabel("Email").fill(demo.instructor);
    await page.getByLabel("Password").fill(demo.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  });

  test("an expired session says so, and the progress API answers 401", async ({ page, context, request }) => {
    await context.addCookies([{ name: "authjs.session-token", value: "expired-or-forged", domain: "localhost", path: "/" }]);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/reason=expired/);
    await expect(page.getByTestId("form-message")).toContainText("Your session has expired");
    const api = await request.post("/api/assignments/anything/progress", { data: { active: true } });
    expect(api.status()).toBe(401);
    const body = await api.json();
    expect(body.error.message).toContain("sign in");
  });

  test("the progress API rejects bad input with a clear message", async ({ page }) => {
    await signIn(page, demo.students[1]!);
    await page.getByRole("link", { name: "Read again" }).click();
    await expect(page).toHaveURL(/\/assignments\//);
    const id = new URL(page.url()).pathname.split("/").pop()!;
    const post = (data: unknown) => page.request.post(`/api/assignments/${id}/progress`, { data: data as object });
    expect((await post({ anchor: "p-99999" })).status()).toBe(400);
    expect((await post({ anchor: "<script>" })).status()).toBe(400);
    expect((await post({ sectionsRead: ["no-such-part"] })).status()).toBe(400);
    expect((await post({ unknownKey: 1 })).status()).toBe(400);
    const raw = await page.request.post(`/api/assignments/${id}/progress`, { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") });
    expect(raw.status()).toBe(400);
    expect((await raw.json()).error.message).toContain("not valid JSON");
    expect((await page.request.post(`/api/assignments/nope/progress`, { data: { active: true } })).status()).toBe(404);
    // Only JSON, so another site's page cannot post a report without a CORS preflight.
    const plain = await page.request.post(`/api/assignments/${id}/progress`, { headers: { "content-type": "text/plain" }, data: '{"active":true}' });
    expect(plain.status()).toBe(415);
    expect((await plain.json()).error.message).toContain("as JSON");
    // The size is counted as the body arrives, whatever Content-Length says (or without one).
    const big = await page.request.post(`/api/assignments/${id}/progress`, { headers: { "content-type": "application/json" }, data: `{"anchor":"${"p".repeat(20_000)}"}` });
    expect(big.status()).toBe(413);
    // Chloé's completed progress is untouched by all of that.
    await page.reload();
    await expect(page.getByTestId("progress-percent")).toHaveText("100% read");
  });
});
