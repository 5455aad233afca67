import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canImportRoster, canManageClass, type Viewer } from "@/lib/authz/policy";
import { unusablePasswordHash } from "@/lib/auth/password";
import { newToken, signInLinkPath } from "@/lib/auth/one-time-token";
import { MAX_ROSTER_BYTES, parseRosterCsv, type RosterProblem, type RosterRow } from "@/lib/roster/csv";
import { ROSTER_LINK_DAYS } from "./sign-in-links";
import { isUniqueViolation } from "./prisma-errors";

/**
 * Roster import: a CSV of names and e-mails becomes student accounts and enrolments in one
 * transaction. A new account gets an unusable password and a one-time sign-in link (7 days) for
 * the teacher to hand out; the links are returned once and only their hashes are kept. An
 * existing student account with that e-mail is enrolled, not re-created, and gets no link (its
 * owner has a password; the roster's reset link is there if they forgot it).
 */

export interface RosterPreviewRow extends RosterRow {
  /** "create": a new student account; "enrol": an existing student account joins the class. */
  action: "create" | "enrol";
  /** For "enrol": the name on the existing account (kept; the file's name is not applied). */
  accountName?: string;
}

export interface RosterPreview {
  rows: RosterPreviewRow[];
  /** Lines that will not be imported, with why. */
  problems: RosterProblem[];
  hasHeader: boolean;
}

export interface RosterImportResult {
  created: { line: number; name: string; email: string; token: string; path: string }[];
  enrolled: { line: number; name: string; email: string }[];
  problems: RosterProblem[];
  linksExpireAt: Date;
}

type Tx = Pick<typeof db, "user" | "class">;

async function loadClassFor(viewer: Viewer, classId: string) {
  const cls = await db.class.findUnique({ where: { id: classId }, select: { id: true, instructorId: true, archivedAt: true } });
  if (!cls) throw new AppError("not_found", "There is no such class.");
  if (!canImportRoster(viewer, cls)) {
    if (!canManageClass(viewer, cls)) throw new AppError("forbidden", "Only the class's instructor can import its roster.");
    throw new AppError("conflict", "This class is archived, so it takes no new students. Restore it first.");
  }
  return cls;
}

function parseOrThrow(text: string) {
  if (text.length > MAX_ROSTER_BYTES) {
    throw new AppError("payload_too_large", `That is more than one import can take (${MAX_ROSTER_BYTES / 1024} KB). Split the list into several files.`);
  }
  const parsed = parseRosterCsv(text);
  if (!parsed.ok) throw new AppError("invalid", parsed.message, { text: [parsed.message] });
  return parsed;
}

/** Sorts the file's rows against the accounts that exist now; lines that can't be imported become problems. */
async function classify(tx: Tx, classId: string, rows: RosterRow[]): Promise<{ rows: RosterPreviewRow[]; problems: RosterProblem[] }> {
  const accounts = await tx.user.findMany({
    where: { email: { in: rows.map((r) => r.email) } },
    select: { id: true, email: true, name: true, role: true, enrolments: { where: { classId }, select: { userId: true } } },
  });
  const byEmail = new Map(accounts.map((a) => [a.email, a]));
  const out: RosterPreviewRow[] = [];
  const problems: RosterProblem[] = [];
  for (const row of rows) {
    const account = byEmail.get(row.email);
    if (!account) out.push({ ...row, action: "create" });
    else if (account.role !== "student") problems.push({ line: row.line, message: `${row.email} belongs to an instructor’s account; only students can be added to a class.` });
    else if (account.enrolments.length > 0) problems.push({ line: row.line, message: `${row.email} is already in this class.` });
    // Not enrolled by the file: an instructor who could add any account by its e-mail could then
    // issue it a password link and take it over. The student joins with the code instead; the
    // account's name is not shown either.
    else problems.push({ line: row.line, message: `${row.email} already has an account. Give this student the join code or join link instead; their account stays theirs.` });
  }
  return { rows: out, problems };
}

const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;

/** What an import of this text would do; nothing is written. */
export async function previewRosterImport(viewer: Viewer, classId: string, text: string): Promise<RosterPreview> {
  const cls = await loadClassFor(viewer, classId);
  const parsed = parseOrThrow(text);
  const { rows, problems } = await classify(db, cls.id, parsed.rows);
  return { rows, problems: [...parsed.problems, ...problems].sort(byLine), hasHeader: parsed.hasHeader };
}

/**
 * Imports the lines that can be imported (the preview's rows), all in one transaction, checked
 * again against the accounts as they are at that moment. Lines with problems are skipped and
 * reported, as in the preview.
 */
export async function importRoster(viewer: Viewer, classId: string, text: string, now = new Date()): Promise<RosterImportResult> {
  const cls = await loadClassFor(viewer, classId);
  const parsed = parseOrThrow(text);
  const linksExpireAt = new Date(now.getTime() + ROSTER_LINK_DAYS * 24 * 60 * 60 * 1000);
  try {
    return await db.$transaction(
      async (tx) => {
        const { rows, problems } = await classify(tx, cls.id, parsed.rows);
        if (rows.length === 0) throw new AppError("invalid", "None of these lines can be imported; see the problems listed.");
        const toCreate = rows.filter((r) => r.action === "create");
        // createMany, then read the ids back with the existing accounts': createManyAndReturn
        // took seconds for 500 rows on SQLite here.
        if (toCreate.length) {
          await tx.user.createMany({
            data: toCreate.map((r) => ({ email: r.email, name: r.name, role: "student", passwordHash: unusablePasswordHash() })),
          });
        }
        const existing = rows.filter((r) => r.action === "enrol");
        const ids = await tx.user.findMany({ where: { email: { in: rows.map((r) => r.email) } }, select: { id: true, email: true } });
        const idByEmail = new Map(ids.map((u) => [u.email, u.id]));
        await tx.enrolment.createMany({ data: rows.map((r) => ({ userId: idByEmail.get(r.email)!, classId: cls.id, joinedAt: now })) });
        const created = toCreate.map((r) => ({ ...r, ...newToken() }));
        if (created.length) {
          await tx.signInLink.createMany({
            data: created.map((r) => ({
              tokenHash: r.tokenHash,
              purpose: "roster",
              userId: idByEmail.get(r.email)!,
              classId: cls.id,
              createdById: viewer.id,
              createdAt: now,
              expiresAt: linksExpireAt,
            })),
          });
        }
        return {
          created: created.map((r) => ({ line: r.line, name: r.name, email: r.email, token: r.token, path: signInLinkPath(r.token) })),
          enrolled: existing.map((r) => ({ line: r.line, name: r.accountName ?? r.name, email: r.email })),
          problems: [...parsed.problems, ...problems].sort(byLine),
          linksExpireAt,
        };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  } catch (e) {
    // Someone signed up with one of these e-mails, or joined, while this ran: nothing was written.
    if (isUniqueViolation(e)) throw new AppError("conflict", "Some of these students got an account or joined the class just now, so nothing was imported. Preview again and import.");
    throw e;
  }
}
