// Who may do what: every policy function over every kind of viewer.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import * as policy from "@/lib/authz/policy";

import {
  canArchiveClass,
  canCreateClass,
  canEditClass,
  canImportRoster,
  canIssueSignInLink,
  canRemoveStudent,
  isArchived,
  joinStatus,
  signInLinkStatus,
  canJoinClass,
  canManageClass,
  canManageOwnAccount,
  canOpenAssignment,
  canRecordProgress,
  canViewClass,
  canAuthorQuizzes,
  canManageOwnContent,
  canSeeAttempt,
  canTakeQuiz,
  canWorkInAttempt,
  quizStartBlock,
  quizStartRefusal,
  type QuizStartFacts,
  isInstructor,
  isSessionLive,
  isStudent,
  type Viewer,
} from "@/lib/authz/policy";

const owner: Viewer = { id: "u-owner", role: "instructor", name: "Anna Keller", email: "anna@school.test" };
const otherInstructor: Viewer = { id: "u-other-instructor", role: "instructor", name: "Jonas Berg", email: "jonas@school.test" };
const student: Viewer = { id: "u-student", role: "student", name: "Ben Ortiz", email: "ben@school.test" };
const otherStudent: Viewer = { id: "u-other-student", role: "student", name: "Eva Nowak", email: "eva@school.test" };

const cls = { instructorId: owner.id };

/** Each viewer with whether they are enrolled in `cls`: the student is, nobody else is. */
const viewers: { name: string; viewer: Viewer | null; enrolled: boolean }[] = [
  { name: "nobody signed in", viewer: null, enrolled: false },
  { name: "enrolled student", viewer: student, enrolled: true },
  { name: "student of another class", viewer: otherStudent, enrolled: false },
  { name: "owning instructor", viewer: owner, enrolled: false },
  { name: "other instructor", viewer: otherInstructor, enrolled: false },
];

type Check = (viewer: Viewer | null, enrolled: boolean) => boolean;
const checks: Record<string, Check> = {
  isInstructor: (v) => isInstructor(v),
  isStudent: (v) => isStudent(v),
  canCreateClass: (v) => canCreateClass(v),
  canManageClass: (v) => canManageClass(v, cls),
  canViewClass: (v, e) => canViewClass(v, cls, e),
  canJoinClass: (v) => canJoinClass(v),
  canRecordProgress: (v, e) => canRecordProgress(v, e),
  canOpenAssignment: (v, e) => canOpenAssignment(v, cls, e),
  canChangeStudentsSettings: (v) => canManageOwnAccount(v, student.id),
};

// Rows: viewers in the order above. Columns: the checks in the order above.
const expected: Record<string, Record<keyof typeof checks, boolean>> = {
  "nobody signed in": {
    isInstructor: false, isStudent: false, canCreateClass: false, canManageClass: false,
    canViewClass: false, canJoinClass: false, canRecordProgress: false, canOpenAssignment: false,
    canChangeStudentsSettings: false,
  },
  "enrolled student": {
    isInstructor: false, isStudent: true, canCreateClass: false, canManageClass: false,
    canViewClass: true, canJoinClass: true, canRecordProgress: true, canOpenAssignment: true,
    canChangeStudentsSettings: true,
  },
  "student of another class": {
    isInstructor: false, isStudent: true, canCreateClass: false, canManageClass: false,
    canViewClass: false, canJoinClass: true, canRecordProgress: false, canOpenAssignment: false,
    canChangeStudentsSettings: false,
  },
  "owning instructor": {
    isInstructor: true, isStudent: false, canCreateClass: true, canManageClass: true,
    canViewClass: true, canJoinClass: false, canRecordProgress: false, canOpenAssignment: true,
    canChangeStudentsSettings: false,
  },
  "other instructor": {
    isInstructor: true, isStudent: false, canCreateClass: true, canManageClass: false,
    canViewClass: false, canJoinClass: false, canRecordProgress: false, canOpenAssignment: false,
    canChangeStudentsSettings: false,
  },
};

