// Broken and hostile GIFT: every problem is an error on the right line, the rest still imports,
// and nothing throws or takes more than linear time.
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseGift } from "@/lib/interchange/gift";
import { bigGift } from "../../helpers/gift-big";

/**
 * Milliseconds of CPU this process spent in `run`. The wall clock on a shared machine measures
 * the other processes as much as the parser; CPU time measures the parser.
 */
function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Errors of a file, as [line, message] pairs, and the titles of what did import. */
function run(gift: string) {
  const { questions, errors, notices } = parseGift(gift);
  return { titles: questions.map((q) => q.title), errors, lines: errors.map((e) => e.line), notices };
}

const GOOD_BEFORE = "::Before:: The Helsinki Final Act was signed in 1975. {T}";
const GOOD_AFTER = "::After:: Martial law in Poland was declared in 1981. {T}";

/** A broken question between two good ones: the broken one is reported, the good ones import. */
function between(broken: string) {
  return run(`${GOOD_BEFORE}\n\n${broken}\n\n${GOOD_AFTER}\n`);
}

describe("errors carry the line and a message a teacher can act on", () => {
  it("unclosed {: the line of the {, and the next question still imports", () => {
    const r = between("::Brest::\nThe Brest meeting was held in\n{=April ~March");
    expect(r.titles).toEqual(["Before", "After"]);
    expect(r.errors).toEqual([{ line: 5, message: expect.stringMatching(/^Line 5: the answer block is never closed with }/) }]);
  });

  it("a blank line inside { } splits the question: the { is unclosed and the rest is a stray }", () => {
    const r = run("Q {\n=April\n\n~March\n}\n\n::Ok:: Q {T}");
    expect(r.lines).toEqual([1, 5]);
    expect(r.errors[0]!.message).toMatch(/blank line inside \{ \}/);
    expect(r.errors[1]!.message).toMatch(/^Line 5: a \} with no \{ before it/);
    expect(r.titles).toEqual(["Ok"]);
  });

  it("stray }: its own line", () => {
    const r = between("::Stray:: Who was\nFirst Deputy } Chairman? {=Tsvigun ~Kryuchkov}");
    expect(r.titles).toEqual(["Before", "After"]);
    expect(r.errors).toEqual([{ line: 4, message: "Line 4: a } with no { before it (write \\} for a literal brace)." }]);
  });

  it("a } after the answer block", () => {
    expect(between("Q {=a ~b}\n}").errors).toEqual([{ line: 4, message: "Line 4: a } with no matching { (write \\} for a literal brace)." }]);
  });

  it("a second answer block", () => {
    expect(between("Q {=a ~b} and {=c ~d}").errors[0]).toMatchObject({ line: 3, message: expect.stringMatching(/a second answer block/) });
  });

  it("a ::name:: with no question", () => {
    const r = between("::Lonely name::");
    expect(r.titles).toEqual(["Before", "After"]);
    expect(r.errors).toEqual([{ line: 3, message: "Line 3: the question name ::Lonely name:: is not followed by a question (no text and no answer block { })." }]);
  });

  it("a ::name:: followed only by an answer block", () => {
    expect(between("::No text:: {T}").errors).toEqual([{ line: 3, message: 'Line 3: the question "No text" has no question text before its answers.' }]);
  });

  it("a name opened with :: and never closed", () => {
    expect(between("// note\n::Unclosed name Q {T}").errors).toEqual([
      { line: 4, message: "Line 4: the question name opened with :: is never closed with :: (write \\: for a colon inside a name)." },
    ]);
  });

  it("an answer block with no right answer: the line of the {", () => {
    const r = between("::Nobody right::\nWho chaired the KGB in 1981? {\n~Tsvigun\n~Kryuchkov\n}");
    expect(r.titles).toEqual(["Before", "After"]);
    expect(r.errors).toEqual([
      { line: 4, message: "Line 4: the answer block has no right answer: mark it with = (or give the right answers a share, like ~%50%answer)." },
    ]);
    expect(between("Q {=%0%x =%0%y}").errors[0]).toMatchObject({ line: 3, message: expect.stringMatching(/no right answer/) });
    expect(between("Q {#=%0%1981}").errors[0]).toMatchObject({ line: 3, message: expect.stringMatching(/no right answer/) });
  });

  it("multiple choice with two right answers", () => {
    const r = between("::Two right::\nWho was in the KGB leadership? {\n=Tsvigun\n=Kryuchkov\n~Jaruzelski\n}");
    expect(r.errors).toEqual([
      {
        line: 4,
        message:
          "Line 4: 2 answers are marked right with =, but a multiple-choice question has exactly one. For several right answers give each its share: ~%50%answer.",
      },
    ]);
  });

  it("= with a weight other than 100%, and ~%100% beside an =: both reported", () => {
    expect(between("Q {=%50%half ~wrong}").errors).toEqual([
      { line: 3, message: 'Line 3: "half" is marked right with = and also given %50%. The = answer earns full credit; give partial credit to a ~ answer instead (~%50%half).' },
    ]);
    expect(between("Q {=right\n~%100%also right ~wrong}").errors).toEqual([
      {
        line: 4,
        message:
          'Line 4: "also right" has 100% as well as the = answer, but a multiple-choice question has exactly one full-credit answer. For several right answers give each its share: ~%50%answer.',
      },
    ]);
  });

  it("unknown format tag, and a hint for an uppercase one", () => {
    expect(between("[text]Who? {=Tsvigun ~Kryuchkov}").errors).toEqual([
      {
        line: 3,
        message:
          "Line 3: unknown text format [text]. GIFT knows [moodle], [html], [plain] and [markdown]. If the text really starts with [text], put a format before it: [plain][text]…",
      },
    ]);
    expect(between("::T::\n[HTML]<b>Who?</b> {=A ~B}").errors).toEqual([
      { line: 4, message: expect.stringContaining("Format tags are lowercase: write [html].") },
    ]);
    // The suggested way around it works.
    expect(parseGift("[plain][text] Who? {=A ~B}").questions[0]!.prompt).toBe("[text] Who?");
  });

  it("numeric with a non-number, on the line of that answer", () => {
    expect(between("Year? {#19x1}").errors).toEqual([
      { line: 3, message: 'Line 3: "19x1" is not a number. A numeric answer looks like 1981, 1981:2 (1981 ± 2) or 1980..1982.' },
    ]);
    const multi = between("Year? {#\n=1981\n=%50%1980:one\n}");
    expect(multi.lines).toEqual([5]);
    expect(multi.errors[0]!.message).toContain('"one" is not a number');
    expect(between("Pi? {#3,14}").errors[0]!.message).toContain("Use a dot for decimals.");
    expect(between("Q {#1982..1980}").errors[0]!.message).toContain("runs backwards");
    expect(between("Q {#}").errors[0]!.message).toBe("Line 3: the numeric answer block {# } has no answers.");
    expect(between("Q {#=1981 ~1980}").errors[0]!.message).toContain("~ only introduces feedback");
  });

  it("matching with a pair missing ->, on the line of that pair", () => {
    const r = between("::KGB roles::\nMatch. {\n=Tsvigun -> First Deputy Chairman\n=Kryuchkov head of foreign intelligence\n=Jaruzelski -> Prime Minister\n}");
    expect(r.titles).toEqual(["Before", "After"]);
    expect(r.errors).toEqual([
      { line: 6, message: 'Line 6: the matching pair "Kryuchkov head of foreign intelligence" has no -> between the item and its answer.' },
    ]);
    expect(between("Match. {=A -> 1 =B ->}").errors[0]!.message).toContain("has no answer after ->");
  });

  it("a question that breaks the bank's schema is reported at its first line", () => {
    const oneSum = between("::Shares::\nPick. {~%50%A ~%40%B ~C}");
    expect(oneSum.errors).toEqual([{ line: 3, message: 'Line 3: question "Shares" can\'t be imported: the shares (%n%) of the right answers must add up to 100%.' }]);
    const onePair = between("Match. {=A -> 1}");
    expect(onePair.errors[0]!.message).toMatch(/^Line 3: question "Match\." can't be imported: the matching pairs: fewer than 2/);
    const longTitle = between(`::${"x".repeat(201)}:: Q {T}`);
    expect(longTitle.errors[0]!.message).toContain("the title is longer than 200 characters");
    const tooMany = between(`Q {=a ${Array.from({ length: 13 }, (_, k) => `~w${k}`).join(" ")}}`);
    expect(tooMany.errors[0]!.message).toContain("the answers: more than 12");
  });

  it("weights outside -100…100 and negative short-answer credit", () => {
    expect(between("Q {~%150%A ~B}").errors[0]!.message).toBe("Line 3: the weight %150% is outside -100…100 percent.");
    expect(between("Q {=A =%-50%B}").errors[0]!.message).toContain("can't have negative credit");
  });

  it("text before the first ~ or = in a choice block", () => {
    expect(between("Q {April ~March =May}").errors[0]!.message).toMatch(/^Line 3: "April" stands before the first ~ or =/);
  });

  it("a description (text without answers) is skipped with a note, not reported as a problem", () => {
    const r = between("// Section 2\nThe following questions are about the Brest meeting.");
    expect(r.titles).toEqual(["Before", "After"]);
    expect(r.errors).toEqual([]);
    expect(r.notices).toEqual([
      {
        line: 4,
        kind: "description",
        message:
          "Description “The following questions are about the Br…” on line 4 is not a question; Dossier skips it. (Moodle imports text without an answer block { } as a description; if it was meant as a question, give it one.)",
      },
    ]);
    // Named descriptions are named by their name, and a format tag is not part of it.
    expect(between("::Part 2::[html]<p>Now the Brest meeting.</p>").notices[0]!.message).toMatch(/^Description “Part 2” on line 3 /);
    expect(between("[markdown]*Read* the passage first.").notices[0]!.message).toMatch(/^Description “\*Read\* the passage first\.” on line 3 /);
  });

  it("a malformed // dossier: line skips its question", () => {
    expect(between("// dossier:anchors p-1,paragraph-2\nQ {T}").errors).toEqual([
      { line: 3, message: 'Line 3: "paragraph-2" in // dossier:anchors is not a paragraph anchor (like p-12).' },
    ]);
    expect(between("// dossier:essay {rubric:\nQ {}").errors[0]!.message).toBe("Line 3: the // dossier:essay line is not valid JSON.");
    expect(between("// dossier:short-answer case=maybe\nQ {=a}").errors[0]!.message).toContain("should look like case=true");
  });
});

