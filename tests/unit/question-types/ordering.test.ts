import { viewId } from "@/lib/question-types/view-ids";
import { describe, expect, it } from "vitest";

import { ordering } from "@/lib/question-types/ordering";
import { orderingFixtures as fx } from "@/lib/question-types/ordering/fixtures";
import { gradeQuestion, isAnswerComplete, QuestionDataError } from "@/lib/question-types/registry";
import type { ConfigOf } from "@/lib/question-types/schemas";

const { grade, isComplete, correctResponse, toPlayerView } = ordering;

const itemsNamed = (...ids: string[]): ConfigOf<"ordering"> => ({ items: ids.map((id) => ({ id, text: `Event ${id}` })) });
const fractionFor = (order: string[], config: ConfigOf<"ordering"> = fx.config) => grade(config, { order }).fraction;

describe("ordering grading", () => {
  it("gives 1 for the right order and 0 for the reverse", () => {
    expect(grade(fx.config, { order: ["strike", "accords", "registration", "martial-law"] })).toEqual({ fraction: 1, state: "correct", feedback: [] });
    expect(grade(fx.config, { order: ["martial-law", "registration", "accords", "strike"] })).toEqual({ fraction: 0, state: "incorrect", feedback: [] });
  });

  it("counts pairs in the right relative order: one swap of neighbours loses 1 of 6 pairs", () => {
    expect(grade(fx.config, { order: ["accords", "strike", "registration", "martial-law"] })).toEqual({ fraction: 0.8333, state: "partial", feedback: [] });
    // First item moved to the end: 3 of 6 pairs wrong.
    expect(fractionFor(["accords", "registration", "martial-law", "strike"])).toBe(0.5);
  });

  it("rounds to 4 decimals with many items", () => {
    const seven = itemsNamed("a", "b", "c", "d", "e", "f", "g");
    expect(fractionFor(["b", "a", "c", "d", "e", "f", "g"], seven)).toBe(0.9524); // 20/21
    expect(fractionFor(["g", "a", "b", "c", "d", "e", "f"], seven)).toBe(0.7143); // 15/21
  });

  it("counts pairs with a missing item as wrong", () => {
    expect(fractionFor(["strike", "accords"])).toBe(0.1667); // 1 of 6
    expect(fractionFor(["strike", "accords", "registration"])).toBe(0.5); // 3 of 6
    expect(grade(fx.config, { order: ["strike"] })).toEqual({ fraction: 0, state: "incorrect", feedback: [] });
  });

  it("drops an item placed twice, as if it were missing", () => {
    expect(fractionFor(["strike", "accords", "strike", "registration", "martial-law"])).toBe(0.5); // accords < registration < martial-law
  });

  it("ignores unknown ids and grades the rest", () => {
    expect(fractionFor(["strike", "bogus", "accords", "registration", "martial-law"])).toBe(1);
    expect(grade(fx.config, { order: ["bogus", "other"] })).toEqual({ fraction: 0, state: "incorrect", feedback: [] });
  });

  it("treats an empty order and no response as unanswered", () => {
    const nothing = { fraction: 0, state: "unanswered", feedback: [] };
    expect(grade(fx.config, { order: [] })).toEqual(nothing);
    expect(grade(fx.config, null)).toEqual(nothing);
  });

  it("is complete only with every item placed once (the registry checks against the config)", () => {
    expect(isAnswerComplete("ordering", fx.config, { order: ["strike", "accords", "registration", "martial-law"] }, "seed")).toBe(true);
    expect(isAnswerComplete("ordering", fx.config, { order: ["strike", "accords", "registration"] }, "seed")).toBe(false);
    expect(isAnswerComplete("ordering", fx.config, { order: ["strike", "accords", "registration", "registration"] }, "seed")).toBe(false);
    expect(isAnswerComplete("ordering", fx.config, { order: ["strike", "accords", "registration", "bogus"] }, "seed")).toBe(false);
  });

  it("tells completeness from the player view, as the student's browser does", () => {
    const view = toPlayerView(fx.config, { seed: "s", shuffle: true });
    const ids = view.items.map((i) => i.id);
    expect(isComplete(view, { order: ids })).toBe(true);
    expect(isComplete(view, { order: [...ids].reverse() })).toBe(true);
    expect(isComplete(view, { order: ids.slice(1) })).toBe(false);
    expect(isComplete(view, { order: [ids[0], ...ids.slice(0, -1)] })).toBe(false);
    // Authored ids are not the browser's ids.
    expect(isComplete(view, { order: ["strike", "accords", "registration", "martial-law"] })).toBe(false);
    for (const junk of [null, "x", { order: "strike" }, { order: [1, 2, 3, 4] }]) expect(isComplete(view, junk)).toBe(false);
  });

  it("names the authored order as the correct response", () => {
    expect(correctResponse(fx.config)).toEqual({ order: ["strike", "accords", "registration", "martial-law"] });
  });
});

describe("ordering player view", () => {
  it("always shuffles, even when shuffle is off, and never to the right order", () => {
    for (let n = 0; n < 200; n++) {
      for (const shuffle of [true, false]) {
        const seen = (id: string) => viewId(`s${n}`, id);
        const ids = toPlayerView(fx.config, { seed: `s${n}`, shuffle }).items.map((i) => i.id);
        expect([...ids].sort()).toEqual(["accords", "martial-law", "registration", "strike"].map(seen).sort());
        expect(ids).not.toEqual(["strike", "accords", "registration", "martial-law"].map(seen));
      }
    }
  });

  it("reverses two items for every seed", () => {
    for (let n = 0; n < 50; n++) {
      expect(toPlayerView(itemsNamed("a", "b"), { seed: `s${n}`, shuffle: false }).items.map((i) => i.id)).toEqual([viewId(`s${n}`, "b"), viewId(`s${n}`, "a")]);
    }
  });

  it("keeps Polish and Cyrillic item text intact", () => {
    const config: ConfigOf<"ordering"> = {
      items: [
        { id: "a", text: "Sierpień ’80" },
        { id: "b", text: "Военное положение" },
      ],
    };
    expect(toPlayerView(config, { seed: "s", shuffle: true })).toEqual({
      items: [
        { id: viewId("s", "b"), text: "Военное положение" },
        { id: viewId("s", "a"), text: "Sierpień ’80" },
      ],
    });
  });
});

describe("ordering data checks (via the registry)", () => {
  it("rejects more than 12 ids and ids that are not ids", () => {
    const thirteen = Array.from({ length: 13 }, (_, i) => `i-${i}`);
    expect(() => gradeQuestion("ordering", fx.config, { order: thirteen })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("ordering", fx.config, { order: ["Strike"] })).toThrow(QuestionDataError);
    expect(() => gradeQuestion("ordering", fx.config, { order: "strike,accords" })).toThrow(QuestionDataError);
  });

  it("rejects duplicate item ids and over-long item text", () => {
    expect(() => gradeQuestion("ordering", itemsNamed("a", "a"), null)).toThrow(/item ids are unique/);
    expect(() => gradeQuestion("ordering", { items: [{ id: "a", text: "x".repeat(301) }, { id: "b", text: "B" }] }, null)).toThrow(QuestionDataError);
  });
});
