// Who may do what: every policy function over every kind of viewer.
import { describe, expect, it } from "vitest";

import {
  canChangeOwnSettings,
  canCreateClass,
  canJoinClass,
  canManageClass,
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
  canChangeStudentsSettings: (v) => canChangeOwnSettings(v, student.id),
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
});