describe("policy matrix", () => {
  const cases = viewers.flatMap(({ name, viewer, enrolled }) =>
    Object.keys(checks).map((check) => ({ name, viewer, enrolled, check, allowed: expected[name]![check]! })),
  );

  it("covers every viewer and every check", () => {
    expect(cases).toHaveLength(viewers.length * Object.keys(checks).length);
    for (const row of Object.values(expected)) expect(Object.keys(row).sort()).toEqual(Object.keys(checks).sort());
  });

  it.each(cases)("$name: $check → $allowed", ({ viewer, enrolled, check, allowed }) => {
    expect(checks[check]!(viewer, enrolled)).toBe(allowed);
  });
});

describe("policy edge cases", () => {
  it("an enrolment does not give an instructor a student's rights", () => {
    expect(canRecordProgress(otherInstructor, true)).toBe(false);
    expect(canViewClass(otherInstructor, cls, true)).toBe(false);
    expect(canOpenAssignment(otherInstructor, cls, true)).toBe(false);
  });

  it("ownership is decided by id, not by name or email", () => {
    const lookalike: Viewer = { ...owner, id: "u-someone-else" };
    expect(canManageClass(lookalike, cls)).toBe(false);
    expect(canManageClass({ ...otherInstructor, id: owner.id }, cls)).toBe(true);
  });

  it("a student whose id matches the class's instructorId still cannot manage it", () => {
    expect(canManageClass({ ...student, id: owner.id }, cls)).toBe(false);
  });

  it("isSessionLive: the account the cookie names, not revoked, not past its end", () => {
    const now = new Date("2030-06-15T12:00:00Z");
    const live = { userId: student.id, revokedAt: null, expiresAt: new Date(now.getTime() + 1000) };
    expect(isSessionLive(live, student.id, now)).toBe(true);
    // A cookie naming another account than the row's.
    expect(isSessionLive(live, owner.id, now)).toBe(false);
    // Signed out (or out everywhere, or the password changed).
    expect(isSessionLive({ ...live, revokedAt: new Date(now.getTime() - 1000) }, student.id, now)).toBe(false);
    // At its end it is over.
    expect(isSessionLive({ ...live, expiresAt: now }, student.id, now)).toBe(false);
  });

  it("a person manages only their own account (password, sessions), whatever their role", () => {
    for (const v of [owner, student]) expect(canManageOwnAccount(v, v.id)).toBe(true);
    expect(canManageOwnAccount(owner, student.id)).toBe(false);
    expect(canManageOwnAccount(student, owner.id)).toBe(false);
    expect(canManageOwnAccount(null, student.id)).toBe(false);
  });
});

