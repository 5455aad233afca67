// GIFT export: what Moodle would import, with every special character escaped, and a round trip
// back through the importer that gives the same questions.
import { describe, expect, it } from "vitest";

import { formatGift, parseGift } from "@/lib/interchange/gift";
import { authoredQuestionSchema, type AuthoredQuestion } from "@/lib/question-types/schemas";

type Input = Parameters<typeof authoredQuestionSchema.parse>[0];
const q = (input: Input): AuthoredQuestion => authoredQuestionSchema.parse(input);

function roundTrip(questions: AuthoredQuestion[]) {
  const gift = formatGift(questions);
  const back = parseGift(gift);
  expect(back.errors, gift).toEqual([]);
  return { gift, back: back.questions };
}

/** Every GIFT-representable type, with the ids, points and whitespace an import would give. */
const representable: AuthoredQuestion[] = [
  q({
    type: "multiple-choice",
    title: "Brest — month",
    prompt: "The Brest meeting was held in _____ 1981.",
    format: "plain",
    generalFeedback: "It met on 3–4 April 1981.",
    anchors: ["p-3", "p-12"],
    category: "Cold War/Poland 1981",
    config: {
      options: [
        { id: "a", text: "April", credit: 1, feedback: "Yes." },
        { id: "b", text: "March", credit: 0 },
        { id: "c", text: "June", credit: 0, feedback: "No: June is too late." },
      ],
    },
  }),
  q({
    type: "multiple-response",
    title: "Before Brest",
    prompt: "Which of these happened before April 1981?",
    format: "markdown",
    category: "Cold War/Poland 1981",
    config: {
      options: [
        { id: "a", text: "Soviet troops entered Afghanistan (25 Dec 1979)", weight: 1 / 3 },
        { id: "b", text: "The Helsinki Final Act (1 Aug 1975)", weight: 1 / 3 },
        { id: "c", text: "Jaruzelski became PM (11 Feb 1981)", weight: 1 / 3, feedback: "Yes, two months before." },
        { id: "d", text: "Martial law in Poland (13 Dec 1981)", weight: -0.25 },
        { id: "e", text: "None of these", weight: 0 },
      ],
    },
  }),
  q({
    type: "multiple-response",
    title: "One right, checkboxes",
    prompt: "Tick every KGB official.",
    config: {
      options: [
        { id: "a", text: "Tsvigun", weight: 1 },
        { id: "b", text: "Jaruzelski", weight: -0.07 },
      ],
    },
  }),
  q({
    type: "true-false",
    title: "Martial law before Brest?",
    prompt: "Martial law was declared in Poland before the Brest meeting.",
    format: "html",
    config: { answer: false, feedbackTrue: "No: it came on 13 December 1981.", feedbackFalse: "Right." },
  }),
  q({ type: "true-false", title: "Helsinki", prompt: "The Helsinki Final Act was signed in 1975.", config: { answer: true, feedbackTrue: "Yes." } }),
  q({ type: "true-false", title: "Helsinki 2", prompt: "It was signed in 1976.", config: { answer: false, feedbackTrue: "No, 1975." } }),
  q({
    type: "short-answer",
    title: "Jaruzelski PM",
    prompt: "Who became Prime Minister of Poland on 11 February 1981?",
    format: "moodle",
    config: {
      answers: [
        { text: "Jaruzelski", credit: 1 },
        { text: "Wojciech Jaruzelski", credit: 1, feedback: "Full name." },
        { text: "General Jaruzelski", credit: 0.5 },
      ],
    },
  }),
  q({
    type: "short-answer",
    title: "Wałęsa, exactly",
    prompt: "Spell the Solidarity leader's surname exactly.",
    config: { answers: [{ text: "Wałęsa", credit: 1 }], caseSensitive: true, accentSensitive: true, punctuationSensitive: false },
  }),
  q({
    type: "numeric",
    title: "Afghanistan",
    prompt: "In which year did Soviet troops enter Afghanistan?",
    config: {
      answers: [
        { kind: "tolerance", value: 1979, tolerance: 0, credit: 1, feedback: "25 December 1979." },
        { kind: "tolerance", value: 1979, tolerance: 1, credit: 0.5 },
        { kind: "range", min: 1975, max: 1985, credit: 0.1 },
        { kind: "range", min: -Number.MAX_VALUE, max: Number.MAX_VALUE, credit: 0, feedback: "See the timeline." },
      ],
      unit: "year",
    },
  }),
  q({ type: "numeric", title: "Brest days", prompt: "Either day of the Brest meeting (April 1981)?", config: { answers: [{ kind: "range", min: 3, max: 4, credit: 1 }] } }),
  q({ type: "numeric", title: "Tiny", prompt: "Half of -0.3?", config: { answers: [{ kind: "tolerance", value: -0.15, tolerance: 0.001, credit: 1 }] } }),
  q({
    type: "matching",
    title: "KGB roles",
    prompt: "Match each man to his post in 1981.",
    generalFeedback: "See paragraphs 7–8.",
    config: {
      pairs: [
        { id: "p1", prompt: "Semyon Tsvigun", answer: "First Deputy Chairman of the KGB" },
        { id: "p2", prompt: "Vladimir Kryuchkov", answer: "head of KGB foreign intelligence" },
        { id: "p3", prompt: "Wojciech Jaruzelski", answer: "Prime Minister of Poland -> from 11 Feb 1981" },
      ],
      distractors: ["Minister of the Interior", "Ambassador"],
    },
  }),
  q({ type: "essay", title: "Why Brest mattered", prompt: "Why did the Brest meeting matter?", format: "markdown", config: {} }),
  q({
    type: "essay",
    title: "Essay with rubric",
    prompt: "Compare the two documents.",
    generalFeedback: "A model answer mentions both dates.",
    config: {
      rubric: [
        { id: "c1", criterion: "Uses 3–4 April 1981", maxPoints: 2 },
        { id: "c2", criterion: 'Quotes "the document"\nwith care', maxPoints: 3 },
      ],
      minWords: 150,
      maxWords: 600,
      graderNotes: "Look for\nmartial law (13 Dec 1981).",
    },
  }),
  q({
    type: "multiple-choice",
    title: "Partial credit",
    prompt: "Where did the August 1980 strikes begin?",
    config: {
      options: [
        { id: "a", text: "Gdynia", credit: 0.5, feedback: "It joined soon after." },
        { id: "b", text: "Gdańsk", credit: 1 },
        { id: "c", text: "Warsaw", credit: 0 },
        { id: "d", text: "Moscow", credit: -0.25 },
        { id: "e", text: "Szczecin", credit: 1 / 3 },
      ],
    },
  }),
  q({
    type: "short-answer",
    title: "Wildcards",
    prompt: "Name the union, or a multiplication.",
    config: { answers: [{ text: "Solidar*", credit: 1 }, { text: "5\\*3", credit: 0.5 }, { text: "*", credit: 0, feedback: "Think of August 1980." }] },
  }),
];

