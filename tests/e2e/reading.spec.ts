import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { parseSource, sourceBodyParagraphs, structureSchema } from "../../lib/reading/parse-source";
import { READING, expectNoAxeViolations } from "./fixtures";

const dir = "prisma/content/mielke-andropov-1981";
const source = fs.readFileSync(`${dir}/source.txt`, "utf8");
const structure = structureSchema.parse(JSON.parse(fs.readFileSync(`${dir}/structure.json`, "utf8")));
const parsed = parseSource(source, structure);

test.describe("the public reading", () => {
  test("shows every paragraph of the document verbatim, in order, and no page furniture", async ({ page }) => {
    await page.goto(READING);
    const document = page.getByRole("article", { name: "The document" });
    // Each paragraph's own text, without the chips the app adds after it.
    const shown = await document.locator("[data-paragraph]").evaluateAll((els) =>
      els.map((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll("[data-chip], [data-pnum]").forEach((c) => c.remove());
        return (copy.textContent ?? "").trim();
      }),
    );
    expect(shown).toEqual(sourceBodyParagraphs(source, structure));
    const text = await document.innerText();
    for (const furniture of ["Blavatnik", "Document Information", "Record ID", "KGB Chairman Andropov and East German Minister"]) {
      expect(text).not.toContain(furniture);
    }
  });

  test("shows provenance, structure, the gap and two-way footnotes", async ({ page }) => {
    await page.goto(READING);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stasi Note on Meeting Between Minister Mielke and KGB Chairman Andropov");
    for (const fact of ["BStU", "ZAIG 5382", "Bernd Schaefer", "Wilson Center", "welcomes reuse"]) {
      await expect(page.getByText(fact, { exact: false }).first()).toBeVisible();
    }
    // Speaker turns, topic headings, insertions, lists.
    await expect(page.locator(".speaker-andropov").first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "On Poland:" })).toBeVisible();
    await expect(page.locator("[data-insertion]").filter({ hasText: "[Mielke to Moscow]" })).toBeVisible();
    // The paragraph number comes first ("Paragraph 4", in the margin), then the text.
    await expect(page.locator("ul li#p-4")).toHaveText("Paragraph 4Comrade Army General Andropov");
    // The gap after "only two candidates remained:".
    const gap = page.locator("#gap-1");
    await expect(gap).toContainText("not preserved");
    const before = parsed.paragraphs.find((p) => p.text.endsWith("only two candidates remained:"))!;
    expect(await page.locator(`#${before.anchor} + #gap-1`).count()).toBe(1);
    // Footnote [1]: text → note → back.
    await page.locator("#fnref-1").click();
    await expect(page).toHaveURL(/#fn-1$/);
    await page.getByRole("link", { name: "Back to the text at footnote 1" }).click();
    await expect(page).toHaveURL(/#fnref-1$/);
    // Table of contents reaches a section.
    await page.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: /Western Europe/ }).click();
    await expect(page).toHaveURL(/#s-western-europe$/);
  });

  test("opens each context sidebar and a person note beside the text", async ({ page }) => {
    await page.goto(READING);
    const panel = page.getByRole("complementary", { name: "Notes beside the text" });
    for (const [slug, title] of [
      ["polish-crisis", /Solidarność/],
      ["afghanistan", /Afghanistan/],
      ["detente", /[Dd]étente/],
      ["madrid-csce", /Madrid/],
    ] as const) {
      await page.locator(`article [data-note="${slug}"]`).first().click();
      await expect(panel.getByRole("heading", { level: 2 })).toHaveText(title);
      await expect(panel).toContainText("Sources");
      await panel.getByRole("button", { name: /Close/ }).click();
    }
    await page.locator('article a.term-link[data-note="kania"]').first().click();
    await expect(panel.getByRole("heading", { level: 2 })).toContainText("Kania");
    // The Brest teaching point: the document's date is wrong, and the app says so.
    await page.locator(`article [data-note="polish-crisis"]`).first().click();
    await expect(panel).toContainText("3–4 April 1981");
  });

  test("sets the historians' debate on invasion beside Andropov's own line about it", async ({ page }) => {
    await page.goto(READING);
    const line = page.getByRole("article", { name: "The document" }).locator("[data-paragraph]", { hasText: "They are not afraid of a military invasion." });
    await expect(line).toHaveAttribute("data-notes", /\binvasion-debate\b/);
    await line.locator('[data-note="invasion-debate"]').click();
    const panel = page.getByRole("complementary", { name: "Notes beside the text" });
    await expect(panel.getByRole("heading", { level: 2 })).toHaveText(/would Moscow have invaded Poland\?/);
    for (const name of ["Mastny", "Kramer", "Jaruzelski", "Anoshkin"]) await expect(panel).toContainText(name);
    await expect(panel).toContainText("The Soviet Non-Invasion of Poland in 1980/81 and the End of the Cold War");
  });

  test("links the closing 'Plenary Session' to the talks' own session, not to the party plenum", async ({ page }) => {
    await page.goto(READING);
    const closing = page.getByRole("article", { name: "The document" }).locator("[data-paragraph]", { hasText: "During the Plenary Session Comrade Mielke awarded" });
    await expect(closing.locator('a[data-note="plenary-session"]')).toHaveCount(0);
    const link = closing.locator('a.term-link[data-note="talks-plenary-session"]');
    await expect(link).toHaveText("During the Plenary Session");
    await link.click();
    const panel = page.getByRole("complementary", { name: "Notes beside the text" });
    await expect(panel.getByRole("heading", { level: 2 })).toHaveText("Plenary session of these talks");
    await expect(panel).toContainText("not a party plenum");
  });

  test("has a timeline that marks hindsight and links to passages", async ({ page }) => {
    await page.goto(READING);
    const timeline = page.locator("#timeline");
    await expect(timeline.locator("#event-this-meeting")).toContainText("This document");
    await expect(timeline.getByText("After the meeting").first()).toBeVisible();
    const martialLaw = timeline.locator("li", { hasText: "13 December 1981" }).first();
    await expect(martialLaw).toContainText("After the meeting");
    const link = timeline.locator("li a[href^='#p-']").first();
    const target = (await link.getAttribute("href"))!;
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));
  });

  test("tells the reader when a paragraph link doesn't exist, and 404s unknown readings and anchors", async ({ page }) => {
    await page.goto(`${READING}#p-9999`);
    await expect(page.getByTestId("missing-anchor")).toContainText("p-9999");
    const missing = await page.goto(`${READING}/p/p-9999`);
    expect(missing?.status()).toBe(404);
    const bad = await page.goto(`${READING}/p/not-an-anchor`);
    expect(bad?.status()).toBe(404);
    const unknown = await page.goto("/readings/no-such-reading");
    expect(unknown?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
    await page.goto(`${READING}/p/p-96`);
    await expect(page).toHaveURL(/#p-96$/);
  });

  test("numbers every paragraph quietly in the margin, also in print", async ({ page }) => {
    await page.goto(READING);
    const paragraph = page.locator("#p-129");
    const label = paragraph.locator("[data-pnum]");
    await expect(label).toBeVisible();
    // Read out as "Paragraph 129"; seen as a small number beside the first line.
    await expect(label).toHaveText("Paragraph 129");
    const [box, text] = await Promise.all([label.boundingBox(), paragraph.boundingBox()]);
    expect(box!.x + box!.width).toBeLessThanOrEqual(text!.x + 1);
    expect(Math.abs(box!.y - text!.y)).toBeLessThan(16);
    const sizes = await paragraph.evaluate((el) => [parseFloat(getComputedStyle(el).fontSize), parseFloat(getComputedStyle(el.querySelector("[data-pnum-n]")!).fontSize)]);
    expect(sizes[1]).toBeLessThan(sizes[0]!);
    // Every paragraph of the document has its number, and each number once.
    const numbers = await page.locator("article [data-paragraph] [data-pnum]").allTextContents();
    const anchors = await page.locator("article [data-paragraph]").evaluateAll((els) => els.map((el) => el.id));
    expect(numbers).toEqual(anchors.map((a) => `Paragraph ${a.replace("p-", "")}`));
    await page.emulateMedia({ media: "print" });
    await expect(label).toBeVisible();
  });

  test("a paragraph's permalink opens the reading there and highlights that paragraph", async ({ page }) => {
    await page.goto(`${READING}/p/p-129`);
    await expect(page).toHaveURL(/#p-129$/);
    const target = page.locator("#p-129");
    await expect(target).toBeInViewport();
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      const n = getComputedStyle(el.querySelector("[data-pnum-n]")!);
      return { target: el.matches(":target"), outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), background: s.backgroundColor, numberWeight: Number(n.fontWeight) };
    };
    const highlighted = await target.evaluate(look);
    const plain = await page.locator("#p-128").evaluate(look);
    expect(highlighted.target).toBe(true);
    // Not colour alone: an outline around the paragraph, and its number set in bold.
    expect(highlighted.outline).toBe("solid");
    expect(highlighted.outlineWidth).toBeGreaterThanOrEqual(2);
    expect(highlighted.numberWeight).toBeGreaterThanOrEqual(700);
    expect(plain).toMatchObject({ target: false, outline: "none" });
    expect(plain.numberWeight).toBeLessThan(700);
    expect(highlighted.background).not.toBe(plain.background);
    await expectNoAxeViolations(page);
  });

  test("a timeline chip opens its event beside the text instead of jumping to the timeline", async ({ page }) => {
    await page.goto(READING);
    const chip = page.locator("article a[data-chip][href^='#event-']").first();
    const slug = (await chip.getAttribute("href"))!.replace("#event-", "");
    const title = (await page.locator(`#event-${slug} h3`).textContent())!;
    await chip.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    await chip.focus();
    await page.keyboard.press("Enter");
    const panel = page.getByRole("complementary", { name: "Notes beside the text" });
    const heading = panel.getByRole("heading", { level: 2 });
    await expect(heading).toHaveText(title);
    await expect(heading).toBeFocused();
    await expect(panel).toContainText("Sources");
    expect(page.url()).not.toContain("#event-");
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(50);
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");
    await expect(chip).toBeFocused();
    await expect(panel.getByRole("heading", { level: 2 })).toHaveText("Context for this reading");
  });

  test("is served from the cache, not rebuilt per request", async ({ request }) => {
    await request.get(READING);
    const res = await request.get(READING);
    expect(res.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
  });

  test("passes an axe scan", async ({ page }) => {
    await page.goto(READING);
    await page.locator("#about-this-source summary").click();
    await expectNoAxeViolations(page);
  });

  test("can be read with the keyboard alone", async ({ page }) => {
    await page.goto(READING);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    // Tab forward until a name with a note is focused, open it, read it, close it.
    const term = page.locator("article a.term-link").first();
    await term.focus();
    await page.keyboard.press("Enter");
    const panel = page.getByRole("complementary", { name: "Notes beside the text" });
    await expect(panel.getByRole("heading", { level: 2 })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(term).toBeFocused();
    // The contents are reachable and work from the keyboard.
    await page.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: /Poland: Andropov/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#s-poland-history$/);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the whole reading and its notes are there, and note links jump to the note", async ({ page }) => {
    await page.goto(READING);
    await expect(page.locator("#p-1")).toHaveText("Paragraph 1N o t e");
    await expect(page.locator("#p-1 [data-pnum]")).toBeVisible();
    // A timeline chip is a plain link to the event in the timeline.
    const chip = page.locator("article a[data-chip][href^='#event-']").first();
    const href = (await chip.getAttribute("href"))!;
    await chip.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.locator(href)).toBeInViewport();
    await expect(page.locator("#note-polish-crisis")).toBeVisible();
    await page.locator('article a[data-note="madrid-csce"]').first().click();
    await expect(page).toHaveURL(/#note-madrid-csce$/);
    await expect(page.locator("#note-madrid-csce")).toBeInViewport();
  });
});
