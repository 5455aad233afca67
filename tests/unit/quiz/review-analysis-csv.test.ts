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
    const options = [
      { id: "o1", text: "Brest, 3–4 April 1981", correct: true },
      { id: "o2", text: "Moscow", correct: false },
    ];
    expect(answerLabels("multiple-choice", { options }, { optionId: "o1" })).toEqual(["Brest, 3–4 April 1981"]);
    expect(answerLabels("evidence", { answer: { kind: "choice", options }, evidence: ["p-1"] }, { optionId: "o1", anchors: [] })).toEqual(["Brest, 3–4 April 1981"]);
    const weighted = { options: [{ id: "o1", text: "Brest, 3–4 April 1981", weight: 1 }, { id: "o2", text: "Moscow", weight: 0 }] };
    expect(answerLabels("multiple-response", weighted, { optionIds: ["o1", "gone"] })).toEqual(["Brest, 3–4 April 1981", "gone"]);
  });
  it("keeps typed answers as typed, hides essay text, and counts nothing for blank or missing answers", () => {
    const accepted = { answers: [{ text: "Solidarność", credit: 1 }] };
    expect(answerLabels("short-answer", accepted, { text: "  Solidarność " })).toEqual(["Solidarność"]);
    expect(answerLabels("short-answer", accepted, { text: "SOLIDARNOŚĆ" })).toEqual(["SOLIDARNOŚĆ"]);
    expect(answerLabels("essay", {}, { text: "A long answer" })).toEqual(["answered"]);
    expect(answerLabels("short-answer", accepted, { text: "   " })).toEqual([]);
    expect(answerLabels("numeric", { answers: [{ kind: "tolerance", value: 1975, tolerance: 0, credit: 1 }] }, null)).toEqual([]);
    expect(answerLabels("true-false", { answer: true }, { value: false })).toEqual(["False"]);
    expect(answerLabels("ordering", { items: [{ id: "a", text: "A" }, { id: "b", text: "B" }] }, { order: [] })).toEqual([]);
  });
});

describe("analyseQuestions with typed answers", () => {
  const typed = (total: number, text: string): AnalysisAttempt => ({ total, questions: { q: { fraction: 1, answerLabels: [text] } } });
  const fold = (_key: string, label: string) => label.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  it("counts spellings that grading matches together, under the most common one, with every spelling", () => {
    const [q] = analyseQuestions(["q"], [typed(1, "SOLIDARNOŚĆ"), typed(0.5, "solidarnosc"), typed(0.4, "SOLIDARNOŚĆ"), typed(0.2, "Komsomol")], { groupOf: fold });
    expect(q!.answered).toBe(4);
    expect(q!.answers).toEqual([
      { label: "SOLIDARNOŚĆ", count: 3, spellings: [{ text: "SOLIDARNOŚĆ", count: 2 }, { text: "solidarnosc", count: 1 }] },
      { label: "Komsomol", count: 1 },
    ]);
  });
  it("counts an attempt once per answer even when it gives two spellings of it", () => {
    const both: AnalysisAttempt = { total: 1, questions: { q: { fraction: 1, answerLabels: ["Gdańsk", "gdansk"] } } };
    const [q] = analyseQuestions(["q"], [both], { groupOf: fold });
    expect(q!.answers).toEqual([{ label: "gdansk", count: 1, spellings: [{ text: "gdansk", count: 1 }, { text: "Gdańsk", count: 1 }] }]);
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
  it("writes semicolons and decimal commas for comma-decimal spreadsheets, quoting what holds a semicolon", () => {
    expect(toCsv([["Student", "Brest; Madrid", "Dubois, Chloé"], ["=1+1", 3.25, -0.5], [81.3, 4, null]], "eu")).toBe(
      '\uFEFFStudent;"Brest; Madrid";Dubois, Chloé\r\n\'=1+1;3,25;-0,5\r\n81,3;4;\r\n',
    );
    expect(csvField(1.5)).toBe("1.5");
    expect(csvField(1.5, "eu")).toBe("1,5");
    expect(csvField("a;b")).toBe("a;b");
    expect(csvField("a;b", "eu")).toBe('"a;b"');
    expect(csvField(Number.POSITIVE_INFINITY, "eu")).toBe("");
  });
});