describe("fixtures/first-draft.gift: a draft with the usual slips", () => {
  const draft = readFileSync(new URL("./fixtures/first-draft.gift", import.meta.url), "utf8");

  it("imports the good questions and reports each slip on its line", () => {
    const r = run(draft);
    expect(r.titles).toEqual(["Brest", "Helsinki", "Afghanistan", "Jaruzelski", "Last"]);
    const expected: [number, string][] = [
      [5, "Line 5: the answer block is never closed with }. A blank line "],
      [13, 'Line 13: the matching pair "Kryuchkov, head of foreign intelli'],
      [18, 'Line 18: "one thousand" is not a number. A numeric answer looks'],
      [22, "Line 22: unknown text format [HTML]. GIFT knows [moodle], [htm"],
      [24, "Line 24: the answer block has no right answer: mark it with = "],
      [26, "Line 26: the question name ::Orphan:: is not followed by a que"],
      [30, "Line 30: a } with no { before it (write \\} for a literal brac"],
    ];
    expect(r.lines).toEqual(expected.map(([line]) => line));
    r.errors.forEach((e, k) => expect(e.message.startsWith(expected[k]![1]), e.message).toBe(true));
    for (const e of r.errors) expect(e.message.startsWith(`Line ${e.line}: `)).toBe(true);
    // The description in the middle is no slip: skipped, with a note.
    expect(r.notices.map((n) => [n.line, n.kind])).toEqual([[20, "description"]]);
  });

  it("the same with Windows line endings and a BOM", () => {
    expect(parseGift(`\uFEFF${draft.replace(/\n/g, "\r\n")}`)).toEqual(parseGift(draft));
  });
});

