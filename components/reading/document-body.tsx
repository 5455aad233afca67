import type { ReactNode } from "react";
import type { ReadingDTO } from "@/lib/data/readings";
import { buildTermMatcher, tokenizeParagraph, type InlineToken } from "@/lib/reading/inline";

type Paragraph = ReadingDTO["paragraphs"][number];

function Inline({ tokens, notesAt = "" }: { tokens: InlineToken[]; notesAt?: string }): ReactNode {
  return tokens.map((t, i) => {
    switch (t.type) {
      case "text":
        return t.text;
      case "insertion":
        return (
          <span key={i} className="insertion" data-insertion="">
            <Inline tokens={t.children} notesAt={notesAt} />
          </span>
        );
      case "footnote-ref":
        return (
          <sup key={i}>
            <a id={`fnref-${t.number}`} href={`#fn-${t.number}`} aria-label={`Footnote ${t.number}`} className="px-0.5 font-sans">
              {t.text}
            </a>
          </sup>
        );
      case "term":
        return (
          <a key={i} href={`${notesAt}#note-${t.noteSlug}`} data-note={t.noteSlug} className="term-link">
            {t.text}
          </a>
        );
    }
  });
}

/**
 * The paragraph's number (the N of its anchor p-N, as questions, the timeline and the analysis
 * cite it: "¶ 129"), set in the margin by CSS (.pnum). It stays first in the paragraph's text,
 * so a screen reader says "Paragraph 129" before the words; a link here would add a tab stop
 * per paragraph, so it is plain text. Copying the passage leaves it out (user-select: none).
 */
function ParagraphNumber({ anchor }: { anchor: string }) {
  const n = anchor.replace(/^p-/, "");
  return (
    <span className="pnum" data-pnum="">
      <span className="sr-only">Paragraph </span>
      <span className="pnum-n" data-pnum-n="">
        {n}
      </span>
    </span>
  );
}

/** A paragraph singled out on a page that shows the reading (the class's evidence citations). */
export interface ParagraphMark {
  /** Added to the paragraph's classes: its highlight. */
  className: string;
  /** Shown at the start of the paragraph, in words, so the highlight never relies on colour alone. */
  label: ReactNode;
}

interface Props {
  reading: ReadingDTO;
  /** Where the notes the text links to live: "" (this page, the default) or the reading's own URL on a page without them. */
  notesAt?: string;
  /** Paragraphs to highlight, by anchor. */
  marks?: ReadonlyMap<string, ParagraphMark>;
  /** Rendered at the end of each section (the assignment's "done" control), if any. */
  sectionEnd?: (section: ReadingDTO["sections"][number]) => ReactNode;
}

/** Consecutive list paragraphs become one list; everything else stands alone. */
function groupBlocks(paragraphs: Paragraph[]): (Paragraph | Paragraph[])[] {
  const blocks: (Paragraph | Paragraph[])[] = [];
  for (const p of paragraphs) {
    const listy = p.kind === "member" || p.kind === "list-item" || p.kind === "bullet";
    const last = blocks[blocks.length - 1];
    if (listy && Array.isArray(last) && last[0]?.kind === p.kind) last.push(p);
    else blocks.push(listy ? [p] : p);
  }
  return blocks;
}

