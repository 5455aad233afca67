// Random valid configs for every question type, written the way that leaks most if ids leak:
// authored ids in a pattern (a, b, c… or 1, 2, 3…) and the right answer written first, as authors
// often do. A type without a generator fails to compile here.
import type { QuestionTypeId } from "@/lib/question-types/ids";
import type { ConfigOf } from "@/lib/question-types/schemas";

export type Random = () => number;

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** n ids in one of the patterns authors use, in authored order. */
function authoredIds(random: Random, n: number): string[] {
  const patterns = [
    (i: number) => String.fromCharCode(97 + i), // a, b, c
    (i: number) => String(i + 1), // 1, 2, 3
    (i: number) => `opt-${i}`,
    (i: number) => `item-${String(i).padStart(2, "0")}`,
    (i: number) => `${String.fromCharCode(97 + i)}${int(random, 0, 9)}`,
  ];
  const pattern = patterns[int(random, 0, patterns.length - 1)]!;
  return Array.from({ length: n }, (_, i) => pattern(i));
}

const words = ["Kania", "Jaruzelski", "Brest", "Madrid", "Kabul", "Gdańsk", "Andropov", "Mielke", "SALT II", "Helsinki", "Pershing", "Solidarność"];
const phrase = (random: Random, i: number) => `${words[int(random, 0, words.length - 1)]} ${i} ${int(random, 100, 999)}`;

export const generators: { [K in QuestionTypeId]: (random: Random) => ConfigOf<K> } = {
  "multiple-choice": (random) => {
    const ids = authoredIds(random, int(random, 2, 8));
    return { options: ids.map((id, i) => ({ id, text: phrase(random, i), credit: i === 0 ? 1 : 0 })) };
  },
  "multiple-response": (random) => {
    const ids = authoredIds(random, int(random, 3, 8));
    const right = int(random, 1, ids.length - 1);
    return { options: ids.map((id, i) => ({ id, text: phrase(random, i), weight: i < right ? 1 / right : -0.5 })) };
  },
  "true-false": (random) => ({ answer: random() < 0.5 }),
  "short-answer": (random) => ({ answers: [{ text: phrase(random, 0), credit: 1 }], caseSensitive: false, accentSensitive: false, punctuationSensitive: false }),
  numeric: (random) => ({ answers: [{ kind: "tolerance", value: int(random, 1945, 1991), tolerance: 0, credit: 1 }] }),
  // Authored order is the right order.
  ordering: (random) => ({ items: authoredIds(random, int(random, 2, 8)).map((id, i) => ({ id, text: phrase(random, i) })) }),
  matching: (random) => ({
    pairs: authoredIds(random, int(random, 2, 6)).map((id, i) => ({ id, prompt: `Prompt ${phrase(random, i)}`, answer: `Answer ${phrase(random, i)}` })),
    distractors: [],
  }),
  essay: (random) => ({ rubric: [{ id: "a", criterion: phrase(random, 0), maxPoints: int(random, 1, 5) }] }),
  evidence: (random) => ({
    answer: { kind: "choice", options: authoredIds(random, int(random, 2, 5)).map((id, i) => ({ id, text: phrase(random, i), credit: i === 0 ? 1 : 0 })) },
    evidence: ["p-12"],
    answerWeight: 0.5,
  }),
};
