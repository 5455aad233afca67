import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { canChangeOwnSettings, roles, type Role, type Viewer } from "@/lib/authz/policy";
import { isTimeZone } from "@/lib/time/zones";
import type { SignUpInput } from "@/lib/validation/auth";
import { isUniqueViolation } from "./prisma-errors";

const viewerSelect = { id: true, email: true, name: true, role: true, timeZone: true } as const;

function toViewer(row: { id: string; email: string; name: string; role: string; timeZone: string | null }): Viewer {
  const role: Role = (roles as readonly string[]).includes(row.role) ? (row.role as Role) : "student";
  return { id: row.id, email: row.email, name: row.name, role, timeZone: row.timeZone };
}

export async function createAccount(input: SignUpInput): Promise<Viewer> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: viewerSelect,
    });
    return toViewer(user);
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError("conflict", "An account with this email already exists.", {
        email: ["An account with this email already exists. Sign in instead, or use another email."],
      });
    }
    throw e;
  }
}

/** Returns the viewer for a correct email and password, null otherwise, in the same time either way. */
export async function authenticate(email: string, password: string): Promise<Viewer | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: { ...viewerSelect, passwordHash: true },
  });
  if (!user) return verifyAgainstDummy(password).then(() => null);
  return (await verifyPassword(user.passwordHash, password)) ? toViewer(user) : null;
}

/** The session says who signed in; this confirms the account still exists and is current. */
export async function loadViewer(userId: string): Promise<Viewer | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: viewerSelect });
  return user ? toViewer(user) : null;
}

/** Remembers the zone the person's browser reports, so every page shows them their own times. */
export async function rememberTimeZone(viewer: Viewer, timeZone: string): Promise<void> {
  if (!canChangeOwnSettings(viewer, viewer.id)) throw new AppError("forbidden", "Sign in to change your settings.");
  if (!isTimeZone(timeZone)) throw new AppError("invalid", "That is not a time zone we know.", { timeZone: ["Choose a time zone from the list."] });
  await db.user.update({ where: { id: viewer.id }, data: { timeZone }, select: { id: true } });
}
