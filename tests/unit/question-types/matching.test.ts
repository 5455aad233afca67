import { viewId } from "@/lib/question-types/view-ids";
import { describe, expect, it } from "vitest";

import { matching } from "@/lib/question-types/matching";
import { matchingFixtures as fx } from "@/lib/question-types/matching/fixtures";
import { gradeQuestion, isAnswerComplete, QuestionDataError } from "@/lib/question-types/registry";
import type { ConfigOf } from "@/lib/question-types/schemas";

const { grade, isComplete, correctResponse, toPlayerView } = matching;

const right = fx.responses.correct.matches;

describe("matching grading", () => {
  it("gives the share of pairs matched right", () => {
    expect(grade(fx.config, fx.responses.correct)).toEqual({ fraction: 1, state: "correct", feedback: [] });
    expect(grade(fx.config, { matches: { ...right, brezhnev: "Declared martial law" } })).toMatchObject({ fraction: 0.75, state: "partial" });
    expect(grade(fx.config, fx.responses.partial)).toMatchObject({ fraction: 0.25, state: "partial" });
    expect(grade(fx.config, fx.responses.wrong)).toMatchObject({ fraction: 0, state: "incorrect" });
  });

  it("compares exactly after trimming", () => {
    expect(grade(fx.config, { matches: { walesa: "  Chairman of Solidarność \n" } }).fraction).toBe(0.25);
    expect(grade(fx.config, { matches: { walesa: "chairman of solidarność" } }).fraction).toBe(0);
    expect(grade(fx.config, { matches: { walesa: "Chairman of Solidarnosc" } }).fraction).toBe(0);
  });

  it("compares Cyrillic answers exactly", () => {
    const config: ConfigOf<"matching"> = {
      pairs: [
        { id: "a", prompt: "Брежнев", answer: "Генеральный секретарь" },
        { id: "b", prompt: "Ярузельский", answer: "Военное положение" },
      ],
      distractors: [],
    };
    expect(grade(config, { matches: { a: "Генеральный секретарь", b: "Генеральный секретарь" } }).fraction).toBe(0.5);
    expect(grade(config, { matches: { a: "Генеральный Секретарь" } }).fraction).toBe(0);
  });

  it("rounds to 4 decimals", () => {
    const config: ConfigOf<"matching"> = {
      pairs: Array.from({ length: 7 }, (_, i) => ({ id: `p-${i}`, prompt: `Prompt ${i}`, answer: `Answer ${i}` })),
      distractors: [],
    };
    expect(grade(config, { matches: { "p-0": "Answer 0", "p-1": "Answer 1", "p-2": "Answer 2" } }).fraction).toBe(0.4286);
  });

  it("ignores unknown pair ids; only unknown ids or blank answers is unanswered", () => {
    expect(grade(fx.config, { matches: { bogus: "Declared martial law", walesa: "Chairman of Solidarność" } }).fraction).toBe(0.25);
    const nothing = { fraction: 0, state: "unanswered", feedback: [] };
    expect(grade(fx.config, { matches: { bogus: "Declared martial law" } })).toEqual(nothing);
    expect(grade(fx.config, { matches: { walesa: "  " } })).toEqual(nothing);
    expect(grade(fx.config, { matches: {} })).toEqual(nothing);
    expect(grade(fx.config, null)).toEqual(nothing);
  });

  it("gives credit for the same answer chosen for two prompts only where it is right", () => {
    expect(grade(fx.config, { matches: { walesa: "Declared martial law", jaruzelski: "Declared martial law" } }).fraction).toBe(0.25);
  });

  it("is complete only with every pair matched (the registry checks against the config)", () => {
    expect(isAnswerComplete("matching", fx.config, fx.responses.correct, "seed")).toBe(true);
    expect(isAnswerComplete("matching", fx.config, fx.responses.partial, "seed")).toBe(false);
    expect(isAnswerComplete("matching", fx.config, { matches: { ...right, walesa: " " } }, "seed")).toBe(false);
  });

  it("tells completeness from the player view, as the student's browser does", () => {
    const view = toPlayerView(fx.config, { seed: "s", shuffle: true });
    const all = Object.fromEntries(view.prompts.map((p) => [p.id, "an answer"]));
    expect(isComplete(view, { matches: all })).toBe(true);
    expect(isComplete(view, { matches: { ...all, [view.prompts[0]!.id]: "\u200b " } })).toBe(false);
    expect(isComplete(view, { matches: {} })).toBe(false);
    for (const junk of [null, "x", { matches: ["a"] }]) expect(isComplete(view, junk)).toBe(false);
  });

  it("does not read inherited properties as answers", () => {
    const config: ConfigOf<"matching"> = {
      pairs: [
        { id: "constructor", prompt: "A", answer: "B" },
        { id: "tostring", prompt: "C", answer: "D" },
      ],
      distractors: [],
    };
    expect(matching.grade(config, { matches: {} })).toEqual({ fraction: 0, state: "unanswered", feedback: [] });
    expect(isAnswerComplete("matching", config, { matches: {} }, "seed")).toBe(false);
  });

  it("names every pair's answer as the correct response", () => {
    expect(correctResponse(fx.config)).toEqual(fx.responses.correct);
  });
});