describe("round trip", () => {
  it("parseGift(formatGift(qs)) gives back every GIFT-representable question", () => {
    const { back } = roundTrip(representable);
    expect(back).toEqual(representable);
  });

  it("one question at a time as well (categories and settings don't leak)", () => {
    for (const question of representable) expect(roundTrip([question]).back).toEqual([question]);
  });

  it("the same again from the exported text: export is stable", () => {
    const once = formatGift(representable);
    expect(formatGift(parseGift(once).questions)).toBe(once);
  });

  it("normalises what GIFT can't carry: option and pair ids, points", () => {
    const original = q({
      type: "multiple-choice",
      title: "Ids",
      prompt: "Who?",
      defaultPoints: 5,
      config: {
        options: [
          { id: "tsvigun", text: "Tsvigun", credit: 1 },
          { id: "kryuchkov", text: "Kryuchkov", credit: 0 },
        ],
      },
    });
    const [back] = roundTrip([original]).back;
    expect(back).toEqual({
      ...original,
      defaultPoints: 1,
      config: {
        options: [
          { id: "a", text: "Tsvigun", credit: 1 },
          { id: "b", text: "Kryuchkov", credit: 0 },
        ],
      },
    });
  });

  it("a question without a category after one with a category stays without one", () => {
    const withCategory = { ...representable[4]!, category: "Cold War" };
    const without = { ...representable[5]! };
    delete without.category;
    const { gift, back } = roundTrip([withCategory, without, withCategory]);
    expect(back.map((x) => x.category)).toEqual(["Cold War", undefined, "Cold War"]);
    expect(gift.match(/\$CATEGORY: Cold War/g)).toHaveLength(2);
    expect(gift).toContain("// dossier:no-category\n::Helsinki 2::");
  });

  it("settings comments are written only when they differ from what an import assumes", () => {
    const gift = formatGift(representable);
    expect(gift).toContain("// dossier:anchors p-3,p-12\n::Brest — month::");
    expect(gift).toContain("// dossier:short-answer case=true accent=true punctuation=false\n::Wałęsa, exactly::");
    expect(gift.match(/dossier:short-answer/g)).toHaveLength(1);
    expect(gift).toContain("// dossier:unit year\n::Afghanistan::");
    expect(gift).toContain('// dossier:essay {"rubric":[{"id":"c1"');
    expect(gift.match(/dossier:essay/g)).toHaveLength(1);
    expect(gift.match(/dossier:anchors/g)).toHaveLength(1);
  });
});

