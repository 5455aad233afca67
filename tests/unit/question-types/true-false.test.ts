import { describe, expect, it } from "vitest";

import { gradeQuestion, QuestionDataError } from "@/lib/question-types/registry";
import type { ConfigOf } from "@/lib/question-types/schemas";
import { trueFalse } from "@/lib/question-types/true-false";
import { trueFalseFixtures as fx } from "@/lib/question-types/true-false/fixtures";

const { grade, isComplete, correctResponse, toPlayerView } = trueFalse;

describe("true-false grading", () => {
  it("gives 1 for the right value, with the feedback for what the student said", () => {
    expect(grade(fx.config, { value: false })).toEqual({ fraction: 1, state: "correct", feedback: [fx.config.feedbackFalse] });
  });

  it("gives 0 for the wrong value, with the feedback for what the student said", () => {
    expect(grade(fx.config, { value: true })).toEqual({ fraction: 0, state: "incorrect", feedback: [fx.config.feedbackTrue] });
  });

  it("works for a true key, and without feedback", () => {
    const config: ConfigOf<"true-false"> = { answer: true };
    expect(grade(config, { value: true })).toEqual({ fraction: 1, state: "correct", feedback: [] });
    expect(grade(config, { value: false })).toEqual({ fraction: 0, state: "incorrect", feedback: [] });
  });

  it("passes Polish and Cyrillic feedback through unchanged", () => {
    const config: ConfigOf<"true-false"> = { answer: true, feedbackTrue: "Tak — Горбачёв." };
    expect(grade(config, { value: true }).feedback).toEqual(["Tak — Горбачёв."]);
  });

  it("treats no response as unanswered; either value is an answer", () => {
    expect(grade(fx.config, null)).toEqual({ fraction: 0, state: "unanswered", feedback: [] });
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { value: false })).toBe(true);
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { value: true })).toBe(true);
  });

  it("names the key as the correct response", () => {
    expect(correctResponse(fx.config)).toEqual({ value: false });
  });

  it("shows nothing but the prompt", () => {
    expect(toPlayerView(fx.config, { seed: "s", shuffle: true })).toEqual({});
  });
});

describe("true-false data checks (via the registry)", () => {
  it("rejects a value that is not a boolean", () => {
    expect(() => gradeQuestion("true-false", fx.config, { value: "true" })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("true-false", fx.config, { value: 1 })).toThrow(QuestionDataError);
  });

  it("rejects over-long feedback", () => {
    expect(() => gradeQuestion("true-false", { answer: true, feedbackTrue: "x".repeat(2001) }, null)).toThrow(QuestionDataError);
  });
});
