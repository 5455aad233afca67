import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canManageClass, canOpenAssignment, canRecordProgress, type Viewer } from "@/lib/authz/policy";
import { minuteBucket, summarizeProgress, type ProgressSummary } from "@/lib/progress/compute";
import { creditClaims, crossedThreshold, reportWindowSeconds, sectionThresholds } from "@/lib/progress/dwell";
import { READ_DWELL_SCALE } from "@/lib/progress/dwell-config";
import type { ProgressReport } from "@/lib/validation/progress";
import { isUniqueViolation } from "./prisma-errors";

async function loadAssignment(assignmentId: string, viewer: Viewer) {
  const a = await db.assignment.findUnique({
    where: { id: assignmentId },
    select: {
      id: true,
      dueAt: true,
      readingId: true,
      reading: { select: { slug: true, title: true, _count: { select: { sections: true } } } },
      class: {
        select: {
          id: true,
          name: true,
          instructorId: true,
          enrolments: { where: { userId: viewer.id }, select: { userId: true } },
        },
      },
    },
  });
  if (!a) throw new AppError("not_found", "There is no such assignment.");
  return { a, enrolled: a.class.enrolments.length > 0 };
}

/** Ignores the race where two tabs create the same row at once: the row exists either way. */
async function idempotent<T>(write: () => Promise<T>): Promise<T | null> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
}

async function ensureProgress(assignmentId: string, userId: string): Promise<string> {
  const existing = await db.readingProgress.findUnique({
    where: { assignmentId_userId: { assignmentId, userId } },
    select: { id: true },
  });
  if (existing) return existing.id;
  await idempotent(() => db.readingProgress.create({ data: { assignmentId, userId }, select: { id: true } }));
  const row = await db.readingProgress.findUniqueOrThrow({
    where: { assignmentId_userId: { assignmentId, userId } },
    select: { id: true },
  });
  return row.id;
}

async function summaryFor(progressId: string | null, totalSections: number): Promise<{ summary: ProgressSummary; readSections: string[] }> {
  if (!progressId) {
    return { summary: summarizeProgress({ totalSections, sectionsRead: 0, activeMinutes: 0, lastAnchor: null }), readSections: [] };
  }
  const p = await db.readingProgress.findUniqueOrThrow({
    where: { id: progressId },
    select: {
      lastAnchor: true,
      sectionsRead: { select: { section: { select: { slug: true } } } },
      _count: { select: { activity: true } },
    },
  });
  return {
    summary: summarizeProgress({
      totalSections,
      sectionsRead: p.sectionsRead.length,
      activeMinutes: p._count.activity,
      lastAnchor: p.lastAnchor,
    }),
    readSections: p.sectionsRead.map((s) => s.section.slug),
  };
}

export interface OpenedAssignment {
  id: string;
  classId: string;
  className: string;
  dueAt: Date | null;
  readingSlug: string;
  readingTitle: string;
  /** "student": progress is kept. "preview": the class's instructor looking at it. */
  mode: "student" | "preview";
  progress: ProgressSummary;
  readSections: string[];
  /** Seconds already credited to each part (by slug), so the page counts on from there. */
  dwellSeconds: Record<string, number>;
}

export async function openAssignment(viewer: Viewer, assignmentId: string): Promise<OpenedAssignment> {
  const { a, enrolled } = await loadAssignment(assignmentId, viewer);
  if (!canOpenAssignment(viewer, a.class, enrolled)) throw new AppError("forbidden", "This assignment belongs to a class you are not in.");
  const mode = canRecordProgress(viewer, enrolled) ? "student" : "preview";
  const progressRow =
    mode === "student"
      ? await db.readingProgress.findUnique({
          where: { assignmentId_userId: { assignmentId, userId: viewer.id } },
          select: { id: true, dwell: { select: { seconds: true, section: { select: { slug: true } } } } },
        })
      : null;
  const { summary, readSections } = await summaryFor(progressRow?.id ?? null, a.reading._count.sections);
  return {
    id: a.id,
    classId: a.class.id,
    className: a.class.name,
    dueAt: a.dueAt,
    readingSlug: a.reading.slug,
    readingTitle: a.reading.title,
    mode,
    progress: summary,
    readSections,
    dwellSeconds: Object.fromEntries((progressRow?.dwell ?? []).map((d) => [d.section.slug, d.seconds])),
  };
}

