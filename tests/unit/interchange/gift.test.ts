// GIFT import, feature by feature, on the examples of Moodle's own GIFT documentation.
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseGift } from "@/lib/interchange/gift";
import { authoredQuestionSchema, type AuthoredQuestion, type ConfigOf } from "@/lib/question-types/schemas";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** The one question a snippet holds; fails loudly when the snippet has errors. */
function one(gift: string): AuthoredQuestion {
  const { questions, errors } = parseGift(gift);
  expect(errors).toEqual([]);
  expect(questions).toHaveLength(1);
  return questions[0]!;
}

/** The config of a question of the expected type (the expect checks the type first). */
function configOf<T extends AuthoredQuestion["type"]>(q: AuthoredQuestion, type: T): ConfigOf<T> {
  expect(q.type).toBe(type);
  return q.config as ConfigOf<T>;
}

describe("Moodle's documentation examples (fixtures/moodle-docs.gift)", () => {
  const { questions, errors } = parseGift(fixture("moodle-docs.gift"));
  const byPrompt = (start: string) => {
    const found = questions.filter((q) => q.prompt.startsWith(start));
    expect(found.length, `a question starting "${start}"`).toBeGreaterThan(0);
    return found;
  };

  it("imports every example without an error, each one valid by the bank's schema", () => {
    expect(errors).toEqual([]);
    expect(questions).toHaveLength(25);
    for (const q of questions) expect(authoredQuestionSchema.safeParse(q).success).toBe(true);
    expect(questions.map((q) => q.type)).toEqual([
      "multiple-choice",
      "multiple-choice",
      "multiple-choice",
      "short-answer",
      "true-false",
      "true-false",
      "matching",
      "numeric",
      "numeric",
      "numeric",
      "short-answer",
      "multiple-choice",
      "short-answer",
      "true-false",
      "short-answer",
      "multiple-response",
      "multiple-choice",
      "multiple-choice",
      "essay",
      "essay",
      "true-false",
      "numeric",
      "numeric",
      "matching",
      "multiple-choice",
    ]);
  });

  it("multiple choice: = marks the right answer, ~ the wrong ones; ids are a, b, c by position", () => {
    const [q] = byPrompt("Who's buried in Grant's tomb?");
    expect(configOf(q!, "multiple-choice").options).toEqual([
      { id: "a", text: "Grant", credit: 0 },
      { id: "b", text: "Jefferson", credit: 0 },
      { id: "c", text: "no one", credit: 1 },
    ]);
  });

  it("missing word: a block mid-sentence leaves _____ in the prompt, also when the answers span lines", () => {
    expect(byPrompt("Grant is ")[0]!.prompt).toBe("Grant is _____ in Grant's tomb.");
    const thanksgiving = byPrompt("The American holiday")[0]!;
    expect(thanksgiving.prompt).toBe("The American holiday of Thanksgiving is celebrated on the _____ Thursday of November.");
    expect(configOf(thanksgiving, "multiple-choice").options.map((o) => o.text)).toEqual(["second", "third", "fourth"]);
    // "If the answers come before the closing punctuation mark, a fill-in-the-blank line will be inserted."
    expect(byPrompt("Two plus two")[0]!.prompt).toBe("Two plus two equals _____.");
  });

  it("no name: the title is the start of the question text", () => {
    expect(byPrompt("Who's buried in Grant's tomb?")[0]!.title).toBe("Who's buried in Grant's tomb?");
    expect(byPrompt("Match the following countries")[0]!.title).toBe("Match the following countries with their corresponding…");
  });

  it("names: ::Name:: becomes the title; the text keeps its line break", () => {
    const [kanji] = byPrompt("Japanese characters");
    expect(kanji!.title).toBe("Kanji Origins");
    expect(kanji!.prompt).toBe("Japanese characters originally\ncame from what country?");
    expect(configOf(kanji!, "short-answer").answers).toEqual([{ text: "China", credit: 1 }]);
  });

  it("short answer: only = answers; Moodle's case-insensitive default, lenient accents and punctuation", () => {
    const config = configOf(byPrompt("Two plus two")[0]!, "short-answer");
    expect(config).toEqual({
      answers: [
        { text: "four", credit: 1 },
        { text: "4", credit: 1 },
      ],
      caseSensitive: false,
      accentSensitive: false,
      punctuationSensitive: false,
    });
  });

  it("short answer with percentage weights and feedback", () => {
    const config = configOf(byPrompt("Jesus Christ was from")[0]!, "short-answer");
    expect(config.answers).toEqual([
      { text: "Nazareth", credit: 1, feedback: "Yes! That's right!" },
      { text: "Nazereth", credit: 0.75, feedback: "Right, but misspelled." },
      { text: "Bethlehem", credit: 0.25, feedback: "He was born here, but not raised here." },
    ]);
  });

  it("true/false: {T} {F} {TRUE} {FALSE}", () => {
    expect(configOf(byPrompt("The sun rises")[0]!, "true-false")).toEqual({ answer: true });
    const [plainF, withFeedback] = byPrompt("Grant is buried in Grant's tomb.");
    expect(configOf(plainF!, "true-false")).toEqual({ answer: false });
    // {FALSE#…}: the one feedback is for a wrong answer, i.e. a student who answered true.
    expect(configOf(withFeedback!, "true-false")).toEqual({ answer: false, feedbackTrue: "No one is buried in Grant's tomb." });
  });

  it("true/false {TRUE#wrong#right}: the first feedback goes to a wrong answer (false), the second to a right one (true)", () => {
    const q = byPrompt("1+1=2")[0]!;
    expect(q.title).toBe("Q1");
    expect(configOf(q, "true-false")).toEqual({ answer: true, feedbackFalse: "No, it is true.", feedbackTrue: "Yes, it is true." });
  });

  it("matching: =item -> answer pairs get ids p1, p2…; = -> text is an extra wrong answer", () => {
    expect(configOf(byPrompt("Match the following countries")[0]!, "matching")).toEqual({
      pairs: [
        { id: "p1", prompt: "Canada", answer: "Ottawa" },
        { id: "p2", prompt: "Italy", answer: "Rome" },
        { id: "p3", prompt: "Japan", answer: "Tokyo" },
        { id: "p4", prompt: "India", answer: "New Delhi" },
      ],
      distractors: [],
    });
    const activities = byPrompt("Match the activity")[0]!;
    expect(configOf(activities, "matching").distractors).toEqual(["Chat"]);
    expect(configOf(activities, "matching").pairs.map((p) => p.answer)).toEqual(["Forum", "Choice", "Wiki"]);
  });

  it("numeric: answer:margin, min..max (kept as a range), several weighted answers", () => {
    const [tolerance, range] = byPrompt("What is the value of pi");
    expect(configOf(tolerance!, "numeric").answers).toEqual([{ kind: "tolerance", value: 3.1415, tolerance: 0.0005, credit: 1 }]);
    expect(configOf(range!, "numeric").answers).toEqual([{ kind: "range", min: 3.141, max: 3.142, credit: 1 }]);
    expect(configOf(byPrompt("When was Ulysses")[0]!, "numeric").answers).toEqual([
      { kind: "tolerance", value: 1822, tolerance: 0, credit: 1 },
      { kind: "tolerance", value: 1822, tolerance: 2, credit: 0.5 },
    ]);
    const [q5, q6] = byPrompt("What is a number from 1 to 5?");
    expect(configOf(q5!, "numeric").answers).toEqual([{ kind: "tolerance", value: 3, tolerance: 2, credit: 1 }]);
    expect(configOf(q6!, "numeric").answers).toEqual([{ kind: "range", min: 1, max: 5, credit: 1 }]);
  });

  it("feedback per answer with #", () => {
    const config = configOf(byPrompt("What's the answer to this")[0]!, "multiple-choice");
    expect(config.options.map((o) => o.feedback)).toEqual([
      "feedback comment on the wrong answer",
      "feedback comment on this wrong answer",
      "Very good!",
    ]);
  });

  it("text formats: [markdown] and [html] set the format; without a tag it is Moodle's own format", () => {
    expect(byPrompt("Who's buried in **Grant's tomb**?")[0]!.format).toBe("markdown");
    expect(byPrompt("Match the activity")[0]!.format).toBe("html");
    expect(byPrompt("The sun rises")[0]!.format).toBe("moodle");
  });

  it("several answers with credit (Moodle's 'multiple answers') → multiple-response, negative weights kept", () => {
    const config = configOf(byPrompt("What two people")[0]!, "multiple-response");
    expect(config.options).toEqual([
      { id: "a", text: "No one", weight: -0.5 },
      { id: "b", text: "Grant", weight: 0.5 },
      { id: "c", text: "Grant's wife", weight: 0.5 },
      { id: "d", text: "Grant's father", weight: -0.5 },
    ]);
  });

  it("escapes: \\= \\~ \\# \\{ \\} \\: and \\\\ are literal characters", () => {
    expect(configOf(byPrompt("Which answer equals 5?")[0]!, "multiple-choice").options.map((o) => o.text)).toEqual(["= 2 + 2", "= 2 + 3", "= 2 + 4"]);
    const control = configOf(byPrompt("Which of the following is NOT")[0]!, "multiple-choice");
    expect(control.options.map((o) => o.text)).toEqual(["~", "=", "#", "{", "}", "\\"]);
    expect(control.options[5]).toMatchObject({ credit: 1, feedback: "Correct! \\ (backslash) is not a control character." });
    const greeting = byPrompt("<a href")[0]!;
    expect(greeting.prompt).toBe('<a href="http://demo.moodle.net/file.php/5/media/bonjour.mp3">Listen to this greeting:</a><br /><br />What language is being spoken?');
  });

  it("essay {} with an empty rubric; #### general feedback", () => {
    const [q8, withFeedback] = byPrompt("How are you?");
    expect(q8!.title).toBe("Q8");
    expect(configOf(q8!, "essay")).toEqual({ rubric: [] });
    expect(withFeedback!.generalFeedback).toBe("We hope you're feeling well.");
  });

  it("$CATEGORY: sets the category of the questions after it, and only those", () => {
    expect(byPrompt("Match the activity")[0]!.category).toBe("$course$/Default for New Features");
    expect(byPrompt("<a href")[0]!.category).toBe("$course$/Default for New Features");
    expect(byPrompt("Who's buried in Grant's tomb?")[0]!.category).toBeUndefined();
  });

  it("fills the schema's defaults: 1 point, no anchors", () => {
    for (const q of questions) {
      expect(q.defaultPoints).toBe(1);
      expect(q.anchors).toEqual([]);
    }
  });
});

