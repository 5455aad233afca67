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
  QuestionDataError,
  questionTypes,
  responseFromView,
  responseToView,
} from "@/lib/question-types/registry";
import { allFixtures } from "./fixtures";
import { generators, seededRandom } from "./generators";
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
    expect(isAnswerComplete(type, config, correct, "seed")).toBe(true);
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
    expect(isAnswerComplete(type, config, null, "seed")).toBe(false);
    if (responses.empty !== null) {
      expect(isAnswerComplete(type, config, responses.empty, "seed")).toBe(false);
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
      // Ids differ by seed (they are per attempt); the order of what is shown does not.
      const views = new Set(SEEDS.map((seed) => json(plugin.toPlayerView(config, { seed, shuffle: false })).replace(/"id":"o[0-9a-f]{15}"/g, '"id":"·"')));
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

/**
 * Nothing a student receives may correlate with the key. Over many generated questions whose
 * authored ids follow a pattern and whose right answer is written first (the worst case), the ids
 * in the view must be fresh per attempt and say nothing about the answer: where each id of the
 * right response falls among the view's ids, sorted as an attacker would sort them, is uniform.
 */
describe("view ids carry no information about the key", () => {
  const CASES = 1000;
  /** Critical values of the chi-square distribution at p = 0.0001, by degrees of freedom (index = df). */
  const CHI_SQUARE_P_0001 = [Infinity, 15.14, 18.42, 21.11, 23.51, 25.74, 27.86, 29.88, 31.83, 33.72, 35.56, 37.37];

  /** Every string under an `id` key, as the browser receives the view. */
  function idsIn(view: unknown): string[] {
    const found: string[] = [];
    const walk = (v: unknown): void => {
      if (v === null || typeof v !== "object") return;
      for (const [key, child] of Object.entries(v)) {
        if (key === "id" && typeof child === "string") found.push(child);
        walk(child);
      }
    };
    walk(JSON.parse(JSON.stringify(view)));
    return found;
  }

  /** The ids a response names, in order (for matching: the pair ids, its keys). */
  function idsOfResponse(response: unknown): string[] {
    if (response === null || typeof response !== "object") return [];
    const r = response as Record<string, unknown>;
    if (typeof r.optionId === "string") return [r.optionId];
    if (Array.isArray(r.optionIds)) return r.optionIds as string[];
    if (Array.isArray(r.order)) return r.order as string[];
    if (r.matches && typeof r.matches === "object") return Object.keys(r.matches);
    return [];
  }

  it.each(questionTypeIds)("%s", { timeout: 60_000 }, (type) => {
    const random = seededRandom(0x1981 + type.length);
    const plugin = pluginFor(type);
    /** counts[position in the right response][rank of its id among the view's sorted ids] */
    const counts = new Map<string, number>();
    let withIds = 0;
    for (let n = 0; n < CASES; n++) {
      const config = parseConfig(type, generators[type](random));
      const authored = plugin.responseIds(config);
      const seed = `${n}:${random().toString(36).slice(2)}`;
      for (const shuffle of [true, false]) {
        const view = playerView(type, config, { seed, shuffle });
        const viewIds = idsIn(view);
        if (authored.length === 0) {
          expect(viewIds).toEqual([]);
          continue;
        }
        // No authored id reaches the browser, and the response ids are exactly the view's ids.
        for (const id of viewIds) expect(authored).not.toContain(id);
        const correct = responseToView(type, config, correctResponseFor(type, config), seed);
        const answerIds = idsOfResponse(correct);
        for (const id of answerIds) expect(viewIds).toContain(id);
        // A response in view ids comes back to the authored one, and grades as it should.
        expect(responseFromView(type, config, correct, seed)).toEqual(correctResponseFor(type, config));
        // The authored ids themselves are not an answer.
        const authoredResponse = correctResponseFor(type, config);
        expect(() => responseFromView(type, config, authoredResponse, seed)).toThrow(QuestionDataError);
        // Another attempt (another seed) sees other ids.
        const other = idsIn(playerView(type, config, { seed: `${seed}:other`, shuffle }));
        expect(other.filter((id) => viewIds.includes(id))).toEqual([]);

        if (!shuffle) continue;
        withIds++;
        const sorted = [...viewIds].sort();
        answerIds.forEach((id, position) => {
          const key = `${Math.min(position, 1)}:${sorted.indexOf(id)}/${sorted.length}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        });
      }
    }
    if (plugin.responseIds(parseConfig(type, generators[type](seededRandom(1)))).length === 0) return;
    expect(withIds).toBe(CASES);
    // For each (position in the answer, list length), the rank of the right id among the sorted view
    // ids is uniform: a chi-square test at p = 0.0001, so chance alone fails it about once in ten
    // thousand runs, while a leak (the generators put the right answer first) fails it every time.
    const groups = new Map<string, Map<number, number>>();
    for (const [key, count] of counts) {
      const [position, rest] = key.split(":") as [string, string];
      const [rank, length] = rest.split("/").map(Number) as [number, number];
      const group = `${position}:${length}`;
      const ranks = groups.get(group) ?? new Map<number, number>();
      ranks.set(rank, count);
      groups.set(group, ranks);
    }
    let judged = 0;
    for (const [group, ranks] of groups) {
      const length = Number(group.split(":")[1]);
      const total = [...ranks.values()].reduce((s, c) => s + c, 0);
      if (total < 20 * length) continue; // too few cases of this length to judge
      const expected = total / length;
      let chiSquare = 0;
      for (let rank = 0; rank < length; rank++) chiSquare += ((ranks.get(rank) ?? 0) - expected) ** 2 / expected;
      expect(chiSquare, `${type}: ranks of the right id among ${length} view ids, ${group}: ${JSON.stringify([...ranks])}`).toBeLessThan(CHI_SQUARE_P_0001[length - 1]!);
      judged++;
    }
    expect(judged).toBeGreaterThan(0);
  });
});
