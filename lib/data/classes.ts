import "server-only";
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canCreateClass, canJoinClass, canManageClass, canViewClass, type Viewer } from "@/lib/authz/policy";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "@/lib/validation/classes";
import { endOfDayIn, isTimeZone, usableTimeZone } from "@/lib/time/zones";
import { isUniqueViolation } from "./prisma-errors";

export const JOIN_CODE_LIFETIME_DAYS = 30;

export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

function joinCodeExpiry(now = new Date()): Date {
  return new Date(now.getTime() + JOIN_CODE_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
}

/** Retries on the (astronomically rare) collision of two random codes. */
async function withFreshJoinCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write(generateJoinCode());
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 4) throw e;
    }
  }
}

export interface ClassSummary {
  id: string;
  name: string;
  instructorName: string;
  studentCount: number;
  assignmentCount: number;
}

function checkedTimeZone(timeZone: string): string {
  if (!isTimeZone(timeZone)) throw new AppError("invalid", "That is not a time zone we know.", { timeZone: ["Choose a time zone from the list."] });
  return timeZone;
}

/** A new class; its due dates end in `timeZone`, or in the instructor's own zone when none is given. */
export async function createClass(viewer: Viewer, input: { name: string; timeZone?: string | undefined }): Promise<{ id: string }> {
  if (!canCreateClass(viewer)) throw new AppError("forbidden", "Only instructors can create classes.");
  const timeZone = input.timeZone ? checkedTimeZone(input.timeZone) : usableTimeZone(viewer.timeZone);
  return withFreshJoinCode((joinCode) =>
    db.class.create({
      data: { name: input.name, instructorId: viewer.id, joinCode, joinCodeExpiresAt: joinCodeExpiry(), timeZone },
      select: { id: true },
    }),
  );
}

/** Moves the class to another zone. Due dates already set keep their instant; new ones end the day in the new zone. */
export async function setClassTimeZone(viewer: Viewer, classId: string, timeZone: string): Promise<void> {
  const { cls } = await loadClassFacts(classId, viewer);
  if (!canManageClass(viewer, cls)) throw new AppError("forbidden", "Only the class's instructor can change its time zone.");
  await db.class.update({ where: { id: classId }, data: { timeZone: checkedTimeZone(timeZone) }, select: { id: true } });
}