describe("what formatGift writes", () => {
  it("Moodle's layout: name, format tag, answers one per line, #feedback, ####general feedback", () => {
    expect(formatGift([representable[0]!])).toBe(
      [
        '// Exported from Dossier. Moodle ignores the "// dossier:" comment lines; Dossier reads them back.',
        "",
        "$CATEGORY: Cold War/Poland 1981",
        "",
        "// dossier:anchors p-3,p-12",
        "::Brest — month::[plain]The Brest meeting was held in {",
        "\t=April#Yes.",
        "\t~March",
        "\t~June#No\\: June is too late.",
        "\t####It met on 3–4 April 1981.",
        "} 1981.",
        "",
      ].join("\n"),
    );
  });

  it("true/false: wrong-answer feedback first, right-answer feedback second", () => {
    const gift = formatGift([representable[3]!, representable[4]!, representable[5]!]);
    expect(gift).toContain("::Martial law before Brest?::[html]Martial law was declared in Poland before the Brest meeting.{FALSE#No\\: it came on 13 December 1981.#Right.}");
    expect(gift).toContain("::Helsinki::[plain]The Helsinki Final Act was signed in 1975.{TRUE##Yes.}");
    expect(gift).toContain("::Helsinki 2::[plain]It was signed in 1976.{FALSE#No, 1975.}");
  });

  it("weights as Moodle percentages; numeric in compact and long form; matching extras as = ->", () => {
    const gift = formatGift(representable);
    expect(gift).toContain("\t~%33.33333333333333%Soviet troops entered Afghanistan (25 Dec 1979)");
    expect(gift).toContain("\t~%-25%Martial law in Poland (13 Dec 1981)");
    expect(gift).toContain("\t~None of these");
    expect(gift).toContain("\t~%100%Tsvigun");
    expect(gift).toContain("\t~%-7%Jaruzelski");
    expect(gift).toContain("\t=%50%General Jaruzelski");
    expect(gift).toContain("{#\n\t=1979#25 December 1979.\n\t=%50%1979:1\n\t=%10%1975..1985\n\t~#See the timeline.\n}");
    expect(gift).toContain("Either day of the Brest meeting (April 1981)?{#3..4}");
    expect(gift).toContain("{#-0.15:0.001}");
    expect(gift).toContain("\t=Wojciech Jaruzelski -> Prime Minister of Poland -> from 11 Feb 1981");
    expect(gift).toContain("\t= -> Minister of the Interior");
    expect(gift).toContain("::Why Brest mattered::[markdown]Why did the Brest meeting matter?{}");
    expect(gift).toContain("{####A model answer mentions both dates.}");
  });

  it("no blank line inside a question and no question line that Moodle would take for a comment", () => {
    const gift = formatGift([...representable, hostileText]);
    for (const block of gift.split("\n\n")) {
      const lines = block.split("\n");
      const content = lines.filter((l) => !l.trim().startsWith("//"));
      // Comments come first; once the question starts, every line belongs to it.
      expect(lines.slice(lines.length - content.length)).toEqual(content);
    }
  });

  it("an empty list is an empty file", () => {
    expect(formatGift([])).toBe("");
  });
});

