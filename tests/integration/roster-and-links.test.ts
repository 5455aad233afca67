// One-time links (an instructor's password reset, a roster account's first sign-in) and roster
// import from CSV, through lib/data against a real database, with the hostile cases: other
// instructors and students, reused, replaced and expired links, students who left the class,
// malformed and oversized files.
import { beforeAll, describe, expect, it } from "vitest";

import type { Viewer } from "@/lib/authz/policy";
import { createUser, expectAppError } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase({ seed: false });

type Classes = typeof import("@/lib/data/classes");
type Links = typeof import("@/lib/data/sign-in-links");
type Users = typeof import("@/lib/data/users");
type Roster = typeof import("@/lib/data/roster");
let classes: Classes;
let links: Links;
let users: Users;
let roster: Roster;
let teacher: Viewer;
let otherTeacher: Viewer;

const HOUR = 60 * 60 * 1000;
const NEW_PASSWORD = "the harbour at Gdańsk 1980";

beforeAll(async () => {
  classes = await import("@/lib/data/classes");
  links = await import("@/lib/data/sign-in-links");
  users = await import("@/lib/data/users");
  roster = await import("@/lib/data/roster");
  teacher = await createUser(testDb.db(), "instructor", "teacher");
  otherTeacher = await createUser(testDb.db(), "instructor", "other-teacher");
});

/** A class of the teacher's with one new student in it. */
async function classWithStudent(name = "History 11B") {
  const { id } = await classes.createClass(teacher, { name });
  const { joinCode } = await testDb.db().class.findUniqueOrThrow({ where: { id }, select: { joinCode: true } });
  const student = await createUser(testDb.db(), "student");
  await classes.joinClass(student, joinCode);
  return { classId: id, joinCode, student };
}

describe("issuePasswordResetLink and setPasswordFromToken", () => {
  it("gives the teacher a 24-hour link; only its hash is stored; it sets the password once and signs in", async () => {
    const { classId, student } = await classWithStudent();
    const now = new Date();
    const link = await links.issuePasswordResetLink(teacher, { classId, studentId: student.id }, now);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.path).toBe(`/link/${link.token}`);
    expect(link.expiresAt.getTime()).toBe(now.getTime() + 24 * HOUR);
    expect(link.studentName).toBe(student.name);

    const rows = await testDb.db().signInLink.findMany({ where: { userId: student.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: "reset", classId, createdById: teacher.id, usedAt: null, revokedAt: null });
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(link.token);

    expect(await links.inspectSignInLink(link.token)).toMatchObject({ status: "usable", purpose: "reset", name: student.name, email: student.email, className: "History 11B" });

    expect(await users.setPasswordFromToken(link.token, NEW_PASSWORD)).toEqual({ email: student.email });
    expect((await users.authenticate(student.email, NEW_PASSWORD))?.id).toBe(student.id);
    expect((await testDb.db().signInLink.findFirstOrThrow({ where: { userId: student.id } })).usedAt).toBeInstanceOf(Date);

    // Twice: "this link has been used", as a 410, and the password stays what the first use set.
    const again = await expectAppError(users.setPasswordFromToken(link.token, "someone else's password 1"), "gone");
    expect(again.status).toBe(410);
    expect(again.message).toMatch(/has been used/);
    expect(await links.inspectSignInLink(link.token)).toEqual({ status: "used" });
    expect(await users.authenticate(student.email, NEW_PASSWORD)).not.toBeNull();
  });

  it("of two uses at the same moment, exactly one sets the password", async () => {
    const { classId, student } = await classWithStudent();
    const { token } = await links.issuePasswordResetLink(teacher, { classId, studentId: student.id });
    const results = await Promise.allSettled([users.setPasswordFromToken(token, "first of two passwords"), users.setPasswordFromToken(token, "second of two passwords")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "gone" });
  });

  it("a new link replaces the older unused one", async () => {
    const { classId, student } = await classWithStudent();
    const first = await links.issuePasswordResetLink(teacher, { classId, studentId: student.id });
    const second = await links.issuePasswordResetLink(teacher, { classId, studentId: student.id });
    expect(await links.inspectSignInLink(first.token)).toEqual({ status: "replaced" });
    const error = await expectAppError(users.setPasswordFromToken(first.token, NEW_PASSWORD), "gone");
    expect(error.message).toMatch(/replaced/);
    await users.setPasswordFromToken(second.token, NEW_PASSWORD);
    expect(await users.authenticate(student.email, NEW_PASSWORD)).not.toBeNull();
  });

  it("an expired link is refused (410) and changes nothing", async () => {
    const { classId, student } = await classWithStudent();
    const issued = new Date("2026-03-02T08:00:00Z");
    const { token } = await links.issuePasswordResetLink(teacher, { classId, studentId: student.id }, issued);
    const later = new Date(issued.getTime() + 24 * HOUR + 1000);
    expect(await links.inspectSignInLink(token, later)).toEqual({ status: "expired" });
    const error = await expectAppError(users.setPasswordFromToken(token, NEW_PASSWORD, later), "gone");
    expect(error.message).toMatch(/expired/);
    expect(await users.authenticate(student.email, NEW_PASSWORD)).toBeNull();
    // Just before expiry it still works.
    await users.setPasswordFromToken(token, NEW_PASSWORD, new Date(issued.getTime() + 24 * HOUR - 1000));
    expect(await users.authenticate(student.email, NEW_PASSWORD)).not.toBeNull();
  });

  it("a link for a student who has left the class no longer works, even after they rejoin", async () => {
    const { classId, joinCode, student } = await classWithStudent();
    const { token } = await links.issuePasswordResetLink(teacher, { classId, studentId: student.id });
    await classes.removeStudent(teacher, { classId, studentId: student.id });
    expect(await links.inspectSignInLink(token)).toEqual({ status: "left-class" });
    const error = await expectAppError(users.setPasswordFromToken(token, NEW_PASSWORD), "gone");
    expect(error.message).toMatch(/no longer in the class/);
    await classes.joinClass(student, joinCode);
    await expectAppError(users.setPasswordFromToken(token, NEW_PASSWORD), "gone");
    expect(await users.authenticate(student.email, NEW_PASSWORD)).toBeNull();
  });

  it("an unknown token is not_found", async () => {
    expect(await links.inspectSignInLink("A".repeat(43))).toEqual({ status: "unknown" });
    await expectAppError(users.setPasswordFromToken("A".repeat(43), NEW_PASSWORD), "not_found");
  });

  it("refuses another instructor and students (403), and a student outside the class (404); nothing is stored", async () => {
    const { classId, student } = await classWithStudent();
    const outsider = await createUser(testDb.db(), "student");
    await expectAppError(links.issuePasswordResetLink(otherTeacher, { classId, studentId: student.id }), "forbidden");
    await expectAppError(links.issuePasswordResetLink(student, { classId, studentId: student.id }), "forbidden");
    await expectAppError(links.issuePasswordResetLink(outsider, { classId, studentId: student.id }), "forbidden");
    await expectAppError(links.issuePasswordResetLink(teacher, { classId, studentId: outsider.id }), "not_found");
    await expectAppError(links.issuePasswordResetLink(teacher, { classId, studentId: otherTeacher.id }), "not_found");
    await expectAppError(links.issuePasswordResetLink(teacher, { classId: "no-such-class", studentId: student.id }), "not_found");
    expect(await testDb.db().signInLink.count({ where: { userId: { in: [student.id, outsider.id, otherTeacher.id] } } })).toBe(0);
  });

  it("never for an instructor's account, even one put into the class by hand", async () => {
    const { classId } = await classWithStudent();
    await testDb.db().enrolment.create({ data: { userId: otherTeacher.id, classId } });
    await expectAppError(links.issuePasswordResetLink(teacher, { classId, studentId: otherTeacher.id }), "not_found");
    expect(await testDb.db().signInLink.count({ where: { userId: otherTeacher.id } })).toBe(0);
  });
});

