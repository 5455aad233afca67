import { expect, test, type Page, type Response } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn } from "./fixtures";

test("the instructor opens the quiz builder and imports GIFT with errors reported by line", async ({ page }) => {
  test.setTimeout(180_000);
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
    "",
    // What Moodle teachers write: a description, partial credit, wildcards, tags, per-answer formats.
    "The next questions are about the strikes of August 1980.",
    "",
    "// [tag:poland] [tag:1980]",
    "::Strike start::[html]Where did the August 1980 strikes begin? {=Gdańsk ~%50%[markdown]Gdynia#It joined soon after. ~Warsaw}",
    "",
    "::Union::Name the union founded in September 1980. {=Solidar* =%0%*#Think of Gdańsk.}",
    "",
    '// Dossier ordering question "Before and after" (not importable into GIFT): items in order: 1. KOR; 2. Solidarność',
  ].join("\n");
  await page.getByLabel(/GIFT text|Paste/i).fill(gift);
  await page.getByTestId("import-preview").click();
  await expect(page.getByTestId("import-found")).toContainText("Brest");
  await expect(page.getByTestId("import-found")).toContainText("Helsinki");
  await expect(page.getByTestId("import-errors")).toContainText("5");
  // Skipped on purpose, and said so: the description and the question a Dossier export wrote as a comment.
  const skipped = page.getByTestId("import-skipped");
  await expect(skipped).toContainText("Description “The next questions are about the strikes…” on line 7 is not a question; Dossier skips it.");
  await expect(skipped).toContainText("1 ordering question in this file was exported as a comment and cannot be imported from GIFT, which has no such question types: “Before and after” (line 14).");
  // What of a question is not kept is listed under it, with its line.
  const strike = page.getByTestId("import-not-kept-3");
  await expect(strike).toContainText("Line 9: question “Strike start”: the tags “poland”, “1980” are not kept");
  await expect(strike).toContainText("Line 10: question “Strike start”: answer 2 is marked [markdown], but Dossier keeps one format per question, here [html].");
  await expect(page.getByRole("checkbox", { name: /Strike start/ })).toHaveAccessibleDescription(/answer 2 is marked \[markdown\]/);
  await expect(page.getByTestId("form-message")).toHaveText("Found 4 questions, 1 problem and 2 notes on what is skipped. Nothing is saved yet: choose the questions to keep, then save.");
  await expectNoAxeViolations(page);

  // Saved to the bank, the partial credit and the wildcard are there to edit.
  await page.getByTestId("import-save").click();
  await expect(page).toHaveURL(/\/questions\?imported=4$/);
  await page.getByRole("link", { name: "Edit “Strike start”", exact: true }).click();
  await expect(page.getByRole("radio", { name: "Correct answer (option 1)" })).toBeChecked();
  await expect(page.getByLabel("Partial credit for option 1 (%)")).toHaveCount(0);
  await expect(page.getByLabel("Partial credit for option 2 (%)")).toHaveValue("50");
  await expect(page.getByLabel("Partial credit for option 3 (%)")).toHaveValue("0");
  await expectNoAxeViolations(page);
  await page.goto("/questions");
  await page.getByRole("link", { name: "Edit “Union”", exact: true }).click();
  await expect(page.getByLabel("Answer 1", { exact: true })).toHaveValue("Solidar*");
  await expect(page.getByLabel("Answer 2", { exact: true })).toHaveValue("*");
  await expect(page.getByLabel("Credit (%) for answer 2")).toHaveValue("0");
});

test("students cannot reach the builder or the bank", async ({ page }) => {
  await signIn(page, demo.students[0]!);
  expect((await page.goto("/quizzes"))?.status()).toBe(403);
  expect((await page.goto("/questions"))?.status()).toBe(403);
});

// ---------------------------------------------------------------- building a quiz with every type

