// Classes, join codes, rosters and assignments through lib/data/classes against a real database.
import { beforeAll, describe, expect, it } from "vitest";

import type { Viewer } from "@/lib/authz/policy";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeSchema } from "@/lib/validation/classes";
import { DEMO_JOIN_CODE, DEMO_READING, DEMO_STUDENTS } from "@/prisma/demo-accounts";
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
