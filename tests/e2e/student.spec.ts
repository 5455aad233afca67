import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn, uniqueEmail } from "./fixtures";

test.describe("a student", () => {
  test("reads the assignment with its notes, marks a part read, and finds progress kept after a reload", async ({ page }) => {
    await signIn(page, demo.students[3]!); // Eva: one part read in the demo data
    await expect(page.getByRole("heading", { name: "Your assignments" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Continue reading" }).click();
    await expect(page).toHaveURL(/\/assignments\//);
    await expect(page.getByTestId("progress-percent")).toHaveText("11% read");

    const panel = page.getByRole("complementary", { name: "Notes beside the text" });
    for (const slug of ["polish-crisis", "afghanistan", "detente", "madrid-csce"]) {
      await page.locator(`article [data-note="${slug}"]`).first().click();
      await expect(panel.getByRole("button", { name: /Close/ })).toBeVisible();
      await expect(panel).toContainText("Sources");
      await page.keyboard.press("Escape");
    }
    await page.locator('article a.term-link[data-note="andropov"]').first().click();
    await expect(panel.getByRole("heading", { level: 2 })).toContainText("Andropov");
    await page.keyboard.press("Escape");

    // Staying in a part for its reading time marks it read (the e2e server shortens that time)…
    const closing = page.locator("#s-mielke-closing");
    const toc = page.getByRole("navigation", { name: "Contents" }).locator("li", { hasText: "Mielke on the working class" });
    await expect(toc).toContainText("Not read yet:");
    const confirmed = page.waitForResponse(async (r) => r.url().endsWith("/progress") && r.ok() && ((await r.json()) as { summary: { readSections: string[] } }).summary.readSections.includes("mielke-closing"));
    await page.locator("[data-section-end='mielke-closing']").evaluate((el) => el.scrollIntoView({ block: "center" }));
    await expect(closing.getByText("You have read this part.")).toBeVisible({ timeout: 20_000 });
    await expect(toc).not.toContainText("Not read");
    await confirmed;
    // …and the explicit control undoes and redoes it.
    await closing.getByRole("button", { name: /as not read$/ }).click();
    await expect(closing.getByText("Finished this part?")).toBeVisible();
    await expect(toc).toContainText("Not read yet:");
    await closing.getByRole("button", { name: /^Mark .* as read$/ }).click();
    await expect(closing.getByText("You have read this part.")).toBeVisible();
    await expect(toc).not.toContainText("Not read");

    await page.reload();
    await expect(page.locator("#s-mielke-closing").getByText("You have read this part.")).toBeVisible();
    await expect(page.getByTestId("progress-percent")).not.toHaveText("11% read");
    await expectNoAxeViolations(page);

    await page.goto("/dashboard");
    await expect(page.getByRole("progressbar").first()).not.toHaveAttribute("aria-valuenow", "11");
  });

  test("scrolling back past parts marks none of them read; staying in a part does", async ({ page }) => {
    // A new student, nothing read yet.
    await page.goto("/signup");
    await page.getByLabel("Your name").fill("Marta Lis");
    await page.getByLabel("Email").fill(uniqueEmail("marta"));
    await page.getByLabel("Password").fill("gdansk shipyard august 1980");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    await page.goto("/join?code=DETENTE8");
    await page.getByRole("button", { name: "Join class" }).click();
    await expect(page.getByText("You have joined History 11B")).toBeVisible();
    await page.goto("/dashboard");
    await page.getByRole("link", { name: "Start reading" }).click();
    await expect(page.getByTestId("progress-percent")).toHaveText("0% read");

    const toc = page.getByRole("navigation", { name: "Contents" });
    const part = (n: number) => toc.locator("li").nth(n - 1);
    const nextFrame = () => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    const report = () => {
      const sent = page.waitForResponse((r) => r.url().endsWith("/progress") && r.request().method() === "POST" && r.ok());
      return page.evaluate(() => window.dispatchEvent(new Event("online"))).then(() => sent);
    };

    // The trial: from the end of Part 7 back up to Part 4, quickly, then to the top.
    await page.locator("[data-section-end='poland-crisis']").evaluate((el) => el.scrollIntoView({ block: "end" }));
    await nextFrame();
    for (const slug of ["poland-crisis", "poland-history", "western-europe", "international"]) {
      await page.locator(`#s-${slug}`).evaluate((el) => el.scrollIntoView({ block: "start" }));
      await nextFrame();
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await nextFrame();
    await report();
    await expect(toc).not.toContainText("Read:");
    await page.reload();
    await expect(page.getByTestId("progress-percent")).toHaveText("0% read");
    await expect(toc).not.toContainText("Read:");

    // Staying in Part 4 (the e2e server shortens the time a part needs) marks it read, and only it.
    await page.locator("#s-international").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await expect(part(4)).toContainText("Read:", { timeout: 30_000 });
    await report();
    await page.reload();
    await expect(part(4)).toContainText("Read:");
    for (const n of [3, 5, 6, 7]) await expect(part(n)).toContainText("Not read yet:");
    await expect(page.getByTestId("progress-percent")).toHaveText("11% read");
  });

  test("resumes where they stopped", async ({ page }) => {
    await signIn(page, demo.students[0]!);
    await page.getByRole("link", { name: "Continue reading" }).click();
    // Leaving sends the last position (a beacon, also on in-app navigation). A beacon may land a
    // moment after the next page shows, so reopening is retried until it resumes there (no fixed wait).
    await page.locator("#p-96").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.getByRole("link", { name: /History 11B/ }).click();
    await expect(page.getByRole("heading", { name: "Assigned readings" })).toBeVisible();
    await expect(async () => {
      await page.goto("/dashboard");
      await page.getByRole("link", { name: "Continue reading" }).click();
      await expect(page.getByText("Resumed where you stopped.")).toBeVisible({ timeout: 5_000 });
      const box = await page.locator("#p-96").boundingBox();
      expect(box!.y).toBeGreaterThan(-300);
      expect(box!.y).toBeLessThan(900);
    }).toPass({ timeout: 30_000 });
  });

  test("keeps progress on the device while offline and sends it when back online", async ({ page, context }) => {
    await signIn(page, demo.students[2]!); // Dawit: nothing read yet
    // The page's opening report starts the server's clock for the time spent reading.
    const opened = page.waitForResponse((r) => r.url().endsWith("/progress") && r.ok());
    await page.getByRole("link", { name: "Start reading" }).click();
    await expect(page.getByTestId("save-state")).toBeVisible();
    await opened;
    await context.setOffline(true);
    await page.locator("[data-section-end='participants']").evaluate((el) => el.scrollIntoView({ block: "center" }));
    await expect(page.getByRole("navigation", { name: "Contents" }).locator("li").first()).toContainText("Read:", { timeout: 20_000 });
    // Force the periodic report now rather than waiting 20 s.
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect(page.getByTestId("save-state")).toContainText("Offline");
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect(page.getByTestId("save-state")).toHaveText("Progress saved");
    await page.reload();
    await expect(page.getByRole("navigation", { name: "Contents" }).locator("li").first()).toContainText("Read:");
  });

  test("signs up, is told about weak passwords and taken emails, and joins a class by code", async ({ page }) => {
    const email = uniqueEmail("new-student");
    await page.goto("/signup");
    await page.getByLabel("Your name").fill("Nadia Kowalczyk");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("password-error")).toContainText("at least 10");
    // What was typed is kept.
    await expect(page.getByLabel("Your name")).toHaveValue("Nadia Kowalczyk");
    await expect(page.getByLabel("Email")).toHaveValue(email);

    await page.getByLabel("Password").fill("Password12");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("password-error")).toContainText("on lists of leaked passwords");
    await expect(page.getByTestId("password-error")).toContainText("unrelated words");

    await page.getByLabel("Password").fill("abcabcabcabc");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("password-error")).toContainText("easy to guess");

    await page.getByLabel("Email").fill(demo.students[0]!);
    await page.getByLabel("Password").fill("a long enough passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("email-error")).toContainText("already exists");

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a long enough passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText("Nadia Kowalczyk");
    await expect(page.getByText("No assignments yet")).toBeVisible();

    await page.getByRole("link", { name: "Join a class" }).click();
    await page.getByLabel("Join code").fill("WRQNGCD2");
    await page.getByRole("button", { name: "Join class" }).click();
    await expect(page.getByTestId("code-error")).toContainText("No class has that join code");
    await expect(page.getByLabel("Join code")).toHaveValue("WRQNGCD2");
    await page.getByLabel("Join code").fill("abc");
    await page.getByRole("button", { name: "Join class" }).click();
    await expect(page.getByTestId("code-error")).toContainText("8 letters");
    await expectNoAxeViolations(page);

    await page.getByLabel("Join code").fill("detente-8");
    await page.getByRole("button", { name: "Join class" }).click();
    await expect(page.getByText("You have joined History 11B")).toBeVisible();
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: "Start reading" })).toBeVisible();
  });

  test("gets no hint whether an email exists when the password is wrong", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(demo.students[0]!);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const known = await page.getByTestId("form-message").textContent();
    await expect(page.getByLabel("Email")).toHaveValue(demo.students[0]!);
    await page.getByLabel("Email").fill("nobody-here@dossier.test");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-message")).toHaveText(known!);
    expect(known).toBe("Email or password is incorrect.");
    await expectNoAxeViolations(page);
  });

  test("can't open instructor pages or another class", async ({ page, browser }) => {
    // An instructor's class the student is not in.
    const teacher = await browser.newPage();
    await signIn(teacher, demo.instructor);
    await teacher.getByLabel("Class name").fill("Another period");
    await teacher.getByRole("button", { name: "Create class" }).click();
    await expect(teacher).toHaveURL(/\/classes\//);
    const otherClass = new URL(teacher.url()).pathname;
    await teacher.close();

    await signIn(page, demo.students[0]!);
    const res = await page.goto(otherClass);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page isn’t open to you");
    const missing = await page.goto("/classes/does-not-exist");
    expect(missing?.status()).toBe(404);
    // Their own class page shows assignments, not the roster or join code.
    await page.goto("/dashboard");
    await page.getByRole("link", { name: "History 11B: The Cold War" }).click();
    await expect(page.getByRole("heading", { name: "Assigned readings" })).toBeVisible();
    await expect(page.getByTestId("join-code")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: /Roster/ })).toHaveCount(0);
  });
});
