// The class page and the roster tools on a phone: nothing wider than the screen, the dialog usable.
import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn } from "./fixtures";

async function fitsTheScreen(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test("on a phone, the class page with its roster tools fits, and removing asks in a dialog", async ({ page }) => {
  await signIn(page, demo.instructor);
  await page.getByRole("link", { name: "History 11B: The Cold War" }).click();
  await expect(page.getByLabel("Join link")).toBeVisible();
  await fitsTheScreen(page);
  await page.getByRole("button", { name: "Password link for Dawit Bekele" }).click();
  await expect(page.getByLabel("One-time password link for Dawit Bekele")).toBeVisible();
  await fitsTheScreen(page);
  await page.getByRole("button", { name: "Remove Ben Ortiz" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Import a roster (CSV)" }).click();
  await page.getByLabel("Names and e-mails").fill("Eva Nowak,eva@dossier.test\nNew Person,new.person.phone@school.test");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("roster-problems")).toContainText("already in this class");
  await fitsTheScreen(page);
  await expectNoAxeViolations(page);
});
