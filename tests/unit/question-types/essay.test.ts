import { describe, expect, it } from "vitest";

import { essay, gradeEssayManually, OVERALL } from "@/lib/question-types/essay";
import { essayFixtures as fx } from "@/lib/question-types/essay/fixtures";
import { gradeQuestion, QuestionDataError } from "@/lib/question-types/registry";
import type { ConfigOf } from "@/lib/question-types/schemas";
import { frozen } from "./helpers";

const { grade, isComplete, correctResponse, toPlayerView } = essay;

const noRubric: ConfigOf<"essay"> = { rubric: [] };
const waiting = { fraction: null, state: "needs-grading", feedback: [] };
const nothing = { fraction: 0, state: "unanswered", feedback: [] };

describe("essay grading", () => {
  it("leaves any written answer to a person", () => {
    expect(grade(fx.config, { text: "Because the strike spread." })).toEqual(waiting);
    expect(grade(fx.config, { text: "x" })).toEqual(waiting);
  });

  it("treats Polish and Cyrillic text as written", () => {
    expect(grade(fx.config, { text: "Strajk w Stoczni Gdańskiej, а затем военное положение." })).toEqual(waiting);
  });

  it("settles an empty answer, blank text or no response at once: unanswered, 0", () => {
    expect(grade(fx.config, null)).toEqual(nothing);
    expect(grade(fx.config, { text: "" })).toEqual(nothing);
    expect(grade(fx.config, { text: " \n\t\u00a0" })).toEqual(nothing);
    expect(grade(fx.config, { text: "\u200b\ufeff" })).toEqual(nothing);
  });

  it("is complete with any visible character", () => {
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { text: "  a " })).toBe(true);
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { text: "   " })).toBe(false);
  });

  it("has no correct response", () => {
    expect(correctResponse(fx.config)).toBeNull();
  });
});

describe("gradeEssayManually", () => {
  it("adds rubric points over the points available", () => {
    expect(gradeEssayManually(fx.config, { claim: 4, sources: 2, context: 2 })).toEqual({ fraction: 0.8, state: "partial", feedback: [] });
    expect(gradeEssayManually(fx.config, { claim: 4, sources: 4, context: 2 })).toEqual({ fraction: 1, state: "correct", feedback: [] });
    expect(gradeEssayManually(fx.config, { claim: 0, sources: 0, context: 0 })).toEqual({ fraction: 0, state: "incorrect", feedback: [] });
  });

  it("clamps each criterion to 0..maxPoints", () => {
    expect(gradeEssayManually(fx.config, { claim: 10, sources: -3, context: 2 }).fraction).toBe(0.6);
  });

  it("counts missing or non-numeric scores as 0 and ignores unknown criteria", () => {
    expect(gradeEssayManually(fx.config, { claim: 4 }).fraction).toBe(0.4);
    expect(gradeEssayManually(fx.config, { claim: Number.NaN, sources: Number.POSITIVE_INFINITY, style: 100 }).fraction).toBe(0);
  });

  it("allows half points and rounds to 4 decimals", () => {
    const thirds: ConfigOf<"essay"> = { rubric: [{ id: "one", criterion: "Only criterion", maxPoints: 3 }] };
    expect(gradeEssayManually(thirds, { one: 1 }).fraction).toBe(0.3333);
    expect(gradeEssayManually(fx.config, { claim: 2.5 }).fraction).toBe(0.25);
  });

  it("takes one overall fraction when there is no rubric", () => {
    expect(gradeEssayManually(noRubric, { [OVERALL]: 0.75 })).toEqual({ fraction: 0.75, state: "partial", feedback: [] });
    expect(gradeEssayManually(noRubric, { overall: 2 }).fraction).toBe(1);
    expect(gradeEssayManually(noRubric, { overall: -1 }).fraction).toBe(0);
    expect(gradeEssayManually(noRubric, {}).fraction).toBe(0);
  });

  it("is pure", () => {
    const config = frozen(fx.config);
    const scores = frozen({ claim: 3, sources: 3 });
    expect(gradeEssayManually(config, scores)).toEqual(gradeEssayManually(config, scores));
  });
});

describe("essay player view", () => {
  it("shows the rubric and word limits, never the grader notes", () => {
    const view = toPlayerView(fx.config, { seed: "s", shuffle: true });
    expect(view).toEqual({
      minWords: 150,
      maxWords: 600,
      rubric: [
        { criterion: "States a clear claim about why the government signed the accords", maxPoints: 4 },
        { criterion: "Supports it with at least two quoted paragraphs of the reading", maxPoints: 4 },
        { criterion: "Places the events in the context of 1980–81", maxPoints: 2 },
      ],
    });
    expect(JSON.stringify(view)).not.toContain("general strike");
  });

  it("leaves out limits the author did not set", () => {
    expect(toPlayerView(noRubric, { seed: "s", shuffle: false })).toEqual({ rubric: [] });
  });
});

describe("essay data checks (via the registry)", () => {
  it("accepts 50,000 characters and rejects more", () => {
    expect(gradeQuestion("essay", fx.config, { text: "a".repeat(50_000) })).toEqual(waiting);
    expect(() => gradeQuestion("essay", fx.config, { text: "a".repeat(50_001) })).toThrow(QuestionDataError);
  });

  it("rejects fractional rubric points and over-long grader notes", () => {
    expect(() => gradeQuestion("essay", { rubric: [{ id: "a", criterion: "A", maxPoints: 1.5 }] }, null)).toThrow(QuestionDataError);
    expect(() => gradeQuestion("essay", { graderNotes: "x".repeat(4001) }, null)).toThrow(QuestionDataError);
  });
});
