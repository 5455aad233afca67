// Accounts and sign-in through lib/data/users against a real database (real argon2 hashes).
import { beforeAll, describe, expect, it } from "vitest";

import { signUpSchema } from "@/lib/validation/auth";
import { DEMO_INSTRUCTOR, DEMO_PASSWORD, DEMO_STUDENTS } from "@/prisma/demo-accounts";
import { expectAppError } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase();

type Users = typeof import("@/lib/data/users");
let users: Users;

beforeAll(async () => {
  users = await import("@/lib/data/users");
});

const PASSWORD = "Tallinn-harbour-1989";

describe("createAccount and authenticate", () => {
  it("creates an account from validated sign-up input, and signs in with it", async () => {
    const input = signUpSchema.parse({ name: "  Marta Kowalska ", email: " Marta.K@School.ORG ", password: PASSWORD, role: "student" });
    const viewer = await users.createAccount(input);
    expect(viewer).toMatchObject({ email: "marta.k@school.org", name: "Marta Kowalska", role: "student" });
    expect(viewer.id).toEqual(expect.any(String));
    expect(Object.keys(viewer).sort()).toEqual(["email", "id", "name", "role", "timeZone"]);
    // Not known until the person's browser says (components/ui/time-zone-sync.tsx).
    expect(viewer.timeZone).toBeNull();

    const signedIn = await users.authenticate("marta.k@school.org", PASSWORD);
    expect(signedIn).toEqual(viewer);
    expect(await users.loadViewer(viewer.id)).toEqual(viewer);
  });

  it("creates instructors as instructors", async () => {
    const viewer = await users.createAccount({ name: "Jonas Berg", email: "jonas@school.org", password: PASSWORD, role: "instructor" });
    expect(viewer.role).toBe("instructor");
    expect((await users.authenticate("jonas@school.org", PASSWORD))?.role).toBe("instructor");
  });

  it("answers null for a wrong password and for an unknown email", async () => {
    await users.createAccount({ name: "Wrong Pw", email: "wrong-pw@school.org", password: PASSWORD, role: "student" });
    expect(await users.authenticate("wrong-pw@school.org", `${PASSWORD}x`)).toBeNull();
    expect(await users.authenticate("wrong-pw@school.org", PASSWORD.toLowerCase())).toBeNull();
    expect(await users.authenticate("wrong-pw@school.org", "")).toBeNull();
    expect(await users.authenticate("nobody@school.org", PASSWORD)).toBeNull();
  });

  it("signs in the seeded demo accounts with the demo password", async () => {
    expect((await users.authenticate(DEMO_INSTRUCTOR.email, DEMO_PASSWORD))?.role).toBe("instructor");
    for (const s of DEMO_STUDENTS) expect((await users.authenticate(s.email, DEMO_PASSWORD))?.name).toBe(s.name);
  });

  it("refuses a second account with the same email as a conflict on the email field", async () => {
    const input = { name: "First", email: "twice@school.org", password: PASSWORD, role: "student" as const };
    const first = await users.createAccount(input);
    const error = await expectAppError(users.createAccount({ ...input, name: "Second", password: "another-Passw0rd!" }), "conflict");
    expect(error.status).toBe(409);
    expect(error.fieldErrors.email?.length).toBeGreaterThan(0);
    // The first account is untouched: same name, same password.
    expect(await testDb.db().user.count({ where: { email: "twice@school.org" } })).toBe(1);
    expect(await users.authenticate("twice@school.org", PASSWORD)).toEqual(first);
    expect(await users.authenticate("twice@school.org", "another-Passw0rd!")).toBeNull();
  });

  it("answers null from loadViewer for an unknown id", async () => {
    expect(await users.loadViewer("no-such-user")).toBeNull();
  });
});

describe("password storage", () => {
  it("stores an argon2id hash, never the password", async () => {
    const viewer = await users.createAccount({ name: "Hash Check", email: "hash@school.org", password: PASSWORD, role: "student" });
    const row = await testDb.db().user.findUniqueOrThrow({ where: { id: viewer.id }, select: { passwordHash: true } });
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(row.passwordHash).not.toContain(PASSWORD);

    const viaOmit = await testDb.db().user.findUniqueOrThrow({ where: { id: viewer.id }, omit: { passwordHash: false } });
    expect(viaOmit.passwordHash).toBe(row.passwordHash);
  });

  it("salts: two accounts with the same password get different hashes", async () => {
    const a = await users.createAccount({ name: "Salt A", email: "salt-a@school.org", password: PASSWORD, role: "student" });
    const b = await users.createAccount({ name: "Salt B", email: "salt-b@school.org", password: PASSWORD, role: "student" });
    const hashes = await testDb.db().user.findMany({ where: { id: { in: [a.id, b.id] } }, select: { passwordHash: true } });
    expect(new Set(hashes.map((h) => h.passwordHash)).size).toBe(2);
  });

  it("leaves the hash out of ordinary user queries (global omit)", async () => {
    const viewer = await users.createAccount({ name: "Omit Check", email: "omit@school.org", password: PASSWORD, role: "student" });
    const one = await testDb.db().user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(one).not.toHaveProperty("passwordHash");
    expect(one).toMatchObject({ email: "omit@school.org", name: "Omit Check" });
    const many = await testDb.db().user.findMany();
    expect(many.length).toBeGreaterThan(1);
    for (const u of many) expect(u).not.toHaveProperty("passwordHash");
    const withClasses = await testDb.db().enrolment.findFirstOrThrow({ include: { user: true } });
    expect(withClasses.user).not.toHaveProperty("passwordHash");
  });
});
