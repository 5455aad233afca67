// Classes, join codes, rosters and assignments through lib/data/classes against a real database.
import { beforeAll, describe, expect, it } from "vitest";

import type { Viewer } from "@/lib/authz/policy";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeSchema } from "@/lib/validation/classes";
import { DEMO_INSTRUCTOR, DEMO_JOIN_CODE, DEMO_READING, DEMO_STUDENTS } from "@/prisma/demo-accounts";
import { createUser, expectAppError, viewerByEmail } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase();

type Classes = typeof import("@/lib/data/classes");
let classes: Classes;
let instructor: Viewer;
let otherInstructor: Viewer;
let student: Viewer;
let demoStudent: Viewer;

const DAY = 24 * 60 * 60 * 1000;
const codePattern = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

beforeAll(async () => {
  classes = await import("@/lib/data/classes");
  const db = testDb.db();
  instructor = await createUser(db, "instructor", "owner");
  otherInstructor = await createUser(db, "instructor", "other-instructor");
  student = await createUser(db, "student");
  demoStudent = await viewerByEmail(db, DEMO_STUDENTS[0].email);
});

/** A new class owned by `instructor`, with its join code read back from the database. */
async function newClass(name = "Cold War seminar") {
  const before = Date.now();
  const { id } = await classes.createClass(instructor, { name });
  const row = await testDb.db().class.findUniqueOrThrow({ where: { id }, select: { joinCode: true, joinCodeExpiresAt: true } });
  return { id, joinCode: row.joinCode, expiresAt: row.joinCodeExpiresAt, before };
}

async function enrolmentCount(classId: string, userId?: string) {
  return testDb.db().enrolment.count({ where: { classId, ...(userId ? { userId } : {}) } });
}

describe("createClass", () => {
  it("gives an instructor's new class an 8-character join code that expires in 30 days", async () => {
    const { id, joinCode, expiresAt, before } = await newClass("History 12A");
    expect(joinCode).toMatch(codePattern);
    expect(expiresAt).not.toBeNull();
    const expiresIn = expiresAt!.getTime() - before;
    expect(expiresIn).toBeGreaterThanOrEqual(30 * DAY - 1000);
    expect(expiresIn).toBeLessThanOrEqual(30 * DAY + 60_000);

    const detail = await classes.getClass(instructor, id);
    expect(detail).toMatchObject({ id, name: "History 12A", canManage: true, joinCode, roster: [], assignments: [] });
    expect(detail.joinCodeExpiresAt?.getTime()).toBe(expiresAt!.getTime());
    expect(detail.instructorName).toBe(instructor.name);
  });

  it("gives two classes different join codes", async () => {
    const a = await newClass("A");
    const b = await newClass("B");
    expect(a.joinCode).not.toBe(b.joinCode);
  });

  it("refuses a student (forbidden) and creates nothing", async () => {
    const before = await testDb.db().class.count();
    await expectAppError(classes.createClass(student, { name: "Not allowed" }), "forbidden");
    expect(await testDb.db().class.count()).toBe(before);
  });
});