export function DocumentBody({ reading, sectionEnd, marks, notesAt = "" }: Props) {
  const markClass = (anchor: string) => (marks?.get(anchor) ? ` ${marks.get(anchor)!.className}` : "");
  const markLabel = (anchor: string) => {
    const mark = marks?.get(anchor);
    return mark ? (
      <span data-mark-label="" className="mr-2 inline-block rounded-sm bg-white px-1.5 py-0.5 align-middle font-sans text-xs font-semibold not-italic text-ink ring-1 ring-stone-400">
        {mark.label}
      </span>
    ) : null;
  };
  const matcher = buildTermMatcher(reading.notes.filter((n) => n.kind !== "context"));
  const contextNotes = new Map(reading.notes.filter((n) => n.kind === "context").map((n) => [n.slug, n]));
  const events = new Map(reading.events.map((e) => [e.slug, e]));
  const footnotes = reading.paragraphs.filter((p) => p.kind === "footnote");

  // A context chip marks where a run of paragraphs about one subject begins, not every paragraph.
  const chipsFor = new Map<string, string[]>();
  let previous = new Set<string>();
  for (const p of reading.paragraphs) {
    const here = p.noteSlugs.filter((s) => contextNotes.has(s));
    const fresh = here.filter((s) => !previous.has(s));
    if (fresh.length) chipsFor.set(p.anchor, fresh);
    previous = new Set(here);
  }

  function renderParagraph(p: Paragraph, linked: Set<string>): ReactNode {
    const tokens = tokenizeParagraph(p.text, matcher, (slug) => {
      if (linked.has(slug)) return false;
      linked.add(slug);
      return true;
    });
    const contextSlugs = p.noteSlugs.filter((s) => contextNotes.has(s));
    const common = {
      id: p.anchor,
      "data-paragraph": "",
      "data-notes": contextSlugs.join(" ") || undefined,
    };
    const chips = (
      <>
        {(chipsFor.get(p.anchor) ?? []).map((slug) => (
          <a key={slug} href={`${notesAt}#note-${slug}`} data-note={slug} data-chip="" className="no-print ml-2 inline-block rounded-full border border-accent/40 bg-blue-50 px-2.5 py-0.5 align-middle font-sans text-xs font-semibold text-accent-ink no-underline hover:bg-blue-100">
            Context: {contextNotes.get(slug)!.title}
          </a>
        ))}
        {p.eventSlugs.map((slug) => {
          const e = events.get(slug);
          return e ? (
            <a key={slug} href={`${notesAt}#event-${slug}`} data-event={slug} data-chip="" className="no-print ml-2 inline-block rounded-full border border-stone-400 bg-stone-50 px-2.5 py-0.5 align-middle font-sans text-xs text-muted no-underline hover:bg-stone-100">
              Timeline: {e.dateLabel}
            </a>
          ) : null;
        })}
      </>
    );
    switch (p.kind) {
      case "title":
        return p.text.replace(/\s/g, "").length <= 6 ? (
          <p key={p.anchor} {...common} className="text-center font-serif text-2xl tracking-[0.4em] uppercase">
            <ParagraphNumber anchor={p.anchor} />
            {p.text}
          </p>
        ) : (
          <p key={p.anchor} {...common} className="doc-text mt-2 text-center font-semibold">
            <ParagraphNumber anchor={p.anchor} />
            <Inline tokens={tokens} notesAt={notesAt} />
          </p>
        );
      case "delegation":
        return (
          <p key={p.anchor} {...common} className="doc-text mt-6 font-semibold">
            <ParagraphNumber anchor={p.anchor} />
            <Inline tokens={tokens} notesAt={notesAt} />
          </p>
        );
      case "speaker":
        return (
          <p key={p.anchor} {...common} className={`mt-8 font-sans text-sm font-bold uppercase tracking-wide speaker-${p.speaker}`} style={{ color: `var(--color-${p.speaker})` }}>
            <ParagraphNumber anchor={p.anchor} />
            <Inline tokens={tokens} notesAt={notesAt} />
          </p>
        );
      case "heading":
        return (
          <h3 key={p.anchor} {...common} className={`mt-8 font-serif text-xl font-semibold italic${markClass(p.anchor)}`}>
            <ParagraphNumber anchor={p.anchor} />
            {markLabel(p.anchor)}
            <Inline tokens={tokens} notesAt={notesAt} />
          </h3>
        );
      case "narration":
        return (
          <p key={p.anchor} {...common} className={`doc-text mt-6 italic text-muted${markClass(p.anchor)}`}>
            <ParagraphNumber anchor={p.anchor} />
            {markLabel(p.anchor)}
            <Inline tokens={tokens} notesAt={notesAt} />
            {chips}
          </p>
        );
      case "gap":
        return (
          <p key={p.anchor} id={p.anchor} role="note" className="my-4 rounded-md border-2 border-dashed border-warn bg-amber-50 px-4 py-3 font-sans text-sm text-warn">
            <span aria-hidden="true" className="mr-2 font-mono">[ … ]</span>
            {p.text}
          </p>
        );
      default:
        return (
          <p key={p.anchor} {...common} className={`doc-text mt-4 border-l-4 pl-4 ${p.speaker ? `speaker-${p.speaker}` : "border-transparent"}${markClass(p.anchor)}`}>
            <ParagraphNumber anchor={p.anchor} />
            {markLabel(p.anchor)}
            <Inline tokens={tokens} notesAt={notesAt} />
            {chips}
          </p>
        );
    }
  }

  return (
    <div className="doc-body">
      {reading.sections.map((section, index) => {
        const paragraphs = reading.paragraphs.filter((p) => p.sectionSlug === section.slug && p.kind !== "footnote");
        const linked = new Set<string>();
        return (
          <section key={section.slug} id={`s-${section.slug}`} aria-labelledby={`s-${section.slug}-title`} data-section={section.slug} className="mt-12 first:mt-0">
            <h2 id={`s-${section.slug}-title`} className="border-b border-line pb-2 font-sans text-sm font-semibold uppercase tracking-wide text-muted">
              <span className="text-ink">Part {index + 1}</span> · {section.title}
            </h2>
            {groupBlocks(paragraphs).map((block) => {
              if (!Array.isArray(block)) return renderParagraph(block, linked);
              const first = block[0]!;
              return (
                <ul key={first.anchor} className={first.kind === "member" ? "doc-text mt-2 space-y-0.5 pl-6" : `doc-text mt-3 list-disc space-y-1 border-l-4 pl-10 ${first.speaker ? `speaker-${first.speaker}` : "border-transparent"}`}>
                  {block.map((p) => {
                    const tokens = tokenizeParagraph(p.text, matcher, (slug) => {
                      if (linked.has(slug)) return false;
                      linked.add(slug);
                      return true;
                    });
                    return (
                      <li key={p.anchor} id={p.anchor} data-paragraph="" data-notes={p.noteSlugs.filter((s) => contextNotes.has(s)).join(" ") || undefined} className={`${first.kind === "member" ? "list-none" : ""}${markClass(p.anchor)}`.trim() || undefined}>
                        <ParagraphNumber anchor={p.anchor} />
                        {markLabel(p.anchor)}
                        <Inline tokens={tokens} notesAt={notesAt} />
                      </li>
                    );
                  })}
                </ul>
              );
            })}
            <div data-section-end={section.slug} aria-hidden="true" className="h-px" />
            {sectionEnd?.(section)}
          </section>
        );
      })}
      {footnotes.length > 0 ? (
        <section aria-labelledby="footnotes-title" className="mt-12 border-t border-line pt-4">
          <h2 id="footnotes-title" className="font-sans text-sm font-semibold uppercase tracking-wide text-muted">
            Translator’s footnotes
          </h2>
          <ol className="mt-2 list-none space-y-2 pl-0">
            {footnotes.map((p) => {
              const m = /^\[(\d+)\]\s*/.exec(p.text);
              const n = m ? Number(m[1]) : 0;
              const rest = m ? p.text.slice(m[0].length) : p.text;
              return (
                <li key={p.anchor} id={`fn-${n}`}>
                  <p id={p.anchor} data-paragraph="" className={`doc-text text-base${markClass(p.anchor)}`}>
                    <ParagraphNumber anchor={p.anchor} />
                    {markLabel(p.anchor)}
                    <a href={`#fnref-${n}`} aria-label={`Back to the text at footnote ${n}`} className="font-sans">
                      [{n}]
                    </a>{" "}
                    <Inline tokens={tokenizeParagraph(rest, matcher, () => false)} notesAt={notesAt} />
                  </p>
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
