import { viewId } from "@/lib/question-types/view-ids";
import { describe, expect, it } from "vitest";

import { evidence, evidenceScore } from "@/lib/question-types/evidence";
import { evidenceFixtures as fx } from "@/lib/question-types/evidence/fixtures";
import { gradeQuestion, isAnswerComplete, QuestionDataError } from "@/lib/question-types/registry";
import type { ConfigOf } from "@/lib/question-types/schemas";

const { grade, isComplete, correctResponse, toPlayerView } = evidence;

const rightFeedback = ["Yes, see the Politburo minutes."];

type TextAnswer = Extract<ConfigOf<"evidence">["answer"], { kind: "text" }>;

const textAnswer: TextAnswer = {
  kind: "text",
  answers: [
    { text: "Wałęsa", credit: 1, feedback: "He led the strike committee." },
    { text: "Walentynowicz", credit: 0.5 },
  ],
  caseSensitive: false,
  accentSensitive: false,
  punctuationSensitive: false,
};

const textConfig: ConfigOf<"evidence"> = { answer: textAnswer, evidence: ["p-3"], answerWeight: 0.5 };

describe("evidence score", () => {
  it("earns 1/|key| per right paragraph and loses half that per wrong one, never below 0", () => {
    expect(evidenceScore(["p-1", "p-2"], ["p-1", "p-2"])).toBe(1);
    expect(evidenceScore(["p-1", "p-2"], ["p-1"])).toBe(0.5);
    expect(evidenceScore(["p-1", "p-2"], ["p-1", "p-3"])).toBe(0.25);
    expect(evidenceScore(["p-1", "p-2"], ["p-1", "p-2", "p-3", "p-4"])).toBe(0.5);
    expect(evidenceScore(["p-1", "p-2"], ["p-3", "p-4", "p-5"])).toBe(0);
    expect(evidenceScore(["p-1", "p-2"], [])).toBe(0);
  });

  it("ignores duplicates on both sides", () => {
    expect(evidenceScore(["p-1", "p-1", "p-2"], ["p-1", "p-1"])).toBe(0.5);
    expect(evidenceScore(["p-1"], ["p-9", "p-9", "p-1"])).toBe(0.5);
  });
});

describe("evidence grading with a choice", () => {
  it("gives 1 and the option's feedback for the right option on exactly the right paragraphs", () => {
    expect(grade(fx.config, { optionId: "fear", anchors: ["p-14", "p-12"] })).toEqual({ fraction: 1, state: "correct", feedback: rightFeedback });
  });

  it("mixes the two parts by answerWeight", () => {
    // answer 1 × 0.5 + evidence 0.25 × 0.5
    expect(grade(fx.config, { optionId: "fear", anchors: ["p-12", "p-3"] })).toEqual({ fraction: 0.625, state: "partial", feedback: rightFeedback });
    // answer 0 × 0.5 + evidence 1 × 0.5
    expect(grade(fx.config, { optionId: "moscow", anchors: ["p-12", "p-14"] })).toEqual({
      fraction: 0.5,
      state: "partial",
      feedback: ["Moscow urged firmness, not concessions."],
    });
    expect(grade(fx.config, { optionId: "moscow", anchors: ["p-1"] })).toMatchObject({ fraction: 0, state: "incorrect" });
  });

  it("rounds mixed fractions to 4 decimals", () => {
    const config: ConfigOf<"evidence"> = { ...fx.config, evidence: ["p-1", "p-2", "p-3"], answerWeight: 0.3 };
    // 0.3 + 0.7 × 1/3
    expect(grade(config, { optionId: "fear", anchors: ["p-1"] }).fraction).toBe(0.5333);
  });

  it("counts a duplicated anchor once", () => {
    expect(grade(fx.config, { optionId: "fear", anchors: ["p-12", "p-12", "p-12"] }).fraction).toBe(0.75);
  });

  it("is correct only when both parts are right, even when answerWeight gives one of them no weight", () => {
    const answerOnly: ConfigOf<"evidence"> = { ...fx.config, answerWeight: 1 };
    expect(grade(answerOnly, { optionId: "fear", anchors: ["p-1"] })).toMatchObject({ fraction: 1, state: "partial" });
    expect(grade(answerOnly, { optionId: "fear", anchors: ["p-12", "p-14"] })).toMatchObject({ fraction: 1, state: "correct" });
    const evidenceOnly: ConfigOf<"evidence"> = { ...fx.config, answerWeight: 0 };
    expect(grade(evidenceOnly, { optionId: "moscow", anchors: ["p-12", "p-14"] })).toMatchObject({ fraction: 1, state: "partial" });
    expect(grade(evidenceOnly, { optionId: "fear", anchors: [] })).toMatchObject({ fraction: 0, state: "incorrect" });
  });

  it("treats an unknown option id as a wrong answer", () => {
    expect(grade(fx.config, { optionId: "berlin", anchors: ["p-12", "p-14"] })).toEqual({ fraction: 0.5, state: "partial", feedback: [] });
  });

  it("grades an answer without anchors, or anchors without an answer, but calls neither complete", () => {
    expect(grade(fx.config, { optionId: "fear", anchors: [] })).toMatchObject({ fraction: 0.5, state: "partial" });
    expect(grade(fx.config, { anchors: ["p-12", "p-14"] })).toMatchObject({ fraction: 0.5, state: "partial" });
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { optionId: "fear", anchors: [] })).toBe(false);
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { anchors: ["p-12"] })).toBe(false);
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { text: "  ", anchors: ["p-12"] })).toBe(false);
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { optionId: "fear", anchors: ["p-12"] })).toBe(true);
    expect(isAnswerComplete("evidence", fx.config, { optionId: "fear", anchors: ["p-1"] }, "seed")).toBe(true);
  });

  it("treats neither an answer nor anchors, or no response, as unanswered", () => {
    const nothing = { fraction: 0, state: "unanswered", feedback: [] };
    expect(grade(fx.config, { anchors: [] })).toEqual(nothing);
    expect(grade(fx.config, { text: " ", anchors: [] })).toEqual(nothing);
    expect(grade(fx.config, null)).toEqual(nothing);
  });

  it("names the right option and the key's paragraphs, once each, as the correct response", () => {
    expect(correctResponse({ ...fx.config, evidence: ["p-12", "p-14", "p-12"] })).toEqual({ optionId: "fear", anchors: ["p-12", "p-14"] });
  });
});

