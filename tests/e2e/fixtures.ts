import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { DEMO_INSTRUCTOR, DEMO_PASSWORD, DEMO_STUDENTS } from "../../prisma/demo-accounts";

export const READING = "/readings/mielke-andropov-1981";
export const demo = { instructor: DEMO_INSTRUCTOR.email, students: DEMO_STUDENTS.map((s) => s.email), password: DEMO_PASSWORD };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, returnTo?: string) {
  await page.goto(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(" ")}`);
  expect(summary, "axe violations").toEqual([]);
}

/** Unique per run, so tests that sign up never collide with a previous run's accounts. */
export const uniqueEmail = (who: string) => `${who}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@dossier.test`;
