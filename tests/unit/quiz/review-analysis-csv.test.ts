import { describe, expect, it } from "vitest";
import { analyseQuestions, answerLabels, type AnalysisAttempt } from "@/lib/quiz/analysis";
import { csvField, toCsv } from "@/lib/quiz/csv";
import { reviewVisibility, type ReviewPolicy } from "@/lib/quiz/review";

const everything: ReviewPolicy = { when: "immediately", showScore: true, showCorrectness: true, showAnswers: true, showFeedback: true };
const now = new Date("2026-05-01T12:00:00Z");

describe("reviewVisibility", () => {
  it("shows nothing before submission", () => {
    expect(reviewVisibility(everything, { status: "in-progress" }, { closesAt: null }, now).open).toBe(false);
  });
  it("shows what the policy lists, immediately", () => {
    const v = reviewVisibility({ ...everything, showAnswers: false }, { status: "submitted" }, { closesAt: null }, now);
    expect(v).toMatchObject({ open: true, score: true, answers: false });
  });
  it("waits for the close date, and never opens without one", () => {
    const policy = { ...everything, when: "after-close" as const };
    expect(reviewVisibility(policy, { status: "submitted" }, { closesAt: new Date("2026-05-02T00:00:00Z") }, now).open).toBe(false);
    expect(reviewVisibility(policy, { status: "submitted" }, { closesAt: new Date("2026-04-30T00:00:00Z") }, now).open).toBe(true);
    expect(reviewVisibility(policy, { status: "submitted" }, { closesAt: null }, now).open).toBe(false);
  });
  it("never means never", () => {
    const v = reviewVisibility({ ...everything, when: "never" }, { status: "submitted" }, { closesAt: null }, now);
    expect(v).toMatchObject({ open: false, score: false, answers: false, feedback: false });
    expect(v.reason).toContain("does not show");
  });
});

describe("analyseQuestions", () => {
  const attempt = (total: number, fraction: number | null, labels: string[]): AnalysisAttempt => ({ total, questions: { q: { fraction, answerLabels: labels } } });
  it("computes facility and the upper–lower discrimination index", () => {
    // Strong students get it right, weak ones wrong: discrimination 1.
    const attempts = [attempt(1, 1, ["A"]), attempt(0.9, 1, ["A"]), attempt(0.8, 1, ["A"]), attempt(0.3, 0, ["B"]), attempt(0.2, 0, ["B"]), attempt(0.1, 0, ["C"])];
    const [q] = analyseQuestions(["q"], attempts);
    expect(q!.facility).toBe(0.5);
    expect(q!.discrimination).toBe(1);
    expect(q!.answers).toEqual([{ label: "A", count: 3 }, { label: "B", count: 2 }, { label: "C", count: 1 }]);
  });
  it("is negative when weak students do better, and null with too few attempts", () => {
    const reversed = [attempt(1, 0, ["B"]), attempt(0.9, 0, ["B"]), attempt(0.2, 1, ["A"]), attempt(0.1, 1, ["A"])];
    expect(analyseQuestions(["q"], reversed)[0]!.discrimination).toBe(-1);
    expect(analyseQuestions(["q"], reversed.slice(0, 3))[0]!.discrimination).toBeNull();
  });
  it("leaves ungraded answers out of facility and counts an answer once per attempt", () => {
    const [q] = analyseQuestions(["q"], [attempt(1, null, ["x", "x"]), attempt(0, 0, [])]);
    expect(q!.facility).toBe(0);
    expect(q!.answered).toBe(1);
    expect(q!.answers).toEqual([{ label: "x", count: 1 }]);
  });
});

describe("answerLabels", () => {
  it("names ordering items and matching pairs by their texts, not their ids", () => {
    const ordering = { items: [{ id: "a", text: "Helsinki Final Act" }, { id: "b", text: "Gdańsk Agreement" }] };
    expect(answerLabels("ordering", ordering, { order: ["b", "a"] })).toEqual(["Gdańsk Agreement → Helsinki Final Act"]);
    const matching = { pairs: [{ id: "p1", prompt: "Mielke", answer: "Minister for State Security" }, { id: "p2", prompt: "Andropov", answer: "KGB Chairman" }] };
    expect(answerLabels("matching", matching, { matches: { p1: "KGB Chairman", p2: "KGB Chairman" } })).toEqual(["Mielke → KGB Chairman", "Andropov → KGB Chairman"]);
  });
  it("uses option texts for choices, including evidence questions' choices", () => {
    const mc = { options: [{ id: "o1", text: "Brest, 3–4 April 1981" }] };
    expect(answerLabels("multiple-choice", mc, { optionId: "o1" })).toEqual(["Brest, 3–4 April 1981"]);
    expect(answerLabels("evidence", { answer: { kind: "choice", options: mc.options } }, { optionId: "o1", anchors: [] })).toEqual(["Brest, 3–4 April 1981"]);
    expect(answerLabels("multiple-response", mc, { optionIds: ["o1", "gone"] })).toEqual(["Brest, 3–4 April 1981", "gone"]);
  });
  it("folds typed answers to lower case, hides essay text, and counts nothing for blank or missing answers", () => {
    expect(answerLabels("short-answer", {}, { text: "  Solidarność " })).toEqual(["solidarność"]);
    expect(answerLabels("essay", {}, { text: "A long answer" })).toEqual(["answered"]);
    expect(answerLabels("short-answer", {}, { text: "   " })).toEqual([]);
    expect(answerLabels("numeric", {}, null)).toEqual([]);
    expect(answerLabels("true-false", {}, { value: false })).toEqual(["False"]);
    expect(answerLabels("ordering", { items: [] }, { order: [] })).toEqual([]);
  });
});

describe("CSV", () => {
  it("quotes commas, quotes and line breaks, keeps accents, and defuses formulas", () => {
    expect(csvField("Dubois, Chloé")).toBe('"Dubois, Chloé"');
    expect(csvField('Jan "Janek"')).toBe('"Jan ""Janek"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });
  it("writes a BOM and CRLF rows", () => {
    expect(toCsv([["a", "b"], [1, 2]])).toBe("\uFEFFa,b\r\n1,2\r\n");
  });
});
