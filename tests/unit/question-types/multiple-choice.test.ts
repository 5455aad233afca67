import { viewId } from "@/lib/question-types/view-ids";
import { describe, expect, it } from "vitest";

import { multipleChoice } from "@/lib/question-types/multiple-choice";
import { multipleChoiceFixtures as fx } from "@/lib/question-types/multiple-choice/fixtures";
import { correctResponseFor, gradeQuestion, parseConfig, playerView, QuestionDataError } from "@/lib/question-types/registry";
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
    const blank: ConfigOf<"multiple-choice"> = { options: [{ id: "a", text: "A", credit: 1, feedback: "   " }, { id: "b", text: "B", credit: 0 }] };
    expect(grade(blank, { optionId: "a" }).feedback).toEqual([]);
  });

  it("treats an option id that is not in the question as incorrect", () => {
    expect(grade(fx.config, { optionId: "berlin" })).toEqual({ fraction: 0, state: "incorrect", feedback: [] });
  });

  it("treats no response as unanswered", () => {
    expect(grade(fx.config, null)).toEqual({ fraction: 0, state: "unanswered", feedback: [] });
  });

  it("counts any chosen option as complete", () => {
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { optionId: "warsaw" })).toBe(true);
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { optionId: "" })).toBe(false);
  });

  it("names the right option as the correct response", () => {
    expect(correctResponse(fx.config)).toEqual({ optionId: "gdansk" });
  });

  it("gives a partly right option its credit, with its feedback", () => {
    expect(grade(fx.config, { optionId: "gdynia" })).toEqual({ fraction: 0.5, state: "partial", feedback: ["Gdynia's shipyard joined the strike, but it began in Gdańsk."] });
    const thirds: ConfigOf<"multiple-choice"> = { options: [{ id: "a", text: "A", credit: 1 }, { id: "b", text: "B", credit: 1 / 3 }, { id: "c", text: "C", credit: 0 }] };
    expect(grade(thirds, { optionId: "b" })).toMatchObject({ fraction: 0.3333, state: "partial" });
  });

  it("a penalty (negative credit, as Moodle allows) ends at 0, never below", () => {
    const penalty: ConfigOf<"multiple-choice"> = { options: [{ id: "a", text: "A", credit: 1 }, { id: "b", text: "B", credit: -0.5, feedback: "Costs half a mark in Moodle." }] };
    expect(grade(penalty, { optionId: "b" })).toEqual({ fraction: 0, state: "incorrect", feedback: ["Costs half a mark in Moodle."] });
  });
});

describe("multiple-choice configs stored before per-option credit", () => {
  // Question.config rows, attempt snapshots and the seed's quiz.json may still say correct: true/false.
  const legacy = {
    options: [
      { id: "gdansk", text: "Gdańsk", correct: true, feedback: "Yes." },
      { id: "warsaw", text: "Warsaw", correct: false, feedback: "No." },
      { id: "krakow", text: "Kraków", correct: false },
    ],
  };

  it("read as credit 1 and 0, and nothing else of the old shape survives", () => {
    expect(parseConfig("multiple-choice", legacy)).toEqual({
      options: [
        { id: "gdansk", text: "Gdańsk", credit: 1, feedback: "Yes." },
        { id: "warsaw", text: "Warsaw", credit: 0, feedback: "No." },
        { id: "krakow", text: "Kraków", credit: 0 },
      ],
    });
  });

  it("grade exactly as before: 1 for the right option, 0 for the others, unanswered for none", () => {
    expect(gradeQuestion("multiple-choice", legacy, { optionId: "gdansk" })).toEqual({ fraction: 1, state: "correct", feedback: ["Yes."] });
    expect(gradeQuestion("multiple-choice", legacy, { optionId: "warsaw" })).toEqual({ fraction: 0, state: "incorrect", feedback: ["No."] });
    expect(gradeQuestion("multiple-choice", legacy, null)).toEqual({ fraction: 0, state: "unanswered", feedback: [] });
    expect(correctResponseFor("multiple-choice", legacy)).toEqual({ optionId: "gdansk" });
  });

  it("an evidence question's choice answer reads the old shape too", () => {
    const evidence = { answer: { kind: "choice", options: legacy.options }, evidence: ["p-12"], answerWeight: 0.5 };
    expect(gradeQuestion("evidence", evidence, { optionId: "gdansk", anchors: ["p-12"] })).toMatchObject({ fraction: 1, state: "correct" });
    expect(gradeQuestion("evidence", evidence, { optionId: "warsaw", anchors: ["p-12"] })).toMatchObject({ fraction: 0.5, state: "partial" });
  });

  it("still refuses a key with two right options, or none", () => {
    const two = { options: legacy.options.map((o) => ({ ...o, correct: true })) };
    const none = { options: legacy.options.map((o) => ({ ...o, correct: false })) };
    expect(() => parseConfig("multiple-choice", two)).toThrow(/exactly one option is correct/);
    expect(() => parseConfig("multiple-choice", none)).toThrow(/exactly one option is correct/);
  });

  it("an option with both keys keeps its credit", () => {
    const both = { options: [{ id: "a", text: "A", correct: false, credit: 1 }, { id: "b", text: "B", correct: true, credit: 0.5 }] };
    expect(parseConfig("multiple-choice", both).options.map((o) => o.credit)).toEqual([1, 0.5]);
  });
});

describe("multiple-choice data checks (via the registry)", () => {
  it("rejects an empty or over-long option id in a response", () => {
    expect(() => gradeQuestion("multiple-choice", fx.config, { optionId: "" })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("multiple-choice", fx.config, { optionId: "a".repeat(41) })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("multiple-choice", fx.config, {})).toThrow(QuestionDataError);
  });

  it("rejects an over-long option text and a key with two right options", () => {
    const long = { options: [{ id: "a", text: "x".repeat(1001), credit: 1 }, { id: "b", text: "B", credit: 0 }] };
    expect(() => gradeQuestion("multiple-choice", long, null)).toThrow(QuestionDataError);
    const twoRight = { options: [{ id: "a", text: "A", credit: 1 }, { id: "b", text: "B", credit: 1 }] };
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
    const dup = { options: [{ id: "a", text: "A", credit: 1 }, { id: "a", text: "B", credit: 0 }] };
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
        { id: viewId("s", "gdynia"), text: "Gdynia" },
      ],
    });
  });

  it("shuffles to a permutation of the same options, keeping Polish and Cyrillic text intact", () => {
    const cyrillic: ConfigOf<"multiple-choice"> = {
      options: [...fx.config.options, { id: "moskva", text: "Москва", credit: 0 }],
    };
    const view = toPlayerView(cyrillic, { seed: "attempt-7", shuffle: true });
    const seen = (id: string) => viewId("attempt-7", id);
    expect(view.options.map((o) => o.id).sort()).toEqual(["gdansk", "gdynia", "krakow", "lodz", "moskva", "warsaw"].map(seen).sort());
    expect(view.options.find((o) => o.id === seen("moskva"))?.text).toBe("Москва");
    expect(view.options.find((o) => o.id === seen("lodz"))?.text).toBe("Łódź");
  });
});