const CLASS_NAME = "History 11B: The Cold War";
/** Texts that only the answer key holds: none may reach the preview or a student. */
const SECRET = {
  graderNotes: "A strong answer notes that the 75-minute private talk was not recorded",
  mcFeedback: "Right: the note is headed Moscow, 11 July 1981",
  tfFeedback: "Right: the note condenses the speeches and leaves out the private talk",
  saFeedback: "Yes: the independent trade union founded in August 1980",
  numericFeedback: "Signed in Helsinki on 1 August 1975",
  generalFeedback: "Compare what the MfS chose to record with what it left out",
};
const KEY_MARKERS = ['"correct":true', '"correct":false', '"weight":', '"credit":', '"tolerance":', '"graderNotes"', '"answerWeight"', '"evidence":['];
const TYPE_LABELS = ["Multiple choice", "Multiple response", "True / false", "Short answer", "Numeric", "Ordering", "Matching", "Essay", "Answer with evidence"];

const types = (page: Page) => page.locator('[data-testid$="-type"][data-testid^="quiz-item-"]');

/** From the builder, opens the editor of a new question of this type and fills the fields every type shares. */
async function newQuestion(page: Page, quizUrl: string, type: string, title: string, prompt: string) {
  await expect(page).toHaveURL(new RegExp(`${quizUrl}(\\?|$)`));
  await page.getByLabel("Type of the new question").selectOption(type);
  await page.getByRole("button", { name: "Write a new question" }).click();
  await expect(page).toHaveURL(`${quizUrl}/questions/new?type=${type}`);
  await expect(page.getByTestId("question-form")).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Question text", { exact: true }).fill(prompt);
  await page.getByLabel("Category (optional)").fill("Mielke–Andropov 1981");
}

/** Saves the question and checks it landed at the end of the quiz. */
async function saveQuestion(page: Page, quizUrl: string, count: number, typeLabel: string, title: string) {
  await page.getByTestId("save-question").click();
  await expect(page).toHaveURL(`${quizUrl}?added=1`);
  await expect(page.getByRole("status").filter({ hasText: "The question is saved and added at the end of the quiz." })).toBeVisible();
  await expect(page.getByTestId("quiz-total")).toContainText(`${count} ${count === 1 ? "question" : "questions"}`);
  await expect(page.getByTestId(`quiz-item-${count}-type`)).toHaveText(typeLabel);
  await expect(page.getByTestId(`quiz-item-${count}-title`)).toHaveText(title);
}

