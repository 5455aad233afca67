import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { roles, signInLinkStatus, type Role, type Viewer } from "@/lib/authz/policy";
import { hashToken, linkProblemMessage } from "@/lib/auth/one-time-token";
import type { SignUpInput } from "@/lib/validation/auth";
import { isUniqueViolation } from "./prisma-errors";

const viewerSelect = { id: true, email: true, name: true, role: true } as const;

function toViewer(row: { id: string; email: string; name: string; role: string }): Viewer {
  const role: Role = (roles as readonly string[]).includes(row.role) ? (row.role as Role) : "student";
  return { id: row.id, email: row.email, name: row.name, role };
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

/**
 * Sets a student's password with a one-time link (a reset, or a roster account's first sign-in).
 * The token is the credential, so signInLinkStatus is checked again here, and the link is
 * consumed with a conditional update inside the transaction: of two tabs (or two app instances)
 * using the same link at once, exactly one succeeds. Every other unused link for the student
 * stops working. The caller validates the password (as sign-up does) and then signs them in.
 */
export async function setPasswordFromToken(token: string, password: string, now = new Date()): Promise<{ email: string }> {
  const link = await db.signInLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, usedAt: true, revokedAt: true, expiresAt: true, classId: true, userId: true, user: { select: { email: true, role: true } } },
  });
  if (!link) throw new AppError("not_found", linkProblemMessage("unknown").message);
  const gone = (status: Parameters<typeof linkProblemMessage>[0]) => {
    const { title, message } = linkProblemMessage(status);
    return new AppError("gone", `${title}. ${message}`);
  };
  const enrolledNow = async (tx: Pick<typeof db, "enrolment">) => (await tx.enrolment.count({ where: { userId: link.userId, classId: link.classId } })) > 0;
  const before = signInLinkStatus(link, { studentRole: link.user.role, stillEnrolled: await enrolledNow(db) }, now);
  if (before !== "usable") throw gone(before);

  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const consumed = await tx.signInLink.updateMany({
      where: { id: link.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (consumed.count !== 1) throw gone("used");
    if (!(await enrolledNow(tx))) throw gone("left-class");
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash }, select: { id: true } });
    await tx.signInLink.updateMany({ where: { userId: link.userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    // Signing out the student's other sessions belongs here too (a per-user session version),
    // in this transaction, once sessions can be revoked.
  });
  return { email: link.user.email };
}
