import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "../lib/db/client.ts";
import { parseSource, structureSchema, type ParsedParagraph } from "../lib/reading/parse-source.ts";
import { buildTermMatcher } from "../lib/reading/inline.ts";
import {
  noteFileEntrySchema,
  readingFileSchema,
  timelineFileEntrySchema,
  type NoteFileEntry,
  type TimelineFileEntry,
} from "../lib/validation/content.ts";

/**
 * Loads a reading and its apparatus from prisma/content/<slug>/ into the database.
 * Idempotent: a checksum of the files decides whether anything needs writing, so it runs on
 * every start at no cost. Notes written by instructors (authorId set) are never touched.
 */

export const CONTENT_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), "content");

export class ContentError extends Error {
  override name = "ContentError";
}

export interface LoadedContent {
  slug: string;
  checksum: string;
  reading: z.infer<typeof readingFileSchema>;
  parsed: ReturnType<typeof parseSource>;
  notes: NoteFileEntry[];
  events: TimelineFileEntry[];
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new ContentError(`${path.relative(process.cwd(), file)}: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ContentError(`${path.relative(process.cwd(), file)} is not valid:\n  ${first.join("\n  ")}`);
  }
  return parsed.data;
}

export function loadContent(dir: string): LoadedContent {
  const files = ["source.txt", "structure.json", "reading.json", "context-notes.json", "glossary.json", "timeline.json"];
  const hash = createHash("sha256");
  for (const f of files) {
    const p = path.join(dir, f);
    if (fs.existsSync(p)) hash.update(f).update(fs.readFileSync(p));
  }
  const source = fs.readFileSync(path.join(dir, "source.txt"), "utf8");
  const structure = readJson(path.join(dir, "structure.json"), structureSchema);
  const reading = readJson(path.join(dir, "reading.json"), readingFileSchema);
  const optionalList = <T,>(f: string, schema: z.ZodType<T>): T[] =>
    fs.existsSync(path.join(dir, f)) ? readJson(path.join(dir, f), z.array(schema)) : [];
  const notes = [...optionalList("context-notes.json", noteFileEntrySchema), ...optionalList("glossary.json", noteFileEntrySchema)];
  const events = optionalList("timeline.json", timelineFileEntrySchema);

  const slugs = new Set<string>();
  for (const n of notes) {
    if (slugs.has(n.slug)) throw new ContentError(`Two notes have the slug "${n.slug}"`);
    slugs.add(n.slug);
  }
  return { slug: reading.slug, checksum: hash.digest("hex"), reading, parsed: parseSource(source, structure), notes, events };
}

/** Resolves a quote to the one paragraph that contains it; a quote that fits none or several is an error. */
export function resolveQuote(paragraphs: readonly ParsedParagraph[], quote: string, owner: string): ParsedParagraph {
  const hits = paragraphs.filter((p) => p.kind !== "gap" && p.text.includes(quote));
  if (hits.length !== 1) {
    throw new ContentError(`${owner}: the quote "${quote}" matches ${hits.length} paragraphs; it must match exactly one`);
  }
  return hits[0]!;
}

/** Anchors for each note: its quotes, plus every paragraph where one of its aliases occurs. */
export function noteAnchors(content: LoadedContent): Map<string, string[]> {
  const { paragraphs } = content.parsed;
  const matcher = buildTermMatcher(content.notes);
  const result = new Map<string, Set<string>>(content.notes.map((n) => [n.slug, new Set<string>()]));
  for (const n of content.notes) {
    for (const q of n.anchors) result.get(n.slug)!.add(resolveQuote(paragraphs, q, `note "${n.slug}"`).anchor);
  }
  for (const p of paragraphs) {
    if (p.kind === "gap") continue;
    for (const m of matcher.find(p.text)) result.get(m.noteSlug)?.add(p.anchor);
  }
  return new Map([...result].map(([k, v]) => [k, [...v]]));
}

export async function seedReading(db: Db, content: LoadedContent, log: (s: string) => void = () => {}): Promise<boolean> {
  const existing = await db.reading.findUnique({ where: { slug: content.slug }, select: { id: true, sourceChecksum: true } });
  if (existing?.sourceChecksum === content.checksum) return false;

  const anchorsByNote = noteAnchors(content);
  const eventAnchors = new Map(
    content.events.map((e) => [e.slug, e.anchors.map((q) => resolveQuote(content.parsed.paragraphs, q, `timeline event "${e.slug}"`).anchor)]),
  );
  // The file's fields are the table's columns; only the two lists are stored as JSON text.
  const { slug: _slug, aboutPrompts, aboutSources, ...plain } = content.reading;
  const meta = { ...plain, aboutPrompts: JSON.stringify(aboutPrompts), aboutSources: JSON.stringify(aboutSources), sourceChecksum: content.checksum };

  await db.$transaction(
    async (tx) => {
      const reading = await tx.reading.upsert({
        where: { slug: content.slug },
        create: { slug: content.slug, ...meta },
        update: meta,
        select: { id: true },
      });
      const readingId = reading.id;

      // Sections keep their ids (students' progress points at them); move them out of the
      // way of the unique position index before renumbering.
      const oldSections = await tx.section.findMany({ where: { readingId }, select: { id: true, slug: true } });
      for (const [i, s] of oldSections.entries()) {
        await tx.section.update({ where: { id: s.id }, data: { position: -1 - i }, select: { id: true } });
      }
      const sectionId = new Map<string, string>();
      for (const s of content.parsed.sections) {
        const row = await tx.section.upsert({
          where: { readingId_slug: { readingId, slug: s.slug } },
          create: { readingId, slug: s.slug, title: s.title, position: s.position },
          update: { title: s.title, position: s.position },
          select: { id: true },
        });
        sectionId.set(s.slug, row.id);
      }
      const keep = new Set(content.parsed.sections.map((s) => s.slug));
      const removed = oldSections.filter((s) => !keep.has(s.slug)).map((s) => s.id);
      if (removed.length) await tx.section.deleteMany({ where: { id: { in: removed } } });

      // Paragraphs, seeded notes and events are content: replace them wholesale.
      await tx.paragraph.deleteMany({ where: { readingId } });
      await tx.note.deleteMany({ where: { readingId, authorId: null } });
      await tx.timelineEvent.deleteMany({ where: { readingId } });

      await tx.paragraph.createMany({
        data: content.parsed.paragraphs.map((p) => ({
          readingId,
          sectionId: sectionId.get(p.sectionSlug)!,
          anchor: p.anchor,
          position: p.position,
          kind: p.kind,
          text: p.text,
          speaker: p.speaker,
        })),
      });
      const paragraphIds = new Map(
        (await tx.paragraph.findMany({ where: { readingId }, select: { id: true, anchor: true } })).map((p) => [p.anchor, p.id]),
      );

      for (const [position, n] of content.notes.entries()) {
        const note = await tx.note.create({
          data: {
            readingId,
            slug: n.slug,
            kind: n.kind,
            title: n.title,
            summary: n.summary,
            body: n.body,
            correction: n.correction,
            aliases: JSON.stringify(n.aliases),
            sources: JSON.stringify(n.sources),
            position,
          },
          select: { id: true },
        });
        const anchors = anchorsByNote.get(n.slug) ?? [];
        if (anchors.length) {
          await tx.noteAnchor.createMany({ data: anchors.map((a) => ({ noteId: note.id, paragraphId: paragraphIds.get(a)! })) });
        }
      }
      const events = [...content.events].sort((a, b) => a.date.localeCompare(b.date));
      for (const [position, e] of events.entries()) {
        const event = await tx.timelineEvent.create({
          data: {
            readingId,
            slug: e.slug,
            date: e.date,
            dateLabel: e.dateLabel,
            title: e.title,
            description: e.description,
            sources: JSON.stringify(e.sources),
            position,
          },
          select: { id: true },
        });
        const anchors = [...new Set(eventAnchors.get(e.slug) ?? [])];
        if (anchors.length) {
          await tx.eventAnchor.createMany({ data: anchors.map((a) => ({ eventId: event.id, paragraphId: paragraphIds.get(a)! })) });
        }
      }
    },
    { timeout: 60_000 },
  );
  log(
    `Loaded the reading "${content.slug}": ${content.parsed.paragraphs.length} paragraphs in ${content.parsed.sections.length} sections, ${content.notes.length} notes, ${content.events.length} timeline events.`,
  );
  return true;
}

export async function seedAllReadings(db: Db, log: (s: string) => void = () => {}): Promise<void> {
  for (const entry of fs.readdirSync(CONTENT_DIR, { withFileTypes: true })) {
    if (entry.isDirectory()) await seedReading(db, loadContent(path.join(CONTENT_DIR, entry.name)), log);
  }
}