describe("running a class: archive, roster changes, one-time links", () => {
  const archived = { instructorId: owner.id, archivedAt: new Date("2026-06-30T12:00:00Z") };
  const inUse = { instructorId: owner.id, archivedAt: null };
  const everyone: (Viewer | null)[] = [null, student, otherStudent, owner, otherInstructor];

  it("isArchived: only a class with an archive date", () => {
    expect(isArchived(archived)).toBe(true);
    expect(isArchived(inUse)).toBe(false);
    expect(isArchived(cls)).toBe(false);
  });

  it("canEditClass: the owner of a class in use, nobody once it is archived", () => {
    expect(everyone.filter((v) => canEditClass(v, inUse))).toEqual([owner]);
    expect(everyone.filter((v) => canEditClass(v, archived))).toEqual([]);
  });

  it("canArchiveClass: the owner, whether archived or not (so it can be restored)", () => {
    expect(everyone.filter((v) => canArchiveClass(v, inUse))).toEqual([owner]);
    expect(everyone.filter((v) => canArchiveClass(v, archived))).toEqual([owner]);
  });

  it("canRemoveStudent: the owner of a class in use, and only a student who is in it", () => {
    expect(everyone.filter((v) => canRemoveStudent(v, inUse, true))).toEqual([owner]);
    expect(canRemoveStudent(owner, inUse, false)).toBe(false);
    expect(canRemoveStudent(owner, archived, true)).toBe(false);
  });

  it("canImportRoster: the owner of a class in use", () => {
    expect(everyone.filter((v) => canImportRoster(v, inUse))).toEqual([owner]);
    expect(canImportRoster(owner, archived)).toBe(false);
  });

  it("canIssueSignInLink: the owner, for a student enrolled in that class, never for an instructor", () => {
    const enrolledStudent = { role: "student", enrolled: true };
    expect(everyone.filter((v) => canIssueSignInLink(v, inUse, enrolledStudent))).toEqual([owner]);
    expect(canIssueSignInLink(owner, inUse, { role: "student", enrolled: false })).toBe(false);
    expect(canIssueSignInLink(owner, inUse, { role: "instructor", enrolled: true })).toBe(false);
    // A forgotten password is not a change to the class: allowed while it is archived.
    expect(canIssueSignInLink(owner, archived, enrolledStudent)).toBe(true);
  });

  it("joinStatus: archived before expired before open", () => {
    const now = new Date("2026-05-01T00:00:00Z");
    const later = new Date("2026-06-01T00:00:00Z");
    const earlier = new Date("2026-04-01T00:00:00Z");
    expect(joinStatus({ ...inUse, joinCodeExpiresAt: later }, now)).toBe("open");
    expect(joinStatus({ ...inUse, joinCodeExpiresAt: null }, now)).toBe("open");
    expect(joinStatus({ ...inUse, joinCodeExpiresAt: earlier }, now)).toBe("expired");
    expect(joinStatus({ ...archived, joinCodeExpiresAt: later }, now)).toBe("archived");
    expect(joinStatus({ ...archived, joinCodeExpiresAt: earlier }, now)).toBe("archived");
  });

  it("signInLinkStatus: used, replaced, expired, not a student, left the class, else usable", () => {
    const now = new Date("2026-05-01T12:00:00Z");
    const fresh = { usedAt: null, revokedAt: null, expiresAt: new Date("2026-05-02T12:00:00Z") };
    const ok = { studentRole: "student", stillEnrolled: true };
    expect(signInLinkStatus(fresh, ok, now)).toBe("usable");
    expect(signInLinkStatus({ ...fresh, usedAt: now }, ok, now)).toBe("used");
    expect(signInLinkStatus({ ...fresh, revokedAt: now }, ok, now)).toBe("replaced");
    expect(signInLinkStatus({ ...fresh, expiresAt: now }, ok, now)).toBe("expired");
    expect(signInLinkStatus(fresh, { studentRole: "instructor", stillEnrolled: true }, now)).toBe("not-a-student");
    expect(signInLinkStatus(fresh, { studentRole: "student", stillEnrolled: false }, now)).toBe("left-class");
    // A used link says "used" even after it has also expired: the clearer reason wins; a student
    // taken out of the class (which also revokes their links) is told that, not "replaced".
    expect(signInLinkStatus({ ...fresh, usedAt: now, expiresAt: new Date(0) }, ok, now)).toBe("used");
    expect(signInLinkStatus({ ...fresh, revokedAt: now }, { studentRole: "student", stillEnrolled: false }, now)).toBe("left-class");
  });
});