describe("odd files", () => {
  it("an empty file, whitespace only, comments only: no questions, no errors", () => {
    for (const text of ["", "   \n\n\t\n", "// nothing here\n// at all\n", "\uFEFF"]) {
      expect(parseGift(text)).toEqual({ questions: [], errors: [], notices: [] });
    }
  });

  it("Windows line endings and a byte-order mark read like plain LF, with the same line numbers", () => {
    const lf = `// header\n${GOOD_BEFORE}\n\nQ {\n=a\n~b\n\n${GOOD_AFTER}\n`;
    const crlf = `\uFEFF${lf.replace(/\n/g, "\r\n")}`;
    expect(parseGift(crlf)).toEqual(parseGift(lf));
    const r = run(crlf);
    expect(r.titles).toEqual(["Before", "After"]);
    expect(r.lines).toEqual([4]);
    // No stray \r in any text.
    const multi = parseGift("::A::\r\nLine one\r\nline two {\r\n=x\r\n~y\r\n}\r\n").questions[0]!;
    expect(multi.prompt).toBe("Line one\nline two");
  });

  it("old Mac line endings (CR only)", () => {
    expect(run(`${GOOD_BEFORE}\r\r${GOOD_AFTER}`).titles).toEqual(["Before", "After"]);
  });

  it("deeply repeated braces: one error at the first nested {, no exception", () => {
    const r = between(`::Braces::\nQ ${"{".repeat(50_000)}=a${"}".repeat(50_000)}`);
    expect(r.titles).toEqual(["Before", "After"]);
    expect(r.errors).toEqual([{ line: 4, message: expect.stringMatching(/^Line 4: a \{ inside an answer block/) }]);
    expect(between("}".repeat(50_000)).errors).toHaveLength(1);
    expect(between("{}".repeat(50_000)).errors).toHaveLength(1);
  });

  it("never throws on junk", () => {
    const junk = ["::", "::::", "{", "}", "{#", "{=", "{~", "{->}", "{=->}", "\\", "\\\\\\", "#", "####", "{####}", "[html]", "[", "%", "{~%%}", "{=%1e5%a}", "$CATEGORY:", "// dossier:anchors", "\u0000{T}", "Q {T#", "Q {#..}", "Q {#:}", "Q{#=%50%}"];
    for (const text of junk) {
      expect(() => parseGift(text)).not.toThrow();
      expect(() => parseGift(`${text}\n${text}\n\n${text}`)).not.toThrow();
    }
  });
});

describe("size", () => {
  /** A realistic mix of good and broken questions, about `bytes` long. */
  function bigFile(bytes: number): { text: string; good: number; bad: number } {
    const good = [
      "::Brest {n}::The Brest meeting was held in {=April ~March ~June} 1981.",
      "::Afghanistan {n}::Year Soviet troops entered Afghanistan? {#=1979:0 =%50%1979:1}",
      "::Roles {n}::Match. {=Tsvigun -> First Deputy KGB Chairman =Kryuchkov -> foreign intelligence}",
      "::Jaruzelski {n}::Who became Polish PM on 11 February 1981? {=Jaruzelski =Wojciech Jaruzelski}",
      "::Helsinki {n}::The Helsinki Final Act was signed on 1 August 1975. {T#No.#Yes.}",
    ];
    const parts: string[] = [];
    let size = 0;
    let n = 0;
    let bad = 0;
    while (size < bytes) {
      const q = n % 50 === 49 ? `::Broken ${n}::Unclosed {=a ~b` : good[n % good.length]!.replace("{n}", String(n));
      if (n % 50 === 49) bad++;
      const block = `// question ${n}\n${q}`;
      parts.push(block);
      size += block.length + 2;
      n++;
    }
    return { text: parts.join("\n\n"), good: n - bad, bad };
  }

  it("a 1 MB file parses quickly and completely", () => {
    const { text, good, bad } = bigFile(1_000_000);
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    let result = parseGift("");
    const ms = cpuMs(() => (result = parseGift(text)));
    expect(result.questions).toHaveLength(good);
    expect(result.errors).toHaveLength(bad);
    expect(ms).toBeLessThan(3000);
  });

  it("a 6 MB file of 160,000 questions (the size a teacher's bank reached) parses completely and counts right", { timeout: 120_000 }, () => {
    // How the time grows with the size is measured by tests/bench/gift.mts, not asserted here.
    const { text, questions, categories } = bigGift(160_000);
    expect(text.length).toBeGreaterThan(6_000_000);
    const result = parseGift(text);
    expect(result.errors).toEqual([]);
    expect(result.notices).toEqual([]);
    expect(result.questions).toHaveLength(questions);
    expect(new Set(result.questions.map((q) => q.category)).size).toBe(categories);
    const types = new Map<string, number>();
    for (const q of result.questions) types.set(q.type, (types.get(q.type) ?? 0) + 1);
    expect(Object.fromEntries(types)).toEqual({ "multiple-choice": 26_667, "true-false": 26_667, "short-answer": 26_667, numeric: 26_667, matching: 26_666, essay: 26_666 });
    expect(result.questions[159_995]).toMatchObject({ type: "essay", title: "E159995", prompt: "Essay 159995 {draft}", category: "$course$/Cold War/Part 159" });
  });

  it("1 MB single questions that stress one scan each stay fast", { timeout: 120_000 }, () => {
    const mb = 1_000_000;
    const cases = [
      `Q {${"~a ".repeat(mb / 3)}}`,
      `Q {${"=a->b ".repeat(mb / 6)}}`,
      `Q {=a#${"#".repeat(mb)}}`,
      `Q {T${"#".repeat(mb)}}`,
      `Q ${"\\".repeat(mb)} {T}`,
      `${"::".repeat(mb / 2)}`,
      `::${"x".repeat(mb)}`,
      `Q {${"{".repeat(mb)}`,
      `Q {#${"1".repeat(mb)}}`,
      `${"word ".repeat(mb / 5)}{T}`,
      `${"line\n".repeat(mb / 5)}{T}`,
      `Q {\n${"~a\n".repeat(mb / 3)}=b}`,
      `// ${"[tag:a\\]".repeat(mb / 8)}\nQ {T}`,
      `${"// Dossier ordering question \"x\" (not importable into GIFT)\n".repeat(mb / 60)}`,
    ];
    for (const text of cases) {
      expect(cpuMs(() => expect(() => parseGift(text)).not.toThrow()), text.slice(0, 20)).toBeLessThan(2000);
    }
  });
});
