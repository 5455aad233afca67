import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sourceRefsSchema, stringListSchema, noteKinds, type NoteKind, type SourceRef } from "@/lib/validation/content";
import type { ParagraphKind } from "@/lib/reading/parse-source";

/**
 * The reading and its apparatus. Public: the same for every viewer, so it takes no viewer and
 * pages that show it can be served from the static cache.
 */
export interface ReadingDTO {
  slug: string;
  title: string;
  documentDate: string;
  dateLabel: string;
  place: string;
  archiveRef: string;
  translator: string;
  publisher: string;
  rights: string;
  sourceUrl: string;
  summary: string;
  about: string;
  aboutPrompts: string[];
  aboutSources: SourceRef[];
  sections: { slug: string; title: string; position: number }[];
  paragraphs: {
    anchor: string;
    kind: ParagraphKind;
    text: string;
    speaker: string | null;
    sectionSlug: string;
    noteSlugs: string[];
    eventSlugs: string[];
  }[];
  notes: {
    slug: string;
    kind: NoteKind;
    title: string;
    summary: string;
    body: string;
    correction: string;
    aliases: string[];
    sources: SourceRef[];
    anchors: string[];
  }[];
  events: {
    slug: string;
    date: string;
    dateLabel: string;
    title: string;
    description: string;
    sources: SourceRef[];
    anchors: string[];
    afterDocument: boolean;
  }[];
}

const parseJson = <T>(schema: { parse: (v: unknown) => T }, raw: string, what: string): T => {
  try {
    return schema.parse(JSON.parse(raw));
  } catch {
    throw new Error(`Stored ${what} is not valid; re-run the seed`);
  }
};

export async function listReadings(): Promise<{ slug: string; title: string; dateLabel: string; summary: string }[]> {
  return db.reading.findMany({ orderBy: { documentDate: "asc" }, select: { slug: true, title: true, dateLabel: true, summary: true } });
}

export async function getReading(slug: string): Promise<ReadingDTO> {
  const r = await db.reading.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      documentDate: true,
      dateLabel: true,
      place: true,
      archiveRef: true,
      translator: true,
      publisher: true,
      rights: true,
      sourceUrl: true,
      summary: true,
      about: true,
      aboutPrompts: true,
      aboutSources: true,
      sections: { orderBy: { position: "asc" }, select: { id: true, slug: true, title: true, position: true } },
      paragraphs: {
        orderBy: { position: "asc" },
        select: {
          anchor: true,
          kind: true,
          text: true,
          speaker: true,
          sectionId: true,
          notes: { select: { note: { select: { slug: true } } } },
          events: { select: { event: { select: { slug: true } } } },
        },
      },
      notes: {
        orderBy: { position: "asc" },
        select: {
          slug: true,
          kind: true,
          title: true,
          summary: true,
          body: true,
          correction: true,
          aliases: true,
          sources: true,
          anchors: { select: { paragraph: { select: { anchor: true, position: true } } } },
        },
      },
      events: {
        orderBy: { position: "asc" },
        select: {
          slug: true,
          date: true,
          dateLabel: true,
          title: true,
          description: true,
          sources: true,
          anchors: { select: { paragraph: { select: { anchor: true, position: true } } } },
        },
      },
    },
  });
  if (!r) throw new AppError("not_found", "There is no such reading.");
  const sectionSlug = new Map(r.sections.map((s) => [s.id, s.slug]));
  const byPosition = (a: { paragraph: { position: number } }, b: { paragraph: { position: number } }) => a.paragraph.position - b.paragraph.position;
  const { sections, paragraphs, notes, events, aboutPrompts, aboutSources, ...meta } = r;
  return {
    ...meta,
    aboutPrompts: parseJson(stringListSchema, aboutPrompts, "prompts"),
    aboutSources: parseJson(sourceRefsSchema, aboutSources, "sources"),
    sections: sections.map(({ slug, title, position }) => ({ slug, title, position })),
    paragraphs: paragraphs.map((p) => ({
      anchor: p.anchor,
      kind: p.kind as ParagraphKind,
      text: p.text,
      speaker: p.speaker,
      sectionSlug: sectionSlug.get(p.sectionId) ?? "",
      noteSlugs: p.notes.map((n) => n.note.slug),
      eventSlugs: p.events.map((e) => e.event.slug),
    })),
    notes: notes.map((n) => ({
      slug: n.slug,
      kind: (noteKinds as readonly string[]).includes(n.kind) ? (n.kind as NoteKind) : "term",
      title: n.title,
      summary: n.summary,
      body: n.body,
      correction: n.correction,
      aliases: parseJson(stringListSchema, n.aliases, "aliases"),
      sources: parseJson(sourceRefsSchema, n.sources, "sources"),
      anchors: [...n.anchors].sort(byPosition).map((a) => a.paragraph.anchor),
    })),
    events: events.map((e) => ({
      slug: e.slug,
      date: e.date,
      dateLabel: e.dateLabel,
      title: e.title,
      description: e.description,
      sources: parseJson(sourceRefsSchema, e.sources, "sources"),
      anchors: [...e.anchors].sort(byPosition).map((a) => a.paragraph.anchor),
      afterDocument: e.date > r.documentDate,
    })),
  };
}

/** For the paragraph permalink: does this anchor exist in this reading? */
export async function paragraphExists(slug: string, anchor: string): Promise<boolean> {
  const row = await db.paragraph.findFirst({ where: { anchor, reading: { slug } }, select: { id: true } });
  return row !== null;
}
