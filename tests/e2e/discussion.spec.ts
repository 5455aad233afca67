// The discussion on the reading, in Chromium: live between three people, post-before-see,
// keyboard-only annotating, drafts that survive a reload, user HTML kept as text, axe.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn } from "./fixtures";

async function assignmentUrl(page: Page): Promise<string> {
  await page.goto("/dashboard");
  const href = await page.locator('a[href^="/assignments/"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

async function person(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

const panel = (page: Page) => page.locator("#discussion-panel");
const openPanel = async (page: Page) => {
  const toggle = page.getByRole("button", { name: /^Discussion \(/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expect(panel(page)).toBeVisible();
};

/** Selects words of a paragraph the way a double-click-and-drag would, then lets the page react. */
async function selectWords(page: Page, anchor: string, words: string) {
  await page.evaluate(
    ({ anchor, words }) => {
      const el = document.getElementById(anchor)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(words);
        if (i >= 0 && !n.parentElement!.closest("[data-pnum]")) {
          document.getSelection()!.setBaseAndExtent(n, i, n, i + words.length);
          return;
        }
      }
      throw new Error(`"${words}" not found in ${anchor}`);
    },
    { anchor, words },
  );
}

async function anchorOf(page: Page, phrase: string): Promise<string> {
  return page.locator("[data-paragraph]", { hasText: phrase }).first().getAttribute("id") as Promise<string>;
}

test.describe("discussion on the reading", () => {
  // Three browsers and axe on a long page: more than the default minute on a shared 2-core machine.
  test.setTimeout(180_000);
  test("two students and the instructor discuss one passage live", async ({ browser }) => {
    const ben = await person(browser, demo.students[0]!);
    const chloe = await person(browser, demo.students[1]!);
    const teacher = await person(browser, demo.instructor);
    const url = await assignmentUrl(ben.page);
    for (const p of [ben.page, chloe.page, teacher.page]) {
      await p.goto(url);
      await openPanel(p);
      await expect(panel(p).getByText("Prompts from your instructor")).toBeVisible();
    }
    // Seeded threads are there, and highlighted through CSS.highlights (the document untouched).
    expect(await ben.page.evaluate(() => CSS.highlights.get("dossier-annotation")?.size ?? 0)).toBeGreaterThan(2);
    expect(await ben.page.locator("mark").count()).toBe(0);

    const anchor = await anchorOf(ben.page, "They are afraid of economic sanctions.");
    await selectWords(ben.page, anchor, "Poland exists thanks to our oil");
    await ben.page.getByRole("button", { name: /^Annotate “Poland exists/ }).click();
    await ben.page.getByLabel("Question").check();
    await ben.page.getByLabel("Your post").fill("Was Poland *really* that dependent on Soviet oil? <b>not bold</b>");
    await ben.page.getByRole("button", { name: "Post", exact: true }).click();
    await expect(ben.page.getByText("Your post was published.")).toBeAttached();

    // The event stream is live through `next start` (not the poll fallback).
    await expect(panel(chloe.page).getByText("Live", { exact: true })).toBeVisible();
    // Chloé and the instructor see it without reloading.
    for (const p of [chloe.page, teacher.page]) {
      await expect(panel(p).getByText(/Was Poland really that dependent/)).toBeVisible();
    }
    await panel(chloe.page).getByText(/Was Poland really that dependent/).click();
    await expect(panel(chloe.page).locator("em", { hasText: "really" })).toBeVisible();
    await expect(panel(chloe.page).getByText("<b>not bold</b>", { exact: false })).toBeVisible();
    expect(await panel(chloe.page).locator("b").count()).toBe(0);
    await panel(chloe.page).getByRole("button", { name: "Reply" }).first().click();
    await panel(chloe.page).getByLabel("Your reply").fill("Oil, gas and loans: see ¶ 12.");
    await panel(chloe.page).getByRole("button", { name: "Post reply" }).click();
    // The reply's "¶ 12" became a link (other posts in the demo cite ¶ 123 and the like).
    await expect(panel(chloe.page).getByText("Oil, gas and loans").getByRole("link", { name: "¶ 12", exact: true })).toBeVisible();

    // Ben sees that his thread has a new reply.
    await expect(ben.page.getByRole("button", { name: /Discussion \(\d+\) · 1 new/ })).toBeVisible();
    await expect(panel(ben.page).getByText("New replies")).toBeVisible();

    // The instructor hides Ben's question: it disappears for Chloé, live.
    await panel(teacher.page).getByText(/Was Poland really that dependent/).click();
    await panel(teacher.page).locator("article", { hasText: "Was Poland" }).getByRole("button", { name: "Hide from students" }).click();
    await expect(panel(teacher.page).getByText("hidden from students").first()).toBeVisible();
    await expect(panel(chloe.page).getByText(/Was Poland really that dependent/)).toHaveCount(0);
    // A student cannot moderate, even by calling the API.
    const postId = await panel(teacher.page).locator("article", { hasText: "Was Poland" }).getAttribute("data-post");
    const denied = await chloe.page.request.post(`/api/${url.slice(1)}/discussion/posts/${postId}/moderation`.replace("/api/assignments/", "/api/assignments/"), { data: { pinned: true } });
    expect(denied.status()).toBe(403);
    for (const x of [ben, chloe, teacher]) await x.context.close();
  });

  test("post before you see: classmates' answers appear only after posting one's own", async ({ browser }) => {
    const teacher = await person(browser, demo.instructor);
    const dawit = await person(browser, demo.students[2]!);
    const url = await assignmentUrl(dawit.page);
    const api = `/api${url}/discussion`;
    expect((await teacher.page.request.put(`${api}/settings`, { data: { visibility: "post-before-see", anonymous: true } })).status()).toBe(200);
    expect((await dawit.page.request.put(`${api}/settings`, { data: { visibility: "class", anonymous: false } })).status()).toBe(403);
    await dawit.page.goto(url);
    await openPanel(dawit.page);
    const prompt = panel(dawit.page).locator("[data-prompt]", { hasText: "Historians’ debate" });
    await expect(prompt.getByText("Post your own answer to see your classmates’ answers.")).toBeVisible();
    await expect(panel(dawit.page).getByText(/does not want to discuss/)).toHaveCount(0);
    await prompt.getByRole("button", { name: "Answer this prompt" }).click();
    await expect(dawit.page.getByLabel("Claim with evidence")).toBeChecked();
    await dawit.page.getByLabel("Your post").fill("He leaves the option open: sanctions are the lever he names.");
    await dawit.page.getByRole("button", { name: "Post", exact: true }).click();
    // Now the classmates' answers show, anonymised.
    await expect(panel(dawit.page).getByText(/does not want to discuss/)).toBeVisible();
    await expect(panel(dawit.page).getByText(/Chloé/)).toHaveCount(0);
    await expect(panel(dawit.page).getByText(/Classmate \d/).first()).toBeVisible();
    await expectNoAxeViolations(dawit.page);
    expect((await teacher.page.request.put(`${api}/settings`, { data: { visibility: "class", anonymous: false } })).status()).toBe(200);
    for (const x of [teacher, dawit]) await x.context.close();
  });

  test("keyboard only: choose a paragraph and words in a dialog; the draft survives a reload", async ({ browser }) => {
    const eva = await person(browser, demo.students[3]!);
    const page = eva.page;
    const url = await assignmentUrl(page);
    await page.goto(url);
    const anchor = await anchorOf(page, "In Afghanistan there is no more major fighting.");
    const n = anchor.slice(2);
    await page.getByRole("button", { name: "Annotate a paragraph" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Annotate a paragraph" })).toBeVisible();
    await page.keyboard.type(n);
    await page.keyboard.press("Tab");
    await page.keyboard.type("The largest groups have been crushed.");
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Your post")).toBeFocused();
    await page.keyboard.type("Crushed by whom, and at what cost?");
    // The server restarts, the tab reloads: the words are still there.
    await page.reload();
    await page.getByRole("button", { name: "Annotate a paragraph" }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.type(n);
    await page.keyboard.press("Tab");
    await page.keyboard.type("The largest groups have been crushed.");
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Your post")).toHaveValue("Crushed by whom, and at what cost?");
    await expectNoAxeViolations(page);
    await page.getByLabel("Your post").focus();
    await page.keyboard.press("Shift+Tab"); // into the radio group, on the checked "Comment"
    await page.keyboard.press("ArrowDown"); // "Question"
    await expect(page.getByLabel("Question")).toBeChecked();
    await page.getByRole("button", { name: "Post", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(panel(page).getByText("Crushed by whom, and at what cost?")).toBeVisible();
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("dossier-draft:")).length)).toBe(0);
    // Bad input gets a message, not a crash.
    const tooLong = await page.request.post(`/api${url}/discussion`, { data: { kind: "comment", body: "x".repeat(5001), paragraph: anchor } });
    expect(tooLong.status()).toBe(400);
    expect((await tooLong.json()).error.message).toBe("A post can be at most 5,000 characters.");
    const blank = await page.request.post(`/api${url}/discussion`, { data: { kind: "comment", body: "   ", paragraph: anchor } });
    expect(blank.status()).toBe(400);
    const wrong = await page.request.post(`/api${url}/discussion`, { data: { kind: "comment", body: "hi", paragraph: anchor, quote: { exact: "nothing like this", prefix: "", suffix: "", start: 0, end: 17 } } });
    expect(wrong.status()).toBe(400);
    await eva.context.close();
  });

  test("the instructor's view: participation, open questions, exports; students are refused", async ({ browser }) => {
    const ben = await person(browser, demo.students[0]!);
    const url = await assignmentUrl(ben.page);
    const teacher = await person(browser, demo.instructor);
    await teacher.page.goto(`${url}/discussion`);
    await expect(teacher.page.getByRole("heading", { name: "Discussion on the reading" })).toBeVisible();
    await expect(teacher.page.getByRole("row", { name: /Chloé Dubois/ })).toBeVisible();
    await expect(teacher.page.getByText("Why would the head of the KGB call his own view")).toBeVisible();
    await expectNoAxeViolations(teacher.page);
    const csv = await teacher.page.request.get(`/api${url}/discussion/export?format=participation`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("helpful_received");
    expect((await ben.page.request.get(`/api${url}/discussion/export?format=json`)).status()).toBe(403);
    for (const x of [teacher, ben]) await x.context.close();
  });
});
