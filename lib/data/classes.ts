import "server-only";
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { AppError, RateLimitedError } from "@/lib/errors";
import { joinBuckets, releaseAttempt, reserveAttempt } from "@/lib/auth/throttle";
import { limiters } from "./rate-limits";
import {
  canArchiveClass,
  canCreateClass,
  canEditClass,
  canJoinClass,
  canManageClass,
  canRemoveStudent,
  canViewClass,
  joinStatus,
  type JoinStatus,
  type Viewer,
} from "@/lib/authz/policy";
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
  archivedAt: Date | null;
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
  ensureEditable(viewer, cls, "Only the class's instructor can change its time zone.");
  await db.class.update({ where: { id: classId }, data: { timeZone: checkedTimeZone(timeZone) }, select: { id: true } });
}

/** The viewer's classes in use, or with `{ archived: true }` the archived ones ("Archived classes"). */
export async function listMyClasses(viewer: Viewer, opts: { archived?: boolean } = {}): Promise<ClassSummary[]> {
  const mine = viewer.role === "instructor" ? { instructorId: viewer.id } : { enrolments: { some: { userId: viewer.id } } };
  const rows = await db.class.findMany({
    where: { ...mine, archivedAt: opts.archived ? { not: null } : null },
    orderBy: opts.archived ? { archivedAt: "desc" } : { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      archivedAt: true,
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
    archivedAt: r.archivedAt,
  }));
}

