// What the forms and the progress endpoint accept, and what they turn it into.
import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { changePasswordSchema, PASSWORD_MIN, signInSchema, signUpSchema } from "@/lib/validation/auth";
import { assignReadingSchema, createClassSchema, dueDateSchema, idSchema, joinClassSchema, joinCodeSchema } from "@/lib/validation/classes";
import { progressReportSchema } from "@/lib/validation/progress";
import { quizSettingsSchema } from "@/lib/validation/quizzes";

/** The messages of a failed parse, by field ("" for the root). */
function errors(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  expect(result.success, `expected ${JSON.stringify(input)} to be rejected`).toBe(false);
  const out: Record<string, string[]> = {};
  for (const issue of result.error!.issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

const valid = { name: "Marta Kowalska", email: "marta@school.org", password: "Tallinn-harbour-1989", role: "student" };

describe("signUpSchema", () => {
  it("accepts a good sign-up, trimming the name and trimming and lower-casing the email", () => {
    expect(signUpSchema.parse({ ...valid, name: "  Marta Kowalska  ", email: "  Marta@School.ORG " })).toEqual({
      name: "Marta Kowalska",
      email: "marta@school.org",
      password: "Tallinn-harbour-1989",
      role: "student",
    });
    expect(signUpSchema.parse({ ...valid, role: "instructor" }).role).toBe("instructor");
  });

  it("keeps the password exactly as typed (no trimming)", () => {
    expect(signUpSchema.parse({ ...valid, password: "  spaced out pass  " }).password).toBe("  spaced out pass  ");
  });

  // Whether a long-enough password is strong (leaked lists, zxcvbn) is the server's check:
  // tests/unit/auth/password-policy.test.ts.
  it.each([
    ["too short", "Sh0rt!pw"],
    ["one short of the minimum", "abcdefgh9"],
    ["empty", ""],
    ["not a string", 12345678901],
    ["missing", undefined],
  ])("rejects a password of the wrong shape: %s", (_label, password) => {
    expect(errors(signUpSchema, { ...valid, password }).password?.length).toBeGreaterThan(0);
  });

  it("accepts a password of exactly the minimum length", () => {
    const password = "x7#Kq-9vTz".slice(0, PASSWORD_MIN);
    expect(password).toHaveLength(PASSWORD_MIN);
    expect(signUpSchema.safeParse({ ...valid, password }).success).toBe(true);
  });

  it("rejects a password over 200 characters, counting characters not bytes", () => {
    expect(errors(signUpSchema, { ...valid, password: "Ab1-".repeat(51) }).password).toEqual(["Use at most 200 characters."]);
    expect(errors(signUpSchema, { ...valid, password: "x".repeat(100_000) }).password).toBeDefined();
    expect(signUpSchema.safeParse({ ...valid, password: "Zürich-Straße-".repeat(14) }).success).toBe(true);
  });

  it("rejects a password that contains the email address (any case)", () => {
    const e = errors(signUpSchema, { ...valid, email: "marta.kowalska@school.org", password: "Marta.Kowalska-2026" });
    expect(e.password).toEqual(["Your password must not contain your email address."]);
    expect(errors(signUpSchema, { ...valid, email: " Marta.Kowalska@school.org", password: "xx-marta.kowalska-xx" }).password).toBeDefined();
  });

  it.each([["not-an-email"], ["marta@"], ["@school.org"], ["marta school@org"], [""], ["   "]])("rejects the email %j", (email) => {
    expect(errors(signUpSchema, { ...valid, email }).email?.length).toBeGreaterThan(0);
  });

  it("rejects an email over 254 characters", () => {
    expect(errors(signUpSchema, { ...valid, email: `${"a".repeat(250)}@x.org` }).email).toBeDefined();
  });

  it("requires a role, and only student or instructor", () => {
    const { role: _role, ...noRole } = valid;
    expect(errors(signUpSchema, noRole).role).toEqual(["Choose whether you are a student or an instructor."]);
    expect(errors(signUpSchema, { ...valid, role: "admin" }).role).toBeDefined();
  });

  it("requires a name", () => {
    expect(errors(signUpSchema, { ...valid, name: "   " }).name).toEqual(["Enter your name."]);
    expect(errors(signUpSchema, { ...valid, name: "x".repeat(101) }).name).toBeDefined();
  });
});

describe("signInSchema", () => {
  it("normalises the email and applies no strength rules", () => {
    expect(signInSchema.parse({ email: " Ben@Dossier.TEST ", password: "short" })).toEqual({ email: "ben@dossier.test", password: "short" });
    expect(errors(signInSchema, { email: "ben@dossier.test", password: "" }).password).toBeDefined();
  });

  it("answers an absurdly long or missing password like a wrong one", () => {
    expect(errors(signInSchema, { email: "ben@dossier.test", password: "x".repeat(201) }).password).toEqual(["Email or password is incorrect."]);
    expect(errors(signInSchema, { email: "ben@dossier.test" }).password).toEqual(["Enter your password."]);
  });
});

describe("changePasswordSchema", () => {
  it("needs the current password and a new one of the right length", () => {
    expect(changePasswordSchema.parse({ currentPassword: "reading-1981", newPassword: "Tallinn-harbour-1989" })).toEqual({
      currentPassword: "reading-1981",
      newPassword: "Tallinn-harbour-1989",
    });
    const e = errors(changePasswordSchema, { currentPassword: "", newPassword: "short" });
    expect(e.currentPassword).toEqual(["Enter your current password."]);
    expect(e.newPassword).toEqual([`Use at least ${PASSWORD_MIN} characters.`]);
    expect(errors(changePasswordSchema, { currentPassword: "x".repeat(5000), newPassword: "y".repeat(5000) }).newPassword).toBeDefined();
  });
});

describe("joinCodeSchema", () => {
  it.each([
    ["DETENTE8", "DETENTE8"],
    ["detente8", "DETENTE8"],
    ["  detente8  ", "DETENTE8"],
    ["dete-nte8", "DETENTE8"],
    ["DETE NTE8", "DETENTE8"],
    ["de-te nt-e8", "DETENTE8"],
  ])("normalises %j to %s", (input, expected) => {
    expect(joinCodeSchema.parse(input)).toBe(expected);
    expect(joinClassSchema.parse({ code: input })).toEqual({ code: expected });
  });

  it.each([["DETENTE"], ["DETENTE88"], ["A"], ["ABCD-EFGH-J"]])("rejects the wrong length: %j", (code) => {
    expect(joinCodeSchema.safeParse(code).success).toBe(false);
  });

  it.each([
    ["DETENT0O", "0 and O are not used"],
    ["DETENTE1", "1 is not used"],
    ["DETENTEI", "I is not used"],
    ["DETENTEL", "L is not used"],
    ["DETENT_8", "punctuation"],
    ["DÉTENTE8", "accents"],
  ])("rejects bad characters: %j (%s)", (code) => {
    expect(joinCodeSchema.safeParse(code).success).toBe(false);
  });

  it("asks for a code when none is given", () => {
    expect(errors(joinClassSchema, { code: "  " }).code).toContain("Enter the join code your instructor gave you.");
  });
});

describe("progressReportSchema", () => {
  it("accepts a full report, and an empty one", () => {
    const report = { anchor: "p-12", dwell: { participants: 12, "poland-crisis": 3 }, active: true };
    expect(progressReportSchema.parse(report)).toEqual(report);
    expect(progressReportSchema.parse({})).toEqual({});
  });

  it("rejects unknown keys, and a list of parts said to be read (only time spent in them counts)", () => {
    expect(progressReportSchema.safeParse({ anchor: "p-1", userId: "someone-else" }).success).toBe(false);
    expect(progressReportSchema.safeParse({ minutes: 500 }).success).toBe(false);
    expect(progressReportSchema.safeParse({ sectionsRead: ["participants"] }).success).toBe(false);
  });

  it.each([["gap-1"], ["p-"], ["p-12345"], ["P-1"], ["p-1 "], ["p-1; DROP TABLE"], [""], ["1"]])("rejects the anchor %j", (anchor) => {
    expect(progressReportSchema.safeParse({ anchor }).success).toBe(false);
  });

  it.each([["Bad Slug"], ["UPPER"], [""], ["x".repeat(61)], ["slug/../other"], ["constructor "]])("rejects the section %j", (slug) => {
    expect(progressReportSchema.safeParse({ dwell: { [slug]: 5 } }).success).toBe(false);
  });

  it("drops a __proto__ key rather than passing it on", () => {
    expect(progressReportSchema.parse(JSON.parse('{"dwell":{"__proto__":5}}'))).toEqual({ dwell: {} });
  });

  it.each([[-1], [1.5], [86_401], [Number.NaN], ["12"], [null]])("rejects the reading time %j", (seconds) => {
    expect(progressReportSchema.safeParse({ dwell: { participants: seconds } }).success).toBe(false);
  });

  it("accepts up to 50 parts in one report and rejects more", () => {
    const parts = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`s-${i}`, 1]));
    expect(progressReportSchema.safeParse({ dwell: parts(50) }).success).toBe(true);
    expect(progressReportSchema.safeParse({ dwell: parts(51) }).success).toBe(false);
  });

  it("rejects a non-boolean active flag", () => {
    expect(progressReportSchema.safeParse({ active: "yes" }).success).toBe(false);
    expect(progressReportSchema.safeParse({ active: 1 }).success).toBe(false);
  });
});