export async function listMyClasses(viewer: Viewer): Promise<ClassSummary[]> {
  const where = viewer.role === "instructor" ? { instructorId: viewer.id } : { enrolments: { some: { userId: viewer.id } } };
  const rows = await db.class.findMany({
    where,
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      instructor: { select: { name: true } },
      _count: { select: { enrolments: true, assignments: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    instructorName: r.instructor.name,
    studentCount: r._count.enrolments,
    assignmentCount: r._count.assignments,
  }));
}

async function loadClassFacts(classId: string, viewer: Viewer) {
  const cls = await db.class.findUnique({
    where: { id: classId },
    select: {
      id: true,
      name: true,
      instructorId: true,
      joinCode: true,
      joinCodeExpiresAt: true,
      timeZone: true,
      instructor: { select: { name: true } },
      enrolments: { where: { userId: viewer.id }, select: { userId: true } },
    },
  });
  if (!cls) throw new AppError("not_found", "There is no such class.");
  return { cls, enrolled: cls.enrolments.length > 0 };
}

export interface ClassDetail {
  id: string;
  name: string;
  instructorName: string;
  canManage: boolean;
  /** Only for the class's instructor. */
  joinCode: string | null;
  joinCodeExpiresAt: Date | null;
  /** Where its due dates end (a day is due at its last second there). */
  timeZone: string;
  roster: { id: string; name: string; email: string; joinedAt: Date }[];
  assignments: { id: string; readingSlug: string; readingTitle: string; dueAt: Date | null; createdAt: Date }[];
  quizzes: { id: string; title: string; dueAt: Date | null; opensAfterReading: boolean }[];
}

export async function getClass(viewer: Viewer, classId: string): Promise<ClassDetail> {
  const { cls, enrolled } = await loadClassFacts(classId, viewer);
  if (!canViewClass(viewer, cls, enrolled)) throw new AppError("forbidden", "You are not a member of this class.");
  const canManage = canManageClass(viewer, cls);
  const [roster, assignments, quizzes] = await Promise.all([
    canManage
      ? db.enrolment.findMany({
          where: { classId },
          orderBy: { user: { name: "asc" } },
          select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
        })
      : Promise.resolve([]),
    db.assignment.findMany({
      where: { classId },
      orderBy: { createdAt: "asc" },
      select: { id: true, dueAt: true, createdAt: true, reading: { select: { slug: true, title: true } } },
    }),
    db.quizAssignment.findMany({
      where: { classId },
      orderBy: { createdAt: "asc" },
      select: { id: true, dueAt: true, opensAfterReading: true, quiz: { select: { title: true } } },
    }),
  ]);
  return {
    id: cls.id,
    name: cls.name,
    instructorName: cls.instructor.name,
    canManage,
    joinCode: canManage ? cls.joinCode : null,
    joinCodeExpiresAt: canManage ? cls.joinCodeExpiresAt : null,
    timeZone: usableTimeZone(cls.timeZone),
    roster: roster.map((r) => ({ ...r.user, joinedAt: r.joinedAt })),
    assignments: assignments.map((a) => ({
      id: a.id,
      readingSlug: a.reading.slug,
      readingTitle: a.reading.title,
      dueAt: a.dueAt,
      createdAt: a.createdAt,
    })),
    quizzes: quizzes.map((q) => ({ id: q.id, title: q.quiz.title, dueAt: q.dueAt, opensAfterReading: q.opensAfterReading })),
  };
}

export async function regenerateJoinCode(viewer: Viewer, classId: string): Promise<void> {
  const { cls } = await loadClassFacts(classId, viewer);
  if (!canManageClass(viewer, cls)) throw new AppError("forbidden", "Only the class's instructor can change its join code.");
  await withFreshJoinCode((joinCode) =>
    db.class.update({ where: { id: classId }, data: { joinCode, joinCodeExpiresAt: joinCodeExpiry() }, select: { id: true } }),
  );
}

/** Joining twice is harmless: the second join finds the enrolment and changes nothing. */
export async function joinClass(viewer: Viewer, code: string, now = new Date()): Promise<{ classId: string; name: string }> {
  if (!canJoinClass(viewer)) throw new AppError("forbidden", "Only students join classes with a code. Instructors create classes.");
  const cls = await db.class.findUnique({ where: { joinCode: code }, select: { id: true, name: true, joinCodeExpiresAt: true } });
  const invalid = (message: string) => new AppError("invalid", message, { code: [message] });
  if (!cls) throw invalid("No class has that join code. Check the code with your instructor.");
  if (cls.joinCodeExpiresAt && cls.joinCodeExpiresAt.getTime() < now.getTime()) {
    throw invalid("That join code has expired. Ask your instructor for a new one.");
  }
  try {
    await db.enrolment.upsert({
      where: { userId_classId: { userId: viewer.id, classId: cls.id } },
      create: { userId: viewer.id, classId: cls.id },
      update: {},
      select: { classId: true },
    });
  } catch (e) {
    // Two tabs joining at once: the other one won, which is the outcome we wanted.
    if (!isUniqueViolation(e)) throw e;
  }
  return { classId: cls.id, name: cls.name };
}

export async function assignReading(
  viewer: Viewer,
  input: { classId: string; readingSlug: string; dueDate?: string | undefined },
): Promise<{ id: string }> {
  const { cls } = await loadClassFacts(input.classId, viewer);
  if (!canManageClass(viewer, cls)) throw new AppError("forbidden", "Only the class's instructor can assign readings.");
  const reading = await db.reading.findUnique({ where: { slug: input.readingSlug }, select: { id: true } });
  if (!reading) throw new AppError("invalid", "There is no such reading.", { readingSlug: ["Choose a reading from the list."] });
  // A due date is a whole day: it ends at the last second of that day in the class's zone.
  const dueAt = input.dueDate ? endOfDayIn(input.dueDate, usableTimeZone(cls.timeZone)) : null;
  // Assigning again updates the due date rather than creating a second copy.
  return db.assignment.upsert({
    where: { classId_readingId: { classId: cls.id, readingId: reading.id } },
    create: { classId: cls.id, readingId: reading.id, dueAt },
    update: { dueAt },
    select: { id: true },
  });
}
