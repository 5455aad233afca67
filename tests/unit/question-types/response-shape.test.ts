// The browser's light response check must agree with the server's zod schemas on every value.
import { describe, expect, it } from "vitest";
import { questionTypeIds } from "@/lib/question-types/ids";
import { hasResponseShape } from "@/lib/question-types/response-shape";
import { responseSchemas } from "@/lib/question-types/schemas";
import { allFixtures } from "./fixtures";

const long = (n: number) => "x".repeat(n);
const ids = (n: number) => Array.from({ length: n }, (_, i) => `o${i}`);

const hostile: unknown[] = [
  {}, [], "text", 7, true, null, undefined,
  { optionId: "gdansk" }, { optionId: "Gdansk" }, { optionId: "" }, { optionId: long(41) }, { optionId: 3 },
  { optionIds: [] }, { optionIds: ids(12) }, { optionIds: ids(13) }, { optionIds: ["ok", "NOT OK"] }, { optionIds: "o1" },
  { value: true }, { value: "true" }, { value: 1975 }, { value: Number.NaN }, { value: Number.POSITIVE_INFINITY }, { value: -0.5 },
  { text: "" }, { text: "Solidarność" }, { text: long(500) }, { text: long(501) }, { text: long(50_000) }, { text: long(50_001) }, { text: 5 },
  { order: ids(12) }, { order: ids(13) }, { order: [1, 2] },
  { matches: {} }, { matches: { p1: "KGB Chairman" } }, { matches: { P1: "x" } }, { matches: { p1: long(301) } }, { matches: { p1: 4 } }, { matches: [] }, { matches: null },
  { anchors: [] }, { anchors: ["p-1", "p-9999"] }, { anchors: ["p-10000"] }, { anchors: ["p-1"], optionId: "yes" }, { anchors: ["p-1"], optionId: "Yes" },
  { anchors: ["p-1"], text: "PZPR" }, { anchors: ["p-1"], text: long(501) }, { anchors: Array(21).fill("p-1") }, { anchors: "p-1" },
  { optionId: "a", extra: "ignored" },
];

/** A small deterministic generator of odd values, to go beyond the hand-picked ones. */
function* fuzz(count: number) {
  let seed = 1981;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const atoms = () => [pick(["a", "B", "p-3", "", "o-1", long(41), "ż"]), pick([0, 1.5, -1, Number.NaN]), pick([true, false]), null, undefined];
  const keys = ["optionId", "optionIds", "value", "text", "order", "matches", "anchors"];
  for (let i = 0; i < count; i++) {
    const v: Record<string, unknown> = {};
    for (const k of keys) {
      if (rand() < 0.5) continue;
      const r = rand();
      v[k] = r < 0.5 ? pick(atoms()) : r < 0.8 ? Array.from({ length: Math.floor(rand() * 4) }, () => pick(atoms())) : { o1: pick(atoms()) };
    }
    yield v;
  }
}

describe("hasResponseShape", () => {
  for (const type of questionTypeIds) {
    it(`agrees with the ${type} response schema`, () => {
      const fixtures = Object.values(allFixtures[type].responses).filter((r) => r !== null);
      expect(fixtures.length).toBeGreaterThan(0);
      for (const value of [...fixtures, ...hostile, ...fuzz(3000)]) {
        expect(hasResponseShape(type, value), JSON.stringify(value)?.slice(0, 120)).toBe(responseSchemas[type].safeParse(value).success);
      }
    });
  }
});
