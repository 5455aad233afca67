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
