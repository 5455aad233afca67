import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn } from "./fixtures";

test("the instructor grades the waiting essay, sees the gradebook and the analysis, and exports CSV", async ({ page, browser }) => {
  await signIn(page, demo.instructor);
  await page.getByRole("link", { name: "History 11B: The Cold War" }).click();
  await page.getByRole("link", { name: "Gradebook" }).click();
  const table = page.getByTestId("gradebook-table");
  await expect(table).toBeVisible();
  await expectNoAxeViolations(page);

  // Chloé's essay is waiting; the flag leads to her attempt.
  const chloe = table.locator("tr", { hasText: "Chloé Dubois" });
  await chloe.getByTestId("needs-grading").click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+\/grade$/);
  await expectNoAxeViolations(page);
  // The essay's rubric form: one score per criterion and a comment.
  const essay = page.locator("form", { has: page.locator('[data-testid$="-rubric-total"]') }).first();
  const inputs = essay.locator("input[type=number]");
  const count = await inputs.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await inputs.nth(i).fill("1");
  await essay.getByRole("textbox").first().fill("Good sourcing; say more about the private talk.");
  await essay.getByTestId("grade-save").click();
  await expect(essay.getByRole("status").first()).toBeVisible();

  await page.goBack();
  await page.reload();
  await expect(page.getByTestId("gradebook-table").locator("tr", { hasText: "Chloé Dubois" }).getByTestId("needs-grading")).toHaveCount(0);

  // CSV: one row per student, accents intact, opens in a spreadsheet.
  const download = page.waitForEvent("download");
  await page.getByTestId("download-csv").click();
  const file = await download;
  const text = (await (await file.createReadStream()).toArray()).map((b) => Buffer.from(b).toString("utf8")).join("");
  expect(text.startsWith("\uFEFFStudent,Email")).toBe(true);
  expect(text).toContain("Chloé Dubois");
  expect(text.trim().split("\r\n")).toHaveLength(1 + 4);

  // Item analysis, readable on a projector.
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "History 11B: The Cold War" }).click();
  await page.getByRole("link", { name: "Question analysis" }).first().click();
  await expect(page.getByTestId("analysis-question").first()).toBeVisible();
  await expectNoAxeViolations(page);

  // An evidence question's citations, shown on the reading itself.
  await page.getByTestId("evidence-on-reading").first().click();
  await expect(page).toHaveURL(/\/analysis\/evidence\/[^/]+$/);
  const reading = page.getByTestId("evidence-reading");
  await expect(reading.locator("[data-paragraph]").first()).toBeVisible();
  const marked = reading.locator("[data-paragraph]:has([data-mark-label])");
  expect(await marked.count()).toBeGreaterThan(0);
  // The demo students cited the key's paragraph: it is labelled in words, not by colour alone.
  await expect(marked.filter({ hasText: /In the key · cited by [12] of 2/ }).first()).toBeVisible();
  // The jump list leads to a highlighted paragraph.
  const jump = page.getByTestId("evidence-jump").getByRole("link").first();
  const target = (await jump.getAttribute("href"))!;
  await jump.click();
  await expect(page.locator(target).locator("[data-mark-label]")).toBeVisible();
  await expectNoAxeViolations(page);
  const evidenceUrl = page.url().replace(/#.*$/, "");
  expect((await page.goto(evidenceUrl.replace(/[^/]+$/, "not-a-question")))?.status()).toBe(404);

  // Only the class's instructor sees it.
  const studentContext = await browser.newContext({ baseURL: new URL(evidenceUrl).origin });
  const studentPage = await studentContext.newPage();
  await signIn(studentPage, demo.students[0]!);
  expect((await studentPage.goto(evidenceUrl))?.status()).toBe(403);
  await studentContext.close();
});

test("a student cannot open the gradebook or the grading page", async ({ page }) => {
  await signIn(page, demo.students[0]!);
  const classPath = (await page.locator('a[href^="/classes/"]').first().getAttribute("href"))!;
  const res = await page.goto(`${classPath}/gradebook`);
  expect(res?.status()).toBe(403);
  const csv = await page.request.get(`${classPath}/gradebook/grades.csv`);
  expect(csv.status()).toBe(403);
});
