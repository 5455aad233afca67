// Opening assignments and recording progress through lib/data/progress against a real database.
import { beforeAll, describe, expect, it } from "vitest";

import type { Viewer } from "@/lib/authz/policy";
import { minuteBucket } from "@/lib/progress/compute";
import { MAX_REPORT_WINDOW_SECONDS, sectionThresholds } from "@/lib/progress/dwell";
import { DEMO_INSTRUCTOR, DEMO_READING, DEMO_STUDENTS } from "@/prisma/demo-accounts";
import { createUser, expectAppError, viewerByEmail } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase();

type Progress = typeof import("@/lib/data/progress");
type Classes = typeof import("@/lib/data/classes");
let progress: Progress;
let classes: Classes;

let owner: Viewer;
let otherInstructor: Viewer;
let outsider: Viewer;
let classId: string;
let joinCode: string;
let assignmentId: string;
let sectionSlugs: string[];
/** Seconds each part needs (by slug), as the server computes them (no DOSSIER_READ_DWELL_SCALE here). */
let thresholds: Map<string, number>;
const need = (slug: string) => thresholds.get(slug)!;

const MINUTE = 60_000;
/** A fixed minute boundary, so "same minute" and "next minute" are exact. */
const T0 = new Date(minuteBucket(new Date("2026-03-02T10:00:00Z")) * MINUTE);
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  progress = await import("@/lib/data/progress");
  classes = await import("@/lib/data/classes");
  const db = testDb.db();
  owner = await createUser(db, "instructor", "owner");
  otherInstructor = await createUser(db, "instructor", "other");
  outsider = await createUser(db, "student", "outsider");
  classId = (await classes.createClass(owner, { name: "Progress class" })).id;
  joinCode = (await db.class.findUniqueOrThrow({ where: { id: classId } })).joinCode;
  assignmentId = (await classes.assignReading(owner, { classId, readingSlug: DEMO_READING, dueDate: "2026-12-01" })).id;
  sectionSlugs = (
    await db.section.findMany({ where: { reading: { slug: DEMO_READING } }, orderBy: { position: "asc" }, select: { slug: true } })
  ).map((s) => s.slug);
  const paragraphs = await db.paragraph.findMany({ where: { reading: { slug: DEMO_READING } }, select: { kind: true, text: true, section: { select: { slug: true } } } });
  thresholds = sectionThresholds(paragraphs.map((p) => ({ section: p.section.slug, kind: p.kind, text: p.text })));
  // The outsider is a student of another class (the demo class), not of this one.
  await classes.joinClass(outsider, "DETENTE8");
});

/** A student enrolled in the test class, with no progress yet. */
async function enrolledStudent(label = "student"): Promise<Viewer> {
  const s = await createUser(testDb.db(), "student", label);
  await classes.joinClass(s, joinCode);
  return s;
}

async function progressRow(userId: string, assignment = assignmentId) {
  return testDb.db().readingProgress.findUnique({
    where: { assignmentId_userId: { assignmentId: assignment, userId } },
    include: { sectionsRead: true, activity: true, dwell: true },
  });
}

/**
 * Reads these parts as the page reports an honest reader: an empty report when the page opens
 * (it starts the server's clock), then, part after part, the time spent in it once that time
 * has passed. `first` goes with the opening report. Returns the time of the last report (ms after T0).
 */
async function readByTime(s: Viewer, slugs: string[], startMs = 0, first: { anchor?: string; active?: boolean } = {}, assignment = assignmentId): Promise<number> {
  await progress.reportProgress(s, assignment, first, at(startMs));
  let t = startMs;
  for (const slug of slugs) {
    t += need(slug) * 1000;
    await progress.reportProgress(s, assignment, { dwell: { [slug]: need(slug) } }, at(t));
  }
  return t;
}

