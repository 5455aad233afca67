import { describe, expect, it } from "vitest";

import { numeric } from "@/lib/question-types/numeric";
import { numericFixtures as fx } from "@/lib/question-types/numeric/fixtures";
import { gradeQuestion, QuestionDataError } from "@/lib/question-types/registry";
import type { ConfigOf } from "@/lib/question-types/schemas";

const { grade, isComplete, correctResponse, toPlayerView } = numeric;

const within = (value: number, tolerance: number, credit = 1): ConfigOf<"numeric"> => ({
  answers: [{ kind: "tolerance", value, tolerance, credit }],
});

describe("numeric grading", () => {
  it("grades the fixtures, best credit first", () => {
    // 21 is also inside the 20–22 range (0.5); the exact answer's 1 wins.
    expect(grade(fx.config, { value: 21 })).toEqual({ fraction: 1, state: "correct", feedback: ["The 21 demands of the MKS, 17 August 1980."] });
    expect(grade(fx.config, { value: 22 })).toEqual({ fraction: 0.5, state: "partial", feedback: ["Close: count the demands again."] });
    expect(grade(fx.config, { value: 16 })).toEqual({
      fraction: 0,
      state: "incorrect",
      feedback: ["16 August is the date the strike spread, not the count."],
    });
    expect(grade(fx.config, { value: 100 })).toEqual({ fraction: 0, state: "incorrect", feedback: [] });
  });

  it("includes both ends of a range", () => {
    expect(grade(fx.config, { value: 20 }).fraction).toBe(0.5);
    expect(grade(fx.config, { value: 22 }).fraction).toBe(0.5);
    expect(grade(fx.config, { value: 19.999 }).fraction).toBe(0);
    expect(grade(fx.config, { value: 22.001 }).fraction).toBe(0);
  });

  it("includes the tolerance's edges despite binary floating point", () => {
    const config = within(0.3, 0.1);
    expect(grade(config, { value: 0.4 }).fraction).toBe(1); // |0.4 − 0.3| is 0.10000000000000003 in doubles
    expect(grade(config, { value: 0.2 }).fraction).toBe(1);
    expect(grade(config, { value: 0.41 }).fraction).toBe(0);
    expect(grade(within(1980, 0), { value: 1980 }).fraction).toBe(1);
    expect(grade(within(1980, 0), { value: 1980.0001 }).fraction).toBe(0);
  });

  it("handles negative values and tolerances around them", () => {
    expect(grade(within(-40, 0.5), { value: -40.5 }).fraction).toBe(1);
    expect(grade(within(-40, 0.5), { value: 40 }).fraction).toBe(0);
  });

  it("rounds credits to 4 decimals", () => {
    expect(grade(within(5, 0, 2 / 3), { value: 5 })).toMatchObject({ fraction: 0.6667, state: "partial" });
  });

  it("treats no response, and values that cannot arrive through the schema (NaN, ±Infinity), as unanswered", () => {
    const nothing = { fraction: 0, state: "unanswered", feedback: [] };
    expect(grade(fx.config, null)).toEqual(nothing);
    expect(grade(fx.config, { value: Number.NaN })).toEqual(nothing);
    expect(grade(within(0, Number.MAX_VALUE), { value: Number.POSITIVE_INFINITY })).toEqual(nothing);
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { value: Number.NaN })).toBe(false);
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { value: 0 })).toBe(true);
  });

  it("names a full-credit value as the correct response: a range's lower bound", () => {
    expect(correctResponse(fx.config)).toEqual({ value: 21 });
    expect(correctResponse({ answers: [{ kind: "range", min: 1961, max: 1963, credit: 1 }] })).toEqual({ value: 1961 });
  });

  it("skips a range authored upside down, which nothing satisfies, and returns null without a full-credit answer", () => {
    const upsideDown: ConfigOf<"numeric"> = { answers: [{ kind: "range", min: 10, max: 1, credit: 1 }] };
    expect(grade(upsideDown, { value: 5 }).fraction).toBe(0);
    expect(correctResponse(upsideDown)).toBeNull();
    expect(correctResponse(within(5, 0, 0.5))).toBeNull();
  });

  it("shows the unit only", () => {
    expect(toPlayerView(fx.config, { seed: "s", shuffle: true })).toEqual({ unit: "demands" });
    expect(toPlayerView({ ...fx.config, unit: "км" }, { seed: "s", shuffle: true })).toEqual({ unit: "км" });
    expect(toPlayerView(within(1, 0), { seed: "s", shuffle: true })).toEqual({});
  });
});

describe("numeric data checks (via the registry)", () => {
  it("rejects values that are not finite numbers", () => {
    expect(() => gradeQuestion("numeric", fx.config, { value: "21" })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("numeric", fx.config, { value: Number.POSITIVE_INFINITY })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("numeric", fx.config, { value: Number.NaN })).toThrow(QuestionDataError);
  });

  it("rejects an over-long unit, too many answers and a negative tolerance", () => {
    expect(() => gradeQuestion("numeric", { ...fx.config, unit: "x".repeat(21) }, null)).toThrow(QuestionDataError);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ kind: "tolerance", value: i, tolerance: 0, credit: 1 }));
    expect(() => gradeQuestion("numeric", { answers: eleven }, null)).toThrow(QuestionDataError);
    expect(() => gradeQuestion("numeric", { answers: [{ kind: "tolerance", value: 1, tolerance: -1, credit: 1 }] }, null)).toThrow(QuestionDataError);
  });
});
