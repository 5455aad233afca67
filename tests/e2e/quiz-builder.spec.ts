import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn } from "./fixtures";

test("the instructor opens the quiz builder and imports GIFT with errors reported by line", async ({ page }) => {
  await signIn(page, demo.instructor);
  await page.goto("/quizzes");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "The Mielke–Andropov talks, 11 July 1981" }).first().click();
  await expect(page).toHaveURL(/\/quizzes\/[^/]+$/);
  await expect(page.getByTestId("quiz-settings")).toBeVisible();
  await expect(page.locator('[data-testid^="quiz-item-"]').first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/quizzes/import");
  const gift = [
    "::Brest::When did the Brest meeting take place? {=3–4 April 1981 ~February 1981 ~July 1981}",
    "",
    "::Helsinki::In which year was the Helsinki Final Act signed? {#1975}",
    "",
    "::Broken::This block is never closed {=yes ~no",
  ].join("\n");
  await page.getByLabel(/GIFT text|Paste/i).fill(gift);
  await page.getByTestId("import-preview").click();
  await expect(page.getByTestId("import-found")).toContainText("Brest");
  await expect(page.getByTestId("import-found")).toContainText("Helsinki");
  await expect(page.getByTestId("import-errors")).toContainText("5");
  await expectNoAxeViolations(page);
});

test("students cannot reach the builder or the bank", async ({ page }) => {
  await signIn(page, demo.students[0]!);
  expect((await page.goto("/quizzes"))?.status()).toBe(403);
  expect((await page.goto("/questions"))?.status()).toBe(403);
});