describe("openAssignment", () => {
  it("opens in student mode for an enrolled student, with nothing read yet", async () => {
    const s = await enrolledStudent();
    const opened = await progress.openAssignment(s, assignmentId);
    expect(opened).toMatchObject({
      id: assignmentId,
      classId,
      className: "Progress class",
      readingSlug: DEMO_READING,
      mode: "student",
      readSections: [],
    });
    expect(opened.dueAt?.toISOString()).toBe("2026-12-01T23:59:59.000Z");
    expect(opened.progress).toEqual({
      percent: 0,
      sectionsRead: 0,
      totalSections: sectionSlugs.length,
      minutesSpent: 0,
      status: "not-started",
      resumeAnchor: null,
    });
    // Opening alone records nothing.
    expect(await progressRow(s.id)).toBeNull();
  });

  it("opens in preview mode for the owning instructor", async () => {
    const opened = await progress.openAssignment(owner, assignmentId);
    expect(opened.mode).toBe("preview");
    expect(opened.progress.status).toBe("not-started");
  });

  it("refuses a student who is not in the class, and another instructor", async () => {
    await expectAppError(progress.openAssignment(outsider, assignmentId), "forbidden");
    await expectAppError(progress.openAssignment(otherInstructor, assignmentId), "forbidden");
  });

  it("answers not_found for an unknown assignment", async () => {
    const s = await enrolledStudent();
    await expectAppError(progress.openAssignment(s, "no-such-assignment"), "not_found");
  });
});

