/**
 * Progress figures from the stored facts. Pure, so the dashboard, the class table and the
 * tests all agree on what "percent complete" and "time spent" mean.
 */
export interface ProgressFacts {
  totalSections: number;
  sectionsRead: number;
  /** Distinct minutes in which the student was actively reading. */
  activeMinutes: number;
  lastAnchor: string | null;
}

export type ProgressStatus = "not-started" | "in-progress" | "complete";

export interface ProgressSummary {
  percent: number;
  sectionsRead: number;
  totalSections: number;
  minutesSpent: number;
  status: ProgressStatus;
  resumeAnchor: string | null;
}

export function summarizeProgress(f: ProgressFacts): ProgressSummary {
  const total = Math.max(0, f.totalSections);
  const read = Math.min(Math.max(0, f.sectionsRead), total);
  const percent = total === 0 ? 0 : Math.floor((read / total) * 100);
  const status: ProgressStatus =
    total > 0 && read === total ? "complete" : read > 0 || f.activeMinutes > 0 || f.lastAnchor ? "in-progress" : "not-started";
  return {
    percent,
    sectionsRead: read,
    totalSections: total,
    minutesSpent: Math.max(0, f.activeMinutes),
    status,
    resumeAnchor: f.lastAnchor,
  };
}

/** "1 h 05 min", "12 min", "–" for none: short enough for a table cell. */
export function formatMinutes(minutes: number): string {
  if (minutes <= 0) return "–";
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} h ${String(m).padStart(2, "0")} min`;
}

/** The minute bucket a heartbeat counts toward, on the server's clock. */
export function minuteBucket(now: Date): number {
  return Math.floor(now.getTime() / 60_000);
}
