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