describe("reportProgress", () => {
  it("saves the anchor, and reopening resumes there; the last position wins", async () => {
    const s = await enrolledStudent();
    const summary = await progress.reportProgress(s, assignmentId, { anchor: "p-42" }, at(0));
    expect(summary.resumeAnchor).toBe("p-42");
    expect(summary.status).toBe("in-progress");
    expect((await progress.openAssignment(s, assignmentId)).progress.resumeAnchor).toBe("p-42");

    await progress.reportProgress(s, assignmentId, { anchor: "p-17" }, at(MINUTE));
    expect((await progress.openAssignment(s, assignmentId)).progress.resumeAnchor).toBe("p-17");
    expect((await progressRow(s.id))?.lastAnchor).toBe("p-17");
  });

  it("rejects an unknown anchor as invalid and changes nothing else in the same report", async () => {
    const s = await enrolledStudent();
    await readByTime(s, [sectionSlugs[0]!], 0, { anchor: "p-10", active: true });
    const before = await progressRow(s.id);

    await expectAppError(
      progress.reportProgress(s, assignmentId, { anchor: "p-9999", dwell: { [sectionSlugs[1]!]: 200 }, active: true }, at(5 * MINUTE)),
      "invalid",
    );

    const after = await progressRow(s.id);
    expect(after?.lastAnchor).toBe("p-10");
    expect(after?.sectionsRead.map((r) => r.sectionId)).toEqual(before?.sectionsRead.map((r) => r.sectionId));
    expect(after?.dwell).toEqual(before?.dwell);
    expect(after?.reportedAt).toEqual(before?.reportedAt);
    expect(after?.activity.map((m) => m.minute)).toEqual([minuteBucket(at(0))]);
    const opened = await progress.openAssignment(s, assignmentId);
    expect(opened.readSections).toEqual([sectionSlugs[0]]);
    expect(opened.progress).toMatchObject({ resumeAnchor: "p-10", sectionsRead: 1, minutesSpent: 1 });
  });

  it("rejects an unknown section as invalid and changes nothing else in the same report", async () => {
    const s = await enrolledStudent();
    await readByTime(s, [sectionSlugs[0]!], 0, { anchor: "p-10" });

    await expectAppError(
      progress.reportProgress(s, assignmentId, { anchor: "p-20", dwell: { [sectionSlugs[1]!]: 30, "no-such-section": 30 }, active: true }, at(MINUTE)),
      "invalid",
    );
    const after = await progressRow(s.id);
    expect(after?.lastAnchor).toBe("p-10");
    expect(after?.sectionsRead).toHaveLength(1);
    expect(after?.dwell).toHaveLength(1);
    expect(after?.activity).toHaveLength(0);
  });

  it("does not create a progress row for a rejected first report", async () => {
    const s = await enrolledStudent();
    await expectAppError(progress.reportProgress(s, assignmentId, { anchor: "p-99999" }, at(0)), "invalid");
    await expectAppError(progress.reportProgress(s, assignmentId, { dwell: { nope: 5 } }, at(0)), "invalid");
    expect(await progressRow(s.id)).toBeNull();
  });

  it("marks a part read once the time credited to it reaches its threshold, and not a second earlier", async () => {
    const s = await enrolledStudent();
    const slug = sectionSlugs[2]!;
    const t = need(slug);
    expect(t).toBeGreaterThan(10);
    await progress.reportProgress(s, assignmentId, {}, at(0));
    const almost = await progress.reportProgress(s, assignmentId, { dwell: { [slug]: t - 1 } }, at((t - 1) * 1000));
    expect(almost).toMatchObject({ sectionsRead: 0, readSections: [] });
    const read = await progress.reportProgress(s, assignmentId, { dwell: { [slug]: 1 } }, at(t * 1000));
    expect(read).toMatchObject({ sectionsRead: 1, readSections: [slug], percent: Math.floor((1 / sectionSlugs.length) * 100) });
    // More time in it later changes nothing: still one read, at the time it was reached.
    await progress.reportProgress(s, assignmentId, { dwell: { [slug]: 20 } }, at((t + 20) * 1000));
    const row = await progressRow(s.id);
    expect(row?.sectionsRead).toHaveLength(1);
    expect(row?.sectionsRead[0]).toMatchObject({ via: "dwelled", readAt: at(t * 1000) });
    expect(row?.dwell.map((d) => d.seconds)).toEqual([t + 20]);
    expect((await progress.openAssignment(s, assignmentId)).dwellSeconds).toEqual({ [slug]: t + 20 });
  });

  it("credits no more time than has passed since the previous report, and none to a first report", async () => {
    const s = await enrolledStudent();
    const [a, b] = [sectionSlugs[3]!, sectionSlugs[4]!];
    // A first report has no earlier one to measure against.
    await progress.reportProgress(s, assignmentId, { dwell: { [a]: 600 } }, at(0));
    expect((await progressRow(s.id))?.dwell).toEqual([]);
    // Five seconds later, ten minutes are claimed: five seconds are credited.
    await progress.reportProgress(s, assignmentId, { dwell: { [a]: 600 } }, at(5_000));
    expect((await progressRow(s.id))?.dwell.map((d) => d.seconds)).toEqual([5]);
    // Claims over several parts share the window alike: 30 s for 60 + 30 claimed gives 20 + 10.
    await progress.reportProgress(s, assignmentId, { dwell: { [a]: 60, [b]: 30 } }, at(35_000));
    const bySection = async () => {
      const ids = await testDb.db().section.findMany({ where: { slug: { in: [a, b] }, reading: { slug: DEMO_READING } }, select: { id: true, slug: true } });
      const row = await progressRow(s.id);
      return Object.fromEntries(ids.map((x) => [x.slug, row?.dwell.find((d) => d.sectionId === x.id)?.seconds ?? 0]));
    };
    expect(await bySection()).toEqual({ [a]: 25, [b]: 10 });
    // A report whose clock is behind the last one gets nothing, and does not move the clock back.
    await progress.reportProgress(s, assignmentId, { dwell: { [a]: 60 } }, at(10_000));
    expect(await bySection()).toEqual({ [a]: 25, [b]: 10 });
    // However long the gap, one report is credited at most MAX_REPORT_WINDOW_SECONDS.
    await progress.reportProgress(s, assignmentId, { dwell: { [b]: 86_400 } }, at(35_000 + 24 * 60 * MINUTE));
    expect(await bySection()).toEqual({ [a]: 25, [b]: 10 + MAX_REPORT_WINDOW_SECONDS });
  });

  it("marks nothing read for a student scrolling back from Part 7 to Part 4, as in the trial", async () => {
    const s = await enrolledStudent("trial");
    await progress.reportProgress(s, assignmentId, {}, at(0));
    // The page reports a second or two in each part crossed on the way, then more in Part 4.
    await progress.reportProgress(s, assignmentId, { anchor: "p-150", dwell: { "poland-crisis": 2, "poland-history": 1, "western-europe": 1 }, active: true }, at(20_000));
    const summary = await progress.reportProgress(s, assignmentId, { anchor: "p-70", dwell: { international: 3 }, active: true }, at(40_000));
    expect(summary).toMatchObject({ sectionsRead: 0, percent: 0, readSections: [] });
    expect((await progressRow(s.id))?.sectionsRead).toEqual([]);
  });

  it("leaves a part the student marked as not read unread while they spend more time in it", async () => {
    const s = await enrolledStudent();
    const slug = sectionSlugs[0]!;
    const t = await readByTime(s, [slug]);
    expect((await progress.openAssignment(s, assignmentId)).readSections).toEqual([slug]);
    await progress.setSectionDone(s, assignmentId, slug, false, at(t + 1000));
    await progress.reportProgress(s, assignmentId, { dwell: { [slug]: 30 } }, at(t + 31_000));
    expect((await progress.openAssignment(s, assignmentId)).readSections).toEqual([]);
  });

  it("handles five identical concurrent reports: one progress row, one minute, one section, no error", async () => {
    const s = await enrolledStudent("concurrent");
    const slug = sectionSlugs[0]!;
    await progress.reportProgress(s, assignmentId, {}, at(0));
    // Five copies of one report (retries, tabs, two app instances): one of them gets the window.
    const report = { anchor: "p-5", dwell: { [slug]: need(slug) }, active: true };
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => progress.reportProgress(s, assignmentId, report, at(need(slug) * 1000))));
    const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    expect(await testDb.db().readingProgress.count({ where: { assignmentId, userId: s.id } })).toBe(1);
    const row = await progressRow(s.id);
    expect(row?.activity).toHaveLength(1);
    expect(row?.sectionsRead).toHaveLength(1);
    expect(row?.dwell.map((d) => d.seconds)).toEqual([need(slug)]);
    const opened = await progress.openAssignment(s, assignmentId);
    expect(opened.progress).toMatchObject({ minutesSpent: 1, sectionsRead: 1, resumeAnchor: "p-5" });
  });

  it("counts active time by distinct minute, and only when active", async () => {
    const s = await enrolledStudent();
    await progress.reportProgress(s, assignmentId, { active: true }, at(0));
    await progress.reportProgress(s, assignmentId, { active: true }, at(10_000)); // same minute
    await progress.reportProgress(s, assignmentId, { active: true }, at(59_999)); // still the same minute
    await progress.reportProgress(s, assignmentId, { active: false }, at(2 * MINUTE)); // not active
    await progress.reportProgress(s, assignmentId, { anchor: "p-3" }, at(3 * MINUTE)); // not active either
    await progress.reportProgress(s, assignmentId, { active: true }, at(MINUTE)); // next minute
    const summary = await progress.reportProgress(s, assignmentId, { active: true }, at(5 * MINUTE + 30_000));
    expect(summary.minutesSpent).toBe(3);
    const minutes = (await progressRow(s.id))!.activity.map((m) => m.minute).sort((a, b) => a - b);
    const m0 = minuteBucket(T0);
    expect(minutes).toEqual([m0, m0 + 1, m0 + 5]);
  });

  it("reports complete at 100% once every section is read, and records completedAt", async () => {
    const s = await enrolledStudent();
    const half = Math.ceil(sectionSlugs.length / 2);
    const t = await readByTime(s, sectionSlugs.slice(0, half));
    const partial = (await progress.openAssignment(s, assignmentId)).progress;
    expect(partial).toMatchObject({ status: "in-progress", sectionsRead: half, percent: Math.floor((half / sectionSlugs.length) * 100) });
    expect((await progressRow(s.id))?.completedAt).toBeNull();

    const rest = sectionSlugs.slice(half);
    const end = await readByTime(s, rest, t);
    const done = (await progress.openAssignment(s, assignmentId)).progress;
    expect(done).toMatchObject({ status: "complete", percent: 100, sectionsRead: sectionSlugs.length, totalSections: sectionSlugs.length });
    expect((await progressRow(s.id))?.completedAt?.getTime()).toBe(at(end).getTime());
    const opened = await progress.openAssignment(s, assignmentId);
    expect([...opened.readSections].sort()).toEqual([...sectionSlugs].sort());
  });

  it("refuses the owning instructor, another instructor and a student outside the class", async () => {
    await expectAppError(progress.reportProgress(owner, assignmentId, { anchor: "p-1", active: true }, at(0)), "forbidden");
    await expectAppError(progress.reportProgress(otherInstructor, assignmentId, { anchor: "p-1" }, at(0)), "forbidden");
    await expectAppError(progress.reportProgress(outsider, assignmentId, { anchor: "p-1" }, at(0)), "forbidden");
    expect(await testDb.db().readingProgress.count({ where: { userId: { in: [owner.id, otherInstructor.id, outsider.id] } } })).toBe(0);
  });

  it("answers not_found for an unknown assignment", async () => {
    const s = await enrolledStudent();
    await expectAppError(progress.reportProgress(s, "no-such-assignment", { active: true }, at(0)), "not_found");
  });
});

