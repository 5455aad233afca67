import fs from "node:fs";
import { expect, test, type Response } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn } from "./fixtures";

// What would give the answers away, in any response the browser receives while taking a quiz.
const KEY_MARKERS = ['"correct":true', '"weight":', '"credit":', '"tolerance":', '"graderNotes"', "an MfS (Stasi) note, from the East German side"];
// The seeded quiz's authored option, item and pair ids: the browser gets per-attempt view ids instead.
const AUTHORED_IDS = [...fs.readFileSync("prisma/content/mielke-andropov-1981/quiz.json", "utf8").matchAll(/"id":\s*"([a-z0-9-]+)"/g)].map((m) => `"id":"${m[1]}"`);

test("a student takes the seeded quiz, loses the network, keeps every answer, submits and sees the review", async ({ page, context }) => {
  const leaks: string[] = [];
  let submitted = false; // after submitting, the review may show right answers by policy
  const inspected: Promise<void>[] = [];
  const inspect = async (res: Response) => {
    const type = res.request().resourceType();
    if (!["document", "fetch", "xhr"].includes(type)) return;
    const body = (await res.text().catch(() => "")).replace(/\\/g, "");
    for (const marker of [...KEY_MARKERS, ...AUTHORED_IDS]) if (body.includes(marker)) leaks.push(`${marker} in ${res.url()}`);
  };
  // Every body is read before the check below, so a slow response cannot slip past it.
  page.on("response", (res) => {
    if (!submitted) inspected.push(inspect(res));
  });

  await signIn(page, demo.students[0]!); // Ben has not taken the quiz
  const quizzes = page.getByTestId("my-quizzes");
  await quizzes.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/quiz-assignments\//);
  await expectNoAxeViolations(page);
  await page.getByTestId("start-quiz").click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);

  const q2 = page.getByTestId("question-q2");
  await q2.getByLabel(/The US defence budget request/).check();
  await expect(page.getByTestId("save-status")).toHaveText("All answers saved");
  await expectNoAxeViolations(page);

  // The network drops: the answer is kept on the device and the student is told so.
  await context.setOffline(true);
  const q4 = page.getByTestId("question-q4");
  await q4.getByLabel(/He marks these views as his own/).check();
  await expect(page.getByTestId("save-status")).toContainText("Offline");
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(page.getByTestId("save-status")).toHaveText("All answers saved", { timeout: 20_000 });

  // Reopening resumes the attempt with both answers.
  await page.reload();
  await expect(page.getByTestId("question-q2").getByLabel(/The US defence budget request/)).toBeChecked();
  await expect(page.getByTestId("question-q4").getByLabel(/He marks these views as his own/)).toBeChecked();

  // Submitting with questions unanswered asks first.
  await page.getByTestId("submit-quiz").click();
  await expect(page.getByTestId("unanswered-list")).toBeVisible();
  submitted = true;
  await Promise.all(inspected);
  expect(inspected.length).toBeGreaterThan(3);
  expect(AUTHORED_IDS.length).toBeGreaterThan(20);
  expect(leaks, "answer key material sent to the browser").toEqual([]);
  await page.getByTestId("confirm-submit").click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByTestId("review-score")).toBeVisible();
  await expect(page.getByTestId("q2-state")).toContainText(/correct/i);
  // An evidence question's right paragraphs link to the reading, to read them again.
  const evidenceLink = page.locator('[data-testid$="-right-answer"] a[href*="/readings/mielke-andropov-1981#p-"]').first();
  await expect(evidenceLink).toBeVisible();
  await expectNoAxeViolations(page);
  await evidenceLink.click();
  await expect(page).toHaveURL(/\/readings\/mielke-andropov-1981#p-\d+$/);
  await expect(page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`)).toBeVisible();
});

test("answers sent to the API get clear messages and the right status codes, and nothing saved is lost", async ({ page, browser, baseURL, playwright }) => {
  await signIn(page, demo.students[2]!); // Dawit has not taken the quiz
  await page.getByTestId("my-quizzes").getByRole("link", { name: /^Start quiz/ }).first().click();
  await page.getByTestId("start-quiz").click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
  const attemptPath = new URL(page.url()).pathname;
  const attemptId = attemptPath.split("/")[2]!;
  const answerUrl = (key: string, id = attemptId) => `/api/attempts/${id}/answers/${key}`;

  // One answer saved the normal way.
  await page.getByTestId("question-q2").getByLabel(/The US defence budget request/).check();
  await expect(page.getByTestId("save-status")).toHaveText("All answers saved");

  const expectError = async (res: Awaited<ReturnType<typeof page.request.put>>, status: number, message: RegExp) => {
    expect(res.status()).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/\bat \S+:\d+|node_modules|prisma/i); // no stack traces
  };
  await expectError(await page.request.put(answerUrl("q2"), { data: { response: { optionId: 7 } } }), 400, /./);
  await expectError(await page.request.put(answerUrl("q2"), { data: { response: { text: "the wrong shape" } } }), 400, /./);
  await expectError(await page.request.put(answerUrl("q99"), { data: { response: { value: true } } }), 400, /not part of this attempt/);
  await expectError(await page.request.put(answerUrl("not-a-key"), { data: { response: { value: true } } }), 400, /not part of this attempt/);
  await expectError(await page.request.put(answerUrl("q2"), { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } }), 400, /not valid JSON/);
  await expectError(await page.request.put(answerUrl("q2"), { data: { answer: "b" } }), 400, /"response"/);
  await expectError(await page.request.put(answerUrl("q2"), { data: { response: { text: "x".repeat(300_000) } } }), 413, /too long/);
  await expectError(await page.request.put(answerUrl("q2"), { data: '{"response":null}', headers: { "content-type": "text/plain" } }), 415, /as JSON/);
  await expectError(await page.request.put(answerUrl("q2", "no-such-attempt"), { data: { response: null } }), 404, /no such attempt/);

  // Signed out, and another student.
  const anonymous = await playwright.request.newContext({ baseURL });
  await expectError(await anonymous.put(answerUrl("q2"), { data: { response: null } }), 401, /sign in/i);
  await anonymous.dispose();
  const eva = await browser.newContext({ baseURL });
  const evaPage = await eva.newPage();
  await signIn(evaPage, demo.students[3]!);
  await expectError(await evaPage.request.put(answerUrl("q2"), { data: { response: null } }), 403, /another student/);
  await eva.close();

  // None of that touched the saved answer.
  await page.reload();
  await expect(page.getByTestId("question-q2").getByLabel(/The US defence budget request/)).toBeChecked();

  // After submitting, answers are refused with 409 and the submitted one stands.
  await page.getByTestId("submit-quiz").click();
  await page.getByTestId("confirm-submit").click();
  await expect(page).toHaveURL(`${attemptPath}/review`);
  await expectError(await page.request.put(answerUrl("q2"), { data: { response: null } }), 409, /submitted/);
  await page.reload();
  await expect(page.getByTestId("q2-state")).toContainText(/correct/i);
});