describe("questions, quizzes and attempts", () => {
  const everyone = [null, owner, otherInstructor, student, otherStudent];

  it("canAuthorQuizzes: instructors; canManageOwnContent: the instructor who wrote it", () => {
    expect(everyone.map((v) => canAuthorQuizzes(v))).toEqual([false, true, true, false, false]);
    const item = { ownerId: owner.id };
    expect(everyone.map((v) => canManageOwnContent(v, item))).toEqual([false, true, false, false, false]);
    // A student whose id is the owner's still does not own an instructor's question.
    expect(canManageOwnContent({ ...student, id: owner.id }, item)).toBe(false);
  });

  it("canTakeQuiz: an enrolled student only", () => {
    expect(everyone.map((v) => canTakeQuiz(v, true))).toEqual([false, false, false, true, true]);
    expect(everyone.map((v) => canTakeQuiz(v, false))).toEqual([false, false, false, false, false]);
  });

  it("canSeeAttempt: its student and the class's instructor; canWorkInAttempt: its student alone, while in the class", () => {
    const attempt = { userId: student.id };
    expect(everyone.map((v) => canSeeAttempt(v, attempt, cls))).toEqual([false, true, false, true, false]);
    expect(everyone.map((v) => canWorkInAttempt(v, attempt, true))).toEqual([false, false, false, true, false]);
    // Removed from the class: the attempt is still theirs to see, no longer to write in.
    expect(everyone.map((v) => canWorkInAttempt(v, attempt, false))).toEqual([false, false, false, false, false]);
    expect(canSeeAttempt(student, attempt, cls)).toBe(true);
    // The instructor who can see it still cannot answer in it, even as the "owner" of an attempt row.
    expect(canWorkInAttempt(owner, { userId: owner.id }, true)).toBe(false);
  });
});

describe("quizStartBlock: can this student start the quiz now?", () => {
  const now = new Date("2026-05-01T12:00:00Z");
  const before = new Date("2026-04-30T12:00:00Z");
  const after = new Date("2026-05-02T12:00:00Z");
  const open: QuizStartFacts = { opensAt: null, closesAt: null, waitsForReading: false, attemptsAllowed: 0, attemptsUsed: 0, questionCount: 3, hasAttemptInProgress: false };

  it("starts an open quiz with questions and attempts left", () => {
    expect(quizStartBlock(open, now)).toBeNull();
    expect(quizStartBlock({ ...open, opensAt: before, closesAt: after, attemptsAllowed: 2, attemptsUsed: 1 }, now)).toBeNull();
    // Opening and closing instants: open from opensAt, closed from closesAt.
    expect(quizStartBlock({ ...open, opensAt: now }, now)).toBeNull();
    expect(quizStartBlock({ ...open, closesAt: now }, now)).toBe("closed");
  });

  it("names the first reason, in the order a student needs them", () => {
    const everything: QuizStartFacts = { opensAt: after, closesAt: before, waitsForReading: true, attemptsAllowed: 1, attemptsUsed: 1, questionCount: 0, hasAttemptInProgress: false };
    const order: [Partial<QuizStartFacts>, string | null][] = [
      [{}, "not-open"],
      [{ opensAt: null }, "reading-first"],
      [{ opensAt: null, waitsForReading: false }, "closed"],
      [{ opensAt: null, waitsForReading: false, closesAt: null }, "no-attempts-left"],
      [{ opensAt: null, waitsForReading: false, closesAt: null, attemptsAllowed: 0 }, "no-questions"],
      [{ opensAt: null, waitsForReading: false, closesAt: null, attemptsAllowed: 0, questionCount: 1 }, null],
    ];
    for (const [change, block] of order) expect(quizStartBlock({ ...everything, ...change }, now)).toBe(block);
  });

  it("resumes an attempt in progress whatever else changed, but not before the quiz opens", () => {
    const resuming = { ...open, hasAttemptInProgress: true };
    for (const change of [{ waitsForReading: true }, { closesAt: before }, { attemptsAllowed: 1, attemptsUsed: 1 }, { questionCount: 0 }]) {
      expect(quizStartBlock({ ...resuming, ...change }, now)).toBeNull();
    }
    expect(quizStartBlock({ ...resuming, opensAt: after }, now)).toBe("not-open");
  });

  it("0 attempts allowed means unlimited", () => {
    expect(quizStartBlock({ ...open, attemptsAllowed: 0, attemptsUsed: 50 }, now)).toBeNull();
  });

  it("quizStartRefusal: a message per reason and the status a refused start gets", () => {
    const when = (d: Date) => d.toISOString().slice(0, 10);
    expect(quizStartRefusal("not-open", { opensAt: after, attemptsAllowed: 0 }, when)).toEqual({ code: "forbidden", message: "This quiz is not open yet. It opens on 2026-05-02." });
    expect(quizStartRefusal("not-open", { opensAt: after, attemptsAllowed: 0 }).message).toBe("This quiz is not open yet.");
    expect(quizStartRefusal("reading-first", open).code).toBe("forbidden");
    expect(quizStartRefusal("closed", open)).toEqual({ code: "forbidden", message: "This quiz has closed." });
    expect(quizStartRefusal("no-attempts-left", { opensAt: null, attemptsAllowed: 1 })).toEqual({ code: "conflict", message: "You have already used your attempt at this quiz." });
    expect(quizStartRefusal("no-attempts-left", { opensAt: null, attemptsAllowed: 3 }).message).toBe("You have used all 3 attempts at this quiz.");
    expect(quizStartRefusal("no-questions", open)).toEqual({ code: "invalid", message: "This quiz has no questions yet." });
  });
});