describe("setSectionDone", () => {
  it("marks a section done and undoes it", async () => {
    const s = await enrolledStudent();
    const slug = sectionSlugs[3]!;
    const marked = await progress.setSectionDone(s, assignmentId, slug, true, at(0));
    expect(marked.sectionsRead).toBe(1);
    const row = await progressRow(s.id);
    expect(row?.sectionsRead).toHaveLength(1);
    expect(row?.sectionsRead[0]!.via).toBe("marked");
    expect((await progress.openAssignment(s, assignmentId)).readSections).toEqual([slug]);

    // Marking again is harmless.
    expect((await progress.setSectionDone(s, assignmentId, slug, true, at(MINUTE))).sectionsRead).toBe(1);

    const undone = await progress.setSectionDone(s, assignmentId, slug, false, at(2 * MINUTE));
    expect(undone.sectionsRead).toBe(0);
    expect((await progressRow(s.id))?.sectionsRead).toHaveLength(0);
    expect((await progress.openAssignment(s, assignmentId)).readSections).toEqual([]);
  });

  it("marking a part read by time as done records it as marked", async () => {
    const s = await enrolledStudent();
    const slug = sectionSlugs[0]!;
    await readByTime(s, [slug]);
    await progress.setSectionDone(s, assignmentId, slug, true, at(MINUTE));
    const row = await progressRow(s.id);
    expect(row?.sectionsRead.map((r) => r.via)).toEqual(["marked"]);
  });

  it("completes the reading with the last section, and undoing one section reopens it", async () => {
    const s = await enrolledStudent();
    const t = await readByTime(s, sectionSlugs.slice(0, -1));
    const last = sectionSlugs[sectionSlugs.length - 1]!;
    const complete = await progress.setSectionDone(s, assignmentId, last, true, at(t + MINUTE));
    expect(complete).toMatchObject({ status: "complete", percent: 100 });
    expect((await progressRow(s.id))?.completedAt).not.toBeNull();

    const reopened = await progress.setSectionDone(s, assignmentId, sectionSlugs[0]!, false, at(t + 2 * MINUTE));
    expect(reopened.status).toBe("in-progress");
    expect(reopened.percent).toBe(Math.floor(((sectionSlugs.length - 1) / sectionSlugs.length) * 100));
    expect((await progressRow(s.id))?.completedAt).toBeNull();
  });

  it("rejects an unknown section, and refuses instructors and outsiders", async () => {
    const s = await enrolledStudent();
    await expectAppError(progress.setSectionDone(s, assignmentId, "no-such-section", true, at(0)), "invalid");
    await expectAppError(progress.setSectionDone(owner, assignmentId, sectionSlugs[0]!, true, at(0)), "forbidden");
    await expectAppError(progress.setSectionDone(outsider, assignmentId, sectionSlugs[0]!, true, at(0)), "forbidden");
    expect(await progressRow(s.id)).toBeNull();
  });
});

