import { viewId } from "@/lib/question-types/view-ids";
import { describe, expect, it } from "vitest";

import { multipleChoice } from "@/lib/question-types/multiple-choice";
import { multipleChoiceFixtures as fx } from "@/lib/question-types/multiple-choice/fixtures";
import { gradeQuestion, playerView, QuestionDataError } from "@/lib/question-types/registry";
import type { ConfigOf } from "@/lib/question-types/schemas";

const { grade, isComplete, correctResponse, toPlayerView } = multipleChoice;

describe("multiple-choice grading", () => {
  it("gives 1 and the option's feedback for the right option", () => {
    expect(grade(fx.config, { optionId: "gdansk" })).toEqual({
      fraction: 1,
      state: "correct",
      feedback: ["Yes: the strike began at the Lenin Shipyard in Gdańsk."],
    });
  });

  it("gives 0 and the chosen option's feedback for a wrong option", () => {
    expect(grade(fx.config, { optionId: "lodz" })).toEqual({ fraction: 0, state: "incorrect", feedback: ["Łódź had its own strikes, but later."] });
  });

  it("gives no feedback for an option without any, or with only spaces", () => {
    expect(grade(fx.config, { optionId: "krakow" }).feedback).toEqual([]);
    const blank: ConfigOf<"multiple-choice"> = { options: [{ id: "a", text: "A", correct: true, feedback: "   " }, { id: "b", text: "B", correct: false }] };
    expect(grade(blank, { optionId: "a" }).feedback).toEqual([]);
  });

  it("treats an option id that is not in the question as incorrect", () => {
    expect(grade(fx.config, { optionId: "berlin" })).toEqual({ fraction: 0, state: "incorrect", feedback: [] });
  });

  it("treats no response as unanswered", () => {
    expect(grade(fx.config, null)).toEqual({ fraction: 0, state: "unanswered", feedback: [] });
  });

  it("counts any chosen option as complete", () => {
    expect(isComplete({ optionId: "warsaw" })).toBe(true);
    expect(isComplete({ optionId: "" })).toBe(false);
  });

  it("names the right option as the correct response", () => {
    expect(correctResponse(fx.config)).toEqual({ optionId: "gdansk" });
  });
});

describe("multiple-choice data checks (via the registry)", () => {
  it("rejects an empty or over-long option id in a response", () => {
    expect(() => gradeQuestion("multiple-choice", fx.config, { optionId: "" })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("multiple-choice", fx.config, { optionId: "a".repeat(41) })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("multiple-choice", fx.config, {})).toThrow(QuestionDataError);
  });

  it("rejects an over-long option text and a key with two right options", () => {
    const long = { options: [{ id: "a", text: "x".repeat(1001), correct: true }, { id: "b", text: "B", correct: false }] };
    expect(() => gradeQuestion("multiple-choice", long, null)).toThrow(QuestionDataError);
    const twoRight = { options: [{ id: "a", text: "A", correct: true }, { id: "b", text: "B", correct: true }] };
    try {
      gradeQuestion("multiple-choice", twoRight, null);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QuestionDataError);
      expect((e as QuestionDataError).code).toBe("invalid_config");
      expect((e as QuestionDataError).message).toContain("exactly one option is correct");
    }
  });

  it("rejects duplicate option ids", () => {
    const dup = { options: [{ id: "a", text: "A", correct: true }, { id: "a", text: "B", correct: false }] };
    expect(() => playerView("multiple-choice", dup, { seed: "s", shuffle: false })).toThrow(/option ids are unique/);
  });
});

describe("multiple-choice player view", () => {
  it("shows a view id and text only, in authored order when not shuffling", () => {
    expect(toPlayerView(fx.config, { seed: "s", shuffle: false })).toEqual({
      options: [
        { id: viewId("s", "gdansk"), text: "Gdańsk" },
        { id: viewId("s", "warsaw"), text: "Warsaw" },
        { id: viewId("s", "krakow"), text: "Kraków" },
        { id: viewId("s", "lodz"), text: "Łódź" },
      ],
    });
  });

  it("shuffles to a permutation of the same options, keeping Polish and Cyrillic text intact", () => {
    const cyrillic: ConfigOf<"multiple-choice"> = {
      options: [...fx.config.options, { id: "moskva", text: "Москва", correct: false }],
    };
    const view = toPlayerView(cyrillic, { seed: "attempt-7", shuffle: true });
    const seen = (id: string) => viewId("attempt-7", id);
    expect(view.options.map((o) => o.id).sort()).toEqual(["gdansk", "krakow", "lodz", "moskva", "warsaw"].map(seen).sort());
    expect(view.options.find((o) => o.id === seen("moskva"))?.text).toBe("Москва");
    expect(view.options.find((o) => o.id === seen("lodz"))?.text).toBe("Łódź");
  });
});
