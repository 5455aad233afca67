// The pieces every type shares: the seeded shuffle, fraction rounding, and the registry's errors.
import { describe, expect, it } from "vitest";

import { questionTypeIds } from "@/lib/question-types/ids";
import { clampFraction, isBlank, roundFraction, stateForFraction, stripDiacritics } from "@/lib/question-types/normalize";
import { gradeQuestion, isAnswerComplete, parseConfig, playerView, QuestionDataError, questionTypes } from "@/lib/question-types/registry";
import { seededShuffle, shuffleAwayFromOrder } from "@/lib/question-types/shuffle";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("seededShuffle", () => {
  it("is a permutation, fixed by the seed, and leaves its input alone", () => {
    const items = Object.freeze(range(12));
    const a = seededShuffle(items, "attempt-1:q-1");
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(seededShuffle(items, "attempt-1:q-1")).toEqual(a);
    expect(seededShuffle(items, "attempt-1:q-2")).not.toEqual(a);
  });

  it("handles empty and one-item lists", () => {
    expect(seededShuffle([], "s")).toEqual([]);
    expect(seededShuffle(["only"], "s")).toEqual(["only"]);
  });

  it("puts each item first about equally often", () => {
    const firsts = new Map<number, number>();
    for (let n = 0; n < 4000; n++) {
      const first = seededShuffle(range(4), `seed-${n}`)[0] ?? -1;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const item of range(4)) expect(firsts.get(item)).toBeGreaterThan(850); // 1000 expected
  });

  it("is stable across releases for a known seed (changing it reorders attempts in progress)", () => {
    expect(seededShuffle(range(6), "attempt-1:q-1:items")).toMatchInlineSnapshot(`
      [
        1,
        3,
        2,
        0,
        5,
        4,
      ]
    `);
  });
});

describe("shuffleAwayFromOrder", () => {
  it("never returns the given order for 2 to 12 items", () => {
    for (const n of range(11).map((i) => i + 2)) {
      const items = range(n);
      for (let s = 0; s < 300; s++) expect(shuffleAwayFromOrder(items, `seed-${s}`)).not.toEqual(items);
    }
  });

  it("still returns a permutation", () => {
    expect([...shuffleAwayFromOrder(range(5), "x")].sort()).toEqual(range(5));
  });
});

describe("fractions", () => {
  it("round to 4 decimals, with no -0 and no NaN", () => {
    expect(roundFraction(0.1 + 0.2)).toBe(0.3);
    expect(roundFraction(2 / 3)).toBe(0.6667);
    expect(roundFraction(0.99999)).toBe(1);
    expect(Object.is(roundFraction(-0.00001), 0)).toBe(true);
    expect(roundFraction(Number.NaN)).toBe(0);
    expect(clampFraction(1.2)).toBe(1);
    expect(clampFraction(-0.2)).toBe(0);
  });

  it("name their state", () => {
    expect(stateForFraction(1)).toBe("correct");
    expect(stateForFraction(0.0001)).toBe("partial");
    expect(stateForFraction(0)).toBe("incorrect");
  });
});

describe("text helpers", () => {
  it("strip diacritics from Polish, Czech, German, Cyrillic", () => {
    expect(stripDiacritics("Zażółć gęślą jaźń ŁÓDŹ")).toBe("Zazolc gesla jazn LODZ");
    expect(stripDiacritics("Dubček Straße ёлка")).toBe("Dubcek Strasse елка");
  });

  it("see blank text", () => {
    expect(isBlank("")).toBe(true);
    expect(isBlank(" \u00a0\u200b\n")).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank(".")).toBe(false);
  });
});

describe("registry", () => {
  it("has a plugin for every id", () => {
    expect(Object.keys(questionTypes).sort()).toEqual([...questionTypeIds].sort());
  });

  it("throws a QuestionDataError a person can read for a bad config", () => {
    let error: unknown;
    try {
      gradeQuestion("multiple-choice", { options: [{ id: "A", text: "", credit: 1 }] }, null);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QuestionDataError);
    const e = error as QuestionDataError;
    expect(e.name).toBe("QuestionDataError");
    expect(e.code).toBe("invalid_config");
    expect(e.questionType).toBe("multiple-choice");
    expect(e.message).toMatch(/^This multiple choice question's settings are not valid: options/);
    expect(e.issues.map((i) => i.path)).toContain("options.0.id");
  });

  it("throws a QuestionDataError for a bad response, naming the field", () => {
    expect(() => gradeQuestion("numeric", { answers: [{ kind: "tolerance", value: 1, tolerance: 0, credit: 1 }] }, { value: "one" })).toThrow(
      /^This answer to a numeric question is not valid: value: /,
    );
    expect(() => isAnswerComplete("true-false", { answer: true }, "yes", "seed")).toThrow(QuestionDataError);
  });

  it("shortens a long list of problems", () => {
    const config = { options: range(6).map((i) => ({ id: `O${i}`, text: "x", credit: i === 0 ? 1 : 0 })) };
    expect(() => parseConfig("multiple-choice", config)).toThrow(/\(and 3 more\)\.$/);
  });

  it("parses the config before building a view", () => {
    expect(() => playerView("ordering", { items: [] }, { seed: "s", shuffle: true })).toThrow(QuestionDataError);
  });
});