describe("joinClass", () => {
  it("enrols a student with a code typed in lower case with a dash (normalised by the schema)", async () => {
    const { id, joinCode } = await newClass("Joinable");
    const typed = `${joinCode.slice(0, 4).toLowerCase()}-${joinCode.slice(4).toLowerCase()}`;
    const result = await classes.joinClass(student, joinCodeSchema.parse(typed));
    expect(result).toEqual({ classId: id, name: "Joinable" });
    expect(await enrolmentCount(id, student.id)).toBe(1);
  });

  it("is harmless to join twice: one enrolment, same answer", async () => {
    const { id, joinCode } = await newClass("Join twice");
    const s = await createUser(testDb.db(), "student");
    const first = await classes.joinClass(s, joinCode);
    const joinedAt = (await testDb.db().enrolment.findUniqueOrThrow({ where: { userId_classId: { userId: s.id, classId: id } } })).joinedAt;
    const second = await classes.joinClass(s, joinCode);
    expect(second).toEqual(first);
    expect(await enrolmentCount(id)).toBe(1);
    const after = await testDb.db().enrolment.findUniqueOrThrow({ where: { userId_classId: { userId: s.id, classId: id } } });
    expect(after.joinedAt.getTime()).toBe(joinedAt.getTime());
  });

  it("rejects an unknown code as invalid, with a message for the code field", async () => {
    await newClass("Some class");
    const existing = new Set((await testDb.db().class.findMany({ select: { joinCode: true } })).map((c) => c.joinCode));
    let unknown = "ZZZZ2222";
    while (existing.has(unknown)) unknown = unknown.slice(1) + "3";
    const before = await testDb.db().enrolment.count({ where: { userId: student.id } });
    const error = await expectAppError(classes.joinClass(student, unknown), "invalid");
    expect(error.fieldErrors.code?.length).toBeGreaterThan(0);
    expect(error.fieldErrors.code?.[0]).toBe(error.message);
    expect(await testDb.db().enrolment.count({ where: { userId: student.id } })).toBe(before);
  });

  it("rejects an expired code as invalid (expired) and does not enrol", async () => {
    const { id, joinCode, expiresAt } = await newClass("Expiring");
    const s = await createUser(testDb.db(), "student");
    const error = await expectAppError(classes.joinClass(s, joinCode, { now: new Date(expiresAt!.getTime() + 1000) }), "invalid");
    expect(error.message).toMatch(/expired/i);
    expect(error.fieldErrors.code?.[0]).toMatch(/expired/i);
    expect(await enrolmentCount(id, s.id)).toBe(0);

    // Just before the expiry the same code still works.
    await classes.joinClass(s, joinCode, { now: new Date(expiresAt!.getTime() - 1000) });
    expect(await enrolmentCount(id, s.id)).toBe(1);
  });

  it("refuses an instructor (forbidden), even with a valid code", async () => {
    const { id, joinCode } = await newClass("No instructors");
    await expectAppError(classes.joinClass(otherInstructor, joinCode), "forbidden");
    await expectAppError(classes.joinClass(instructor, joinCode), "forbidden");
    expect(await enrolmentCount(id)).toBe(0);
  });

  it("accepts the seeded demo code", async () => {
    const s = await createUser(testDb.db(), "student");
    const { classId } = await classes.joinClass(s, DEMO_JOIN_CODE);
    expect(await enrolmentCount(classId, s.id)).toBe(1);
  });
});

describe("getClass", () => {
  let classId: string;
  let joinCode: string;
  let enrolled: Viewer;

  beforeAll(async () => {
    ({ id: classId, joinCode } = await newClass("Visibility"));
    enrolled = await createUser(testDb.db(), "student", "enrolled");
    await classes.joinClass(enrolled, joinCode);
    await classes.assignReading(instructor, { classId, readingSlug: DEMO_READING, dueDate: "2026-12-01" });
  });

  it("shows the owner the roster and the join code", async () => {
    const detail = await classes.getClass(instructor, classId);
    expect(detail.canManage).toBe(true);
    expect(detail.joinCode).toBe(joinCode);
    expect(detail.joinCodeExpiresAt).toBeInstanceOf(Date);
    expect(detail.roster.map((r) => ({ id: r.id, name: r.name, email: r.email }))).toEqual([
      { id: enrolled.id, name: enrolled.name, email: enrolled.email },
    ]);
    expect(detail.roster[0]!.joinedAt).toBeInstanceOf(Date);
    expect(detail.assignments.map((a) => a.readingSlug)).toEqual([DEMO_READING]);
  });

  it("shows an enrolled student the class and its assignments, but no roster or join code", async () => {
    const detail = await classes.getClass(enrolled, classId);
    expect(detail.canManage).toBe(false);
    expect(detail.joinCode).toBeNull();
    expect(detail.joinCodeExpiresAt).toBeNull();
    expect(detail.roster).toEqual([]);
    expect(detail.name).toBe("Visibility");
    expect(detail.assignments).toHaveLength(1);
    expect(detail.assignments[0]).toMatchObject({ readingSlug: DEMO_READING });
    expect(detail.assignments[0]!.dueAt?.toISOString()).toBe("2026-12-01T23:59:59.000Z");
  });

  it("refuses a student of another class", async () => {
    await expectAppError(classes.getClass(demoStudent, classId), "forbidden");
  });

  it("refuses another instructor", async () => {
    await expectAppError(classes.getClass(otherInstructor, classId), "forbidden");
  });

  it("answers not_found for an unknown id", async () => {
    await expectAppError(classes.getClass(instructor, "no-such-class"), "not_found");
  });

  it("lists the class among the owner's and the student's classes only", async () => {
    const mine = await classes.listMyClasses(instructor);
    const row = mine.find((c) => c.id === classId);
    expect(row).toMatchObject({ name: "Visibility", instructorName: instructor.name, studentCount: 1, assignmentCount: 1 });
    expect((await classes.listMyClasses(enrolled)).map((c) => c.id)).toEqual([classId]);
    expect((await classes.listMyClasses(otherInstructor)).map((c) => c.id)).not.toContain(classId);
    expect((await classes.listMyClasses(demoStudent)).map((c) => c.id)).not.toContain(classId);
  });
});