describe("getClassProgress", () => {
  let classB: string;
  let assignmentB: string;
  let students: Viewer[];

  beforeAll(async () => {
    const db = testDb.db();
    classB = (await classes.createClass(owner, { name: "Progress table" })).id;
    const code = (await db.class.findUniqueOrThrow({ where: { id: classB } })).joinCode;
    assignmentB = (await classes.assignReading(owner, { classId: classB, readingSlug: DEMO_READING })).id;
    students = [];
    for (const label of ["none", "two", "all"]) {
      const s = await createUser(db, "student", label);
      await classes.joinClass(s, code);
      students.push(s);
    }
    await readByTime(students[1]!, sectionSlugs.slice(0, 2), 0, { active: true, anchor: "p-30" }, assignmentB);
    await readByTime(students[2]!, sectionSlugs, 0, { active: true }, assignmentB);
    await progress.reportProgress(students[2]!, assignmentB, { active: true }, at(MINUTE));
  });

  it("shows the owner one row per enrolled student, with the right figures", async () => {
    const table = await progress.getClassProgress(owner, classB);
    expect(table.assignments).toHaveLength(1);
    const a = table.assignments[0]!;
    expect(a.id).toBe(assignmentB);
    expect(a.sections.map((s) => s.slug)).toEqual(sectionSlugs);
    expect(a.rows).toHaveLength(students.length);
    expect(new Set(a.rows.map((r) => r.studentId))).toEqual(new Set(students.map((s) => s.id)));

    const row = (s: Viewer) => a.rows.find((r) => r.studentId === s.id)!;
    expect(row(students[0]!).progress).toMatchObject({ percent: 0, status: "not-started", minutesSpent: 0 });
    expect(row(students[0]!).lastActiveAt).toBeNull();
    expect(row(students[1]!).progress).toMatchObject({
      percent: Math.floor((2 / sectionSlugs.length) * 100),
      sectionsRead: 2,
      status: "in-progress",
      minutesSpent: 1,
      resumeAnchor: "p-30",
    });
    expect([...row(students[1]!).readSections].sort()).toEqual(sectionSlugs.slice(0, 2).sort());
    expect(row(students[2]!).progress).toMatchObject({ percent: 100, status: "complete", minutesSpent: 2 });
    expect(row(students[2]!).lastActiveAt).toBeInstanceOf(Date);
  });

  it("shows the seeded figures of the demo class to its instructor", async () => {
    const db = testDb.db();
    const demoInstructor = await viewerByEmail(db, DEMO_INSTRUCTOR.email);
    const demoClass = await db.class.findUniqueOrThrow({ where: { joinCode: "DETENTE8" } });
    const table = await progress.getClassProgress(demoInstructor, demoClass.id);
    const rows = table.assignments[0]!.rows;
    for (const d of DEMO_STUDENTS) {
      const id = (await viewerByEmail(db, d.email)).id;
      const r = rows.find((x) => x.studentId === id);
      expect(r, d.email).toBeDefined();
      expect(r!.progress).toMatchObject({
        sectionsRead: d.sectionsRead,
        minutesSpent: d.minutes,
        percent: Math.floor((d.sectionsRead / sectionSlugs.length) * 100),
      });
    }
  });

  it("moves a student's “last active” time forward with an active-only heartbeat", async () => {
    // The reading page sends { active: true } without an anchor while the reader stays on one
    // paragraph; the class table's "Last active" column must still count that as activity.
    const s = await enrolledStudent("heartbeat");
    await progress.reportProgress(s, assignmentId, { anchor: "p-40", active: true });
    const first = (await progress.getClassProgress(owner, classId)).assignments[0]!.rows.find((r) => r.studentId === s.id)!;
    expect(first.lastActiveAt).toBeInstanceOf(Date);
    const heartbeatAt = Date.now();
    await progress.reportProgress(s, assignmentId, { active: true }, new Date(heartbeatAt + MINUTE));
    const second = (await progress.getClassProgress(owner, classId)).assignments[0]!.rows.find((r) => r.studentId === s.id)!;
    expect(second.progress.minutesSpent).toBe(2);
    expect(second.lastActiveAt!.getTime()).toBeGreaterThanOrEqual(heartbeatAt);
  });

  it("refuses another instructor and students, and answers not_found for an unknown class", async () => {
    await expectAppError(progress.getClassProgress(otherInstructor, classB), "forbidden");
    await expectAppError(progress.getClassProgress(students[2]!, classB), "forbidden");
    await expectAppError(progress.getClassProgress(outsider, classB), "forbidden");
    await expectAppError(progress.getClassProgress(owner, "no-such-class"), "not_found");
  });
});