/** How many classes "Archived classes" holds for the viewer (for the link on the dashboard). */
export async function countMyArchivedClasses(viewer: Viewer): Promise<number> {
  const mine = viewer.role === "instructor" ? { instructorId: viewer.id } : { enrolments: { some: { userId: viewer.id } } };
  return db.class.count({ where: { ...mine, archivedAt: { not: null } } });
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
      archivedAt: true,
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
  /** The owner may change it: canManage and not archived. */
  canEdit: boolean;
  archivedAt: Date | null;
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
  const [people, joined, assignments, quizzes] = await Promise.all([
    // The students and when they joined, read flat: a relation is loaded with a list of ids, which
    // for a large class the driver splits into one query per thousand.
    canManage
      ? db.user.findMany({ where: { enrolments: { some: { classId } } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, email: true } })
      : Promise.resolve([]),
    canManage ? db.enrolment.findMany({ where: { classId }, select: { userId: true, joinedAt: true } }) : Promise.resolve([]),
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
  const joinedAtOf = new Map(joined.map((e) => [e.userId, e.joinedAt]));
  return {
    id: cls.id,
    name: cls.name,
    instructorName: cls.instructor.name,
    canManage,
    canEdit: canEditClass(viewer, cls),
    archivedAt: cls.archivedAt,
    joinCode: canManage ? cls.joinCode : null,
    joinCodeExpiresAt: canManage ? cls.joinCodeExpiresAt : null,
    timeZone: usableTimeZone(cls.timeZone),
    roster: people.flatMap((user) => {
      const joinedAt = joinedAtOf.get(user.id);
      return joinedAt ? [{ ...user, joinedAt }] : [];
    }),
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

/** The owner of an archived class is told why, rather than shown the door. */
function ensureEditable(viewer: Viewer, cls: { instructorId: string; archivedAt: Date | null }, forbiddenMessage: string): void {
  if (!canManageClass(viewer, cls)) throw new AppError("forbidden", forbiddenMessage);
  if (!canEditClass(viewer, cls)) throw new AppError("conflict", "This class is archived, so it can’t be changed. Restore it first.");
}

export async function regenerateJoinCode(viewer: Viewer, classId: string): Promise<void> {
  const { cls } = await loadClassFacts(classId, viewer);
  ensureEditable(viewer, cls, "Only the class's instructor can change its join code.");
  await withFreshJoinCode((joinCode) =>
    db.class.update({ where: { id: classId }, data: { joinCode, joinCodeExpiresAt: joinCodeExpiry() }, select: { id: true } }),
  );
}

/**
 * Joining twice is harmless: the second join finds the enrolment and changes nothing.
 * Wrong codes are rate-limited per student and per address (lib/auth/throttle.ts), so codes can't
 * be guessed: a refused attempt is a RateLimitedError (429) before the code is even looked up.
 */
export async function joinClass(
  viewer: Viewer,
  code: string,
  { address, now = new Date() }: { address?: string; now?: Date } = {},
): Promise<{ classId: string; name: string }> {
  if (!canJoinClass(viewer)) throw new AppError("forbidden", "Only students join classes with a code. Instructors create classes.");
  const buckets = joinBuckets(viewer.id, address);
  const gate = await reserveAttempt(limiters(), buckets);
  if (gate.limited) throw new RateLimitedError(gate.retryAfterSeconds);
  const cls = await db.class.findUnique({
    where: { joinCode: code },
    select: { id: true, name: true, instructorId: true, joinCodeExpiresAt: true, archivedAt: true },
  });
  const invalid = (message: string) => new AppError("invalid", message, { code: [message] });
  // A wrong or expired code keeps the attempt counted as a failure.
  if (!cls) throw invalid("No class has that join code. Check the code with your instructor.");
  const status = joinStatus(cls, now);
  if (status === "expired") throw invalid("That join code has expired. Ask your instructor for a new one.");
  if (status === "archived") throw invalid("That class has been archived and takes no new students. Check with your instructor.");
  await releaseAttempt(limiters(), buckets);
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
  ensureEditable(viewer, cls, "Only the class's instructor can assign readings.");
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

/** What a join link (/join/CODE) shows before anyone joins: which class, and whether it takes students. */
export interface JoinInvitation {
  code: string;
  classId: string;
  name: string;
  instructorName: string;
  status: JoinStatus;
  /** The viewer is already in the class. */
  alreadyMember: boolean;
}

/**
 * The class behind a join code, for the join link's confirmation page. Whoever holds a valid
 * code may see the class's name and instructor (that is what the code is for), signed in or
 * not; nothing else about the class is shown. Null when no class has the code.
 */
export async function getJoinInvitation(viewer: Viewer | null, code: string, now = new Date()): Promise<JoinInvitation | null> {
  const cls = await db.class.findUnique({
    where: { joinCode: code },
    select: {
      id: true,
      name: true,
      instructorId: true,
      joinCodeExpiresAt: true,
      archivedAt: true,
      instructor: { select: { name: true } },
      enrolments: { where: { userId: viewer?.id ?? "" }, select: { userId: true } },
    },
  });
  if (!cls) return null;
  return {
    code,
    classId: cls.id,
    name: cls.name,
    instructorName: cls.instructor.name,
    status: joinStatus(cls, now),
    alreadyMember: viewer !== null && cls.enrolments.length > 0,
  };
}

export async function renameClass(viewer: Viewer, input: { classId: string; name: string }): Promise<void> {
  const { cls } = await loadClassFacts(input.classId, viewer);
  ensureEditable(viewer, cls, "Only the class's instructor can rename it.");
  await db.class.update({ where: { id: cls.id }, data: { name: input.name }, select: { id: true } });
}

/**
 * Archived: read-only (no joins, no new assignments, no roster changes), listed only under
 * "Archived classes"; its students still open it and their work. Restoring undoes all of that.
 */
export async function setClassArchived(viewer: Viewer, classId: string, archived: boolean, now = new Date()): Promise<void> {
  const { cls } = await loadClassFacts(classId, viewer);
  if (!canArchiveClass(viewer, cls)) throw new AppError("forbidden", "Only the class's instructor can archive or restore it.");
  if ((cls.archivedAt !== null) === archived) return;
  await db.class.update({ where: { id: cls.id }, data: { archivedAt: archived ? now : null }, select: { id: true } });
}

/**
 * Takes a student out of the class: the enrolment goes, nothing else. Their reading progress and
 * quiz attempts stay in the database, hidden from the class's roster, progress table and
 * gradebook (which list enrolled students), so a removal by mistake loses no grade: the student
 * rejoins with the code (or is imported again) and everything is back. Unused one-time links
 * issued for them in this class stop working, in the same transaction.
 */
export async function removeStudent(viewer: Viewer, input: { classId: string; studentId: string }, now = new Date()): Promise<{ name: string }> {
  const { cls } = await loadClassFacts(input.classId, viewer);
  const enrolment = await db.enrolment.findUnique({
    where: { userId_classId: { userId: input.studentId, classId: cls.id } },
    select: { user: { select: { name: true } } },
  });
  if (!canRemoveStudent(viewer, cls, enrolment !== null)) {
    ensureEditable(viewer, cls, "Only the class's instructor can remove students from it.");
    throw new AppError("not_found", "That student is not in this class (any more).");
  }
  await db.$transaction([
    db.signInLink.updateMany({
      where: { userId: input.studentId, classId: cls.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    }),
    // deleteMany: a second removal racing this one finds nothing to delete, which is fine.
    db.enrolment.deleteMany({ where: { userId: input.studentId, classId: cls.id } }),
  ]);
  return { name: enrolment!.user.name };
}
