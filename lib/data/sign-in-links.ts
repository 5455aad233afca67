import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canIssueSignInLink, canManageClass, signInLinkStatus, type SignInLinkStatus, type Viewer } from "@/lib/authz/policy";
import { hashToken, newToken, signInLinkPath } from "@/lib/auth/one-time-token";

/**
 * One-time links: an instructor's password reset for a student of their class, and the first
 * sign-in of an account a roster import made (lib/data/roster.ts). Only SHA-256 hashes of the
 * tokens are stored. Setting the password with a link is lib/data/users.ts#setPasswordFromToken.
 */

export const RESET_LINK_HOURS = 24;
export const ROSTER_LINK_DAYS = 7;

export type LinkPurpose = "reset" | "roster";

export interface IssuedLink {
  /** The token itself: in the link, shown once, stored nowhere. */
  token: string;
  path: string;
  expiresAt: Date;
  studentName: string;
}

/**
 * A password-reset link for a student in the viewer's class, valid for 24 hours. Any older
 * unused link for that student stops working, so only the newest one handed out counts.
 */
export async function issuePasswordResetLink(viewer: Viewer, input: { classId: string; studentId: string }, now = new Date()): Promise<IssuedLink> {
  const cls = await db.class.findUnique({ where: { id: input.classId }, select: { id: true, instructorId: true, archivedAt: true } });
  if (!cls) throw new AppError("not_found", "There is no such class.");
  const student = await db.user.findUnique({
    where: { id: input.studentId },
    select: { id: true, name: true, role: true, enrolments: { where: { classId: cls.id }, select: { userId: true } } },
  });
  const facts = { role: student?.role ?? "none", enrolled: (student?.enrolments.length ?? 0) > 0 };
  if (!canIssueSignInLink(viewer, cls, facts)) {
    if (!canManageClass(viewer, cls)) throw new AppError("forbidden", "Only the class's instructor can make links for its students.");
    throw new AppError("not_found", "That student is not in this class.");
  }
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(now.getTime() + RESET_LINK_HOURS * 60 * 60 * 1000);
  await db.$transaction([
    db.signInLink.updateMany({ where: { userId: student!.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } }),
    db.signInLink.create({
      data: { tokenHash, purpose: "reset", userId: student!.id, classId: cls.id, createdById: viewer.id, expiresAt, createdAt: now },
      select: { id: true },
    }),
  ]);
  return { token, path: signInLinkPath(token), expiresAt, studentName: student!.name };
}

export type LinkInspection =
  | { status: "unknown" }
  | { status: Exclude<SignInLinkStatus, "usable"> }
  | { status: "usable"; purpose: LinkPurpose; name: string; email: string; role: string; className: string; expiresAt: Date; timeZone: string };

/**
 * What a link is good for, read by its holder (nobody is signed in: the token is the credential,
 * and signInLinkStatus the policy). The student's name and e-mail only for a usable link.
 */
export async function inspectSignInLink(token: string, now = new Date()): Promise<LinkInspection> {
  const link = await db.signInLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      purpose: true,
      usedAt: true,
      revokedAt: true,
      expiresAt: true,
      classId: true,
      class: { select: { name: true, timeZone: true } },
      user: { select: { id: true, name: true, email: true, role: true, timeZone: true } },
    },
  });
  if (!link) return { status: "unknown" };
  const stillEnrolled = (await db.enrolment.count({ where: { userId: link.user.id, classId: link.classId } })) > 0;
  const status = signInLinkStatus(link, { studentRole: link.user.role, stillEnrolled }, now);
  if (status !== "usable") return { status };
  return {
    status,
    purpose: link.purpose === "roster" ? "roster" : "reset",
    name: link.user.name,
    email: link.user.email,
    role: link.user.role,
    className: link.class.name,
    expiresAt: link.expiresAt,
    // The student's own zone if their browser ever reported one, else their class's.
    timeZone: link.user.timeZone ?? link.class.timeZone,
  };
}