describe("roster import", () => {
  async function setup() {
    const { id: classId } = await classes.createClass(teacher, { name: "Imported class" });
    const { joinCode } = await testDb.db().class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } });
    const member = await createUser(testDb.db(), "student", "member");
    await classes.joinClass(member, joinCode);
    const elsewhere = await createUser(testDb.db(), "student", "elsewhere");
    return { classId, member, elsewhere };
  }

  it("previews per line and writes nothing", async () => {
    const { classId, member, elsewhere } = await setup();
    const csv = [
      "name,email", // 1
      '"Nowak, Eva",eva.import@school.test', // 2 new
      `Someone,${elsewhere.email.toUpperCase()}`, // 3 existing student → not enrolled by a file (joins with the code)
      `Again,${member.email}`, // 4 already in the class
      `Teacher,${otherTeacher.email}`, // 5 instructor
      "Broken,not-an-email", // 6
      "Eva twice,EVA.IMPORT@school.test", // 7 duplicate in file
    ].join("\r\n");
    const users0 = await testDb.db().user.count();
    const enrolments0 = await testDb.db().enrolment.count({ where: { classId } });
    const preview = await roster.previewRosterImport(teacher, classId, csv);
    expect(preview.hasHeader).toBe(true);
    expect(preview.rows).toEqual([
      { line: 2, name: "Nowak, Eva", email: "eva.import@school.test", action: "create" },
    ]);
    expect(preview.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(preview.problems[0]!.message).toMatch(/already has an account.*join code/);
    expect(preview.problems[0]!.message).not.toContain(elsewhere.name);
    expect(preview.problems[1]!.message).toMatch(/already in this class/);
    expect(preview.problems[2]!.message).toMatch(/instructor/);
    expect(preview.problems[3]!.message).toMatch(/not a valid e-mail/);
    expect(preview.problems[4]!.message).toMatch(/already on line 2/);
    expect(await testDb.db().user.count()).toBe(users0);
    expect(await testDb.db().enrolment.count({ where: { classId } })).toBe(enrolments0);
  });

  it("creates accounts with 7-day one-time links, leaves existing accounts to join with the code, and skips the problem lines", async () => {
    const { classId, member, elsewhere } = await setup();
    const csv = `\uFEFFName;E-mail\n"Wiśniewski; Jan";jan.import@school.test\nAnna Keller;anna.import@school.test\nRenamed;${elsewhere.email}\nAgain;${member.email}\n`;
    const now = new Date();
    const result = await roster.importRoster(teacher, classId, csv, now);
    expect(result.linksExpireAt.getTime()).toBe(now.getTime() + 7 * 24 * HOUR);
    expect(result.created.map((c) => [c.line, c.name, c.email])).toEqual([
      [2, "Wiśniewski; Jan", "jan.import@school.test"],
      [3, "Anna Keller", "anna.import@school.test"],
    ]);
    // An existing account is never enrolled by a file (its instructor could then take it over with a link).
    expect(result.enrolled).toEqual([]);
    expect(result.problems).toEqual([
      { line: 4, message: expect.stringMatching(/already has an account/) },
      { line: 5, message: expect.stringMatching(/already in this class/) },
    ]);

    const db = testDb.db();
    const jan = await db.user.findUniqueOrThrow({ where: { email: "jan.import@school.test" } });
    expect(jan).toMatchObject({ name: "Wiśniewski; Jan", role: "student" });
    // No password works until the link is used; the existing account's name is not touched.
    expect(await users.authenticate(jan.email, "")).toBeNull();
    expect(await users.authenticate(jan.email, jan.passwordHash)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: elsewhere.id } })).name).toBe(elsewhere.name);
    const roster1 = (await classes.getClass(teacher, classId)).roster.map((r) => r.email).sort();
    expect(roster1).toEqual(["anna.import@school.test", "jan.import@school.test", member.email].sort());
    const stored = await db.signInLink.findMany({ where: { classId } });
    expect(stored.map((l) => l.purpose)).toEqual(["roster", "roster"]);
    expect(JSON.stringify(stored)).not.toContain(result.created[0]!.token);

    // The student opens their link, sets a password and can sign in.
    const janLink = result.created[0]!;
    expect(await links.inspectSignInLink(janLink.token)).toMatchObject({ status: "usable", purpose: "roster", name: "Wiśniewski; Jan", className: "Imported class" });
    await users.setPasswordFromToken(janLink.token, NEW_PASSWORD);
    expect((await users.authenticate(jan.email, NEW_PASSWORD))?.id).toBe(jan.id);

    // A reset link issued for Anna replaces her unused roster link.
    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.import@school.test" } });
    await links.issuePasswordResetLink(teacher, { classId, studentId: anna.id });
    expect(await links.inspectSignInLink(result.created[1]!.token)).toEqual({ status: "replaced" });
  });

  it("importing the same file again creates nothing new", async () => {
    const { classId } = await setup();
    const csv = "Dawit Bekele,dawit.import@school.test\n";
    await roster.importRoster(teacher, classId, csv);
    const users0 = await testDb.db().user.count();
    await expectAppError(roster.importRoster(teacher, classId, csv), "invalid");
    expect(await testDb.db().user.count()).toBe(users0);
  });

  it("refuses another instructor and students (403), and an archived class (409); nothing is written", async () => {
    const { classId, member } = await setup();
    const csv = "Olga,olga.import@school.test\n";
    await expectAppError(roster.previewRosterImport(otherTeacher, classId, csv), "forbidden");
    await expectAppError(roster.importRoster(otherTeacher, classId, csv), "forbidden");
    await expectAppError(roster.importRoster(member, classId, csv), "forbidden");
    await classes.setClassArchived(teacher, classId, true);
    await expectAppError(roster.importRoster(teacher, classId, csv), "conflict");
    expect(await testDb.db().user.count({ where: { email: "olga.import@school.test" } })).toBe(0);
    await expectAppError(roster.importRoster(teacher, "no-such-class", csv), "not_found");
  });

  it("answers too_large (413) for a 10 MB file and invalid for one with nothing importable", async () => {
    const { classId } = await setup();
    const big = await expectAppError(roster.previewRosterImport(teacher, classId, "Eva,eva@school.test\n".repeat(520_000)), "payload_too_large");
    expect(big.status).toBe(413);
    expect(big.message).toMatch(/Split/);
    const many = Array.from({ length: 501 }, (_, i) => `S ${i},s${i}.many@school.test`).join("\n");
    expect((await expectAppError(roster.importRoster(teacher, classId, many), "invalid")).message).toMatch(/At most 500/);
    await expectAppError(roster.importRoster(teacher, classId, "just some words\n"), "invalid");
  });

  it("imports 500 students in one go", async () => {
    const { classId } = await setup();
    const csv = Array.from({ length: 500 }, (_, i) => `Student ${i},bulk${i}@school.test`).join("\n");
    const started = performance.now();
    const result = await roster.importRoster(teacher, classId, csv);
    const ms = performance.now() - started;
    expect(result.created).toHaveLength(500);
    expect(new Set(result.created.map((c) => c.token)).size).toBe(500);
    expect(await testDb.db().enrolment.count({ where: { classId } })).toBe(501);
    console.log(`[measure] roster import of 500 students: ${Math.round(ms)} ms on ${testDb.provider}`);
  });
});