describe("dueDateSchema", () => {
  it("accepts a real date and an empty field", () => {
    expect(dueDateSchema.parse("2026-12-01")).toBe("2026-12-01");
    expect(dueDateSchema.parse(" 2026-12-01 ")).toBe("2026-12-01");
    expect(dueDateSchema.parse("2028-02-29")).toBe("2028-02-29");
    expect(dueDateSchema.parse("")).toBeUndefined();
    expect(dueDateSchema.parse("   ")).toBeUndefined();
    expect(dueDateSchema.parse(undefined)).toBeUndefined();
  });

  it.each([["2026-13-01"], ["2026-12-32"], ["2026-00-10"], ["01/12/2026"], ["2026-1-1"], ["tomorrow"]])("rejects %j", (date) => {
    expect(dueDateSchema.safeParse(date).success).toBe(false);
  });

  it("rejects days that do not exist (2026-02-30, 2026-02-29, 2026-04-31, 2026-06-31)", () => {
    // Date.parse rolls 2026-02-30 over to 2 March instead of failing, so it cannot be the only check.
    const accepted = ["2026-02-30", "2026-02-29", "2026-04-31", "2026-06-31"].filter((d) => dueDateSchema.safeParse(d).success);
    expect(accepted).toEqual([]);
  });
});

