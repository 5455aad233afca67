import type { QuestionTypeId } from "@/lib/question-types/ids";

/**
 * Item analysis over submitted attempts. Pure.
 *
 * - facility: mean fraction earned on the question (0..1), i.e. "percent correct" with partial credit.
 * - discrimination: the classic upper–lower index: mean fraction among the top 27% of attempts by
 *   total score minus the mean among the bottom 27% (−1..1; above about 0.3 the question separates
 *   students who know the material from those who don't). Null with fewer than 4 graded attempts.
 * - answers: how often each answer was given, keyed by a label the caller derives from the response.
 */
export interface AnalysisAttempt {
  /** Total fraction of the maximum score for the whole attempt, used to rank attempts. */
  total: number;
  questions: Record<string, { fraction: number | null; answerLabels: string[] }>;
}

export interface QuestionAnalysis {
  key: string;
  answered: number;
  facility: number | null;
  discrimination: number | null;
  answers: { label: string; count: number }[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export function analyseQuestions(keys: string[], attempts: AnalysisAttempt[]): QuestionAnalysis[] {
  const ranked = [...attempts].sort((a, b) => b.total - a.total);
  const group = Math.max(1, Math.round(ranked.length * 0.27));
  const upper = ranked.slice(0, group);
  const lower = ranked.slice(-group);
  return keys.map((key) => {
    const graded = (list: AnalysisAttempt[]) =>
      list.map((a) => a.questions[key]?.fraction).filter((f): f is number => typeof f === "number");
    const counts = new Map<string, number>();
    let answered = 0;
    for (const a of attempts) {
      const q = a.questions[key];
      if (!q || q.answerLabels.length === 0) continue;
      answered++;
      for (const label of new Set(q.answerLabels)) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const up = mean(graded(upper));
    const low = mean(graded(lower));
    return {
      key,
      answered,
      facility: round(mean(graded(attempts))),
      discrimination: ranked.length >= 4 && up !== null && low !== null ? round(up - low) : null,
      answers: [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    };
  });
}

/**
 * How a response reads in the answer counts: option, item and pair texts rather than their ids,
 * so a teacher sees "Mielke → Minister for State Security", not "p2 → Minister…". Answers are
 * read leniently (they were validated when saved); unknown ids fall back to the id itself.
 */
export function answerLabels(type: QuestionTypeId, config: unknown, response: unknown): string[] {
  if (response === null || response === undefined || typeof response !== "object") return [];
  const r = response as Record<string, unknown>;
  const c = (config ?? {}) as {
    options?: { id: string; text: string }[];
    answer?: { options?: { id: string; text: string }[] };
    items?: { id: string; text: string }[];
    pairs?: { id: string; prompt: string }[];
  };
  const textOf = (list: { id: string; text: string }[] | undefined, id: unknown) => list?.find((o) => o.id === id)?.text ?? String(id);
  const optionText = (id: unknown) => textOf(c.options ?? c.answer?.options, id);
  const typed = (t: unknown) => (typeof t === "string" && t.trim() ? [t.trim().toLowerCase()] : []);
  switch (type) {
    case "multiple-choice":
      return r.optionId === undefined ? [] : [optionText(r.optionId)];
    case "multiple-response":
      return Array.isArray(r.optionIds) ? r.optionIds.map(optionText) : [];
    case "true-false":
      return typeof r.value === "boolean" ? [r.value ? "True" : "False"] : [];
    case "short-answer":
      return typed(r.text);
    case "essay":
      return typed(r.text).length ? ["answered"] : [];
    case "numeric":
      return typeof r.value === "number" ? [String(r.value)] : [];
    case "evidence":
      return r.optionId ? [optionText(r.optionId)] : typed(r.text);
    case "ordering":
      return Array.isArray(r.order) && r.order.length ? [r.order.map((id) => textOf(c.items, id)).join(" → ")] : [];
    case "matching":
      return r.matches && typeof r.matches === "object"
        ? Object.entries(r.matches as Record<string, unknown>).map(([id, answer]) => `${c.pairs?.find((p) => p.id === id)?.prompt ?? id} → ${String(answer)}`)
        : [];
  }
}
