// Time zones against a real database: each person's zone on their account, each class's zone,
// and due dates that end at midnight in the class's zone (readings and quizzes alike).
import { beforeAll, describe, expect, it } from "vitest";

import type { Viewer } from "@/lib/authz/policy";
import { DEMO_READING } from "@/prisma/demo-accounts";
import { createUser, expectAppError, quizSettings } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase();

let classes: typeof import("@/lib/data/classes");
let users: typeof import("@/lib/data/users");
let quizzes: typeof import("@/lib/data/quizzes");
let teacher: Viewer;
let otherTeacher: Viewer;
let student: Viewer;

beforeAll(async () => {
  classes = await import("@/lib/data/classes");
  users = await import("@/lib/data/users");
  quizzes = await import("@/lib/data/quizzes");
  const db = testDb.db();
  teacher = await createUser(db, "instructor", "warsaw-teacher");
  otherTeacher = await createUser(db, "instructor", "other-teacher");
  student = await createUser(db, "student", "new-york-student");
});

const classZone = async (id: string) => (await testDb.db().class.findUniqueOrThrow({ where: { id }, select: { timeZone: true } })).timeZone;

describe("a person's time zone", () => {
  it("is remembered on the account and comes back with the viewer", async () => {
    expect((await users.loadViewer(student.id))?.timeZone).toBeNull();
    await users.rememberTimeZone(student, "America/New_York");
    expect((await users.loadViewer(student.id))?.timeZone).toBe("America/New_York");
    // A browser's newer name for a zone this server lists under an older one is kept as sent.
    await users.rememberTimeZone(student, "Europe/Kyiv");
    expect((await users.loadViewer(student.id))?.timeZone).toBe("Europe/Kyiv");
  });

  it.each([["Mars/Olympus"], ["+02:00"], [""], ["Europe/Warsaw; DROP TABLE"]])("refuses %j and keeps the one it had", async (zone) => {
    await users.rememberTimeZone(student, "America/New_York");
    await expectAppError(users.rememberTimeZone(student, zone), "invalid");
    expect((await users.loadViewer(student.id))?.timeZone).toBe("America/New_York");
  });
});

describe("a class's time zone", () => {
  it("is the instructor's own unless they choose another, and UTC when theirs is not known", async () => {
    await users.rememberTimeZone(teacher, "Europe/Warsaw");
    const warsawTeacher = (await users.loadViewer(teacher.id))!;
    expect(await classZone((await classes.createClass(warsawTeacher, { name: "Own zone" })).id)).toBe("Europe/Warsaw");
    expect(await classZone((await classes.createClass(warsawTeacher, { name: "Chosen", timeZone: "Asia/Tokyo" })).id)).toBe("Asia/Tokyo");
    expect(await classZone((await classes.createClass(otherTeacher, { name: "Unknown zone" })).id)).toBe("UTC");
  });

  it("refuses a zone that is not one", async () => {
    await expectAppError(classes.createClass(teacher, { name: "Nowhere", timeZone: "Mars/Olympus" }), "invalid");
  });

  it("can be changed by its instructor only; due dates already set keep their instant", async () => {
    const { id } = await classes.createClass(teacher, { name: "Moving class", timeZone: "Europe/Warsaw" });
    const { id: assignmentId } = await classes.assignReading(teacher, { classId: id, readingSlug: DEMO_READING, dueDate: "2030-06-15" });
    await expectAppError(classes.setClassTimeZone(otherTeacher, id, "UTC"), "forbidden");
    await expectAppError(classes.setClassTimeZone(student, id, "UTC"), "forbidden");
    await expectAppError(classes.setClassTimeZone(teacher, id, "Nowhere/Land"), "invalid");
    expect(await classZone(id)).toBe("Europe/Warsaw");
    await classes.setClassTimeZone(teacher, id, "America/New_York");
    expect(await classZone(id)).toBe("America/New_York");
    const due = await testDb.db().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { dueAt: true } });
    expect(due.dueAt?.toISOString()).toBe("2030-06-15T21:59:59.000Z");
    // Assigning again with a date now ends that day in New York.
    await classes.assignReading(teacher, { classId: id, readingSlug: DEMO_READING, dueDate: "2030-06-15" });
    const again = await testDb.db().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { dueAt: true } });
    expect(again.dueAt?.toISOString()).toBe("2030-06-16T03:59:59.000Z");
  });
});

describe("due dates", () => {
  it.each([
    ["Europe/Warsaw", "2030-06-15", "2030-06-15T21:59:59.000Z"],
    ["Europe/Warsaw", "2026-03-29", "2026-03-29T21:59:59.000Z"], // the day summer time starts
    ["Europe/Warsaw", "2026-10-25", "2026-10-25T22:59:59.000Z"], // the day it ends
    ["America/New_York", "2030-06-15", "2030-06-16T03:59:59.000Z"],
    ["Pacific/Kiritimati", "2030-06-15", "2030-06-15T09:59:59.000Z"],
    ["UTC", "2030-06-15", "2030-06-15T23:59:59.000Z"],
  ])("a reading due on a day in %s ends at the last second of %s there", async (timeZone, day, expected) => {
    const { id } = await classes.createClass(teacher, { name: `Due in ${timeZone}`, timeZone });
    const { id: assignmentId } = await classes.assignReading(teacher, { classId: id, readingSlug: DEMO_READING, dueDate: day });
    const detail = await classes.getClass(teacher, id);
    expect(detail.timeZone).toBe(timeZone);
    expect(detail.assignments.find((a) => a.id === assignmentId)?.dueAt?.toISOString()).toBe(expected);
  });

  it("a quiz due on a day ends that day in the class's zone, and so does the reading it brings", async () => {
    const { id: classId } = await classes.createClass(teacher, { name: "Quiz in Warsaw", timeZone: "Europe/Warsaw" });
    const { id: quizId } = await quizzes.createQuiz(teacher, quizSettings({ title: "Due in Warsaw" }), DEMO_READING);
    await quizzes.createQuestion(teacher, { type: "true-false", title: "Interpreters", prompt: "They also talked alone.", config: { answer: true } }, { quizId });
    const assigned = await quizzes.assignQuiz(teacher, { quizId, classId, dueDate: "2030-06-15" });
    expect(assigned.readingAssigned).toBe(true);
    const db = testDb.db();
    const qa = await db.quizAssignment.findUniqueOrThrow({ where: { id: assigned.id }, select: { dueAt: true } });
    const reading = await db.assignment.findFirstOrThrow({ where: { classId }, select: { dueAt: true } });
    expect(qa.dueAt?.toISOString()).toBe("2030-06-15T21:59:59.000Z");
    expect(reading.dueAt?.toISOString()).toBe("2030-06-15T21:59:59.000Z");
  });
});
