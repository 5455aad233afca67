import type { MomentResults } from "@/lib/data/live";
import type { AnalysedAnswer } from "@/lib/quiz/analysis";

/**
 * A moment's results without names: bars for choices and grouped typed answers, the first vote
 * beside the second for a vote-again, discussion posts with the pinned one first. Used small on
 * the control view and large on the projector (high contrast: dark ink on white, solid bars).
 */
export function ResultBars({ results, size, anchors = [] }: { results: MomentResults; size: "small" | "large"; anchors?: string[] }) {
  const large = size === "large";
  if (results.kind === "discuss" || results.posts.length > 0) {
    const pinned = results.shown;
    const rest = results.posts.filter((p) => p.id !== pinned?.id);
    return (
      <div className={large ? "mt-6 space-y-4" : "mt-2 space-y-2"} data-testid="live-posts">
        {pinned ? (
          <blockquote className={`rounded-md border-4 border-black bg-yellow-100 ${large ? "p-6 text-4xl" : "p-2"}`} data-testid="live-pinned">
            <span className="sr-only">Pinned: </span>
            <span aria-hidden="true">📌 </span>
            {pinned.text}
          </blockquote>
        ) : null}
        <ul className={large ? "grid grid-cols-2 gap-4" : "space-y-1"}>
          {rest.slice(-12).map((p) => (
            <li key={p.id} className={`rounded-md border-2 border-neutral-700 bg-white ${large ? "p-4 text-3xl" : "p-2"}`}>
              {p.text}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className={large ? "mt-6" : "mt-2"}>
      {results.before ? (
        <div className={large ? "grid grid-cols-2 gap-10" : "space-y-3"}>
          <figure>
            <figcaption className={large ? "text-3xl font-bold" : "font-semibold"}>First vote ({results.before.answered})</figcaption>
            <Bars bars={results.before.bars} large={large} total={results.before.answered} />
          </figure>
          <figure>
            <figcaption className={large ? "text-3xl font-bold" : "font-semibold"}>After discussion ({results.answered})</figcaption>
            <Bars bars={results.bars} large={large} total={results.answered} />
          </figure>
          <p className={`${large ? "col-span-2 text-3xl" : ""}`} data-testid="live-moved">
            {results.before.changed} {results.before.changed === 1 ? "student" : "students"} changed their answer
            {results.before.moves.filter((m) => m.from !== m.to).length > 0
              ? `: ${results.before.moves
                  .filter((m) => m.from !== m.to)
                  .slice(0, 3)
                  .map((m) => `${m.count} from “${m.from}” to “${m.to}”`)
                  .join("; ")}`
              : ""}
            .
          </p>
        </div>
      ) : (
        <Bars bars={results.bars} large={large} total={results.answered} />
      )}
      {results.paragraphs.length > 0 ? <HeatStrip counts={results.paragraphs} anchors={anchors} answered={results.answered} large={large} /> : null}
      {results.shown ? (
        <blockquote className={`mt-6 rounded-md border-4 border-black bg-yellow-100 ${large ? "p-6 text-4xl" : "p-2"}`} data-testid="live-shown">
          <span className={large ? "block text-2xl font-bold" : "font-semibold"}>One answer from the class: </span>
          {results.shown.text}
        </blockquote>
      ) : null}
    </div>
  );
}

function Bars({ bars, large, total }: { bars: AnalysedAnswer[]; large: boolean; total: number }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <ul className={large ? "mt-4 space-y-5" : "mt-1 space-y-1"} data-testid="live-bars">
      {bars.slice(0, 10).map((b) => (
        <li key={b.label} data-label={b.label} data-count={b.count}>
          <div className={`flex items-baseline justify-between gap-4 ${large ? "text-3xl" : "text-sm"}`}>
            <span className="font-semibold">{b.label}</span>
            <span className="font-bold tabular-nums">
              {b.count}
              {total > 0 ? <span className={large ? "ml-3 text-2xl" : "ml-1"}>({Math.round((b.count / total) * 100)}%)</span> : null}
            </span>
          </div>
          <div className={`mt-1 w-full rounded bg-neutral-200 ${large ? "h-8" : "h-3"}`} aria-hidden="true">
            <div className="h-full rounded bg-blue-900" style={{ width: `${(b.count / max) * 100}%` }} />
          </div>
          {b.spellings && b.spellings.length > 1 ? <p className={large ? "text-2xl" : "text-xs"}>typed as {b.spellings.map((s) => `“${s.text}” ${s.count}`).join(", ")}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** Evidence: one cell per paragraph of the reading, darker where more students cited it. */
function HeatStrip({ counts, anchors, answered, large }: { counts: { anchor: string; count: number }[]; anchors: string[]; answered: number; large: boolean }) {
  const byAnchor = new Map(counts.map((c) => [c.anchor, c.count]));
  const top = [...counts].sort((a, b) => b.count - a.count).slice(0, 5);
  const list = anchors.length > 0 ? anchors : counts.map((c) => c.anchor);
  return (
    <figure className="mt-6" data-testid="live-heat">
      <figcaption className={large ? "text-3xl font-bold" : "font-semibold"}>Paragraphs cited as evidence</figcaption>
      <div className={`mt-2 flex w-full border-2 border-black ${large ? "h-16" : "h-6"}`} aria-hidden="true">
        {list.map((a) => {
          const share = answered > 0 ? (byAnchor.get(a) ?? 0) / answered : 0;
          return <div key={a} className="h-full flex-1" style={{ backgroundColor: share > 0 ? `rgba(30, 58, 138, ${0.15 + share * 0.85})` : "#ffffff" }} title={`¶ ${a.replace(/^p-/, "")}`} />;
        })}
      </div>
      <p className={large ? "mt-2 text-3xl" : "mt-1 text-sm"}>Most cited: {top.map((t) => `¶ ${t.anchor.replace(/^p-/, "")} (${t.count})`).join(", ")}</p>
    </figure>
  );
}