/** Every character GIFT treats specially, in every text a question has. */
const SPECIALS = "~ = # { } : \\ \\n \\\\ -> %50% // $CATEGORY: #### [html] _____ \n second line";
const hostileText = q({
  type: "multiple-choice",
  title: `Title ${SPECIALS.replace(/\n/g, " ")}`,
  prompt: `[html] Prompt ${SPECIALS}`,
  format: "plain",
  generalFeedback: `[markdown] General ${SPECIALS}`,
  category: "Cold War: 1981 {Poland} #1 ~ =",
  config: {
    options: [
      { id: "a", text: `%50% right ${SPECIALS}`, credit: 1, feedback: `[plain] fb ${SPECIALS}` },
      { id: "b", text: `[html] wrong ${SPECIALS}`, credit: 0 },
      { id: "c", text: "TRUE", credit: 0, feedback: "####" },
      { id: "d", text: "\\", credit: 0, feedback: "\\\\" },
    ],
  },
});

describe("escaping", () => {
  it("escapes ~ = # { } : \\ and line breaks, and reads them back", () => {
    const gift = formatGift([hostileText]);
    expect(gift).toContain("\\~ \\= \\# \\{ \\} \\: \\\\ \\\\n \\\\\\\\ -> %50% //");
    expect(gift).not.toMatch(/[^\\]\n second line/);
    expect(roundTrip([hostileText]).back).toEqual([hostileText]);
  });

  it("a text that starts like a weight or a format tag is shielded", () => {
    const gift = formatGift([hostileText]);
    expect(gift).toContain("\t=%100%%50% right");
    expect(gift).toContain("\t~[plain][html] wrong");
    expect(gift).toContain("[plain][html] Prompt");
  });

  it("round-trips every type with specials and unicode in every text", () => {
    const weird = (s: string) => `${s} ~=#{}:\\ Łódź Польша 🇵🇱 ->`;
    const questions: AuthoredQuestion[] = [
      q({ type: "true-false", title: weird("TF"), prompt: weird("P"), generalFeedback: weird("G"), config: { answer: true, feedbackTrue: weird("T"), feedbackFalse: weird("F") } }),
      q({
        type: "short-answer",
        title: weird("SA"),
        prompt: weird("P"),
        config: { answers: [{ text: "Ярузельский ~=#{}:\\ 🇵🇱", credit: 1, feedback: "Так ~=#{}: 🇵🇱" }, { text: "T", credit: 0.5 }] },
      }),
      q({
        type: "numeric",
        title: weird("N"),
        prompt: weird("P"),
        generalFeedback: weird("G"),
        config: { answers: [{ kind: "tolerance", value: 1981, tolerance: 0, credit: 1, feedback: weird("F") }] },
      }),
      q({
        type: "matching",
        title: weird("M"),
        prompt: weird("P"),
        config: {
          pairs: [
            { id: "p1", prompt: "Ąę ~=#{}:\\ 🇵🇱", answer: weird("A") },
            { id: "p2", prompt: "Жж", answer: "%50% [html] x" },
          ],
          distractors: [weird("D")],
        },
      }),
      q({ type: "essay", title: weird("E"), prompt: weird("P"), config: { graderNotes: weird("N") } }),
    ];
    expect(roundTrip(questions).back).toEqual(questions);
  });
});

