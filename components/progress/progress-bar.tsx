import type { ProgressSummary } from "@/lib/progress/compute";
import { formatMinutes } from "@/lib/progress/compute";

export function ProgressBar({ summary, label }: { summary: ProgressSummary; label: string }) {
  return (
    <div>
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span>
          {summary.sectionsRead} of {summary.totalSections} parts read
        </span>
        <span className="text-muted">Time reading: {formatMinutes(summary.minutesSpent)}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={summary.percent}
        aria-valuetext={`${summary.percent}% complete`}
        className="mt-1 h-2.5 w-full overflow-hidden rounded-full bg-stone-200"
      >
        <div className={`h-full rounded-full ${summary.status === "complete" ? "bg-green-700" : "bg-accent"}`} style={{ width: `${summary.percent}%` }} />
      </div>
    </div>
  );
}
