import type { SourceRef } from "@/lib/validation/content";

export function SourceList({ sources, label = "Sources" }: { sources: SourceRef[]; label?: string }) {
  if (sources.length === 0) return null;
  return (
    <div className="mt-4 border-t border-line pt-3 text-sm text-muted">
      <p className="font-semibold text-ink">{label}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {sources.map((s) => (
          <li key={s.citation}>
            {s.url ? (
              <a href={s.url} rel="noopener noreferrer">
                {s.citation}
              </a>
            ) : (
              s.citation
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
