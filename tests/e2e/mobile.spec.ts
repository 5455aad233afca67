import { expect, test } from "@playwright/test";
import { READING, demo, expectNoAxeViolations, signIn } from "./fixtures";

test("on a phone, notes open in a drawer and close back to the text", async ({ page }) => {
  await page.goto(READING);
  await expect(page.getByRole("complementary", { name: "Notes beside the text" })).toBeHidden();
  const chip = page.locator('article [data-note="afghanistan"]').first();
  await chip.scrollIntoViewIfNeeded();
  await chip.click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("heading", { level: 2 })).toContainText("Afghanistan");
  await drawer.getByRole("button", { name: "Close" }).click();
  await expect(drawer).toBeHidden();
  await expect(chip).toBeFocused();
  await expectNoAxeViolations(page);
});

test("on a phone, a student opens a question's passage, reads it and carries on without losing an answer", async ({ page }) => {
  await signIn(page, demo.students[3]!); // Eva has one attempt left
  await page.getByTestId("my-quizzes").getByRole("link", { name: /another attempt/ }).first().click();
  await page.getByTestId("start-quiz").click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);

  const typed = page.locator('[data-testid^="question-q"]').filter({ has: page.locator("input[type=text], textarea") }).first();
  const box = typed.locator("input[type=text], textarea").first();
  await box.fill("The PPR and the PPS");

  const withPassage = page.locator('[data-testid^="question-q"]').filter({ hasText: "Show the passage" }).first();
  const summary = withPassage.getByText("Show the passage");
  await summary.scrollIntoViewIfNeeded();
  await summary.click();
  const passage = withPassage.locator("details[open] p.font-serif");
  await expect(passage.first()).toBeVisible();
  // The paragraphs of the reading themselves, in the question.
  expect((await passage.allInnerTexts()).join(" ").length).toBeGreaterThan(40);
  await expectNoAxeViolations(page);
  await summary.click();
  await expect(passage.first()).toBeHidden();

  await expect(box).toHaveValue("The PPR and the PPS");
  await expect(page.getByTestId("save-status")).toHaveText("All answers saved");
  await page.reload();
  await expect(page.locator('[data-testid^="question-q"]').filter({ has: page.locator("input[type=text], textarea") }).first().locator("input[type=text], textarea").first()).toHaveValue("The PPR and the PPS");
});

test("on a phone, paragraph numbers sit in the margin without widening the page, and a permalink highlights its paragraph", async ({ page }) => {
  await page.goto(`${READING}/p/p-129`);
  await expect(page).toHaveURL(/#p-129$/);
  const paragraph = page.locator("#p-129");
  await expect(paragraph).toBeInViewport();
  const label = paragraph.locator("[data-pnum]");
  await expect(label).toBeVisible();
  const box = (await label.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual((await paragraph.boundingBox())!.x + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await paragraph.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
  await expectNoAxeViolations(page);
});

test("on a phone, a timeline chip opens its event in the drawer, and Escape closes it back to the chip", async ({ page }) => {
  await page.goto(READING);
  const chip = page.locator("article a[data-chip][href^='#event-']").first();
  const slug = (await chip.getAttribute("href"))!.replace("#event-", "");
  const title = (await page.locator(`#event-${slug} h3`).textContent())!;
  await chip.scrollIntoViewIfNeeded();
  await chip.click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("heading", { level: 2 })).toHaveText(title);
  expect(page.url()).not.toContain("#event-");
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(chip).toBeFocused();
});
