// Text people type and dates they choose: hostile characters and impossible years are refused
// by every schema that takes them, with a message a person can act on.
import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { parseGift } from "@/lib/interchange/gift";
import { authoredQuestionSchema } from "@/lib/question-types/schemas";
import { signUpSchema } from "@/lib/validation/auth";
import { assignReadingSchema, createClassSchema, dueDateSchema } from "@/lib/validation/classes";
import { DATE_RANGE_MESSAGE } from "@/lib/validation/dates";
import { essayGradeSchema, quizSettingsSchema } from "@/lib/validation/quizzes";
import { MULTILINE_MESSAGE, SINGLE_LINE_MESSAGE, isMultilineText, isSingleLineText, multilineText, singleLineText } from "@/lib/validation/text";

/** Characters no schema takes, one-line or not. */
const HOSTILE: [string, string][] = [
  ["NUL", "\u0000"],
  ["bell", "\u0007"],
  ["backspace", "\b"],
  ["escape (terminal colours)", "\u001b[31m"],
  ["vertical tab", "\u000b"],
  ["form feed", "\f"],
  ["DEL", "\u007f"],
  ["C1 next line", "\u0085"],
  ["C1 control sequence introducer", "\u009b"],
  ["right-to-left override", "\u202e"],
  ["left-to-right override", "\u202d"],
  ["right-to-left embedding", "\u202b"],
  ["pop directional formatting", "\u202c"],
  ["right-to-left isolate", "\u2067"],
  ["first strong isolate", "\u2068"],
  ["pop directional isolate", "\u2069"],
  ["word joiner", "\u2060"],
  ["invisible separator", "\u2063"],
  ["deprecated format character", "\u206b"],
  ["byte order mark inside text", "\ufeff"],
  ["interlinear annotation", "\ufff9"],
  ["unpaired high surrogate", "\ud800"],
  ["unpaired low surrogate", "\udc00"],
];
/** Refused on one line, fine in text with several lines. */
const LINE_BREAKING: [string, string][] = [
  ["line feed", "\n"],
  ["carriage return", "\r"],
  ["tab", "\t"],
];
/** Refused on one line only: invisible in a name. */
const HIDDEN_IN_NAMES: [string, string][] = [
  ["zero-width space", "\u200b"],
  ["line separator", "\u2028"],
  ["paragraph separator", "\u2029"],
];
/** Real names and words in many scripts, including the joiners and marks they need. */
const FRIENDLY = [
  "Zoë Ødegaard-Łukasiewicz",
  "Nguyễn Thị Minh Khai",
  "محمد الأمين",
  "שלום עליכם",
  "Ахмед Жуков",
  "می‌خواهم", // Persian with a zero-width non-joiner
  "क्षत्रिय", // Devanagari conjunct
  "👩‍🏫 History 11B", // emoji with a zero-width joiner
  "History 11B \u200e(English)\u200f", // left-to-right and right-to-left marks
  "O'Brien & Sons — “1981”",
  "Emoji 🇵🇱 flag 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
];

function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  expect(result.success, `expected ${JSON.stringify(input)} to be rejected`).toBe(false);
  return result.error!.issues.map((i) => i.message);
}