test("the instructor builds a quiz with every question type, previews it and assigns it; a student sees it", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const quizTitle = `The Mielke–Andropov talks: every question type ${Date.now().toString(36)}`;
  let quizUrl = "";
  let attemptPath = "";

  await test.step("sign in and create the quiz", async () => {
    await signIn(page, demo.instructor);
    await page.goto("/quizzes");
    const create = page.getByTestId("create-quiz-form");
    await create.getByLabel("Quiz title").fill(quizTitle);
    await create.getByLabel("Description (optional)").fill("Nine questions on the Stasi note of 11 July 1981.");
    await create.getByRole("button", { name: "Create quiz" }).click();
    await expect(page).toHaveURL(/\/quizzes\/[^/?]+\?created=1$/);
    quizUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1, name: quizTitle })).toBeVisible();
    await expect(page.getByTestId("quiz-total")).toContainText("0 questions");
  });

  await test.step("multiple choice, refused first without a correct option, then fixed", async () => {
    await newQuestion(page, quizUrl, "multiple-choice", "Where the talks took place", "Where did Erich Mielke and Yuri Andropov meet on 11 July 1981?");
    await page.getByLabel("General feedback (optional)").fill(SECRET.generalFeedback);
    await page.getByLabel("Option 1", { exact: true }).fill("Moscow");
    await page.getByLabel("Feedback for option 1 (optional)").fill(SECRET.mcFeedback);
    await page.getByLabel("Option 2", { exact: true }).fill("East Berlin");
    await page.getByLabel("Option 3", { exact: true }).fill("Warsaw");
    await page.getByTestId("save-question").click();

    // Refused in the browser: the summary says why and the list of options is marked.
    const summary = page.getByTestId("question-errors");
    await expect(summary).toBeVisible();
    await expect(summary).toContainText("The question is not complete yet");
    await expect(summary).toContainText("Mark exactly one option as the correct answer.");
    const options = page.getByRole("group", { name: "Options" });
    await expect(options.getByText("Mark exactly one option as the correct answer.")).toBeVisible();
    await expect(page).toHaveURL(`${quizUrl}/questions/new?type=multiple-choice`);
    // Nothing typed is lost.
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Where the talks took place");
    await expect(page.getByLabel("Option 1", { exact: true })).toHaveValue("Moscow");
    await expect(page.getByLabel("Option 3", { exact: true })).toHaveValue("Warsaw");
    await expect(page.getByLabel("Feedback for option 1 (optional)")).toHaveValue(SECRET.mcFeedback);
    await expectNoAxeViolations(page);

    // The summary's link leads to the field; marking the answer and saving again works.
    await summary.getByRole("link", { name: "Options" }).click();
    await page.getByRole("radio", { name: "Correct answer (option 1)" }).check();
    // The correct option earns full credit; the others may earn part of it (0% unless set).
    await expect(page.getByLabel("Partial credit for option 1 (%)")).toHaveCount(0);
    await expect(page.getByLabel("Partial credit for option 2 (%)")).toHaveValue("0");
    await expect(page.getByLabel("Partial credit for option 3 (%)")).toHaveValue("0");
    await saveQuestion(page, quizUrl, 1, "Multiple choice", "Where the talks took place");
  });

  await test.step("multiple response", async () => {
    await newQuestion(page, quizUrl, "multiple-response", "Topics of the talks", "Which of these topics does Andropov discuss with Mielke? Tick every one that applies.");
    const rows: [string, string][] = [
      ["The crisis in Poland", "50"],
      ["The Madrid CSCE meeting", "50"],
      ["German reunification", "-50"],
    ];
    for (const [i, [text, credit]] of rows.entries()) {
      await page.getByLabel(`Option ${i + 1}`, { exact: true }).fill(text);
      await page.getByLabel(`Credit for option ${i + 1} (%)`).fill(credit);
    }
    await expect(page.getByText("Right options add up to 100%.")).toBeVisible();
    await saveQuestion(page, quizUrl, 2, "Multiple response", "Topics of the talks");
  });

  await test.step("true / false, pointing to a paragraph of the reading", async () => {
    await newQuestion(page, quizUrl, "true-false", "A word-for-word record?", "The Stasi note is a word-for-word transcript of everything Mielke and Andropov said.");
    const anchors = page.getByRole("group", { name: "Points to paragraphs (optional)" });
    await anchors.getByLabel("Find a paragraph").fill("without interpreters");
    await anchors.getByRole("checkbox", { name: /private 75-minute talk/ }).check();
    await expect(anchors.getByTestId("q-anchors-count")).toContainText("1 chosen");
    await page.getByRole("radio", { name: "False", exact: true }).check();
    await page.getByLabel("Feedback for a student who answers “False” (optional)").fill(SECRET.tfFeedback);
    await saveQuestion(page, quizUrl, 3, "True / false", "A word-for-word record?");
  });

  await test.step("short answer, accents not required", async () => {
    await newQuestion(page, quizUrl, "short-answer", "The independent trade union", "Name the Polish independent trade union that Andropov treats as the heart of the “counterrevolution”.");
    await page.getByLabel("Answer 1", { exact: true }).fill("Solidarność");
    await page.getByLabel("Feedback for answer 1 (optional)").fill(SECRET.saFeedback);
    await page.getByRole("button", { name: "Add an accepted answer" }).click();
    await expect(page.getByLabel("Answer 2", { exact: true })).toBeFocused();
    // Another accepted answer is most often another spelling: it starts at full credit.
    await expect(page.getByLabel("Credit (%) for answer 2")).toHaveValue("100");
    await page.getByLabel("Answer 2", { exact: true }).fill("Solidarity");
    // “Solidarnosc” is to count as “Solidarność”: accents must not matter.
    await expect(page.getByRole("checkbox", { name: "Accents matter" })).not.toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Case matters" })).not.toBeChecked();
    await saveQuestion(page, quizUrl, 4, "Short answer", "The independent trade union");
  });

  await test.step("numeric", async () => {
    await newQuestion(page, quizUrl, "numeric", "The Helsinki Final Act", "Andropov’s remarks on “Basket III” go back to the Helsinki Final Act. In which year was it signed?");
    await page.getByLabel("Answer 1: number").fill("1975");
    await expect(page.getByLabel("Margin (±) for answer 1")).toHaveValue("0");
    await page.getByLabel("Feedback for answer 1 (optional)").fill(SECRET.numericFeedback);
    await saveQuestion(page, quizUrl, 5, "Numeric", "The Helsinki Final Act");
  });

  await test.step("ordering, with an item moved into place", async () => {
    await newQuestion(page, quizUrl, "ordering", "Before and after the talks", "Put these events in the order in which they happened, earliest first.");
    await page.getByLabel("Item 1", { exact: true }).fill("The Helsinki Final Act is signed");
    await page.getByLabel("Item 2", { exact: true }).fill("KOR, the Workers’ Defence Committee, is founded");
    await page.getByLabel("Item 3", { exact: true }).fill("Mielke and Andropov meet in Moscow");
    await page.getByRole("button", { name: "Add an item" }).click();
    await page.getByLabel("Item 4", { exact: true }).fill("The Gdańsk Agreement is signed and Solidarność is founded");
    await page.getByRole("button", { name: "Move up item 4" }).click();
    await expect(page.getByLabel("Item 3", { exact: true })).toHaveValue("The Gdańsk Agreement is signed and Solidarność is founded");
    await expect(page.getByLabel("Item 4", { exact: true })).toHaveValue("Mielke and Andropov meet in Moscow");
    await saveQuestion(page, quizUrl, 6, "Ordering", "Before and after the talks");
  });

  await test.step("matching, with an extra wrong answer", async () => {
    await newQuestion(page, quizUrl, "matching", "Who held which post", "Match each person to the post he held in July 1981.");
    const pairs: [string, string][] = [
      ["Erich Mielke", "Minister for State Security of the GDR"],
      ["Yuri Andropov", "Chairman of the KGB"],
      ["Stanisław Kania", "First Secretary of the Polish United Workers’ Party"],
    ];
    for (const [i, [who, post]] of pairs.entries()) {
      await page.getByLabel(`Pair ${i + 1}: prompt`).fill(who);
      await page.getByLabel(`Pair ${i + 1}: answer`).fill(post);
    }
    await page.getByRole("button", { name: "Add an extra answer" }).click();
    await page.getByLabel("Extra answer 1", { exact: true }).fill("Soviet Minister of Foreign Affairs");
    await saveQuestion(page, quizUrl, 7, "Matching", "Who held which post");
  });

  await test.step("essay with a rubric", async () => {
    await newQuestion(page, quizUrl, "essay", "What the note leaves out", "The note says the meeting began with a private talk “without interpreters”. What does that mean for a historian using this source?");
    await page.getByRole("button", { name: "Add a criterion" }).click();
    await page.getByLabel("Criterion 1", { exact: true }).fill("Explains that the most confidential part of the meeting is not recorded");
    await page.getByLabel("Points for criterion 1").fill("2");
    await page.getByRole("button", { name: "Add a criterion" }).click();
    await page.getByLabel("Criterion 2", { exact: true }).fill("Uses evidence from the note, citing a paragraph");
    await page.getByLabel("Points for criterion 2").fill("3");
    await expect(page.getByText("Rubric total: 5 points.")).toBeVisible();
    await page.getByLabel("At least (words)").fill("80");
    await page.getByLabel("At most (words)").fill("400");
    await page.getByLabel("Notes for the grader (optional)").fill(SECRET.graderNotes);
    await page.getByLabel("Default points").fill("5");
    await saveQuestion(page, quizUrl, 8, "Essay", "What the note leaves out");
    await expect(page.getByTestId("quiz-item-8-points")).toHaveValue("5");
  });

  await test.step("evidence: an answer and the paragraphs that support it", async () => {
    await newQuestion(page, quizUrl, "evidence", "Counterrevolution in Poland", "Does Andropov think the Polish leaders take the “counterrevolution” seriously? Choose an answer and cite the paragraph that shows it.");
    await expect(page.getByRole("radio", { name: "They choose an option" })).toBeChecked();
    await page.getByLabel("Option 1", { exact: true }).fill("No: he says that for them there is no such thing as a counterrevolution");
    await page.getByLabel("Option 2", { exact: true }).fill("Yes: he praises their firm line against the opposition");
    await page.getByRole("radio", { name: "Correct answer (option 1)" }).check();
    const evidence = page.getByRole("group", { name: "The paragraphs that count as evidence" });
    await evidence.getByLabel("Find a paragraph").fill("no such thing as a counterrevolution");
    await evidence.getByRole("checkbox", { name: /But for them, there is no such thing as a counterrevolution/ }).check();
    await expect(evidence.getByTestId("q-config-evidence-count")).toContainText("1 chosen");
    await expect(page.getByLabel("Weight of the answer (%)")).toHaveValue("50");
    await saveQuestion(page, quizUrl, 9, "Answer with evidence", "Counterrevolution in Poland");
  });

  await test.step("the builder lists all nine types in order, and passes axe", async () => {
    await expect(types(page)).toHaveText(TYPE_LABELS);
    await expectNoAxeViolations(page);
  });

  await test.step("reorder, duplicate and remove", async () => {
    // Move the essay (8) up: it swaps with the matching question.
    await page.getByRole("button", { name: "Move up question 8" }).click();
    await expect(page.getByText("Moved to position 7.")).toBeVisible();
    await expect(types(page)).toHaveText([...TYPE_LABELS.slice(0, 6), "Essay", "Matching", "Answer with evidence"]);
    // And back down.
    await page.getByRole("button", { name: "Move down question 7" }).click();
    await expect(types(page)).toHaveText(TYPE_LABELS);

    // Duplicate the first question: the copy comes right after it.
    await page.getByRole("button", { name: "Duplicate question 1" }).click();
    await expect(page.getByText("A copy, “Where the talks took place (copy)”, is now question 2.")).toBeVisible();
    await expect(page.getByTestId("quiz-total")).toContainText("10 questions");
    await expect(page.getByTestId("quiz-item-2-title")).toHaveText("Where the talks took place (copy)");
    await expect(types(page)).toHaveText([TYPE_LABELS[0]!, ...TYPE_LABELS]);

    // Remove the copy again (it asks first).
    await page.getByTestId("quiz-item-2-remove").click();
    await expect(page.getByText("Remove “Where the talks took place (copy)” from this quiz?")).toBeVisible();
    await page.getByTestId("quiz-item-2-remove-confirm").click();
    await expect(page).toHaveURL(`${quizUrl}?removed=1`);
    await expect(page.getByTestId("quiz-total")).toContainText("9 questions");
    await expect(types(page)).toHaveText(TYPE_LABELS);
    await expect(page.getByTestId("quiz-item-2-title")).toHaveText("Topics of the talks");
  });

  await test.step("settings are saved and still there after a reload", async () => {
    const settings = page.getByTestId("quiz-settings");
    await settings.getByLabel("Attempts allowed").fill("2");
    await settings.getByLabel("Closes (optional)").fill("2030-06-30T18:00");
    await settings.getByRole("radio", { name: "After the quiz closes (needs a close date)" }).check();
    await settings.getByRole("checkbox", { name: "The right answers" }).check();
    await settings.getByRole("button", { name: "Save settings" }).click();
    await expect(settings.getByRole("status")).toHaveText("Settings saved.");

    await page.reload();
    const reloaded = page.getByTestId("quiz-settings");
    await expect(reloaded.getByLabel("Attempts allowed")).toHaveValue("2");
    await expect(reloaded.getByLabel("Closes (optional)")).toHaveValue("2030-06-30T18:00");
    await expect(reloaded.getByRole("radio", { name: "After the quiz closes (needs a close date)" })).toBeChecked();
    await expect(reloaded.getByRole("radio", { name: "Right after the attempt is submitted" })).not.toBeChecked();
    await expect(reloaded.getByRole("checkbox", { name: "The right answers" })).toBeChecked();
    await expect(reloaded.getByRole("checkbox", { name: "The score" })).toBeChecked();
  });

  await test.step("the preview shows the nine questions and no answer key", async () => {
    const leaks: string[] = [];
    const reads: Promise<void>[] = [];
    const inspect = (res: Response) => {
      if (!["document", "fetch", "xhr"].includes(res.request().resourceType())) return;
      reads.push(
        res.text().then(
          (text) => {
            const body = text.replace(/\\/g, "");
            for (const marker of [...KEY_MARKERS, ...Object.values(SECRET)]) if (body.includes(marker)) leaks.push(`${marker} in ${res.url()}`);
          },
          () => {},
        ),
      );
    };
    page.on("response", inspect);
    await page.goto(`${quizUrl}/preview`);
    await expect(page.getByTestId("preview-notice")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: quizTitle })).toBeVisible();
    const headings = page.getByRole("heading", { level: 2, name: /^Question \d+\./ });
    await expect(headings).toHaveCount(9);
    for (const [i, title] of ["Where the talks took place", "Topics of the talks", "A word-for-word record?", "The independent trade union", "The Helsinki Final Act", "Before and after the talks", "Who held which post", "What the note leaves out", "Counterrevolution in Poland"].entries()) {
      await expect(headings.nth(i)).toHaveText(`Question ${i + 1}. ${title}`);
    }
    await expect(page.getByText("Where did Erich Mielke and Yuri Andropov meet on 11 July 1981?")).toBeVisible();
    await expect(page.getByTestId("submit-quiz")).toBeDisabled();
    for (const secret of Object.values(SECRET)) await expect(page.getByText(secret)).toHaveCount(0);
    page.off("response", inspect);
    await Promise.all(reads);
    expect(reads.length).toBeGreaterThan(0);
    expect(leaks, "answer key material sent to the preview").toEqual([]);
  });

  await test.step("assign it to the demo class with a due date", async () => {
    await page.goto(quizUrl);
    const assign = page.getByTestId("assign-quiz-form");
    await assign.getByLabel("Class").selectOption({ label: CLASS_NAME });
    await assign.getByLabel("Due date (optional)").fill("2030-06-15");
    // Open it to each student once they have read the whole document.
    await assign.getByRole("group", { name: "When students can take it" }).getByRole("radio", { name: /After the reading/ }).check();
    await assign.getByRole("button", { name: "Assign quiz" }).click();
    await expect(assign.getByTestId("form-message")).toHaveText("The quiz is assigned. Students see it on their dashboard, and can start it once they have read every part of the reading.");
    const assigned = page.getByTestId("quiz-assignments");
    await expect(assigned.getByRole("listitem")).toHaveCount(1);
    // Due at the end of the day in the class's zone (UTC for the demo class), shown in the instructor's (UTC here).
    await expect(assigned).toContainText(`${CLASS_NAME} · due 15 Jun 2030, 23:59 UTC · opens after the reading`);

    // The class page lists it too.
    await assigned.getByRole("link", { name: CLASS_NAME }).click();
    await expect(page).toHaveURL(/\/classes\/[^/]+$/);
    await expect(page.getByRole("link", { name: quizTitle })).toBeVisible();
  });

  await test.step("a student who hasn't finished the reading is sent to it first", async () => {
    const context = await browser.newContext({ baseURL });
    const student = await context.newPage();
    try {
      await signIn(student, demo.students[0]!); // Ben has read 3 of the 9 parts
      const card = student.getByTestId("my-quizzes").getByRole("listitem").filter({ hasText: quizTitle });
      await expect(card).toContainText("Read every part of the reading first");
      await card.getByRole("link", { name: /Opens after the reading/ }).click();
      await expect(student.getByTestId("start-blocked")).toContainText("Finish the reading first.");
      await expect(student.getByTestId("start-quiz")).toHaveCount(0);
      await student.getByTestId("start-blocked").getByRole("link", { name: "Go to the reading" }).click();
      await expect(student).toHaveURL(/\/assignments\/[^/]+$/);
    } finally {
      await context.close();
    }
  });

  await test.step("a student of the class who has read it all sees it on the dashboard and gets its nine questions", async () => {
    const context = await browser.newContext({ baseURL });
    const student = await context.newPage();
    try {
      await signIn(student, demo.students[1]!);
      const card = student.getByTestId("my-quizzes").getByRole("listitem").filter({ hasText: quizTitle });
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(`${CLASS_NAME} · due 15 Jun 2030`);
      await expect(card).toContainText("0 of 2 attempts used");
      await card.getByRole("link", { name: quizTitle, exact: true }).click();
      await expect(student).toHaveURL(/\/quiz-assignments\/[^/]+$/);
      await student.getByTestId("start-quiz").click();
      await expect(student).toHaveURL(/\/attempts\/[^/]+$/);
      await expect(student.getByRole("heading", { level: 1, name: quizTitle })).toBeVisible();
      await expect(student.getByRole("heading", { level: 2, name: /^Question \d+\./ })).toHaveCount(9);
      await expect(student.getByTestId("answered-count")).toHaveText("0 of 9 answered");
      for (const secret of Object.values(SECRET)) await expect(student.getByText(secret)).toHaveCount(0);

      // Three answers, the short one without its accents, then submit.
      await student.getByTestId("question-q1").getByRole("radio", { name: "Moscow" }).check();
      await student.getByTestId("question-q4").getByRole("textbox").fill("solidarnosc");
      await student.getByTestId("question-q5").getByRole("textbox").fill("1975");
      await expect(student.getByTestId("answered-count")).toHaveText("3 of 9 answered");
      attemptPath = new URL(student.url()).pathname;
      // Submitting while an answer is still on its way is refused (it would be left out): wait for the saves.
      await expect(student.getByTestId("save-status")).toHaveText("All answers saved");
      await student.getByTestId("submit-quiz").click();
      await expect(student.getByTestId("unanswered-list")).toBeVisible();
      await student.getByTestId("confirm-submit").click();
      await expect(student).toHaveURL(`${attemptPath}/review`);
      // The review policy saved in the settings holds: nothing until the quiz closes in 2030.
      await expect(student.getByText("The review opens when the quiz closes.")).toBeVisible();
      await expect(student.getByTestId("review-score")).toHaveCount(0);
    } finally {
      await context.close();
    }
  });

  await test.step("the answer keys written in the editors grade the attempt", async () => {
    await page.goto(`${attemptPath}/grade`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(quizTitle);
    await expect(page.getByTestId("q1-state")).toHaveText(/^✓Correct/);
    // “solidarnosc” counts as “Solidarność”: the editor saved accent-insensitive matching.
    await expect(page.getByTestId("q4-state")).toHaveText(/^✓Correct/);
    await expect(page.getByTestId("q5-state")).toHaveText(/^✓Correct/);
    await expect(page.getByTestId("q2-state")).toHaveText(/Not answered/);
    await expect(page.getByTestId("q8-points")).toHaveText("0 of 5 points");
  });
});
