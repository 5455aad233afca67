// Who may do what: every policy function over every kind of viewer.
import { describe, expect, it } from "vitest";

import {
  canAnswerAttempt,
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
};

// Rows: viewers in the order above. Columns: the checks in the order above.
const expected: Record<string, Record<keyof typeof checks, boolean>> = {
  "nobody signed in": {
    isInstructor: false, isStudent: false, canCreateClass: false, canManageClass: false,
    canViewClass: false, canJoinClass: false, canRecordProgress: false, canOpenAssignment: false,
  },
  "enrolled student": {
    isInstructor: false, isStudent: true, canCreateClass: false, canManageClass: false,
    canViewClass: true, canJoinClass: true, canRecordProgress: true, canOpenAssignment: true,
  },
  "student of another class": {
    isInstructor: false, isStudent: true, canCreateClass: false, canManageClass: false,
    canViewClass: false, canJoinClass: true, canRecordProgress: false, canOpenAssignment: false,
  },
  "owning instructor": {
    isInstructor: true, isStudent: false, canCreateClass: true, canManageClass: true,
    canViewClass: true, canJoinClass: false, canRecordProgress: false, canOpenAssignment: true,
  },
  "other instructor": {
    isInstructor: true, isStudent: false, canCreateClass: true, canManageClass: false,
    canViewClass: false, canJoinClass: false, canRecordProgress: false, canOpenAssignment: false,
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

  it("canAnswerAttempt: the student who started the attempt, only while in the class", () => {
    const mine = { userId: student.id };
    expect(canAnswerAttempt(student, mine, true)).toBe(true);
    // Removed from the class: the attempt is still theirs to see, no longer to write in.
    expect(canAnswerAttempt(student, mine, false)).toBe(false);
    // A classmate, the class's instructor, anyone signed out: never, enrolled or not.
    expect(canAnswerAttempt(otherStudent, mine, true)).toBe(false);
    expect(canAnswerAttempt(owner, mine, true)).toBe(false);
    expect(canAnswerAttempt(null, mine, true)).toBe(false);
    // An instructor whose id is on the attempt (data gone wrong) still is no student.
    expect(canAnswerAttempt(owner, { userId: owner.id }, true)).toBe(false);
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
