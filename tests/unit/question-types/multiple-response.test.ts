import { viewId } from "@/lib/question-types/view-ids";
import { describe, expect, it } from "vitest";

import { multipleResponse } from "@/lib/question-types/multiple-response";
import { multipleResponseFixtures as fx } from "@/lib/question-types/multiple-response/fixtures";
import { gradeQuestion, QuestionDataError } from "@/lib/question-types/registry";
import type { ConfigOf } from "@/lib/question-types/schemas";

const { grade, isComplete, correctResponse, toPlayerView } = multipleResponse;

const feedback = {
  gdansk: "The Lenin Shipyard strike, August 1980.",
  szczecin: "The Szczecin Agreement was signed on 30 August 1980.",
  moscow: "No accord was signed in Moscow.",
};

describe("multiple-response grading", () => {
  it("gives 1 for all the right options, with their feedback in authored order", () => {
    expect(grade(fx.config, { optionIds: ["szczecin", "gdansk"] })).toEqual({ fraction: 1, state: "correct", feedback: [feedback.gdansk, feedback.szczecin] });
  });

  it("gives partial credit for some of the right options", () => {
    expect(grade(fx.config, { optionIds: ["gdansk"] })).toEqual({ fraction: 0.5, state: "partial", feedback: [feedback.gdansk] });
  });

  it("subtracts negative weights", () => {
    expect(grade(fx.config, { optionIds: ["gdansk", "szczecin", "moscow"] })).toMatchObject({ fraction: 0.5, state: "partial" });
  });

  it("never goes below 0", () => {
    expect(grade(fx.config, { optionIds: ["moscow"] })).toEqual({ fraction: 0, state: "incorrect", feedback: [feedback.moscow] });
  });

  it("counts a duplicated pick once", () => {
    expect(grade(fx.config, { optionIds: ["gdansk", "gdansk", "gdansk"] }).fraction).toBe(0.5);
  });

  it("ignores unknown ids, and grades a response of only unknown ids as incorrect, not unanswered", () => {
    expect(grade(fx.config, { optionIds: ["gdansk", "berlin"] }).fraction).toBe(0.5);
    expect(grade(fx.config, { optionIds: ["berlin"] })).toEqual({ fraction: 0, state: "incorrect", feedback: [] });
  });

  it("treats no picks, or no response, as unanswered", () => {
    const nothing = { fraction: 0, state: "unanswered", feedback: [] };
    expect(grade(fx.config, { optionIds: [] })).toEqual(nothing);
    expect(grade(fx.config, null)).toEqual(nothing);
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { optionIds: [] })).toBe(false);
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { optionIds: ["lodz"] })).toBe(true);
  });

  it("adds weights without floating-point noise", () => {
    const config: ConfigOf<"multiple-response"> = {
      options: [
        { id: "a", text: "A", weight: 0.1 },
        { id: "b", text: "B", weight: 0.2 },
        { id: "c", text: "C", weight: 0.7 },
      ],
    };
    expect(grade(config, { optionIds: ["a", "b"] }).fraction).toBe(0.3);
    expect(grade(config, { optionIds: ["a", "b", "c"] })).toMatchObject({ fraction: 1, state: "correct" });
  });

  it("gives full marks for all the right options when their weights add up to just under 100%", () => {
    // Authors type 33.3% three times; the schema accepts the 99.9% total.
    const thirds: ConfigOf<"multiple-response"> = {
      options: [
        { id: "a", text: "A", weight: 0.333 },
        { id: "b", text: "B", weight: 0.333 },
        { id: "c", text: "C", weight: 0.333 },
        { id: "d", text: "D", weight: -1 },
      ],
    };
    expect(grade(thirds, correctResponse(thirds))).toMatchObject({ fraction: 1, state: "correct" });
    expect(grade(thirds, { optionIds: ["a"] }).fraction).toBe(0.3333);
    expect(grade(thirds, { optionIds: ["a", "b", "c", "d"] })).toMatchObject({ fraction: 0, state: "incorrect" });
  });

  it("names every positive-weight option as the correct response", () => {
    expect(correctResponse(fx.config)).toEqual({ optionIds: ["gdansk", "szczecin"] });
  });
});

describe("multiple-response data checks (via the registry)", () => {
  it("rejects more than 12 picks and malformed ids", () => {
    const ids = Array.from({ length: 13 }, (_, i) => `o-${i}`);
    expect(() => gradeQuestion("multiple-response", fx.config, { optionIds: ids })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("multiple-response", fx.config, { optionIds: ["Gdańsk"] })).toThrow(QuestionDataError);
  });

  it("rejects weights that do not add up to 100%", () => {
    const config = { options: [{ id: "a", text: "A", weight: 0.5 }, { id: "b", text: "B", weight: 0.3 }] };
    expect(() => gradeQuestion("multiple-response", config, null)).toThrow(/weights add up to 100%/);
  });
});

describe("multiple-response player view", () => {
  it("shows no weights, and keeps Unicode text", () => {
    const config: ConfigOf<"multiple-response"> = {
      options: [
        { id: "a", text: "Горбачёв", weight: 1 },
        { id: "b", text: "Wałęsa", weight: 0 },
      ],
    };
    expect(toPlayerView(config, { seed: "s", shuffle: false })).toEqual({ options: [{ id: viewId("s", "a"), text: "Горбачёв" }, { id: viewId("s", "b"), text: "Wałęsa" }] });
  });
});
