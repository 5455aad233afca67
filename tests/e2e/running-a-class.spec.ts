// Running a class, as found in the trial with a teacher and two students: copying the join code
// and link, following a join link, renaming, archiving and restoring, removing a student,
// one-time password links, and roster import with links shown once. Hostile cases at the end.
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn, uniqueEmail } from "./fixtures";

const STUDENT_PASSWORD = "a quiet room in Leipzig 1989";

// Each test here is a journey of two or three people (sign-ups hash passwords with argon2), so
// they get more than the suite's 60 s on a small shared machine.
test.describe.configure({ timeout: 180_000 });

async function newClass(page: Page, name: string): Promise<{ url: string; code: string }> {
  await page.goto("/dashboard");
  await page.getByLabel("Class name").fill(name);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  return { url: new URL(page.url()).pathname, code: (await page.getByTestId("join-code").textContent())!.trim() };
}

async function signUpStudent(browser: Browser, name: string, start = "/signup"): Promise<{ page: Page; email: string }> {
  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail(name.split(" ")[0]!.toLowerCase());
  await page.goto(start);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(STUDENT_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  return { page, email };
}

test.describe("join code and join link", () => {
  test("copy with one click (announced); a signed-out student follows the link, signs up, confirms and joins", async ({ page, context, browser, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
    await signIn(page, demo.instructor);
    const { url, code } = await newClass(page, "Copy and join");

    await page.getByRole("button", { name: "Copy code" }).click();
    await expect(page.getByTestId("copy-status").first()).toHaveText(/Copied the join code/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

    const link = `${baseURL}/join/${code}`;
    await expect(page.getByLabel("Join link")).toHaveValue(link);
    await page.getByRole("button", { name: "Copy the join link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copied the join link" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expectNoAxeViolations(page);

    // A new student, signed out, opens the link: which class, and sign up or sign in first.
    const student = await (await browser.newContext()).newPage();
    await student.goto(`/join/${code}`);
    await expect(student.getByRole("heading", { level: 1 })).toHaveText("Join Copy and join");
    await expectNoAxeViolations(student);
    await student.getByRole("link", { name: "Create an account" }).click();
    await student.getByLabel("Your name").fill("Jan Wiśniewski");
    await student.getByLabel("Email").fill(uniqueEmail("jan"));
    await student.getByLabel("Password").fill(STUDENT_PASSWORD);
    await student.getByRole("button", { name: "Create account" }).click();
    // Back on the join link, which asks before joining.
    await expect(student).toHaveURL(new RegExp(`/join/${code}$`));
    await expectNoAxeViolations(student);
    await student.getByRole("button", { name: "Join Copy and join" }).click();
    await expect(student.getByText("You have joined Copy and join")).toBeVisible();
    await student.goto(`/join/${code}`);
    await expect(student.getByText("You are already in this class.")).toBeVisible();
    await student.context().close();

    await page.goto(url);
    await expect(page.getByRole("heading", { name: "Roster (1)" })).toBeVisible();
  });

  test("a signed-in student who opens a join link also confirms first; an unknown code says so", async ({ page, browser }) => {
    await signIn(page, demo.instructor);
    const { code } = await newClass(page, "Confirm first");
    const { page: student } = await signUpStudent(browser, "Marta Kowalska");
    await student.goto(`/join/${code.toLowerCase()}`);
    await expect(student.getByText("Join this class as Marta Kowalska?")).toBeVisible();
    await student.goto("/dashboard");
    await expect(student.getByRole("link", { name: "Confirm first" })).toHaveCount(0);
    await student.goto("/join/ZZZZ2222");
    await expect(student.getByRole("heading", { level: 1 })).toHaveText("This join link doesn’t work");
    await student.context().close();
  });

  test("without a clipboard (plain http) the button selects the link for copying by hand", async ({ browser }) => {
    const context = await browser.newContext();
    await context.addInitScript(() => Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true }));
    const page = await context.newPage();
    await signIn(page, demo.instructor);
    await newClass(page, "No clipboard");
    await page.getByRole("button", { name: "Copy the join link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "press Ctrl+C" })).toBeVisible();
    const input = page.getByLabel("Join link");
    await expect(input).toBeFocused();
    const selected = await input.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0));
    expect(selected).toMatch(/\/join\/[A-Z2-9]{8}$/);
    await page.getByRole("button", { name: "Copy code" }).click();
    await expect(page.getByTestId("copy-fallback")).toHaveText(/^[A-Z2-9]{8}$/);
    await context.close();
  });
});

test.describe("rename, archive, restore", () => {
  test("renames (validated), archives (read-only, off the dashboard, under Archived classes) and restores", async ({ page, browser }) => {
    await signIn(page, demo.instructor);
    const { url, code } = await newClass(page, "Term one");
    const settings = page.getByRole("region", { name: "Class settings" });
    await settings.getByLabel("Class name").fill("   ");
    await settings.getByRole("button", { name: "Rename class" }).click();
    await expect(page.getByTestId("name-error")).toContainText("Give the class a name");
    await settings.getByLabel("Class name").fill("Term one: Détente");
    await settings.getByRole("button", { name: "Rename class" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Term one: Détente");

    await settings.getByRole("button", { name: "Archive class" }).click();
    await expect(page.getByTestId("archived-banner")).toContainText("read-only");
    await expect(page.getByTestId("join-code")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Assign reading" })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: "Term one: Détente" })).toHaveCount(0);
    await page.getByRole("link", { name: /Archived classes/ }).click();
    await expect(page.getByRole("link", { name: "Term one: Détente" })).toBeVisible();
    await expectNoAxeViolations(page);

    // No new joins while archived.
    const { page: student } = await signUpStudent(browser, "Ola Nowicka");
    await student.goto(`/join/${code}`);
    await expect(student.getByText("archived and takes no new students")).toBeVisible();
    await student.goto("/join");
    await student.getByLabel("Join code").fill(code);
    await student.getByRole("button", { name: "Join class" }).click();
    await expect(student.getByTestId("form-message")).toContainText("archived");

    await page.getByRole("link", { name: "Term one: Détente" }).click();
    await page.getByTestId("archived-banner").getByRole("button", { name: "Restore class" }).click();
    await expect(page.getByTestId("archived-banner")).toHaveCount(0);
    await expect(page.getByTestId("join-code")).toHaveText(code);
    await student.goto(`/join/${code}`);
    await student.getByRole("button", { name: "Join Term one: Détente" }).click();
    await expect(student.getByText("You have joined")).toBeVisible();
    await student.context().close();
    expect(new URL(page.url()).pathname).toBe(url);
  });
});

test.describe("removing a student", () => {
  test("asks first in a dialog; the student loses the class but not their work; rejoining restores them", async ({ page, browser }) => {
    await signIn(page, demo.instructor);
    const { url, code } = await newClass(page, "Remove one");
    const { page: student } = await signUpStudent(browser, "Piotr Zieliński");
    await student.goto(`/join/${code}`);
    await student.getByRole("button", { name: "Join Remove one" }).click();
    await expect(student.getByText("You have joined")).toBeVisible();

    await page.goto(url);
    const removeButton = page.getByRole("button", { name: "Remove Piotr Zieliński" });
    await removeButton.click();
    const dialog = page.getByRole("dialog", { name: "Remove Piotr Zieliński from Remove one?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("quiz attempts are kept");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(removeButton).toBeFocused();
    await expect(page.getByRole("heading", { name: "Roster (1)" })).toBeVisible();

    await removeButton.click();
    await dialog.getByRole("button", { name: "Remove Piotr Zieliński" }).click();
    await expect(page.getByText("Piotr Zieliński is no longer in this class")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Roster (0)" })).toBeVisible();
    await expect(dialog).toBeHidden();

    await student.goto("/dashboard");
    await expect(student.getByRole("link", { name: "Remove one" })).toHaveCount(0);
    expect((await student.goto(url))?.status()).toBe(403);

    await student.goto(`/join/${code}`);
    await student.getByRole("button", { name: "Join Remove one" }).click();
    await expect(student.getByText("You have joined")).toBeVisible();
    await student.context().close();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Roster (1)" })).toBeVisible();
  });
});

test.describe("one-time links", () => {
  test("a forgotten password: the instructor makes a link; it sets a new password once; a newer link replaces it", async ({ page, browser }) => {
    await signIn(page, demo.instructor);
    const { url, code } = await newClass(page, "Forgot password");
    const { page: student, email } = await signUpStudent(browser, "Zofia Lis");
    await student.goto(`/join/${code}`);
    await student.getByRole("button", { name: "Join Forgot password" }).click();
    await expect(student.getByText("You have joined")).toBeVisible();
    await student.context().close();

    await page.goto(url);
    await page.getByRole("button", { name: "Password link for Zofia Lis" }).click();
    const first = await page.getByLabel("One-time password link for Zofia Lis").inputValue();
    expect(first).toMatch(/\/link\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByTestId("reset-link")).toContainText("shown only now");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Password link for Zofia Lis" }).click();
    await expect(page.getByLabel("One-time password link for Zofia Lis")).not.toHaveValue(first);
    const link = await page.getByLabel("One-time password link for Zofia Lis").inputValue();

    // The replaced link says so, with 410.
    const replaced = await page.request.get(first, { maxRedirects: 0 });
    expect(replaced.status()).toBe(410);
    expect(await replaced.text()).toContain("This link has been replaced");

    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto(link);
    await expect(fresh).toHaveURL(/\/set-password$/); // the token has left the address bar
    await expect(fresh.getByRole("heading", { level: 1 })).toHaveText("Set a new password");
    await expect(fresh.getByLabel("Your e-mail (you sign in with it)")).toHaveValue(email);
    await expectNoAxeViolations(fresh);
    await fresh.getByLabel("New password").fill("password123");
    await fresh.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(fresh.getByTestId("password-error")).toContainText("lists of leaked passwords");
    await fresh.getByLabel("New password").fill("a new leaf in Gdańsk 1980");
    await fresh.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(fresh.getByText("Your password is set and you are signed in")).toBeVisible();
    await expect(fresh.getByTestId("signed-in-as")).toContainText("Zofia Lis");

    // Used twice: a clear page, 410, not a 500.
    await fresh.goto(link);
    await expect(fresh.getByRole("heading", { level: 1 })).toHaveText("This link has been used");
    const again = await fresh.request.get(link, { maxRedirects: 0 });
    expect(again.status()).toBe(410);
    await fresh.context().close();

    // The old password no longer works; the new one does.
    const check = await (await browser.newContext()).newPage();
    await check.goto("/login");
    await check.getByLabel("Email").fill(email);
    await check.getByLabel("Password").fill(STUDENT_PASSWORD);
    await check.getByRole("button", { name: "Sign in" }).click();
    await expect(check.getByTestId("form-message")).toContainText("incorrect");
    await signIn(check, email, "a new leaf in Gdańsk 1980");
    await check.context().close();
  });

  test("a link that isn't one is a 404 page, not an error", async ({ request }) => {
    const bad = await request.get("/link/not-a-token", { maxRedirects: 0 });
    expect(bad.status()).toBe(404);
    expect(await bad.text()).toContain("This link isn’t valid");
    const unknown = await request.get(`/link/${"A".repeat(43)}`, { maxRedirects: 0 });
    expect(unknown.status()).toBe(404);
  });
});

test.describe("roster import", () => {
  test("previews per line, imports, shows each link once with a defused CSV; a student signs in with theirs", async ({ page, browser }) => {
    await signIn(page, demo.instructor);
    const { url } = await newClass(page, "Imported 12C");
    await page.getByRole("link", { name: "Import a roster (CSV)" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import a roster");
    await expectNoAxeViolations(page);

    const tag = Date.now().toString(36);
    const csv = [
      "name,email",
      `"Nowak, Eva",eva.${tag}@school.test`,
      `=HYPERLINK("http://evil.test"),formula.${tag}@school.test`,
      "Broken Line,not-an-email",
      `Eva again,EVA.${tag}@school.test`,
      `Teacher,${demo.instructor}`,
    ].join("\n");
    await page.getByLabel("Names and e-mails").fill(csv);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("heading", { name: /Preview: 2 students to import, 3 lines with problems/ })).toBeVisible();
    const problems = page.getByTestId("roster-problems");
    await expect(problems).toContainText("Line 4: “not-an-email” is not a valid e-mail address.");
    await expect(problems).toContainText(`Line 5: eva.${tag}@school.test is already on line 2.`);
    await expect(problems).toContainText("Line 6:");
    await expect(problems).toContainText("instructor");
    await expect(page.getByTestId("preview-table")).toContainText("Nowak, Eva");
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Import 2 students" }).click();
    await expect(page.getByTestId("links-once")).toContainText("shown only now");
    const evaLink = await page.getByLabel(`Nowak, Eva (eva.${tag}@school.test)`).inputValue();
    expect(evaLink).toMatch(/\/link\/[A-Za-z0-9_-]{43}$/);
    await expectNoAxeViolations(page);

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: /Download the links/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("imported-12c-sign-in-links.csv");
    const content = readFileSync((await download.path())!, "utf8");
    expect(content.startsWith("\uFEFFname,email,link\r\n")).toBe(true);
    expect(content).toContain(`"Nowak, Eva",eva.${tag}@school.test,${evaLink}`);
    expect(content).toContain(`"'=HYPERLINK(""http://evil.test"")",formula.${tag}@school.test,`);

    // Eva opens her link, sets a password and is in the class.
    const eva = await (await browser.newContext()).newPage();
    await eva.goto(evaLink);
    await expect(eva.getByRole("heading", { level: 1 })).toHaveText("Welcome, Nowak, Eva");
    await eva.getByLabel("New password").fill("the shipyard gates 1980");
    await eva.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(eva.getByTestId("signed-in-as")).toContainText("Nowak, Eva");
    await expect(eva.getByRole("link", { name: "Imported 12C" })).toBeVisible();
    await eva.context().close();

    // Leaving asks first (the links exist nowhere else); then the roster has both.
    page.once("dialog", (d) => void d.accept());
    await page.goto(url);
    await expect(page.getByRole("heading", { name: "Roster (2)" })).toBeVisible();
  });

  test("a 10 MB file is refused in the browser with a clear message, and by the server with 413", async ({ page }) => {
    await signIn(page, demo.instructor);
    const { url } = await newClass(page, "Big file");
    await page.goto(`${url}/roster/import`);
    await page.getByLabel("A .csv file").setInputFiles({ name: "everyone.csv", mimeType: "text/csv", buffer: Buffer.alloc(10 * 1024 * 1024, "a") });
    await expect(page.getByTestId("file-note")).toContainText("“everyone.csv” is 10.0 MB: too large for one import");
    await expect(page.getByLabel("Names and e-mails")).toHaveValue("");

    const classId = url.split("/").pop()!;
    const res = await page.request.post(`/api/classes/${classId}/roster?step=preview`, { headers: { "content-type": "text/csv" }, data: Buffer.alloc(10 * 1024 * 1024, "a") });
    expect(res.status()).toBe(413);
    expect((await res.json()).error.message).toContain("too large");
    const latin1 = await page.request.post(`/api/classes/${classId}/roster?step=preview`, { headers: { "content-type": "text/csv" }, data: Buffer.from("Zo\xeb,zoe@school.test\n", "latin1") });
    expect(latin1.status()).toBe(400);
    expect((await latin1.json()).error.message).toContain("UTF-8");
  });

  test("another instructor, a student and nobody get 403/403/401 from the import; a foreign Origin is refused", async ({ page, browser, request }) => {
    await signIn(page, demo.instructor);
    const { url } = await newClass(page, "Not yours");
    const classId = url.split("/").pop()!;
    const post = (p: Page) => p.request.post(`/api/classes/${classId}/roster?step=import`, { headers: { "content-type": "text/csv" }, data: "Mallory,mallory@evil.test\n" });

    const other = await (await browser.newContext()).newPage();
    await other.goto("/signup");
    await other.getByLabel("Your name").fill("Olga Other");
    await other.getByLabel("Email").fill(uniqueEmail("olga"));
    await other.getByLabel("Password").fill("a separate classroom 1983");
    await other.getByLabel("an instructor").check();
    await other.getByRole("button", { name: "Create account" }).click();
    await expect(other.getByTestId("signed-in-as")).toContainText("instructor");
    expect((await post(other)).status()).toBe(403);
    expect((await other.goto(`${url}/roster/import`))?.status()).toBe(403);
    await other.context().close();

    const { page: student } = await signUpStudent(browser, "Mallory Student");
    expect((await post(student)).status()).toBe(403);
    await student.context().close();

    expect((await request.post(`/api/classes/${classId}/roster?step=import`, { data: "x,y@z.test" })).status()).toBe(401);
    const crossSite = await page.request.post(`/api/classes/${classId}/roster?step=import`, {
      headers: { "content-type": "text/csv", origin: "https://evil.test" },
      data: "Mallory,mallory@evil.test\n",
    });
    expect(crossSite.status()).toBe(403);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Roster (0)" })).toBeVisible();
  });
});
