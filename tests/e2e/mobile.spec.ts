import { expect, test } from "@playwright/test";
import { READING, expectNoAxeViolations } from "./fixtures";

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