describe("matching player view", () => {
  it("shows prompts in authored order when not shuffling, and each answer or distractor once", () => {
    const view = toPlayerView(fx.config, { seed: "s", shuffle: false });
    expect(view.prompts).toEqual([
      { id: viewId("s", "walesa"), prompt: "Lech Wałęsa" },
      { id: viewId("s", "jaruzelski"), prompt: "Wojciech Jaruzelski" },
      { id: viewId("s", "brezhnev"), prompt: "Леонид Брежнев" },
      { id: viewId("s", "walentynowicz"), prompt: "Anna Walentynowicz" },
    ]);
    expect([...view.choices].sort()).toEqual(
      [
        "Chairman of Solidarność",
        "Crane operator whose dismissal began the strike",
        "Declared martial law",
        "General Secretary of the CPSU",
        "Signed the Helsinki Final Act for Poland",
      ].sort(),
    );
  });

  it("never lines the answers up with the prompts, shuffled or not", () => {
    const config: ConfigOf<"matching"> = {
      pairs: [
        { id: "a", prompt: "1", answer: "A" },
        { id: "b", prompt: "2", answer: "B" },
        { id: "c", prompt: "3", answer: "C" },
      ],
      distractors: ["X"],
    };
    for (let n = 0; n < 300; n++) {
      for (const shuffle of [true, false]) {
        const view = toPlayerView(config, { seed: `s${n}`, shuffle });
        const answerOf: Record<string, string> = { a: "A", b: "B", c: "C" };
        const inPromptOrder = view.prompts.map((p) => answerOf[p.id]);
        expect(view.choices.filter((c) => c !== "X")).not.toEqual(inPromptOrder);
        expect([...view.choices].sort()).toEqual(["A", "B", "C", "X"]);
      }
    }
  });

  it("shuffles prompts only when asked", () => {
    const orders = new Set(Array.from({ length: 10 }, (_, n) => toPlayerView(fx.config, { seed: `s${n}`, shuffle: true }).prompts.map((p) => p.id).join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe("matching data checks (via the registry)", () => {
  it("rejects an over-long answer and a malformed pair id in a response", () => {
    expect(() => gradeQuestion("matching", fx.config, { matches: { walesa: "x".repeat(301) } })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("matching", fx.config, { matches: { Walesa: "x" } })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("matching", fx.config, { matches: { walesa: 1 } })).toThrow(QuestionDataError);
  });

  it("rejects duplicate pair ids and more than 8 distractors", () => {
    const dup = { pairs: [{ id: "a", prompt: "1", answer: "A" }, { id: "a", prompt: "2", answer: "B" }] };
    expect(() => gradeQuestion("matching", dup, null)).toThrow(/pair ids are unique/);
    const nine = { ...fx.config, distractors: Array.from({ length: 9 }, (_, i) => `D${i}`) };
    expect(() => gradeQuestion("matching", nine, null)).toThrow(QuestionDataError);
  });
});
