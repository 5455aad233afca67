/**
 * Small helpers shared by the integration tests: people to act as, and assertions on AppError.
 * Users are inserted directly (with a placeholder hash) so tests need not pay for argon2 each time;
 * the sign-up path itself is covered by data-users.test.ts.
 */
import { randomBytes } from "node:crypto";

import { expect } from "vitest";

import type { Viewer, Role } from "@/lib/authz/policy";
import type { Db } from "@/lib/db/client";
import { AppError, type AppErrorCode } from "@/lib/errors";
import type { QuizSettings } from "@/lib/validation/quizzes";

let counter = 0;

export async function createUser(db: Db, role: Role, label: string = role): Promise<Viewer> {
  counter += 1;
  const tag = `${label}-${counter}-${randomBytes(3).toString("hex")}`;
  const row = await db.user.create({
    data: { email: `${tag}@example.test`, name: `Test ${tag}`, role, passwordHash: "not-a-real-hash" },
    select: { id: true, email: true, name: true, role: true },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role as Role };
}

export async function viewerByEmail(db: Db, email: string): Promise<Viewer> {
  const row = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, role: true } });
  return { id: row.id, email: row.email, name: row.name, role: row.role as Role };
}

/** Awaits the promise, expects it to reject with an AppError of this code, and returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected an AppError "${code}", but the call succeeded`).not.toBeNull();
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** A class of the instructor's with these students in it (through the real join code). */
export async function classWith(db: Db, instructor: Viewer, name: string, students: Viewer[]): Promise<string> {
  const classes = await import("@/lib/data/classes");
  const classId = (await classes.createClass(instructor, { name })).id;
  const { joinCode } = await db.class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } });
  for (const s of students) await classes.joinClass(s, joinCode);
  return classId;
}

/** Quiz settings with everything off or open, and the review shown at once; override what a test is about. */
export function quizSettings(over: Partial<QuizSettings> = {}): QuizSettings {
  return {
    title: "Mielke and Andropov",
    description: "",
    attemptsAllowed: 1,
    opensAt: null,
    closesAt: null,
    timeLimitMinutes: null,
    shuffleQuestions: false,
    shuffleOptions: true,
    reviewWhen: "immediately",
    reviewScore: true,
    reviewCorrectness: true,
    reviewAnswers: true,
    reviewFeedback: true,
    ...over,
  };
}

/**
 * The view id the student's browser has for the option with this text, as a click on it sends:
 * authored option ids never reach the browser, so tests answer the way the player does.
 */
export async function optionIdFor(attempts: typeof import("@/lib/data/attempts"), who: Viewer, attemptId: string, key: string, text: string, now?: Date): Promise<string> {
  // `now` for tests that move the clock: opening the player at the real time would close a timed attempt.
  const player = await attempts.getAttemptForPlayer(who, attemptId, now);
  const view = player.questions.find((q) => q.key === key)?.view as { options?: { id: string; text: string }[] } | undefined;
  const id = view?.options?.find((o) => o.text === text)?.id;
  if (!id) throw new Error(`No option "${text}" in ${key}`);
  return id;
}
