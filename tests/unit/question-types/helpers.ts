// Shared checks for the question-type tests: frozen inputs, and what a player view must not hold.

/** A deep copy with every nested object frozen: a grader that mutates its input throws (ES modules are strict). */
export function frozen<T>(value: T): T {
  const copy = structuredClone(value);
  const freeze = (v: unknown): void => {
    if (v === null || typeof v !== "object" || Object.isFrozen(v)) return;
    Object.freeze(v);
    for (const child of Object.values(v)) freeze(child);
  };
  freeze(copy);
  return copy;
}

const FORBIDDEN_KEYS = new Set(["correct", "weight", "weights", "credit", "tolerance", "gradernotes", "evidence", "answer", "answers", "min", "max", "value", "accepted"]);

/** Keys in a player view that name answer-key material (feedback in any spelling: feedbackTrue…). */
export function forbiddenKeysIn(view: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (v === null || typeof v !== "object") return;
    for (const [key, child] of Object.entries(v)) {
      const lower = key.toLowerCase();
      if (FORBIDDEN_KEYS.has(lower) || lower.includes("feedback")) found.push(`${path}${key}`);
      walk(child, `${path}${key}.`);
    }
  };
  // Through JSON, as the browser receives it.
  walk(JSON.parse(JSON.stringify(view)), "");
  return found;
}

/**
 * Texts in a config that only graders may read: feedback, grader notes, evidence anchors and the
 * accepted answers of typed-answer questions.
 */
export function secretTextsIn(config: unknown): string[] {
  const found: string[] = [];
  const collectAll = (v: unknown): void => {
    if (typeof v === "string") found.push(v);
    else if (v !== null && typeof v === "object") for (const child of Object.values(v)) collectAll(child);
  };
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== "object") return;
    for (const [key, child] of Object.entries(v)) {
      if (/feedback/i.test(key) || key === "graderNotes" || key === "evidence" || key === "answers") collectAll(child);
      else walk(child);
    }
  };
  walk(config);
  // Short strings ("p-1") would match by accident inside longer texts; the rest is specific enough.
  return found.filter((s) => s.length >= 4);
}