describe("the text helpers", () => {
  it.each([...HOSTILE, ...LINE_BREAKING, ...HIDDEN_IN_NAMES])("one-line text refuses %s", (_name, ch) => {
    expect(isSingleLineText(`Mar${ch}ta`)).toBe(false);
    expect(messages(singleLineText(100), `Mar${ch}ta`)).toEqual([SINGLE_LINE_MESSAGE]);
  });

  it.each(HOSTILE)("text with several lines refuses %s", (_name, ch) => {
    expect(isMultilineText(`First line\n${ch}second`)).toBe(false);
    expect(messages(multilineText(100), `First line\n${ch}second`)).toEqual([MULTILINE_MESSAGE]);
  });

  it("text with several lines keeps line breaks (LF and the CR LF browsers send), tabs and separators", () => {
    const text = "First line\r\nSecond\tcolumn\n\nThird\u2028Fourth\u200b";
    expect(multilineText(100).parse(`  ${text}  `)).toBe(text);
  });

  it.each(FRIENDLY)("both accept %s", (name) => {
    expect(singleLineText(100).parse(name)).toBe(name.trim());
    expect(multilineText(100).parse(name)).toBe(name.trim());
  });

  it("leading and trailing whitespace (line breaks, tabs, a byte order mark) is trimmed away rather than refused", () => {
    expect(singleLineText(100).parse("\ufeff\n Marta Kowalska \t\r\n")).toBe("Marta Kowalska");
  });

  it("empty and too long have their own messages; optional text may be empty", () => {
    expect(messages(singleLineText(5, { required: "Enter your name." }), "   ")).toEqual(["Enter your name."]);
    expect(messages(singleLineText(5), "abcdef")).toEqual(["Use at most 5 characters."]);
    expect(multilineText(5, { required: false }).parse("")).toBe("");
  });

  it("a megabyte of hostile text stops at the length check", () => {
    const huge = "\u202e".repeat(1_000_000);
    const started = performance.now();
    expect(messages(singleLineText(200), huge)).toEqual(["Use at most 200 characters."]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("every schema where people type text uses them", () => {
  const signUp = { name: "Marta Kowalska", email: "marta@school.org", password: "Tallinn-harbour-1989", role: "student" };
  const settings = { title: "Week 3 quiz", attemptsAllowed: 1, reviewWhen: "immediately" };

  it.each(HOSTILE)("names, class names and quiz titles refuse %s", (_name, ch) => {
    expect(messages(signUpSchema, { ...signUp, name: `Mar${ch}ta` })).toContain(SINGLE_LINE_MESSAGE);
    expect(messages(createClassSchema, { name: `History${ch} 11B` })).toContain(SINGLE_LINE_MESSAGE);
    expect(messages(quizSettingsSchema, { ...settings, title: `Week${ch} 3` })).toContain(SINGLE_LINE_MESSAGE);
  });

  it("a name cannot be made to read backwards, or carry a line break", () => {
    expect(messages(signUpSchema, { ...signUp, name: "Ben \u202enhoJ" })).toEqual([SINGLE_LINE_MESSAGE]);
    expect(messages(createClassSchema, { name: "History\nJoin code: ABCDEFGH" })).toEqual([SINGLE_LINE_MESSAGE]);
  });

  it.each(FRIENDLY)("names and titles in any script are kept: %s", (name) => {
    expect(signUpSchema.parse({ ...signUp, name }).name).toBe(name);
    expect(createClassSchema.parse({ name }).name).toBe(name);
  });

  it.each(HOSTILE)("quiz descriptions and grading comments refuse %s but keep line breaks", (_name, ch) => {
    expect(messages(quizSettingsSchema, { ...settings, description: `Read part${ch} 2.` })).toEqual([MULTILINE_MESSAGE]);
    expect(messages(essayGradeSchema, { comment: `Go${ch}od.` })).toEqual([MULTILINE_MESSAGE]);
    expect(quizSettingsSchema.parse({ ...settings, description: "Read part 2.\r\nThen answer." }).description).toBe("Read part 2.\r\nThen answer.");
    expect(essayGradeSchema.parse({ comment: "Good.\n\nCite the text." }).comment).toBe("Good.\n\nCite the text.");
  });
});

describe("questions as authored (editor, GIFT import, seed)", () => {
  const question = {
    type: "multiple-choice",
    title: "Solidarity",
    prompt: "When was martial law declared in Poland?",
    config: { options: [{ id: "a", text: "13 December 1981", correct: true }, { id: "b", text: "1 May 1980", correct: false }] },
  };
  const issues = (q: unknown) => {
    const r = authoredQuestionSchema.safeParse(q);
    expect(r.success).toBe(false);
    return r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it.each(HOSTILE)("title, prompt, options, feedback and category refuse %s", (_name, ch) => {
    expect(issues({ ...question, title: `Soli${ch}darity` })).toEqual([`title: ${SINGLE_LINE_MESSAGE}`]);
    expect(issues({ ...question, prompt: `When${ch}?` })).toEqual([`prompt: ${MULTILINE_MESSAGE}`]);
    expect(issues({ ...question, generalFeedback: `See${ch} part 3` })).toEqual([`generalFeedback: ${MULTILINE_MESSAGE}`]);
    expect(issues({ ...question, category: `Pol${ch}and` })).toEqual([`category: ${SINGLE_LINE_MESSAGE}`]);
    const options = [{ id: "a", text: `13 December${ch} 1981`, correct: true, feedback: `Y${ch}es` }, question.config.options[1]];
    expect(issues({ ...question, config: { options } })).toEqual([`config.options.0.text: ${MULTILINE_MESSAGE}`, `config.options.0.feedback: ${MULTILINE_MESSAGE}`]);
  });

  it("a title stays on one line; a prompt and options may have several", () => {
    expect(issues({ ...question, title: "Two\nlines" })).toEqual([`title: ${SINGLE_LINE_MESSAGE}`]);
    const options = [{ id: "a", text: "13 December\n1981", correct: true }, question.config.options[1]];
    expect(authoredQuestionSchema.safeParse({ ...question, prompt: "When?\n\nGive the day.", config: { options } }).success).toBe(true);
  });

  it.each([
    ["essay rubric and grader notes", { type: "essay", config: { rubric: [{ id: "c", criterion: "Uses\u202e evidence", maxPoints: 2 }], graderNotes: "Look\u0000 for" } }, ["config.rubric.0.criterion", "config.graderNotes"]],
    ["numeric unit", { type: "numeric", config: { answers: [{ kind: "tolerance", value: 1981, tolerance: 0, credit: 1 }], unit: "year\u2066" } }, ["config.unit"]],
    ["matching pairs and extra answers", { type: "matching", config: { pairs: [{ id: "a", prompt: "Mielke\u001b", answer: "Stasi" }, { id: "b", prompt: "Andropov", answer: "KGB\u202e" }], distractors: ["C\ufeffIA"] } }, ["config.pairs.0.prompt", "config.pairs.1.answer", "config.distractors.0"]],
    ["ordering items", { type: "ordering", config: { items: [{ id: "a", text: "1980\u0085" }, { id: "b", text: "1981" }] } }, ["config.items.0.text"]],
    ["short answers", { type: "short-answer", config: { answers: [{ text: "Jaruzelski\u200b\u0000", credit: 1 }] } }, ["config.answers.0.text"]],
  ])("%s refuse hostile characters", (_name, patch, paths) => {
    expect(issues({ ...question, ...patch }).map((i) => i.split(":")[0])).toEqual(paths);
  });

  it("GIFT import reports a hostile character as an error on its line and imports the rest", () => {
    const { questions, errors } = parseGift("::Good:: Was martial law declared in 1981? {T}\n\n::Bad\u202e:: Who led Solidarity? {=Wałęsa ~Jaruzelski}\n");
    expect(questions.map((q) => q.title)).toEqual(["Good"]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(3);
  });
});

describe("dates people choose stay within 2000–2100", () => {
  it.each(["2000-01-01", "2026-12-01", "2100-12-31"])("a due date of %s is accepted", (d) => {
    expect(dueDateSchema.parse(d)).toBe(d);
  });

  it.each(["1999-12-31", "2101-01-01", "9999-12-31", "0000-01-01"])("a due date of %s is refused", (d) => {
    expect(messages(dueDateSchema, d)).toEqual([DATE_RANGE_MESSAGE]);
  });

  it.each(["-271821-04-20", "+275760-09-13", "20266-01-01"])("a due date of %s is not a date at all", (d) => {
    expect(messages(dueDateSchema, d)[0]).toMatch(/Enter the due date as a date/);
  });

  it("assigning a reading refuses a due date out of range", () => {
    expect(messages(assignReadingSchema, { classId: "c1", readingSlug: "mielke-andropov-1981", dueDate: "2999-01-01" })).toEqual([DATE_RANGE_MESSAGE]);
  });

  const settings = { title: "Week 3 quiz", attemptsAllowed: 1, reviewWhen: "immediately" };
  it.each([
    ["the earliest date JavaScript has", "-271821-04-20T00:00:00.000Z"],
    ["the latest date JavaScript has", "+275760-09-13T00:00:00.000Z"],
    ["1970", "1970-01-01T00:00Z"],
    ["a five-digit year", "+020266-01-01T00:00:00Z"],
    ["a Date object far in the past", new Date(-8.64e15)],
  ])("a quiz cannot open or close at %s", (_name, when) => {
    expect(messages(quizSettingsSchema, { ...settings, opensAt: when })).toEqual([DATE_RANGE_MESSAGE]);
    expect(messages(quizSettingsSchema, { ...settings, closesAt: when })).toEqual([DATE_RANGE_MESSAGE]);
  });

  it("a quiz can open and close within the range, at its edges too", () => {
    const r = quizSettingsSchema.parse({ ...settings, opensAt: "2000-01-01T00:00:00Z", closesAt: "2100-12-31T23:59:00Z" });
    expect(r.opensAt?.toISOString()).toBe("2000-01-01T00:00:00.000Z");
    expect(r.closesAt?.toISOString()).toBe("2100-12-31T23:59:00.000Z");
  });
});
