// Every registered question type through the same checks. A new type gets them by being registered
// and adding its fixtures to ./fixtures.ts.
import { describe, expect, it } from "vitest";

import { questionTypeIds, type QuestionTypeId } from "@/lib/question-types/ids";
import {
  correctResponseFor,
  gradeQuestion,
  isAnswerComplete,
  parseConfig,
  parseResponse,
  playerView,
  pluginFor,
  questionTypes,
} from "@/lib/question-types/registry";
import { allFixtures } from "./fixtures";
import { forbiddenKeysIn, frozen, secretTextsIn } from "./helpers";

const SEEDS = ["attempt-1:q-1", "attempt-1:q-2", "attempt-2:q-1", "x", "", "żółć", "Горбачёв", "0", "seed-9"];
/** The authored order of these is the answer, so they are shuffled even with shuffle: false. */
const ALWAYS_SHUFFLED: readonly QuestionTypeId[] = ["ordering", "matching"];
/** Graded by a person: no correct response, and any real answer waits for a grader. */
const MANUALLY_GRADED: readonly QuestionTypeId[] = ["essay"];

const json = (v: unknown) => JSON.stringify(v);

function contractSuite<T extends QuestionTypeId>(type: T) {
  const plugin = pluginFor(type);
  const { config, responses, shuffles } = allFixtures[type];
  const manual = MANUALLY_GRADED.includes(type);

  it("is registered under its own id, with a label", () => {
    expect(questionTypes[type].id).toBe(type);
    expect(plugin.label.trim()).not.toBe("");
  });

  it("has fixtures that parse to themselves", () => {
    expect(parseConfig(type, config)).toEqual(config);
    for (const response of Object.values(responses)) {
      if (response !== null) expect(parseResponse(type, response)).toEqual(response);
    }
  });

  it("grades its correct response to full marks, and counts it as complete", () => {
    const correct = plugin.correctResponse(config);
    if (manual) {
      expect(correct).toBeNull();
      return;
    }
    expect(correct).not.toBeNull();
    expect(plugin.response.safeParse(correct).success).toBe(true);
    expect(plugin.grade(config, correct)).toMatchObject({ fraction: 1, state: "correct" });
    expect(gradeQuestion(type, config, correct)).toMatchObject({ fraction: 1, state: "correct" });
    expect(isAnswerComplete(type, config, correct)).toBe(true);
    expect(correctResponseFor(type, config)).toEqual(correct);
  });

  it("grades its fixture responses as labelled", () => {
    if (manual) {
      for (const r of [responses.correct, responses.partial, responses.wrong]) {
        expect(plugin.grade(config, r)).toEqual({ fraction: null, state: "needs-grading", feedback: [] });
      }
      return;
    }
    expect(plugin.grade(config, responses.correct)).toMatchObject({ fraction: 1, state: "correct" });
    expect(plugin.grade(config, responses.wrong)).toMatchObject({ fraction: 0, state: "incorrect" });
    if (responses.partial !== null) {
      const partial = plugin.grade(config, responses.partial);
      expect(partial.state).toBe("partial");
      expect(partial.fraction).toBeGreaterThan(0);
      expect(partial.fraction).toBeLessThan(1);
    }
  });

  it("treats a null or empty response as not complete and unanswered, with 0", () => {
    const nothing = { fraction: 0, state: "unanswered", feedback: [] };
    expect(plugin.grade(config, null)).toEqual(nothing);
    expect(gradeQuestion(type, config, null)).toEqual(nothing);
    expect(gradeQuestion(type, config, undefined)).toEqual(nothing);
    expect(isAnswerComplete(type, config, null)).toBe(false);
    if (responses.empty !== null) {
      expect(plugin.isComplete(responses.empty)).toBe(false);
      expect(isAnswerComplete(type, config, responses.empty)).toBe(false);
      expect(plugin.grade(config, responses.empty)).toEqual(nothing);
    }
  });

  it("returns fractions in 0..1 with at most 4 decimals", () => {
    for (const response of [null, ...Object.values(responses)]) {
      const { fraction } = plugin.grade(config, response);
      if (fraction === null) continue;
      expect(fraction).toBeGreaterThanOrEqual(0);
      expect(fraction).toBeLessThanOrEqual(1);
      expect(Math.round(fraction * 10_000) / 10_000).toBe(fraction);
    }
  });

  it("keeps the answer key out of the player view", () => {
    const secrets = secretTextsIn(config);
    for (const seed of SEEDS) {
      for (const shuffle of [true, false]) {
        const view = plugin.toPlayerView(config, { seed, shuffle });
        expect(forbiddenKeysIn(view)).toEqual([]);
        const text = json(view);
        for (const secret of secrets) expect(text).not.toContain(secret);
        expect(playerView(type, config, { seed, shuffle })).toEqual(view);
      }
    }
  });

  if (type !== "ordering") {
    // Guards the guard: the same checks on the config itself must fail (ordering's key is its order).
    it("has a config the leak checks would catch", () => {
      expect(forbiddenKeysIn(config).length + secretTextsIn(config).length).toBeGreaterThan(0);
    });
  }

  it("gives the same view for the same seed", () => {
    for (const seed of SEEDS) {
      for (const shuffle of [true, false]) {
        expect(json(plugin.toPlayerView(config, { seed, shuffle }))).toBe(json(plugin.toPlayerView(config, { seed, shuffle })));
      }
    }
  });

  if (shuffles) {
    it("reorders the view for some seeds when shuffling", () => {
      const orders = new Set(SEEDS.map((seed) => json(plugin.toPlayerView(config, { seed, shuffle: true }))));
      expect(orders.size).toBeGreaterThan(1);
    });
  }

  if (!ALWAYS_SHUFFLED.includes(type)) {
    it("keeps the authored order, whatever the seed, when not shuffling", () => {
      const views = new Set(SEEDS.map((seed) => json(plugin.toPlayerView(config, { seed, shuffle: false }))));
      expect(views.size).toBe(1);
    });
  }

  it("is pure: frozen inputs, same result twice, inputs unchanged", () => {
    const inputs = [null, ...Object.values(responses), plugin.correctResponse(config)];
    for (const response of inputs) {
      const frozenConfig = frozen(config);
      const frozenResponse = frozen(response);
      const first = plugin.grade(frozenConfig, frozenResponse);
      const second = plugin.grade(frozenConfig, frozenResponse);
      expect(second).toEqual(first);
      expect(frozenConfig).toEqual(config);
      expect(frozenResponse).toEqual(response);
      if (frozenResponse !== null) expect(plugin.isComplete(frozenResponse)).toBe(plugin.isComplete(frozenResponse));
    }
    const frozenConfig = frozen(config);
    expect(plugin.correctResponse(frozenConfig)).toEqual(plugin.correctResponse(config));
    expect(plugin.toPlayerView(frozenConfig, { seed: "s", shuffle: true })).toEqual(plugin.toPlayerView(config, { seed: "s", shuffle: true }));
    expect(frozenConfig).toEqual(config);
  });
}

describe.each(questionTypeIds)("question type %s", (type) => contractSuite(type));

describe("ordering view", () => {
  it("never shows the items in the right order", () => {
    const { config } = allFixtures.ordering;
    const right = config.items.map((i) => i.id);
    for (let n = 0; n < 500; n++) {
      for (const shuffle of [true, false]) {
        expect(questionTypes.ordering.toPlayerView(config, { seed: `seed-${n}`, shuffle }).items.map((i) => i.id)).not.toEqual(right);
      }
    }
  });
});