describe("GIFT details beyond the examples", () => {
  it("comments are skipped wherever they are, also inside an answer block; a // later in a line is text", () => {
    const q = one("// intro\n::Q:: See http://example.org/doc {\n// the right one:\n=A\n~B\n}");
    expect(q.prompt).toBe("See http://example.org/doc");
    expect(configOf(q, "multiple-choice").options.map((o) => o.text)).toEqual(["A", "B"]);
  });

  it("\\n in a text is a line break", () => {
    expect(one("Line one\\nLine two {T}").prompt).toBe("Line one\nLine two");
  });

  it("format tags on answers and feedback: the question's own is kept silently, any other is listed as not kept", () => {
    const { questions, notices } = parseGift("::Pick::[html]<p>Pick</p>{\n=[html]<b>A</b>#[markdown]*yes*\n~[plain]B\n####[moodle]See p-3.}");
    const q = questions[0]!;
    expect(q.format).toBe("html");
    expect(q.generalFeedback).toBe("See p-3.");
    expect(configOf(q, "multiple-choice").options).toEqual([
      { id: "a", text: "<b>A</b>", credit: 1, feedback: "*yes*" },
      { id: "b", text: "B", credit: 0 },
    ]);
    const not = (line: number, what: string, tag: string) => ({
      line,
      kind: "not-kept",
      question: 0,
      message: `Line ${line}: question “Pick”: ${what} is marked [${tag}], but Dossier keeps one format per question, here [html]. The text is kept; its own format is not.`,
    });
    expect(notices).toEqual([not(2, "the feedback of answer 1", "markdown"), not(3, "answer 2", "plain"), not(4, "the general feedback", "moodle")]);
  });

  it("format tags in true/false feedback and matching items are listed too", () => {
    const tf = parseGift("::TF::[plain]Q {T#[html]<b>no</b>#[plain]yes}");
    expect(tf.notices.map((n) => n.message)).toEqual(["Line 1: question “TF”: the feedback for a wrong answer is marked [html], but Dossier keeps one format per question, here [plain]. The text is kept; its own format is not."]);
    const match = parseGift("::M::Q {\n=[html]<i>Tsvigun</i> -> KGB\n=Kania -> PUWP\n}");
    expect(match.notices.map((n) => n.message)).toEqual([expect.stringMatching(/^Line 2: question “M”: matching item 1 is marked \[html\]/)]);
  });

  it("Moodle's [tag:…] and [id:…] in the question's comments are listed as not kept, per question", () => {
    const gift = "// question: 12  name: Brest\n// [tag:poland] [tag:1981] [id:BREST-1]\n::Brest::When? {=April ~March}\n\n// [tag:escaped \\] bracket]\n::Other::Q {T}\n\n::Plain::Q {F}";
    const { questions, notices } = parseGift(gift);
    expect(questions.map((q) => q.title)).toEqual(["Brest", "Other", "Plain"]);
    expect(notices).toEqual([
      { line: 2, kind: "not-kept", question: 0, message: "Line 2: question “Brest”: the tags “poland”, “1981” are not kept; Dossier questions have no tags (the category is kept)." },
      { line: 2, kind: "not-kept", question: 0, message: "Line 2: question “Brest”: the Moodle ID number “BREST-1” is not kept; Dossier has no such field." },
      { line: 5, kind: "not-kept", question: 1, message: "Line 5: question “Other”: the tag “escaped ] bracket” is not kept; Dossier questions have no tags (the category is kept)." },
    ]);
  });

  it("single-answer multiple choice with partial credit and penalties on other answers (Moodle's 'Difficult question')", () => {
    const q = one("Difficult question.{~wrong answer ~%50%half credit answer =full credit answer ~%-33.33333%penalty#Costs a third in Moodle.}");
    expect(configOf(q, "multiple-choice").options).toEqual([
      { id: "a", text: "wrong answer", credit: 0 },
      { id: "b", text: "half credit answer", credit: 0.5 },
      { id: "c", text: "full credit answer", credit: 1 },
      { id: "d", text: "penalty", credit: -0.3333333, feedback: "Costs a third in Moodle." },
    ]);
  });

  it("short-answer wildcards are kept as written: Moodle's partial match and catch-all", () => {
    const q = one("Who led Solidarity? {=Wa*sa =%50%Lech* =%0%*#Think of the Gdańsk shipyard. =5\\*3}");
    expect(configOf(q, "short-answer").answers).toEqual([
      { text: "Wa*sa", credit: 1 },
      { text: "Lech*", credit: 0.5 },
      { text: "*", credit: 0, feedback: "Think of the Gdańsk shipyard." },
      { text: "5\\*3", credit: 1 },
    ]);
  });

  it("a single right answer given as ~%100% is Moodle's multiple-answer (checkbox) question → multiple-response", () => {
    expect(configOf(one("Q {~%100%A ~B}"), "multiple-response").options).toEqual([
      { id: "a", text: "A", weight: 1 },
      { id: "b", text: "B", weight: 0 },
    ]);
  });

  it("decimal percentages: ~%33.33333%", () => {
    const weights = configOf(one("Q {~%33.33333%A ~%33.33333%B ~%33.33334%C ~D}"), "multiple-response").options.map((o) => o.weight);
    expect(weights).toEqual([0.3333333, 0.3333333, 0.3333334, 0]);
  });

  it("a short answer may be written without = when it is the only one (not T or F)", () => {
    expect(configOf(one("Two plus two? {four}"), "short-answer").answers).toEqual([{ text: "four", credit: 1 }]);
  });

  it("lowercase {true} is a short answer, as in Moodle", () => {
    expect(one("Q {true}").type).toBe("short-answer");
  });

  it("{F#wrong#right}: the first feedback is for a student who answered true", () => {
    expect(configOf(one("Q {F#You said true: wrong.#You said false: right.}"), "true-false")).toEqual({
      answer: false,
      feedbackTrue: "You said true: wrong.",
      feedbackFalse: "You said false: right.",
    });
    expect(configOf(one("Q {TRUE##Only for a right answer.}"), "true-false")).toEqual({ answer: true, feedbackTrue: "Only for a right answer." });
  });

  it("numeric ~#feedback (any other number) is a last zero-credit answer accepting every number", () => {
    const answers = configOf(one("Year? {#=1981#Yes ~#Look again}"), "numeric").answers;
    expect(answers).toEqual([
      { kind: "tolerance", value: 1981, tolerance: 0, credit: 1, feedback: "Yes" },
      { kind: "range", min: -Number.MAX_VALUE, max: Number.MAX_VALUE, credit: 0, feedback: "Look again" },
    ]);
  });

  it("numeric answers: negative numbers, decimals, exponents", () => {
    expect(configOf(one("Q {#-5..-1}"), "numeric").answers).toEqual([{ kind: "range", min: -5, max: -1, credit: 1 }]);
    expect(configOf(one("Q {#-0.5:.25}"), "numeric").answers).toEqual([{ kind: "tolerance", value: -0.5, tolerance: 0.25, credit: 1 }]);
    expect(configOf(one("Q {#6.02e23}"), "numeric").answers).toEqual([{ kind: "tolerance", value: 6.02e23, tolerance: 0, credit: 1 }]);
  });

  it("a block at the start of the text leaves the blank at the start", () => {
    expect(one("{=1981 =81} was the year of martial law in Poland.").prompt).toBe("_____ was the year of martial law in Poland.");
  });

  it("a missing name derives a title of about 60 characters, cut at a word, without HTML", () => {
    const q = one("[html]<p>Which <b>Soviet</b> official, First Deputy Chairman of the KGB under Andropov, attended?</p>{=Tsvigun ~Kryuchkov}");
    expect(q.title).toBe("Which Soviet official, First Deputy Chairman of the KGB…");
    expect(Array.from(q.title).length).toBeLessThanOrEqual(61);
  });

  it("$CATEGORY: directly above a question in the same block is accepted", () => {
    const { questions } = parseGift("$CATEGORY: Poland\n::A:: Q {T}\n\n::B:: Q {F}");
    expect(questions.map((q) => q.category)).toEqual(["Poland", "Poland"]);
  });

  it("anchors travel in a // dossier:anchors line directly before the question", () => {
    const q = one("// dossier:anchors p-12,p-14\n::A:: The Brest meeting was held in April 1981. {T}");
    expect(q.anchors).toEqual(["p-12", "p-14"]);
  });

  it("short-answer matching options travel in a // dossier:short-answer line", () => {
    const q = one("// dossier:short-answer case=true accent=true punctuation=false\n::A:: Surname? {=Wałęsa}");
    expect(configOf(q, "short-answer")).toMatchObject({ caseSensitive: true, accentSensitive: true, punctuationSensitive: false });
  });

  it("an unknown // dossier: key is an ordinary comment", () => {
    expect(one("// dossier:reviewed by Marta\nQ {T}").type).toBe("true-false");
  });

  it("unicode in every position: name, text, answers, feedback, category", () => {
    const { questions, errors } = parseGift(
      "$CATEGORY: Zimna wojna 🧊/Польша\n\n::Stan wojenny — Łódź 🇵🇱::Кто объявил военное положение? {=Ярузельский#Так! ✅ ~Wałęsa#Nie 🙅 ~Андропов}",
    );
    expect(errors).toEqual([]);
    expect(questions[0]).toMatchObject({
      title: "Stan wojenny — Łódź 🇵🇱",
      prompt: "Кто объявил военное положение?",
      category: "Zimna wojna 🧊/Польша",
      config: {
        options: [
          { id: "a", text: "Ярузельский", credit: 1, feedback: "Так! ✅" },
          { id: "b", text: "Wałęsa", credit: 0, feedback: "Nie 🙅" },
          { id: "c", text: "Андропов", credit: 0 },
        ],
      },
    });
  });

  it("a derived title never splits an emoji", () => {
    const q = one(`${"🇵🇱".repeat(40)} {T}`);
    expect(q.title.endsWith("…")).toBe(true);
    expect(q.title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe("categories and settings lines", () => {
  it("// dossier:no-category clears the running category; a later $CATEGORY: wins over it", () => {
    const { questions } = parseGift("$CATEGORY: A\n\n::One:: Q {T}\n\n// dossier:no-category\n::Two:: Q {T}\n\n::Three:: Q {T}\n\n// dossier:no-category\n\n$CATEGORY: B\n\n::Four:: Q {T}");
    expect(questions.map((q) => [q.title, q.category])).toEqual([
      ["One", "A"],
      ["Two", undefined],
      ["Three", undefined],
      ["Four", "B"],
    ]);
  });

  it("settings lines in a comment block of their own apply to the next question only", () => {
    const { questions } = parseGift("// dossier:anchors p-1\n\n::One:: Q {T}\n\n::Two:: Q {T}");
    expect(questions.map((q) => q.anchors)).toEqual([["p-1"], []]);
  });
});