describe("listMyAssignments", () => {
  it("shows each demo student their seeded progress", async () => {
    const db = testDb.db();
    for (const d of DEMO_STUDENTS) {
      const viewer = await viewerByEmail(db, d.email);
      const list = await progress.listMyAssignments(viewer);
      expect(list, d.email).toHaveLength(1);
      const expectedStatus = d.sectionsRead === 0 && d.minutes === 0 ? "not-started" : d.sectionsRead === sectionSlugs.length ? "complete" : "in-progress";
      expect(list[0]!.progress, d.email).toMatchObject({
        sectionsRead: d.sectionsRead,
        totalSections: sectionSlugs.length,
        minutesSpent: d.minutes,
        percent: Math.floor((d.sectionsRead / sectionSlugs.length) * 100),
        status: expectedStatus,
      });
      expect(list[0]!.className).toBe("History 11B: The Cold War");
    }
  });

  it("lists dated assignments soonest first and undated ones last, on every database", async () => {
    const s = await createUser(testDb.db(), "student", "ordering");
    const make = async (name: string, dueDate?: string) => {
      const id = (await classes.createClass(owner, { name })).id;
      const code = (await testDb.db().class.findUniqueOrThrow({ where: { id } })).joinCode;
      await classes.joinClass(s, code);
      return (await classes.assignReading(owner, { classId: id, readingSlug: DEMO_READING, ...(dueDate ? { dueDate } : {}) })).id;
    };
    const undated = await make("Undated");
    const later = await make("Later", "2027-03-01");
    const sooner = await make("Sooner", "2026-11-01");
    // SQLite sorts NULL first and PostgreSQL sorts it last: the query must say which it wants.
    expect((await progress.listMyAssignments(s)).map((a) => a.assignmentId)).toEqual([sooner, later, undated]);
  });

  it("lists a student's assignments across classes, and nothing for an instructor", async () => {
    const s = await enrolledStudent();
    await classes.joinClass(s, "DETENTE8");
    await readByTime(s, [sectionSlugs[0]!]);
    const list = await progress.listMyAssignments(s);
    expect(list.map((a) => a.assignmentId).sort()).toEqual(
      [assignmentId, (await testDb.db().assignment.findFirstOrThrow({ where: { class: { joinCode: "DETENTE8" } } })).id].sort(),
    );
    expect(list.find((a) => a.assignmentId === assignmentId)!.progress.sectionsRead).toBe(1);
    expect(await progress.listMyAssignments(owner)).toEqual([]);
  });
});