async function requireRecorder(viewer: Viewer, assignmentId: string) {
  const { a, enrolled } = await loadAssignment(assignmentId, viewer);
  if (!canRecordProgress(viewer, enrolled)) {
    throw new AppError("forbidden", a.class.instructorId === viewer.id ? "Progress is kept for students only." : "This assignment belongs to a class you are not in.");
  }
  return a;
}

async function sectionIdsBySlug(readingId: string, slugs: readonly string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const unique = [...new Set(slugs)];
  const rows = await db.section.findMany({ where: { readingId, slug: { in: unique } }, select: { id: true, slug: true } });
  if (rows.length !== unique.length) throw new AppError("invalid", "That section is not part of this reading.");
  return new Map(rows.map((r) => [r.slug, r.id]));
}

async function sectionIds(readingId: string, slugs: readonly string[]): Promise<string[]> {
  return [...(await sectionIdsBySlug(readingId, slugs)).values()];
}

/**
 * Credits a report's reading time and marks the parts it carries over their threshold read,
 * inside the report's transaction. The report first takes the window since the previous report (a
 * conditional update of reportedAt, so of two reports racing, on any number of app instances,
 * one gets the window and the other nothing); its claims are credited only within that window.
 * Returns the ids of the parts that became read.
 */
async function creditReadingTime(tx: Tx, progressId: string, claims: ReadonlyMap<string, number>, now: Date): Promise<string[]> {
  const { reportedAt } = await tx.readingProgress.findUniqueOrThrow({ where: { id: progressId }, select: { reportedAt: true } });
  const window = reportWindowSeconds(reportedAt, now);
  const taken = await tx.readingProgress.updateMany({
    where: { id: progressId, reportedAt },
    // A report that arrives with an older clock than the last one never moves the window back.
    data: { reportedAt: reportedAt && reportedAt > now ? reportedAt : now },
  });
  if (taken.count === 0) return [];
  const credit = creditClaims(claims, window);
  if (credit.size === 0) return [];
  const ids = [...credit.keys()];
  const [before, paragraphs] = await Promise.all([
    tx.sectionDwell.findMany({ where: { progressId, sectionId: { in: ids } }, select: { sectionId: true, seconds: true } }),
    tx.paragraph.findMany({ where: { sectionId: { in: ids } }, select: { sectionId: true, kind: true, text: true } }),
  ]);
  for (const [sectionId, seconds] of credit) {
    await tx.sectionDwell.upsert({
      where: { progressId_sectionId: { progressId, sectionId } },
      create: { progressId, sectionId, seconds },
      update: { seconds: { increment: seconds } },
      select: { seconds: true },
    });
  }
  const thresholds = sectionThresholds(paragraphs.map((p) => ({ section: p.sectionId, kind: p.kind, text: p.text })), READ_DWELL_SCALE);
  const crossed = crossedThreshold(new Map(before.map((b) => [b.sectionId, b.seconds])), credit, thresholds);
  for (const sectionId of crossed) {
    // A part already marked read (by the button) stays as it is.
    await tx.sectionRead.upsert({
      where: { progressId_sectionId: { progressId, sectionId } },
      create: { progressId, sectionId, via: "dwelled", readAt: now },
      update: {},
      select: { sectionId: true },
    });
  }
  return crossed;
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * The first write of every progress transaction: touches the row ("last report" time), which on
 * PostgreSQL also locks it until the transaction ends, so two reports from two tabs run one after
 * the other and completion is counted on everything both wrote. SQLite runs one at a time anyway.
 */
async function holdProgress(tx: Tx, progressId: string, data: { lastAnchor?: string }, now: Date): Promise<void> {
  await tx.readingProgress.update({ where: { id: progressId }, data: { ...data, updatedAt: now }, select: { id: true } });
}

async function markComplete(tx: Tx, progressId: string, totalSections: number, now: Date): Promise<void> {
  const read = await tx.sectionRead.count({ where: { progressId } });
  await tx.readingProgress.updateMany({
    where: { id: progressId },
    data: { completedAt: read >= totalSections && totalSections > 0 ? now : null },
  });
}

/** What a report answers: the figures, and which parts are read now (the page's ticks follow the server). */
export interface ReportedProgress extends ProgressSummary {
  readSections: string[];
}

/**
 * Applies one report from the reading page: the position (the last one wins), an active minute
 * (a minute reported by two tabs is one minute), and time spent in parts, which marks a part
 * read once enough of it is credited (see creditReadingTime). The page's word that a part is
 * read is never taken: only time that the server could see pass, or the explicit button.
 */
export async function reportProgress(
  viewer: Viewer,
  assignmentId: string,
  report: ProgressReport,
  now = new Date(),
): Promise<ReportedProgress> {
  const a = await requireRecorder(viewer, assignmentId);
  if (report.anchor) {
    const exists = await db.paragraph.findUnique({
      where: { readingId_anchor: { readingId: a.readingId, anchor: report.anchor } },
      select: { id: true },
    });
    if (!exists) throw new AppError("invalid", "That paragraph is not part of this reading.");
  }
  const claimed = Object.entries(report.dwell ?? {});
  const idOf = await sectionIdsBySlug(a.readingId, claimed.map(([slug]) => slug));
  const claims = new Map(claimed.map(([slug, seconds]) => [idOf.get(slug)!, seconds]));
  const progressId = await ensureProgress(assignmentId, viewer.id);

  // The whole report or none of it.
  await db.$transaction(async (tx) => {
    await holdProgress(tx, progressId, report.anchor ? { lastAnchor: report.anchor } : {}, now);
    const crossed = await creditReadingTime(tx, progressId, claims, now);
    if (report.active) {
      const minute = minuteBucket(now);
      await tx.readingMinute.upsert({
        where: { progressId_minute: { progressId, minute } },
        create: { progressId, minute },
        update: {},
        select: { minute: true },
      });
    }
    if (crossed.length > 0) await markComplete(tx, progressId, a.reading._count.sections, now);
  });
  const { summary, readSections } = await summaryFor(progressId, a.reading._count.sections);
  return { ...summary, readSections };
}

/** The explicit "done" control, and its undo. */
export async function setSectionDone(
  viewer: Viewer,
  assignmentId: string,
  sectionSlug: string,
  done: boolean,
  now = new Date(),
): Promise<ProgressSummary> {
  const a = await requireRecorder(viewer, assignmentId);
  const [sectionId] = await sectionIds(a.readingId, [sectionSlug]);
  const progressId = await ensureProgress(assignmentId, viewer.id);
  // The part and the completion it implies, together.
  await db.$transaction(async (tx) => {
    await holdProgress(tx, progressId, {}, now);
    if (done) {
      await tx.sectionRead.upsert({
        where: { progressId_sectionId: { progressId, sectionId: sectionId! } },
        create: { progressId, sectionId: sectionId!, via: "marked", readAt: now },
        update: { via: "marked" },
        select: { sectionId: true },
      });
    } else {
      await tx.sectionRead.deleteMany({ where: { progressId, sectionId: sectionId! } });
    }
    await markComplete(tx, progressId, a.reading._count.sections, now);
  });
  return (await summaryFor(progressId, a.reading._count.sections)).summary;
}

export interface StudentAssignmentRow {
  assignmentId: string;
  classId: string;
  className: string;
  readingTitle: string;
  dueAt: Date | null;
  progress: ProgressSummary;
}

export async function listMyAssignments(viewer: Viewer): Promise<StudentAssignmentRow[]> {
  // Only students keep progress on assignments (the query below limits it to their own classes).
  if (!canRecordProgress(viewer, true)) return [];
  const assignments = await db.assignment.findMany({
    // An archived class's work stays reachable from its page, not on the dashboard.
    where: { class: { archivedAt: null, enrolments: { some: { userId: viewer.id } } } },
    // Explicit, because SQLite and PostgreSQL put NULLs at opposite ends by default.
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: {
      id: true,
      dueAt: true,
      class: { select: { id: true, name: true } },
      reading: { select: { title: true, _count: { select: { sections: true } } } },
      progress: {
        where: { userId: viewer.id },
        select: { lastAnchor: true, _count: { select: { sectionsRead: true, activity: true } } },
      },
    },
  });
  return assignments.map((a) => {
    const p = a.progress[0];
    return {
      assignmentId: a.id,
      classId: a.class.id,
      className: a.class.name,
      readingTitle: a.reading.title,
      dueAt: a.dueAt,
      progress: summarizeProgress({
        totalSections: a.reading._count.sections,
        sectionsRead: p?._count.sectionsRead ?? 0,
        activeMinutes: p?._count.activity ?? 0,
        lastAnchor: p?.lastAnchor ?? null,
      }),
    };
  });
}

export interface ClassProgressTable {
  assignments: {
    id: string;
    readingTitle: string;
    dueAt: Date | null;
    sections: { slug: string; title: string }[];
    rows: {
      studentId: string;
      studentName: string;
      progress: ProgressSummary;
      readSections: string[];
      lastActiveAt: Date | null;
    }[];
  }[];
}

/**
 * Every student's progress on every reading assigned to the class. Flat reads of the class's
 * progress rows, the parts read and the minutes counted (in SQL), so the number of queries stays
 * the same for 5 students or 1,000.
 */
export async function getClassProgress(viewer: Viewer, classId: string): Promise<ClassProgressTable> {
  const cls = await db.class.findUnique({ where: { id: classId }, select: { instructorId: true } });
  if (!cls) throw new AppError("not_found", "There is no such class.");
  if (!canManageClass(viewer, cls)) throw new AppError("forbidden", "Only the class's instructor can see its progress.");
  const assignments = await db.assignment.findMany({
    where: { classId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      dueAt: true,
      reading: { select: { title: true, sections: { orderBy: { position: "asc" }, select: { id: true, slug: true, title: true } } } },
    },
  });
  // By the class's few assignment ids rather than a filter on the class through two joins: SQLite
  // then starts from the class's rows instead of scanning every part read and minute in the database.
  const inClass = { assignmentId: { in: assignments.map((a) => a.id) } };
  const [students, progress, reads, minutes] = await Promise.all([
    // The students themselves, not enrolments with their users: a relation is loaded with a list of ids.
    db.user.findMany({ where: { enrolments: { some: { classId } } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    db.readingProgress.findMany({ where: inClass, select: { id: true, assignmentId: true, userId: true, lastAnchor: true, updatedAt: true } }),
    db.sectionRead.findMany({ where: { progress: inClass }, select: { progressId: true, sectionId: true } }),
    db.readingMinute.groupBy({ by: ["progressId"], where: { progress: inClass }, _count: { _all: true } }),
  ]);
  const slugOf = new Map(assignments.flatMap((a) => a.reading.sections.map((s) => [s.id, s.slug] as const)));
  const readOf = new Map<string, string[]>();
  for (const r of reads) {
    const slug = slugOf.get(r.sectionId);
    if (slug === undefined) continue;
    const list = readOf.get(r.progressId);
    if (list) list.push(slug);
    else readOf.set(r.progressId, [slug]);
  }
  const minutesOf = new Map(minutes.map((m) => [m.progressId, m._count._all]));
  const byKey = new Map(progress.map((p) => [`${p.assignmentId}:${p.userId}`, p]));
  return {
    assignments: assignments.map((a) => ({
      id: a.id,
      readingTitle: a.reading.title,
      dueAt: a.dueAt,
      sections: a.reading.sections.map((s) => ({ slug: s.slug, title: s.title })),
      rows: students.map((user) => {
        const p = byKey.get(`${a.id}:${user.id}`);
        const read = p ? (readOf.get(p.id) ?? []) : [];
        return {
          studentId: user.id,
          studentName: user.name,
          readSections: read,
          lastActiveAt: p?.updatedAt ?? null,
          progress: summarizeProgress({
            totalSections: a.reading.sections.length,
            sectionsRead: read.length,
            activeMinutes: p ? (minutesOf.get(p.id) ?? 0) : 0,
            lastAnchor: p?.lastAnchor ?? null,
          }),
        };
      }),
    })),
  };
}
