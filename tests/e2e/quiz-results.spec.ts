import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn, uniqueEmail } from "./fixtures";

// What the trial with a teacher and two students found on the quiz pages, as one journey: a new
// student takes the demo quiz with an essay, the teacher grades it question by question, and both
// look at the results. Runs after quiz-instructor.spec.ts, which may already have graded Chloé's
// essay: nothing here assumes which of the demo essays still wait.

const CLASS = "History 11B: The Cold War";
const DESCRIPTION = "Check what the Stasi note says, where its speakers get the facts wrong";
const STUDENT = "Aaron Abelard"; // sorts before every demo student
const TYPED = "SOLIDARNOŚĆ";

/** How far the page scrolls below the bottom of its main content: the blank area the trial found. */
async function blankBelowMain(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector("main")!;
    return document.documentElement.scrollHeight - (main.getBoundingClientRect().bottom + window.scrollY);
  });
}

test.describe.serial("quiz results after the classroom trial", () => {
  let studentEmail = "";
  let attemptPath = "";

  test("the quiz pages end where their content ends", async ({ page }) => {
    await signIn(page, demo.instructor);
    await page.goto("/quizzes");
    await page.getByRole("link", { name: /The Mielke–Andropov talks, 11 July 1981/ }).first().click();
    await expect(page).toHaveURL(/\/quizzes\/[^/]+$/);
    const quizPath = new URL(page.url()).pathname;

    await page.goto(`${quizPath}/preview`);
    await expect(page.getByTestId("preview-notice")).toBeVisible();
    expect(await blankBelowMain(page), "blank page below the preview").toBeLessThan(200);

    await page.goto(`${quizPath}/questions/new?type=evidence`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("evidence question");
    expect(await blankBelowMain(page), "blank page below the new-question form").toBeLessThan(200);
  });

  test("a new student reads the description, sees paragraphs whole, and submits with an essay", async ({ page }) => {
    studentEmail = uniqueEmail("aaron");
    await page.goto("/signup");
    await page.getByLabel("Your name").fill(STUDENT);
    await page.getByLabel("Email").fill(studentEmail);
    await page.getByLabel("Password").fill("gdansk shipyard august 1980");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    await page.goto("/join?code=DETENTE8");
    await page.getByRole("button", { name: "Join class" }).click();
    await page.goto("/dashboard");

    // The start page says what the quiz is about.
    await page.getByTestId("my-quizzes").getByRole("link", { name: /^Start quiz/ }).first().click();
    await expect(page.getByTestId("quiz-description")).toContainText(DESCRIPTION);
    await expectNoAxeViolations(page);
    await page.getByTestId("start-quiz").click();
    await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
    attemptPath = new URL(page.url()).pathname;

    // …and so does the attempt, which ends where its last question ends.
    await expect(page.getByTestId("quiz-description")).toContainText(DESCRIPTION);
    expect(await blankBelowMain(page), "blank page below the player").toBeLessThan(200);

    // The evidence list shows a long paragraph whole, not its first line.
    const evidence = page.getByTestId("question-q11");
    await evidence.getByLabel("Find a paragraph").fill("kulaks");
    await expect(evidence.getByRole("region", { name: /Paragraphs of the reading/ })).toContainText("This is how the kulaks developed who today constitute");

    await page.getByTestId("question-q5").getByRole("textbox").fill(TYPED);
    await page
      .getByTestId("question-q16")
      .getByRole("textbox")
      .fill("The note was written by the Stasi, Mielke's ministry, not by the KGB. It is a summary, not a transcript, and the private talk between the two men is not recorded.");
    await expect(page.getByTestId("save-status")).toHaveText("All answers saved", { timeout: 20_000 });
    await page.getByTestId("submit-quiz").click();
    await page.getByTestId("confirm-submit").click();
    await expect(page).toHaveURL(/\/review$/);

    // The score says that the essay's 5 points are still to come.
    await expect(page.getByTestId("review-score")).toContainText(/of 26 points \(\d+%\)/);
    await expect(page.getByTestId("review-score")).toContainText("5 points waiting to be graded");
    await expectNoAxeViolations(page);
    await page.goto("/dashboard");
    await expect(page.getByTestId("my-quizzes")).toContainText("5 points waiting to be graded");
  });

  test("the teacher grades the essay question by question, saving and moving to the next ungraded answer", async ({ page }) => {
    await signIn(page, demo.instructor);
    await page.getByRole("link", { name: CLASS }).click();
    await page.getByRole("link", { name: "Gradebook" }).click();
    const cell = page.getByTestId("gradebook-table").locator("tr", { hasText: STUDENT });
    await expect(cell).toContainText("5 pending");
    await page.getByRole("link", { name: /^Grade by question/ }).first().click();
    await expect(page).toHaveURL(/\/quiz-assignments\/[^/]+\/grade$/);
    await expectNoAxeViolations(page);
    await page.getByTestId("grade-question-16").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/quiz-assignments\/[^/]+\/grade\/[^/?]+/);
    const questionPage = page.url();

    // Every submitted answer to the essay, one after another, by the students' names.
    const answers = page.getByTestId("graded-answer");
    const names = await answers.locator("[data-student]").evaluateAll((els) => els.map((e) => e.getAttribute("data-student") ?? ""));
    expect(names).toContain(STUDENT);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    expect(names[0]).toBe(STUDENT);
    await expectNoAxeViolations(page);

    // What "next ungraded" should reach, worked out from the page before saving.
    const ungraded = await answers.evaluateAll((els) => els.filter((e) => e.getAttribute("data-ungraded") === "true").map((e) => e.id));
    const mine = answers.filter({ has: page.locator(`[data-student="${STUDENT}"]`) });
    const myId = (await mine.getAttribute("id"))!;
    expect(ungraded).toContain(myId);
    const expected = ungraded.filter((id) => id !== myId)[0] ?? null;

    const inputs = mine.locator("input[type=number]");
    const count = await inputs.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) await inputs.nth(i).fill(i === 0 ? "1" : "0.5");
    await mine.getByRole("textbox").fill("Good: you name the MfS. Say why the private talk matters.");
    await mine.getByRole("button", { name: /Save and next ungraded/ }).click();

    if (expected) {
      await expect(page).toHaveURL(new RegExp(`[?&]answer=${expected.replace(/^answer-/, "")}`));
      await expect(page.locator(`#${expected}`)).toBeFocused();
    } else {
      await expect(page).toHaveURL(/\/grade\?done=1$/);
      await expect(page.getByRole("status").filter({ hasText: "Every answer is graded" })).toBeVisible();
    }
    await page.goto(questionPage);
    const after = page.getByTestId("graded-answer").filter({ has: page.locator(`[data-student="${STUDENT}"]`) });
    await expect(after).toHaveAttribute("data-ungraded", "false");
    await expect(after).toContainText("Graded by hand");
  });

  test("the student sees each rubric criterion's score; the CSV and the analysis read as typed", async ({ page, browser, baseURL }) => {
    await signIn(page, studentEmail, "gdansk shipyard august 1980");
    await page.goto(`${attemptPath}/review`);
    const rubric = page.getByTestId("q16-rubric");
    await expect(rubric).toBeVisible();
    expect(await rubric.locator("tbody tr").count()).toBeGreaterThan(1);
    await expect(rubric.locator("tbody tr").first()).toContainText("1 of 1");
    await expect(page.getByTestId("review-score")).not.toContainText("waiting to be graded");
    await expectNoAxeViolations(page);

    const teacher = await browser.newContext({ baseURL });
    const tp = await teacher.newPage();
    await signIn(tp, demo.instructor);
    await tp.getByRole("link", { name: CLASS }).click();
    await tp.getByRole("link", { name: "Gradebook" }).click();
    const href = (await tp.getByTestId("download-csv").getAttribute("href"))!;
    const euHref = (await tp.getByTestId("download-csv-eu").getAttribute("href"))!;
    const standard = await (await tp.request.get(href)).text();
    const eu = await (await tp.request.get(euHref)).text();
    const header = standard.split("\r\n")[0]!;
    expect(header.startsWith("\uFEFFStudent,Email,")).toBe(true);
    expect(header).toContain("(percent)");
    expect(header).toContain("Q16 Sourcing: whose record is this, and what is missing?");
    expect(header).toContain("(% read)");
    expect(eu.startsWith("\uFEFFStudent;Email;")).toBe(true);
    const euRow = eu.split("\r\n").find((line) => line.startsWith(STUDENT))!;
    // 3 of 26 points is 11.5%: a fraction, written with a comma.
    expect(euRow).toMatch(/;\d+,\d+;/);
    expect(euRow).not.toMatch(/;\d+\.\d+;/);
    expect((await tp.request.get(`${href}?format=nonsense`)).status()).toBe(400);

    await tp.goto(tp.url().replace(/\/classes\/.*$/, "/dashboard"));
    await tp.getByRole("link", { name: CLASS }).click();
    await tp.getByRole("link", { name: "Question analysis" }).first().click();
    const shortAnswer = tp.getByTestId("analysis-question").nth(4);
    await expect(shortAnswer).toContainText(TYPED);
    await expect(shortAnswer).not.toContainText(TYPED.toLowerCase());
    await teacher.close();
  });

  test("the quiz builder shows each question's text and key at a glance", async ({ page }) => {
    await signIn(page, demo.instructor);
    await page.goto("/quizzes");
    await page.getByRole("link", { name: /The Mielke–Andropov talks, 11 July 1981/ }).first().click();
    const second = page.getByTestId("quiz-item-2");
    await expect(second.getByTestId("quiz-item-2-prompt")).toContainText("Andropov says: “Reagan has confirmed");
    await expect(second.getByTestId("quiz-item-2-key")).toContainText("✓ The US defence budget request for one year, fiscal year 1982");
    await expect(page.getByTestId("quiz-item-5-key")).toContainText("Solidarność");
    await expect(page.getByTestId("quiz-item-15-key")).toContainText("1. The Gdańsk Agreement");
    await expectNoAxeViolations(page);
  });
});