describe("assignReading", () => {
  it("refuses anyone but the owner", async () => {
    const { id } = await newClass("Assign");
    await expectAppError(classes.assignReading(otherInstructor, { classId: id, readingSlug: DEMO_READING }), "forbidden");
    await expectAppError(classes.assignReading(student, { classId: id, readingSlug: DEMO_READING }), "forbidden");
    expect(await testDb.db().assignment.count({ where: { classId: id } })).toBe(0);
  });

  it("assigning twice updates the due date of the one assignment", async () => {
    const { id } = await newClass("Assign twice");
    const first = await classes.assignReading(instructor, { classId: id, readingSlug: DEMO_READING, dueDate: "2026-12-01" });
    const second = await classes.assignReading(instructor, { classId: id, readingSlug: DEMO_READING, dueDate: "2027-01-15" });
    expect(second.id).toBe(first.id);
    const rows = await testDb.db().assignment.findMany({ where: { classId: id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.dueAt?.toISOString()).toBe("2027-01-15T23:59:59.000Z");

    // And without a due date, the due date is cleared.
    await classes.assignReading(instructor, { classId: id, readingSlug: DEMO_READING });
    expect((await testDb.db().assignment.findUniqueOrThrow({ where: { id: first.id } })).dueAt).toBeNull();
  });

  it("rejects an unknown reading as invalid on the readingSlug field", async () => {
    const { id } = await newClass("Unknown reading");
    const error = await expectAppError(classes.assignReading(instructor, { classId: id, readingSlug: "no-such-reading" }), "invalid");
    expect(error.fieldErrors.readingSlug?.length).toBeGreaterThan(0);
  });

  it("answers not_found for an unknown class", async () => {
    await expectAppError(classes.assignReading(instructor, { classId: "no-such-class", readingSlug: DEMO_READING }), "not_found");
  });
});

describe("regenerateJoinCode", () => {
  it("changes the code; the old code no longer joins and the new one does", async () => {
    const { id, joinCode: oldCode } = await newClass("Regenerate");
    await classes.regenerateJoinCode(instructor, id);
    const row = await testDb.db().class.findUniqueOrThrow({ where: { id } });
    expect(row.joinCode).not.toBe(oldCode);
    expect(row.joinCode).toMatch(codePattern);
    expect(row.joinCodeExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);

    const s = await createUser(testDb.db(), "student");
    await expectAppError(classes.joinClass(s, oldCode), "invalid");
    expect(await enrolmentCount(id, s.id)).toBe(0);
    expect(await classes.joinClass(s, row.joinCode)).toEqual({ classId: id, name: "Regenerate" });
    expect(await enrolmentCount(id, s.id)).toBe(1);
  });

  it("refuses anyone but the owner and leaves the code unchanged", async () => {
    const { id, joinCode } = await newClass("Keep code");
    await expectAppError(classes.regenerateJoinCode(otherInstructor, id), "forbidden");
    await expectAppError(classes.regenerateJoinCode(student, id), "forbidden");
    expect((await testDb.db().class.findUniqueOrThrow({ where: { id } })).joinCode).toBe(joinCode);
  });
});

describe("renameClass", () => {
  it("renames the owner's class, trimmed by the same schema as creation", async () => {
    const { id } = await newClass("Old name");
    const { renameClassSchema } = await import("@/lib/validation/classes");
    await classes.renameClass(instructor, renameClassSchema.parse({ classId: id, name: "  History 12B  " }));
    expect((await classes.getClass(instructor, id)).name).toBe("History 12B");
    expect(renameClassSchema.safeParse({ classId: id, name: "   " }).success).toBe(false);
    expect(renameClassSchema.safeParse({ classId: id, name: "x".repeat(121) }).success).toBe(false);
  });

  it("refuses another instructor and a student (forbidden) and keeps the name", async () => {
    const { id, joinCode } = await newClass("Mine");
    const s = await createUser(testDb.db(), "student");
    await classes.joinClass(s, joinCode);
    await expectAppError(classes.renameClass(otherInstructor, { classId: id, name: "Taken over" }), "forbidden");
    await expectAppError(classes.renameClass(s, { classId: id, name: "Renamed by a student" }), "forbidden");
    expect((await testDb.db().class.findUniqueOrThrow({ where: { id } })).name).toBe("Mine");
  });
});

describe("archiving a class", () => {
  it("hides it from the main lists, lists it under archived, makes it read-only, and restores", async () => {
    const { id, joinCode } = await newClass("End of term");
    const member = await createUser(testDb.db(), "student");
    await classes.joinClass(member, joinCode);

    await classes.setClassArchived(instructor, id, true);
    const detail = await classes.getClass(instructor, id);
    expect(detail.archivedAt).toBeInstanceOf(Date);
    expect(detail.canManage).toBe(true);
    expect(detail.canEdit).toBe(false);
    expect((await classes.listMyClasses(instructor)).map((c) => c.id)).not.toContain(id);
    expect((await classes.listMyClasses(instructor, { archived: true })).map((c) => c.id)).toContain(id);
    expect((await classes.listMyClasses(member)).map((c) => c.id)).not.toContain(id);
    expect((await classes.listMyClasses(member, { archived: true })).map((c) => c.id)).toEqual([id]);
    expect(await classes.countMyArchivedClasses(instructor)).toBeGreaterThanOrEqual(1);
    // Its members still open it (and their work in it).
    expect((await classes.getClass(member, id)).name).toBe("End of term");

    // Read-only: no joins, no new assignments, no rename, no new code, no removals.
    const newcomer = await createUser(testDb.db(), "student");
    const joinError = await expectAppError(classes.joinClass(newcomer, joinCode), "invalid");
    expect(joinError.message).toMatch(/archived/);
    expect(await enrolmentCount(id, newcomer.id)).toBe(0);
    await expectAppError(classes.assignReading(instructor, { classId: id, readingSlug: DEMO_READING }), "conflict");
    expect(await testDb.db().assignment.count({ where: { classId: id } })).toBe(0);
    await expectAppError(classes.renameClass(instructor, { classId: id, name: "Changed" }), "conflict");
    await expectAppError(classes.regenerateJoinCode(instructor, id), "conflict");
    await expectAppError(classes.removeStudent(instructor, { classId: id, studentId: member.id }), "conflict");
    expect(await enrolmentCount(id, member.id)).toBe(1);

    await classes.setClassArchived(instructor, id, false);
    expect((await classes.getClass(instructor, id)).canEdit).toBe(true);
    expect((await classes.listMyClasses(instructor)).map((c) => c.id)).toContain(id);
    await classes.joinClass(newcomer, joinCode);
    expect(await enrolmentCount(id, newcomer.id)).toBe(1);
  });

  it("refuses to assign a quiz to an archived class", async () => {
    const { id } = await newClass("Archived quiz target");
    const quizzes = await import("@/lib/data/quizzes");
    const { quizSettings } = await import("../helpers/fixtures");
    const quiz = await quizzes.createQuiz(instructor, quizSettings());
    const question = await quizzes.createQuestion(instructor, { type: "true-false", title: "KGB", prompt: "Andropov chaired the KGB in 1981.", config: { answer: true } });
    await quizzes.addQuestionToQuiz(instructor, quiz.id, { questionId: question.id });
    await classes.setClassArchived(instructor, id, true);
    await expectAppError(quizzes.assignQuiz(instructor, { quizId: quiz.id, classId: id, dueAt: null }), "conflict");
    expect(await testDb.db().quizAssignment.count({ where: { classId: id } })).toBe(0);
  });

  it("refuses another instructor and a student, archiving or restoring", async () => {
    const { id, joinCode } = await newClass("Not yours to archive");
    const s = await createUser(testDb.db(), "student");
    await classes.joinClass(s, joinCode);
    await expectAppError(classes.setClassArchived(otherInstructor, id, true), "forbidden");
    await expectAppError(classes.setClassArchived(s, id, true), "forbidden");
    expect((await testDb.db().class.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
    await classes.setClassArchived(instructor, id, true);
    await expectAppError(classes.setClassArchived(otherInstructor, id, false), "forbidden");
    expect((await testDb.db().class.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull();
  });
});

describe("removeStudent", () => {
  it("takes the student out of the class views and their list, keeps their progress and attempts, and rejoining restores them", async () => {
    const db = testDb.db();
    const owner = await viewerByEmail(db, DEMO_INSTRUCTOR.email);
    const chloe = await viewerByEmail(db, DEMO_STUDENTS[1].email);
    const demoClass = await db.class.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE }, select: { id: true } });
    const attempts = await import("@/lib/data/attempts");
    const progress = await import("@/lib/data/progress");
    const cellsOf = async () => (await attempts.getGradebook(owner, demoClass.id)).students.find((s) => s.id === chloe.id)?.cells;
    const before = await cellsOf();
    expect(before?.some((c) => c.state === "submitted" || c.state === "needs-grading")).toBe(true);
    const attemptsBefore = await db.attempt.count({ where: { userId: chloe.id } });
    const progressBefore = await db.readingProgress.count({ where: { userId: chloe.id } });
    expect(attemptsBefore).toBeGreaterThan(0);
    expect(progressBefore).toBeGreaterThan(0);

    expect(await classes.removeStudent(owner, { classId: demoClass.id, studentId: chloe.id })).toEqual({ name: chloe.name });

    expect(await enrolmentCount(demoClass.id, chloe.id)).toBe(0);
    expect((await classes.getClass(owner, demoClass.id)).roster.map((r) => r.id)).not.toContain(chloe.id);
    expect(await cellsOf()).toBeUndefined();
    const table = await progress.getClassProgress(owner, demoClass.id);
    expect(table.assignments.flatMap((a) => a.rows.map((r) => r.studentId))).not.toContain(chloe.id);
    // She no longer sees the class.
    expect((await classes.listMyClasses(chloe)).map((c) => c.id)).not.toContain(demoClass.id);
    await expectAppError(classes.getClass(chloe, demoClass.id), "forbidden");
    expect(await progress.listMyAssignments(chloe)).toEqual([]);
    // Nothing of hers was deleted.
    expect(await db.attempt.count({ where: { userId: chloe.id } })).toBe(attemptsBefore);
    expect(await db.readingProgress.count({ where: { userId: chloe.id } })).toBe(progressBefore);

    // Removing again: she is not in the class.
    await expectAppError(classes.removeStudent(owner, { classId: demoClass.id, studentId: chloe.id }), "not_found");

    // Rejoining with the code brings her back with her grades.
    await classes.joinClass(chloe, DEMO_JOIN_CODE);
    expect(await cellsOf()).toEqual(before);
    expect((await classes.getClass(owner, demoClass.id)).roster.map((r) => r.id)).toContain(chloe.id);
  });

  it("refuses another instructor and a student (forbidden), and the student stays", async () => {
    const { id, joinCode } = await newClass("Keep my students");
    const a = await createUser(testDb.db(), "student");
    const b = await createUser(testDb.db(), "student");
    await classes.joinClass(a, joinCode);
    await classes.joinClass(b, joinCode);
    await expectAppError(classes.removeStudent(otherInstructor, { classId: id, studentId: a.id }), "forbidden");
    await expectAppError(classes.removeStudent(b, { classId: id, studentId: a.id }), "forbidden");
    await expectAppError(classes.removeStudent(a, { classId: id, studentId: a.id }), "forbidden");
    expect(await enrolmentCount(id, a.id)).toBe(1);
    await expectAppError(classes.removeStudent(instructor, { classId: "no-such-class", studentId: a.id }), "not_found");
  });
});

describe("getJoinInvitation (the join link's page)", () => {
  it("names the class and its instructor for a valid code, signed in or not, and says whether the viewer is in it", async () => {
    const { id, joinCode } = await newClass("Invited");
    const s = await createUser(testDb.db(), "student");
    expect(await classes.getJoinInvitation(null, joinCode)).toEqual({
      code: joinCode, classId: id, name: "Invited", instructorName: instructor.name, status: "open", alreadyMember: false,
    });
    expect((await classes.getJoinInvitation(s, joinCode))?.alreadyMember).toBe(false);
    await classes.joinClass(s, joinCode);
    expect((await classes.getJoinInvitation(s, joinCode))?.alreadyMember).toBe(true);
  });

  it("says expired or archived, and null for a code no class has", async () => {
    const { id, joinCode, expiresAt } = await newClass("Closed");
    expect((await classes.getJoinInvitation(null, joinCode, new Date(expiresAt!.getTime() + 1000)))?.status).toBe("expired");
    await classes.setClassArchived(instructor, id, true);
    expect((await classes.getJoinInvitation(null, joinCode))?.status).toBe("archived");
    expect(await classes.getJoinInvitation(null, "ZZZZZZZZ")).toBeNull();
  });
});
