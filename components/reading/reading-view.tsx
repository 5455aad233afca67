import type { ReactNode } from "react";
import type { ReadingDTO } from "@/lib/data/readings";
import { ContextPanel } from "./context-panel";
import { DocumentBody } from "./document-body";
import { MissingAnchorNotice } from "./missing-anchor-notice";
import { NoteCard } from "./note-card";
import { SourceList } from "./source-list";
import { TextBlocks } from "./text-blocks";

interface Props {
  reading: ReadingDTO;
  /** Above the document: the assignment bar, or nothing on the public page. */
  banner?: ReactNode;
  /** Beside each table-of-contents entry (the assignment's read marks). */
  tocMark?: (sectionSlug: string) => ReactNode;
  sectionEnd?: (section: ReadingDTO["sections"][number]) => ReactNode;
}

/**
 * The guided reading, the same for everyone: the document with its provenance, context notes,
 * people and terms, and the timeline. Server-rendered and complete without JavaScript; the
 * context panel and the assignment's progress tracking are the only client parts.
 */
export function ReadingView({ reading, banner, tocMark, sectionEnd }: Props) {
  const paragraphNumber = new Map(reading.paragraphs.map((p) => [p.anchor, p.anchor.replace(/^p-/, "")]));
  const sectionOf = new Map(reading.paragraphs.map((p) => [p.anchor, p.sectionSlug]));
  const sectionIndex = new Map(reading.sections.map((s, i) => [s.slug, i + 1]));
  const paragraphLabel = (anchor: string) => `Part ${sectionIndex.get(sectionOf.get(anchor) ?? "") ?? "?"}, ¶ ${paragraphNumber.get(anchor) ?? anchor}`;
  const context = reading.notes.filter((n) => n.kind === "context");
  const people = reading.notes.filter((n) => n.kind === "person" || n.kind === "institution");
  const terms = reading.notes.filter((n) => n.kind === "term");

  return (
    <main id="main" className="mx-auto max-w-7xl px-4 pb-24 pt-6">
      <MissingAnchorNotice />
      {banner}
      <header className="mx-auto max-w-3xl lg:mx-0">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">Primary source · {reading.dateLabel} · {reading.place}</p>
        <h1 className="mt-2 text-3xl font-bold leading-tight sm:text-4xl">{reading.title}</h1>
        <p className="mt-3 text-lg text-muted">{reading.summary}</p>
        <dl className="mt-5 grid gap-x-6 gap-y-2 rounded-lg border border-line bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Date and place</dt>
          <dd>
            {reading.dateLabel}, {reading.place}
          </dd>
          <dt className="font-semibold">Archive</dt>
          <dd>{reading.archiveRef}</dd>
          <dt className="font-semibold">Translation</dt>
          <dd>{reading.translator}</dd>
          <dt className="font-semibold">Published by</dt>
          <dd>
            <a href={reading.sourceUrl} rel="noopener noreferrer">
              {reading.publisher}
            </a>
          </dd>
          <dt className="font-semibold">Rights</dt>
          <dd>{reading.rights}</dd>
        </dl>
        <details className="group mt-4 rounded-lg border border-line bg-white p-4" id="about-this-source">
          <summary className="cursor-pointer text-lg font-bold">About this source: what kind of record is this?</summary>
          <div className="prose-note mt-3 leading-relaxed">
            <TextBlocks text={reading.about} />
          </div>
          <h2 className="mt-5 text-base font-bold">Questions to ask of this source</h2>
          <ol className="mt-2 list-decimal space-y-2 pl-6">
            {reading.aboutPrompts.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ol>
          <SourceList sources={reading.aboutSources} />
        </details>
        <div className="mt-4 rounded-lg border border-line bg-stone-50 p-4 text-sm">
          <h2 className="font-semibold">How to read this page</h2>
          <ul className="mt-2 space-y-1">
            <li>
              <span className="mr-2 inline-block h-3 w-3 rounded-sm align-middle" style={{ background: "var(--color-andropov)" }} aria-hidden="true" />
              A red bar marks Andropov speaking; <span className="mx-1 inline-block h-3 w-3 rounded-sm align-middle" style={{ background: "var(--color-mielke)" }} aria-hidden="true" /> a blue bar marks Mielke.
            </li>
            <li>
              <span className="insertion">[grey brackets]</span> are the translator’s insertions, not the speaker’s words.
            </li>
            <li>
              <span className="term-link">Dotted underlines</span> are names and terms with a short note; chips like <span className="font-semibold text-accent-ink">Context: …</span> open a longer note.
            </li>
          </ul>
        </div>
      </header>

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,15rem)_minmax(0,42rem)_minmax(0,22rem)]">
        <nav aria-label="Contents" className="no-print lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-muted">Contents</h2>
          <ol className="mt-2 space-y-1 text-sm">
            {reading.sections.map((s, i) => (
              <li key={s.slug} className="flex items-start gap-2">
                {tocMark?.(s.slug)}
                <a href={`#s-${s.slug}`} className="text-ink no-underline hover:underline">
                  {i + 1}. {s.title}
                </a>
              </li>
            ))}
          </ol>
          <h2 className="mt-4 text-sm font-semibold uppercase tracking-wide text-muted">Around the text</h2>
          <ul className="mt-2 space-y-1 text-sm">
            <li>
              <a href="#context-notes" className="text-ink no-underline hover:underline">Context notes</a>
            </li>
            <li>
              <a href="#people" className="text-ink no-underline hover:underline">People and institutions</a>
            </li>
            <li>
              <a href="#glossary" className="text-ink no-underline hover:underline">Glossary</a>
            </li>
            <li>
              <a href="#timeline" className="text-ink no-underline hover:underline">Timeline 1975–1983</a>
            </li>
            <li>
              <a href="#about-this-source" className="text-ink no-underline hover:underline">About this source</a>
            </li>
          </ul>
        </nav>

        <article aria-label="The document" className="min-w-0">
          <DocumentBody reading={reading} sectionEnd={sectionEnd} />
        </article>

        <div className="min-w-0">
          <ContextPanel contextNotes={context.map((n) => ({ slug: n.slug, title: n.title }))} />
        </div>
      </div>

      <div className="print-notes mx-auto mt-16 max-w-4xl space-y-14">
        <section id="context-notes" aria-labelledby="context-notes-title">
          <h2 id="context-notes-title" className="text-2xl font-bold">Context notes</h2>
          <div className="mt-4 space-y-6">
            {context.map((n) => (
              <NoteCard key={n.slug} note={n} paragraphLabel={paragraphLabel} />
            ))}
          </div>
        </section>
        <section id="people" aria-labelledby="people-title">
          <h2 id="people-title" className="text-2xl font-bold">People and institutions</h2>
          <p className="mt-1 text-muted">Who they were in July 1981, in the order the notes list them.</p>
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            {people.map((n) => (
              <NoteCard key={n.slug} note={n} paragraphLabel={paragraphLabel} />
            ))}
          </div>
        </section>
        <section id="glossary" aria-labelledby="glossary-title">
          <h2 id="glossary-title" className="text-2xl font-bold">Glossary</h2>
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            {terms.map((n) => (
              <NoteCard key={n.slug} note={n} paragraphLabel={paragraphLabel} />
            ))}
          </div>
        </section>
        <Timeline reading={reading} paragraphLabel={paragraphLabel} />
      </div>
    </main>
  );
}

