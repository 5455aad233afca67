/**
 * Authored prose (notes, the About panel): paragraphs separated by blank lines, **bold** for
 * emphasis. Deliberately tiny instead of a Markdown library: the content is ours, and nothing
 * in it needs more.
 */
export function TextBlocks({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>
            {p.split(/(\*\*[^*]+\*\*)/g).map((part, j) =>
              part.startsWith("**") && part.endsWith("**") ? <strong key={j}>{part.slice(2, -2)}</strong> : part,
            )}
          </p>
        ))}
    </>
  );
}
