/** An answer's automatic feedback, one item per message, line breaks kept. */
export function FeedbackList({ title, feedback }: { title: string; feedback: readonly string[] }) {
  if (feedback.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">{title}</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {feedback.map((f, j) => (
          <li key={j} className="whitespace-pre-line">
            {f}
          </li>
        ))}
      </ul>
    </div>
  );
}