describe("class forms", () => {
  it("createClassSchema trims the name and requires one", () => {
    expect(createClassSchema.parse({ name: "  History 11B " })).toEqual({ name: "History 11B" });
    expect(createClassSchema.safeParse({ name: "   " }).success).toBe(false);
    expect(createClassSchema.safeParse({ name: "x".repeat(121) }).success).toBe(false);
  });

  it("assignReadingSchema validates the class id, the reading slug and the due date", () => {
    expect(assignReadingSchema.parse({ classId: "cls_123", readingSlug: "mielke-andropov-1981", dueDate: "" })).toEqual({
      classId: "cls_123",
      readingSlug: "mielke-andropov-1981",
      dueDate: undefined,
    });
    expect(assignReadingSchema.safeParse({ classId: "a b", readingSlug: "mielke-andropov-1981" }).success).toBe(false);
    expect(assignReadingSchema.safeParse({ classId: "cls", readingSlug: "../etc" }).success).toBe(false);
    expect(idSchema.safeParse("x".repeat(65)).success).toBe(false);
  });
});

describe("quizSettingsSchema", () => {
  const base = { title: "Mielke and Andropov", attemptsAllowed: 1, reviewWhen: "immediately" };
  it("takes the defaults for what a new quiz leaves out", () => {
    expect(quizSettingsSchema.parse(base)).toMatchObject({ opensAt: null, closesAt: null, timeLimitMinutes: null, shuffleOptions: true, reviewAnswers: false });
  });
  it("asks for a close date when the review waits for it", () => {
    const r = quizSettingsSchema.safeParse({ ...base, reviewWhen: "after-close" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["reviewWhen"]);
    expect(quizSettingsSchema.safeParse({ ...base, reviewWhen: "after-close", closesAt: "2030-06-30T18:00:00Z" }).success).toBe(true);
  });
  it("refuses a close date before the opening", () => {
    const r = quizSettingsSchema.safeParse({ ...base, opensAt: "2030-06-30T18:00:00Z", closesAt: "2030-06-01T18:00:00Z" });
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["closesAt"]);
  });
});