describe("questions GIFT cannot hold", () => {
  const ordering = q({
    type: "ordering",
    title: "Cold War timeline",
    prompt: "Put these events in order, earliest first.\ndossier:anchors p-1",
    anchors: ["p-2"],
    config: {
      items: [
        { id: "x", text: "Helsinki Final Act (1 Aug 1975)" },
        { id: "y", text: "Soviet troops enter Afghanistan (25 Dec 1979)" },
        { id: "z", text: "Martial law in Poland (13 Dec 1981)" },
      ],
    },
  });
  const evidence = q({
    type: "evidence",
    title: "Who chaired?",
    prompt: "Who was First Deputy Chairman of the KGB? Cite the paragraph.",
    config: {
      answer: {
        kind: "choice",
        options: [
          { id: "a", text: "Tsvigun", credit: 1 },
          { id: "b", text: "Kryuchkov", credit: 0 },
        ],
      },
      evidence: ["p-7"],
    },
  });
  const evidenceText = q({
    type: "evidence",
    title: "Who became PM?",
    prompt: "Who became Polish PM on 11 February 1981?",
    config: { answer: { kind: "text", answers: [{ text: "Jaruzelski", credit: 1 }] }, evidence: ["p-9", "p-10"], answerWeight: 0.6 },
  });

  it("are written as comments that say so and hold enough to read the question", () => {
    const gift = formatGift([ordering, evidence, evidenceText]);
    expect(gift).toContain(
      '// Dossier ordering question "Cold War timeline" (not importable into GIFT): items in order: 1. Helsinki Final Act (1 Aug 1975); 2. Soviet troops enter Afghanistan (25 Dec 1979); 3. Martial law in Poland (13 Dec 1981)',
    );
    expect(gift).toContain("// question text: Put these events in order, earliest first.\n//   dossier:anchors p-1");
    expect(gift).toContain('// Dossier evidence question "Who chaired?" (not importable into GIFT): answer, then cite paragraphs p-7 (the answer is 50% of the credit)');
    expect(gift).toContain("// choices: [right] Tsvigun; [wrong] Kryuchkov");
    expect(gift).toContain('// accepted answers: "Jaruzelski" (100%)');
    expect(gift).toContain("cite paragraphs p-9, p-10 (the answer is 60% of the credit)");
    for (const line of gift.trim().split("\n")) if (line) expect(line.startsWith("//")).toBe(true);
  });

  it("parseGift skips those comments without an error, and their settings don't reach the next question", () => {
    const tf = representable[4]!;
    const { back } = roundTrip([ordering, tf, evidence]);
    expect(back).toEqual([tf]);
  });

  it("re-importing the export says which questions were comments, by name and line", () => {
    const gift = formatGift([ordering, representable[4]!, evidence, evidenceText]);
    const { questions, errors, notices } = parseGift(gift);
    expect(errors).toEqual([]);
    expect(questions.map((x) => x.title)).toEqual(["Helsinki"]);
    const lineOf = (title: string) => gift.split("\n").findIndex((l) => l.includes(`question "${title}"`)) + 1;
    expect(notices).toEqual([
      {
        line: lineOf("Cold War timeline"),
        kind: "exported-comment",
        message: `3 ordering/evidence questions in this file were exported as comments and cannot be imported from GIFT, which has no such question types: “Cold War timeline” (line ${lineOf("Cold War timeline")}), “Who chaired?” (line ${lineOf("Who chaired?")}), “Who became PM?” (line ${lineOf("Who became PM?")}). Write them again in Dossier, or add them from the question bank they came from.`,
      },
    ]);
  });

  it("a short answer or matching item containing -> can't be GIFT (Moodle would read matching): a comment", () => {
    const arrow = q({ type: "short-answer", title: "Arrow", prompt: "Type the arrow.", config: { answers: [{ text: "->", credit: 1 }] } });
    const matchArrow = q({
      type: "matching",
      title: "Arrows",
      prompt: "Match.",
      config: {
        pairs: [
          { id: "p1", prompt: "a -> b", answer: "1" },
          { id: "p2", prompt: "c", answer: "2" },
        ],
      },
    });
    const gift = formatGift([arrow, matchArrow]);
    expect(gift).toContain('// Dossier short-answer question "Arrow" (not importable into GIFT: an accepted answer or its feedback contains "->"');
    expect(gift).toContain('// accepted answers: "->" (100%)');
    expect(gift).toContain("// pairs: a -> b => 1; c => 2");
    const back = parseGift(gift);
    expect([back.questions, back.errors]).toEqual([[], []]);
    expect(back.notices.map((n) => n.message)).toEqual([expect.stringMatching(/^2 short answer\/matching questions in this file were exported as comments .*: “Arrow” \(line \d+\), “Arrows” \(line \d+\)\./)]);
  });
});
