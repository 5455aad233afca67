// A live class session in the room: the instructor's laptop, the projector, and three students in
// separate browser contexts (one on a phone, one losing Wi-Fi mid-question). Checks that every
// device follows the teacher, that an answer given offline is sent when the connection returns and
// the student sees it, that results reach the projector without names, and axe on every view
// (AAA contrast on the projector).
import AxeBuilder from "@axe-core/playwright";
import { devices, expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn } from "./fixtures";

const [ben, chloe, , eva] = demo.students as [string, string, string, string];

async function person(browser: Browser, email: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ timezoneId: "UTC", ...options });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

async function addMoment(control: Page, fill: () => Promise<void>) {
  await fill();
  await control.getByRole("button", { name: "Add and show" }).click();
  await expect(control.getByTestId("live-control-error")).toHaveCount(0);
}

test("an instructor leads a live session with a projector and three students", async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = await person(browser, demo.instructor);
  const control = teacher.page;

  // From the class page: start a live session on the assigned reading.
  await control.goto("/dashboard");
  await control.getByRole("link", { name: /History 11B/ }).first().click();
  await control.getByRole("button", { name: "Start a live session" }).first().click();
  await expect(control).toHaveURL(/\/live\/[^/]+\/control$/);
  const sessionId = control.url().split("/").at(-2)!;
  const code = (await control.getByTestId("live-code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);

  // The projector: a second URL, no account bar, the code and a QR code.
  const projectorContext = await browser.newContext({ timezoneId: "UTC", viewport: { width: 1920, height: 1080 } });
  const projector = await projectorContext.newPage();
  await signIn(projector, demo.instructor);
  await projector.goto(`/live/${sessionId}/projector`);
  await expect(projector.getByTestId("projector-code")).toHaveText(code);
  await expect(projector.locator("svg").first()).toBeVisible();
  await expect(projector.getByTestId("signed-in-as")).toHaveCount(0);
  await expect(projector.getByRole("banner")).toBeHidden();
  await expect(projector.getByRole("link", { name: /Dashboard|The reading/ })).toHaveCount(0);

  // Students: one tap from the dashboard; Chloe on a phone; Eva by the code, as from another device.
  const students = [await person(browser, ben), await person(browser, chloe, { ...devices["Pixel 7"] }), await person(browser, eva)];
  for (const s of students.slice(0, 2)) {
    await s.page.goto("/dashboard");
    await s.page.getByTestId("join-live").first().click();
    await expect(s.page.getByTestId("live-moment")).toContainText("Waiting for your teacher");
  }
  const evaPage = students[2]!.page;
  await evaPage.goto(`/live/join/${code.toLowerCase()}`);
  await expect(evaPage).toHaveURL(new RegExp(`/live/${sessionId}$`));

  // A student calling the instructor's controls: 403.
  const forged = await evaPage.request.post(`/api/live/${sessionId}/control`, { data: { action: "end" } });
  expect(forged.status()).toBe(403);

  // Focus a passage: every device scrolls to it and highlights it; the projector shows it large.
  await addMoment(control, async () => {
    await control.getByLabel("Kind").selectOption("focus");
    await control.getByLabel("Passage").selectOption("p-12");
    await control.getByLabel("What to look for (optional)").fill("Who is speaking here?");
  });
  for (const s of students) {
    await expect(s.page.getByTestId("live-moment")).toHaveAttribute("data-kind", "focus");
    await expect(s.page.locator("#live-p-12")).toHaveAttribute("data-focused", "true");
    await expect(s.page.locator("#live-p-12")).toBeInViewport();
  }
  await expect(projector.getByTestId("projector-passage")).toBeVisible();
  await expect(projector.getByText("Who is speaking here?")).toBeVisible();

  // Ask a bank question; Eva loses Wi-Fi before answering.
  await addMoment(control, async () => {
    await control.getByLabel("Kind").selectOption("ask");
    await control.getByLabel("Bank question").selectOption({ label: "What was the “220 billion dollars”? (multiple-choice)" });
  });
  for (const s of students) await expect(s.page.getByTestId("live-moment")).toHaveAttribute("data-kind", "ask");
  await expectNoAxeViolations(students[0]!.page);
  await expectNoAxeViolations(students[1]!.page);

  // Bad answers over HTTP: not this question's options (400), not an answer at all (400).
  const askId = (await students[0]!.page.getByTestId("live-moment").getAttribute("data-moment-id"))!;
  const answerUrl = `/api/live/${sessionId}/moments/${askId}/response`;
  expect((await evaPage.request.put(answerUrl, { data: { response: { optionId: "a" } } })).status()).toBe(400);
  expect((await evaPage.request.put(answerUrl, { data: { nothing: true } })).status()).toBe(400);

  await students[0]!.page.getByLabel(/The US defence budget/).check();
  await expect(students[0]!.page.getByTestId("live-send-state")).toHaveAttribute("data-state", "saved");
  await students[1]!.page.getByLabel(/Soviet military spending/).check();
  await expect(students[1]!.page.getByTestId("live-send-state")).toHaveAttribute("data-state", "saved");
  // Changing her mind: the latest answer counts.
  await students[1]!.page.getByLabel(/The US defence budget/).check();
  await expect(students[1]!.page.getByTestId("live-send-state")).toHaveAttribute("data-state", "saved");

  await students[2]!.context.setOffline(true);
  await evaPage.getByLabel(/The cost of all the new weapons/).check();
  await expect(evaPage.getByTestId("live-send-state")).toHaveAttribute("data-state", "waiting");
  await expect(evaPage.getByTestId("live-send-state")).toContainText("Waiting to send");
  await expect(control.getByTestId("live-answer-count")).toContainText("2 of");
  await students[2]!.context.setOffline(false);
  await expect(evaPage.getByTestId("live-send-state")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await expect(control.getByTestId("live-answer-count")).toContainText("3 of");
  await expect(projector.getByTestId("projector-count")).toContainText("3");
  await expectNoAxeViolations(control);

  // Reveal: bars on the projector, without names.
  await addMoment(control, async () => {
    await control.getByLabel("Kind").selectOption("reveal");
  });
  const bars = projector.getByTestId("live-bars");
  await expect(bars.locator('[data-label^="The US defence budget"]')).toHaveAttribute("data-count", "2");
  await expect(bars.locator('[data-label^="The cost of all the new weapons"]')).toHaveAttribute("data-count", "1");
  await expect(projector.locator("body")).not.toContainText(/Ben|Chloe|Eva/);
  for (const s of students) await expect(s.page.getByTestId("live-moment")).toContainText("Results are on the screen");
  // The reveal closed the question: a late answer is a 409 that says so.
  const late = await evaPage.request.put(answerUrl, { data: { response: { optionId: "a" } } });
  expect(late.status()).toBe(409);
  expect(((await late.json()) as { error: { message: string } }).error.message).toContain("closed");

  // Show one answer anonymously.
  await control.getByText("Answers: show one on the screen, without a name").click();
  await control.getByRole("button", { name: "Show answer 1 on the screen" }).click();
  await expect(projector.getByTestId("live-shown")).toContainText("One answer from the class");

  // Vote again after pair discussion: each device shows its first answer; the projector shows how answers moved.
  await addMoment(control, async () => {
    await control.getByLabel("Kind").selectOption("vote-again");
  });
  for (const s of students) await expect(s.page.getByTestId("live-moment")).toHaveAttribute("data-kind", "vote-again");
  await expect(students[1]!.page.getByText("Your first answer: The US defence budget", { exact: false })).toBeVisible();
  for (const [s, choice] of [
    [students[0]!, /Soviet military spending/],
    [students[1]!, /The US defence budget/],
    [students[2]!, /The US defence budget/],
  ] as const) {
    await s.page.getByLabel(choice).check();
    await expect(s.page.getByTestId("live-send-state")).toHaveAttribute("data-state", "saved");
  }
  await addMoment(control, async () => {
    await control.getByLabel("Kind").selectOption("reveal");
  });
  await expect(projector.getByTestId("live-moved")).toContainText("2 students changed their answer");

  // Discuss: a post appears on the projector, then the teacher pins it.
  await addMoment(control, async () => {
    await control.getByLabel("Kind").selectOption("discuss");
    await control.getByLabel("Prompt").fill("Why would Andropov tell Mielke this figure?");
  });
  await students[0]!.page.getByLabel(/Your post/).fill("To show the West is arming, so the East must too.");
  await students[0]!.page.getByRole("button", { name: "Send post" }).click();
  await expect(students[0]!.page.getByTestId("live-send-state")).toHaveAttribute("data-state", "saved");
  await expect(projector.getByTestId("live-posts")).toContainText("To show the West is arming");
  await control.getByText("Posts: pin one to the screen").click();
  await control.getByRole("button", { name: "Show answer 1 on the screen" }).click();
  await expect(projector.getByTestId("live-pinned")).toContainText("To show the West is arming");

  // The projector: axe clean, and AAA contrast (7:1) for a room at 10 m.
  await expectNoAxeViolations(projector);
  const contrast = await new AxeBuilder({ page: projector }).withRules(["color-contrast-enhanced"]).analyze();
  expect(contrast.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // A reload (or another device) lands on the current moment with the post intact.
  await students[0]!.page.reload();
  await expect(students[0]!.page.getByTestId("live-moment")).toHaveAttribute("data-kind", "discuss");
  await expect(students[0]!.page.getByLabel(/Your post/)).toHaveValue("To show the West is arming, so the East must too.");

  // End: every device says so; a late join gets a clear page.
  control.once("dialog", (d) => void d.accept());
  await control.getByRole("button", { name: "End session" }).click();
  for (const s of students) await expect(s.page.getByTestId("live-ended")).toBeVisible({ timeout: 15_000 });
  await evaPage.goto(`/live/${sessionId}`);
  await expect(evaPage.getByRole("heading", { name: "This live session has ended" })).toBeVisible();

  // After: the instructor's table and CSV; the student's own answers under the assignment.
  await control.goto(`/live/${sessionId}/responses`);
  await expect(control.getByTestId("live-responses")).toContainText("The cost of all the new weapons");
  await expectNoAxeViolations(control);
  const csv = await control.request.get(`/live/${sessionId}/responses.csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("To show the West is arming");
  await evaPage.goto(`/live/${sessionId}`);
  await evaPage.getByRole("link", { name: "Go to the assignment" }).click();
  await evaPage.getByText("Your answers in live sessions").click();
  await expect(evaPage.getByTestId("my-live-answers")).toContainText("The cost of all the new weapons");

  for (const c of [teacher.context, projectorContext, ...students.map((s) => s.context)]) await c.close();
});
