import type { ReadingDTO } from "@/lib/data/readings";
import { SourceList } from "./source-list";
import { TextBlocks } from "./text-blocks";

type Note = ReadingDTO["notes"][number];

const kindLabel: Record<Note["kind"], string> = {
  context: "Context",
  person: "Person",
  institution: "Institution",
  term: "Term",
};

/**
 * A note in full. Rendered once, in the notes part of the page (so it works without
 * JavaScript and in print); the context panel shows a copy of it beside the text.
 */
export function NoteCard({ note, paragraphLabel }: { note: Note; paragraphLabel: (anchor: string) => string }) {
  const headingId = `note-${note.slug}-title`;
  return (
    <article id={`note-${note.slug}`} aria-labelledby={headingId} className="note-card card" data-note-card={note.slug}>
      <p className="text-xs font-semibold uppercase tracking-wide text-muted">{kindLabel[note.kind]}</p>
      <h3 id={headingId} className={note.kind === "context" ? "mt-1 text-xl font-bold" : "mt-1 text-lg font-bold"}>
        {note.title}
      </h3>
      <p className="mt-2 font-medium">{note.summary}</p>
      <div className="prose-note mt-3 text-[0.98rem] leading-relaxed">
        <TextBlocks text={note.body} />
      </div>
      {note.correction ? (
        <div className="mt-4 rounded-md border-l-4 border-warn bg-amber-50 p-3 text-[0.95rem]">
          <p className="font-semibold text-warn">Where the document is wrong or imprecise</p>
          <div className="prose-note mt-1">
            <TextBlocks text={note.correction} />
          </div>
        </div>
      ) : null}
      {note.anchors.length > 0 && note.kind === "context" ? (
        <nav aria-label={`Passages about ${note.title}`} className="mt-4 text-sm">
          <p className="font-semibold">In the document</p>
          <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
            {note.anchors.map((a) => (
              <li key={a}>
                <a href={`#${a}`}>{paragraphLabel(a)}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <SourceList sources={note.sources} />
    </article>
  );
}