describe("evidence grading with a typed answer", () => {
  it("matches like short-answer: Walesa is Wałęsa when accents don't matter", () => {
    expect(grade(textConfig, { text: "  WALESA ", anchors: ["p-3"] })).toEqual({ fraction: 1, state: "correct", feedback: ["He led the strike committee."] });
    expect(grade({ ...textConfig, answer: { ...textAnswer, accentSensitive: true } }, { text: "Walesa", anchors: ["p-3"] }).fraction).toBe(0.5);
  });

  it("passes on partial credit for the answer", () => {
    expect(grade(textConfig, { text: "walentynowicz", anchors: ["p-3"] })).toEqual({ fraction: 0.75, state: "partial", feedback: [] });
  });

  it("ignores an option id sent for a typed answer", () => {
    expect(grade(textConfig, { optionId: "fear", anchors: ["p-3"] })).toMatchObject({ fraction: 0.5, state: "partial" });
  });

  it("compares Cyrillic", () => {
    const config: ConfigOf<"evidence"> = { ...textConfig, answer: { ...textAnswer, answers: [{ text: "Андропов", credit: 1 }] } };
    expect(grade(config, { text: "андропов", anchors: ["p-3"] }).fraction).toBe(1);
    expect(grade(config, { text: "Andropov", anchors: ["p-3"] }).fraction).toBe(0.5);
  });

  it("accepts Moodle's * wildcard like short-answer, with a catch-all", () => {
    const config: ConfigOf<"evidence"> = { ...textConfig, answer: { ...textAnswer, answers: [{ text: "Wał*", credit: 1 }, { text: "*", credit: 0, feedback: "Who led the strike?" }] } };
    expect(grade(config, { text: "Walesa", anchors: ["p-3"] })).toEqual({ fraction: 1, state: "correct", feedback: [] });
    expect(grade(config, { text: "Kania", anchors: ["p-3"] })).toEqual({ fraction: 0.5, state: "partial", feedback: ["Who led the strike?"] });
    expect(correctResponse(config)).toEqual({ text: "Wał", anchors: ["p-3"] });
  });

  it("names a full-credit text as the correct response, or none", () => {
    expect(correctResponse(textConfig)).toEqual({ text: "Wałęsa", anchors: ["p-3"] });
    const noFull: ConfigOf<"evidence"> = { ...textConfig, answer: { ...textAnswer, answers: [{ text: "x", credit: 0.5 }] } };
    expect(correctResponse(noFull)).toBeNull();
  });
});

describe("evidence player view", () => {
  it("shows the options without the key, in authored order when not shuffling", () => {
    expect(toPlayerView(fx.config, { seed: "s", shuffle: false })).toEqual({
      answerKind: "choice",
      options: [
        { id: viewId("s", "fear"), text: "Fear that the strikes would become a general strike" },
        { id: viewId("s", "moscow"), text: "An order from Moscow" },
        { id: viewId("s", "economy"), text: "A sudden economic recovery" },
      ],
    });
  });

  it("shows only the input limit for a typed answer, and nothing about the evidence", () => {
    const view = toPlayerView(textConfig, { seed: "s", shuffle: true });
    expect(view).toEqual({ answerKind: "text", maxLength: 500 });
    expect(JSON.stringify(view)).not.toContain("p-3");
  });
});

describe("evidence data checks (via the registry)", () => {
  it("rejects more than 20 anchors, malformed anchors and over-long text", () => {
    const anchors = Array.from({ length: 21 }, (_, i) => `p-${i}`);
    expect(() => gradeQuestion("evidence", fx.config, { optionId: "fear", anchors })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("evidence", fx.config, { optionId: "fear", anchors: ["para-1"] })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("evidence", textConfig, { text: "x".repeat(501), anchors: [] })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("evidence", fx.config, { optionId: "fear" })).toThrow(QuestionDataError);
  });

  it("rejects a config without evidence or with answerWeight above 1", () => {
    expect(() => gradeQuestion("evidence", { ...fx.config, evidence: [] }, null)).toThrow(QuestionDataError);
    expect(() => gradeQuestion("evidence", { ...fx.config, answerWeight: 1.5 }, null)).toThrow(QuestionDataError);
  });

  it("defaults answerWeight to one half", () => {
    const { answerWeight: _omitted, ...withoutWeight } = fx.config;
    expect(gradeQuestion("evidence", withoutWeight, { optionId: "fear", anchors: [] }).fraction).toBe(0.5);
  });
});
