// Who may do what: every policy function over every kind of viewer.
import { describe, expect, it } from "vitest";

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
  isInstructor,
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

describe("discussion policy", async () => {
  const p = await import("@/lib/authz/policy");
  const teacher = { id: "t", role: "instructor" as const, name: "T", email: "t@x" };
  const student = { id: "s", role: "student" as const, name: "S", email: "s@x" };
  const cls = { instructorId: "t", archivedAt: null };
  const archived = { instructorId: "t", archivedAt: new Date() };
  const viewer = (over: Partial<import("@/lib/authz/policy").DiscussionViewer> = {}) => ({ id: "s", isClassInstructor: false, groupId: "g1", answeredPrompts: new Set<string>(), ...over });
  const post = (over: Partial<import("@/lib/authz/policy").AnnotationFacts> = {}) => ({ authorId: "other", authorIsInstructor: false, authorGroupId: "g1", kind: "comment", promptId: null, hidden: false, deleted: false, ...over });
  const classMode = { visibility: "class" as const, anonymous: false };

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
