import { answerLabelsFor } from "@/lib/question-types/registry";

/**
 * Item analysis over submitted attempts. Pure.
 *
 * - facility: mean fraction earned on the question (0..1), i.e. "percent correct" with partial credit.
 * - discrimination: the classic upper–lower index: mean fraction among the top 27% of attempts by
 *   total score minus the mean among the bottom 27% (−1..1; above about 0.3 the question separates
 *   students who know the material from those who don't). Null with fewer than 4 graded attempts.
 * - answers: how often each answer was given, keyed by a label the caller derives from the response.
 *   Labels in the same group (`groupOf`, e.g. typed answers that grading matches alike) count as
 *   one answer, shown in its most common spelling, with every spelling and its count.
 */
export interface AnalysisAttempt {
  /** Total fraction of the maximum score for the whole attempt, used to rank attempts. */
  total: number;
  questions: Record<string, { fraction: number | null; answerLabels: string[] }>;
}

export interface AnalysedAnswer {
  label: string;
  count: number;
  /** Where the answer was typed in more than one way: each spelling and how many attempts typed it, most common first. */
  spellings?: { text: string; count: number }[];
}

export interface QuestionAnalysis {
  key: string;
  answered: number;
  facility: number | null;
  discrimination: number | null;
  answers: AnalysedAnswer[];
}

const byCountThenText = <T extends { count: number }>(text: (x: T) => string) => (a: T, b: T) => b.count - a.count || text(a).localeCompare(text(b));

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export function analyseQuestions(keys: string[], attempts: AnalysisAttempt[], opts: { groupOf?: (key: string, label: string) => string } = {}): QuestionAnalysis[] {
  const ranked = [...attempts].sort((a, b) => b.total - a.total);
  const group = Math.max(1, Math.round(ranked.length * 0.27));
  const upper = ranked.slice(0, group);
  const lower = ranked.slice(-group);
  return keys.map((key) => {
    const graded = (list: AnalysisAttempt[]) =>
      list.map((a) => a.questions[key]?.fraction).filter((f): f is number => typeof f === "number");
    const groupOf = (label: string) => opts.groupOf?.(key, label) ?? label;
    // group → { attempts giving it, spelling → attempts typing it that way }
    const groups = new Map<string, { count: number; spellings: Map<string, number> }>();
    let answered = 0;
    for (const a of attempts) {
      const q = a.questions[key];
      if (!q || q.answerLabels.length === 0) continue;
      answered++;
      const mine = new Map<string, Set<string>>();
      for (const label of q.answerLabels) {
        const g = groupOf(label);
        if (!mine.has(g)) mine.set(g, new Set());
        mine.get(g)!.add(label);
      }
      for (const [g, labels] of mine) {
        const entry = groups.get(g) ?? { count: 0, spellings: new Map<string, number>() };
        entry.count++;
        for (const label of labels) entry.spellings.set(label, (entry.spellings.get(label) ?? 0) + 1);
        groups.set(g, entry);
      }
    }
    const answers = [...groups.values()].map((g): AnalysedAnswer => {
      const spellings = [...g.spellings].map(([text, count]) => ({ text, count })).sort(byCountThenText((x) => x.text));
      return spellings.length > 1 ? { label: spellings[0]!.text, count: g.count, spellings } : { label: spellings[0]!.text, count: g.count };
    });
    const up = mean(graded(upper));
    const low = mean(graded(lower));
    return {
      key,
      answered,
      facility: round(mean(graded(attempts))),
      discrimination: ranked.length >= 4 && up !== null && low !== null ? round(up - low) : null,
      answers: answers.sort(byCountThenText((x) => x.label)),
    };
  });
}

/**
 * How a response reads in the answer counts: option, item and pair texts rather than their ids,
 * so a teacher sees "Mielke → Minister for State Security", not "p2 → Minister…"; typed answers
 * as typed. Each question type says this for itself (lib/question-types/<type>/labels.ts).
 */
export const answerLabels = answerLabelsFor;
