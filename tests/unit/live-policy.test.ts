// Live sessions: who starts, drives, sees responses, joins. Every kind of viewer.
import { describe, expect, it } from "vitest";

import { canControlLiveSession, canJoinLiveSession, canSeeLiveResponses, canStartLiveSession, type Viewer } from "@/lib/authz/policy";

const owner: Viewer = { id: "u-owner", role: "instructor", name: "Anna Keller", email: "anna@school.test" };
const otherInstructor: Viewer = { id: "u-other", role: "instructor", name: "Jonas Berg", email: "jonas@school.test" };
const student: Viewer = { id: "u-student", role: "student", name: "Ben Ortiz", email: "ben@school.test" };
const otherStudent: Viewer = { id: "u-student-2", role: "student", name: "Eva Nowak", email: "eva@school.test" };
const cls = { instructorId: owner.id };
const archived = { instructorId: owner.id, archivedAt: new Date("2026-01-01") };

const cases: { name: string; viewer: Viewer | null; enrolled: boolean; start: boolean; control: boolean; see: boolean; join: boolean }[] = [
  { name: "nobody signed in", viewer: null, enrolled: false, start: false, control: false, see: false, join: false },
  { name: "enrolled student", viewer: student, enrolled: true, start: false, control: false, see: false, join: true },
  { name: "student of another class", viewer: otherStudent, enrolled: false, start: false, control: false, see: false, join: false },
  { name: "owning instructor", viewer: owner, enrolled: false, start: true, control: true, see: true, join: false },
  { name: "other instructor", viewer: otherInstructor, enrolled: false, start: false, control: false, see: false, join: false },
];

describe("live session policy", () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(canStartLiveSession(c.viewer, cls)).toBe(c.start);
      expect(canControlLiveSession(c.viewer, cls)).toBe(c.control);
      expect(canSeeLiveResponses(c.viewer, cls)).toBe(c.see);
      expect(canJoinLiveSession(c.viewer, c.enrolled)).toBe(c.join);
    });
  }

  it("an archived class starts no live session, but its owner still sees past responses", () => {
    expect(canStartLiveSession(owner, archived)).toBe(false);
    expect(canSeeLiveResponses(owner, archived)).toBe(true);
    expect(canControlLiveSession(owner, archived)).toBe(true);
  });

  it("an instructor enrolled as if a student still cannot answer", () => {
    expect(canJoinLiveSession(owner, true)).toBe(false);
  });
});