function Timeline({ reading, paragraphLabel }: { reading: ReadingDTO; paragraphLabel: (a: string) => string }) {
  return (
    <section id="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="text-2xl font-bold">Timeline 1975–1983</h2>
      <p className="mt-1 text-muted">
        Events before the meeting were known to the speakers. Events marked <strong>After the meeting</strong> are hindsight: Mielke and
        Andropov could not yet know them.
      </p>
      <ol className="mt-6 border-l-2 border-line pl-6">
        {reading.events.map((e) => {
          const isMeeting = e.date === reading.documentDate;
          return (
            <li key={e.slug} id={`event-${e.slug}`} className={`relative mb-6 ${e.afterDocument ? "opacity-95" : ""}`}>
              <span aria-hidden="true" data-panel-skip="" className={`absolute -left-[1.95rem] top-1.5 h-3 w-3 rounded-full ${isMeeting ? "bg-andropov" : e.afterDocument ? "border-2 border-stone-500 bg-white" : "bg-stone-600"}`} />
              <p className="text-sm font-semibold text-muted">
                <time dateTime={e.date}>{e.dateLabel}</time>
                {e.afterDocument ? (
                  <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-ink">After the meeting</span>
                ) : null}
                {isMeeting ? <span className="ml-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-andropov">This document</span> : null}
              </p>
              <h3 className="text-lg font-bold">{e.title}</h3>
              <p className="mt-1">{e.description}</p>
              {e.anchors.length > 0 ? (
                <p className="mt-1 text-sm">
                  In the document:{" "}
                  {e.anchors.map((a, i) => (
                    <span key={a}>
                      {i > 0 ? ", " : null}
                      <a href={`#${a}`}>{paragraphLabel(a)}</a>
                    </span>
                  ))}
                </p>
              ) : null}
              <p className="mt-1 text-xs text-muted">Sources: {e.sources.map((s) => s.citation).join("; ")}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