describe("coverage", () => {
  it("tests every function lib/authz/policy.ts exports (here or in a *policy*.test.ts beside this file)", () => {
    // This file and the feature policy tests beside it (live-policy.test.ts, discussion-policy.test.ts, …).
    const dir = new URL(".", import.meta.url);
    const source = fs
      .readdirSync(dir)
      .filter((f) => /policy.*\.test\.ts$/.test(f))
      .map((f) => fs.readFileSync(new URL(f, dir), "utf8"))
      .join("\n");
    const functions = Object.entries(policy).filter(([, value]) => typeof value === "function").map(([name]) => name);
    expect(functions.length).toBeGreaterThan(20);
    // Each is called somewhere in those files (an import alone does not count).
    const untested = functions.filter((name) => !new RegExp(`\\b${name}\\(`).test(source));
    expect(untested).toEqual([]);
  });
});

describe("discussion policy", async () => {
  const p = await import("@/lib/authz/policy");
  const teacher = { id: "t", role: "instructor" as const, name: "T", email: "t@x" };
  const student = { id: "s", role: "student" as const, name: "S", email: "s@x" };
  const cls = { instructorId: "t", archivedAt: null };
  const archived = { instructorId: "t", archivedAt: new Date() };
  const viewer = (over: Partial<import("@/lib/authz/policy").DiscussionViewer> = {}) => ({ id: "s", isClassInstructor: false, groupId: "g1", answeredPrompts: new Set<string>(), ...over });
  const post = (over: Partial<import("@/lib/authz/policy").AnnotationFacts> = {}) => ({ authorId: "other", authorIsInstructor: false, authorGroupId: "g1", kind: "comment", promptId: null, hidden: false, deleted: false, ...over });
  const classMode = { visibility: "class" as const, anonymous: false };

  it("reading: whoever may open the assignment, archived or not", () => {
    expect([teacher, student, null].map((v) => p.canReadDiscussion(v, cls, v === student))).toEqual([true, true, false]);
    expect(p.canReadDiscussion(student, cls, false)).toBe(false);
    expect(p.canReadDiscussion({ ...teacher, id: "other" }, cls, false)).toBe(false);
    expect(p.canReadDiscussion(student, archived, true)).toBe(true);
  });

  it("posting: enrolled students and the class's instructor, never in an archived class", () => {
    expect(p.canPostInDiscussion(student, cls, true)).toBe(true);
    expect(p.canPostInDiscussion(student, cls, false)).toBe(false);
    expect(p.canPostInDiscussion(teacher, cls, false)).toBe(true);
    expect(p.canPostInDiscussion({ ...teacher, id: "t2" }, cls, false)).toBe(false);
    expect(p.canPostInDiscussion(student, archived, true)).toBe(false);
  });
  it("editing and deleting: the author only; moderation: the instructor only", () => {
    expect(p.canEditAnnotation(student, { authorId: "s", deleted: false }, cls)).toBe(true);
    expect(p.canEditAnnotation(student, { authorId: "x", deleted: false }, cls)).toBe(false);
    expect(p.canEditAnnotation(teacher, { authorId: "s", deleted: false }, cls)).toBe(false);
    expect(p.canDeleteAnnotation(student, { authorId: "s", deleted: true }, cls)).toBe(false);
    expect(p.canModerateDiscussion(student, cls)).toBe(false);
    expect(p.canModerateDiscussion(teacher, cls)).toBe(true);
    expect(p.canManageDiscussion(student, cls)).toBe(false);
  });
  it("replies need a live, shared parent; helpful marks are for others' visible posts", () => {
    expect(p.canReplyTo({ deleted: false, hidden: false, kind: "comment" })).toBe(true);
    expect(p.canReplyTo({ deleted: true, hidden: false, kind: "comment" })).toBe(false);
    expect(p.canReplyTo({ deleted: false, hidden: true, kind: "comment" })).toBe(false);
    expect(p.canReplyTo({ deleted: false, hidden: false, kind: "note" })).toBe(false);
    expect(p.canMarkHelpful(student, { authorId: "x", deleted: false, hidden: false }, true)).toBe(true);
    expect(p.canMarkHelpful(student, { authorId: "s", deleted: false, hidden: false }, true)).toBe(false);
    expect(p.canMarkHelpful(teacher, { authorId: "x", deleted: false, hidden: false }, false)).toBe(false);
  });
  it("visibility: hidden, notes, groups, post-before-see", () => {
    expect(p.canSeeAnnotation(viewer(), classMode, post())).toBe(true);
    expect(p.canSeeAnnotation(viewer(), classMode, post({ hidden: true }))).toBe(false);
    expect(p.canSeeAnnotation(viewer(), classMode, post({ hidden: true, authorId: "s" }))).toBe(false);
    expect(p.canSeeAnnotation(viewer({ isClassInstructor: true, id: "t" }), classMode, post({ hidden: true }))).toBe(true);
    expect(p.canSeeAnnotation(viewer({ isClassInstructor: true, id: "t" }), classMode, post({ kind: "note" }))).toBe(false);
    expect(p.canSeeAnnotation(viewer(), classMode, post({ kind: "note", authorId: "s" }))).toBe(true);
    const groups = { visibility: "groups" as const, anonymous: false };
    expect(p.canSeeAnnotation(viewer(), groups, post({ authorGroupId: "g2" }))).toBe(false);
    expect(p.canSeeAnnotation(viewer(), groups, post({ authorGroupId: "g1" }))).toBe(true);
    expect(p.canSeeAnnotation(viewer({ groupId: null }), groups, post({ authorGroupId: null }))).toBe(false);
    expect(p.canSeeAnnotation(viewer(), groups, post({ authorGroupId: null, authorIsInstructor: true }))).toBe(true);
    const pbs = { visibility: "post-before-see" as const, anonymous: false };
    expect(p.canSeeAnnotation(viewer(), pbs, post({ promptId: "q" }))).toBe(false);
    expect(p.canSeeAnnotation(viewer({ answeredPrompts: new Set(["q"]) }), pbs, post({ promptId: "q" }))).toBe(true);
    expect(p.canSeeAnnotation(viewer(), pbs, post({ promptId: null }))).toBe(true);
    expect(p.canSeeAnnotation(viewer(), pbs, post({ promptId: "q", authorId: "s" }))).toBe(true);
  });
  it("names: hidden from classmates when anonymous, never from the instructor", () => {
    const anon = { visibility: "class" as const, anonymous: true };
    expect(p.canSeeAuthorName(viewer(), anon, { authorId: "x", authorIsInstructor: false })).toBe(false);
    expect(p.canSeeAuthorName(viewer(), anon, { authorId: "t", authorIsInstructor: true })).toBe(true);
    expect(p.canSeeAuthorName(viewer({ isClassInstructor: true }), anon, { authorId: "x", authorIsInstructor: false })).toBe(true);
    expect(p.canSeeAuthorName(viewer(), classMode, { authorId: "x", authorIsInstructor: false })).toBe(true);
  });
});
