import { describe, expect, it } from "vitest";

import { Lru } from "@/lib/lru";
import { buildSnapshot, contentId, contentOf, itemFrom, outlineOf, readOutline, readSnapshot, snapshotColumns, type QuizItemRow } from "@/lib/quiz/snapshot";

const row = (id: string, over: Partial<QuizItemRow["question"]> = {}, points = 1): QuizItemRow => ({
  points,
  question: {
    id,
    type: "true-false",
    title: `Question ${id}`,
    prompt: "Andropov says Shcharansky will stay in prison.",
    format: "plain",
    anchors: '["p-12"]',
    generalFeedback: "",
    config: '{"answer":false}',
    ...over,
  },
});

describe("an attempt's outline", () => {
  const items = [row("a"), row("b", { type: "short-answer", config: '{"answers":[{"text":"Solidarność","credit":1}]}' }, 2)];

  it("lists each question by key, question, type, points and seed, naming its content", () => {
    const snapshot = buildSnapshot(items, "seed-1", false);
    const outline = outlineOf(snapshot);
    expect(outline.map(({ content: _content, ...rest }) => rest)).toEqual([
      { key: "q1", questionId: "a", type: "true-false", points: 1, seed: "seed-1:0" },
      { key: "q2", questionId: "b", type: "short-answer", points: 2, seed: "seed-1:1" },
    ]);
  });

  it("names the same content the same in every attempt, whatever its seed, and different content differently", () => {
    const one = outlineOf(buildSnapshot(items, "seed-1", false));
    const two = outlineOf(buildSnapshot(items, "seed-2", true));
    expect(new Set(two.map((q) => q.content))).toEqual(new Set(one.map((q) => q.content)));
    const edited = outlineOf(buildSnapshot([row("a", { prompt: "Edited." }), items[1]!], "seed-1", false));
    expect(edited[0]!.content).not.toBe(one[0]!.content);
    expect(edited[1]!.content).toBe(one[1]!.content);
  });

  it("names content read back from storage as it named it when it was written", () => {
    const snapshot = buildSnapshot(items, "seed-1", false);
    const stored = snapshotColumns(snapshot);
    const read = readSnapshot(stored.snapshot);
    expect(outlineOf(read)).toEqual(readOutline(stored.outline));
    expect(read.map((q) => contentId(contentOf(q)))).toEqual(outlineOf(snapshot).map((q) => q.content));
  });

  it("and its contents make the snapshot again", () => {
    const snapshot = buildSnapshot(items, "seed-1", true);
    const outline = outlineOf(snapshot);
    expect(outline.map((q, i) => itemFrom(q, contentOf(snapshot[i]!)))).toEqual(snapshot);
  });

  it.each([
    ["not JSON", "{"],
    ["not a list", '{"key":"q1"}'],
    ["an item without its content", '[{"key":"q1","questionId":"a","type":"true-false","points":1,"seed":"s"}]'],
    ["an unknown type", '[{"key":"q1","questionId":"a","type":"poll","points":1,"seed":"s","content":"x"}]'],
    ["points that are not a number", '[{"key":"q1","questionId":"a","type":"true-false","points":"1","seed":"s","content":"x"}]'],
    ["a null item", "[null]"],
  ])("is refused when stored malformed: %s", (_what, raw) => {
    expect(() => readOutline(raw)).toThrow();
  });
});

describe("the bounded cache", () => {
  it("forgets the least recently used entry past its size", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
    expect(lru.size).toBe(2);
  });
});
