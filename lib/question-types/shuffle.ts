/**
 * One seeded shuffle for every question type. The seed comes from the attempt, so a student who
 * reloads sees the same order, and a regrade or review rebuilds exactly the view that was shown.
 * Changing this algorithm reorders every attempt still in progress: treat it as a stored format.
 */

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser so similar seeds ("q1", "q2") spread apart. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: tiny, fast, and identical in every JavaScript engine (only 32-bit integer maths). */
function mulberry32(state: number): () => number {
  let a = state;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A new array in an order fixed by `seed` (Fisher–Yates); the input is never touched. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = items.slice();
  const random = mulberry32(hashSeed(seed));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/**
 * Like seededShuffle, but never the order given, for lists whose given order is the answer
 * (ordering items): if the shuffle lands on it, rotating by one moves every item.
 */
export function shuffleAwayFromOrder<T>(items: readonly T[], seed: string): T[] {
  const out = seededShuffle(items, seed);
  if (out.length < 2 || !out.every((item, i) => item === items[i])) return out;
  return [...out.slice(1), out[0] as T];
}
