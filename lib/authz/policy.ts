/**
 * WHAT is allowed, as pure functions over the viewer and plain facts about the object.
 * lib/data enforces these on every call; tests/unit/policy.test.ts covers the matrix.
 */
export const roles = ["student", "instructor"] as const;
export type Role = (typeof roles)[number];

export interface Viewer {
  id: string;
  role: Role;
  name: string;
  email: string;
  /** IANA zone the person's times are shown in (from their browser); null or absent: not known yet. */
  timeZone?: string | null;
}

export interface ClassFacts {
  instructorId: string;
}

export const isInstructor = (viewer: Viewer | null): viewer is Viewer => viewer?.role === "instructor";
export const isStudent = (viewer: Viewer | null): viewer is Viewer => viewer?.role === "student";

export function canCreateClass(viewer: Viewer | null): boolean {
  return isInstructor(viewer);
}

/** Owning instructor only: roster, join code, assignments, the class's progress. */
export function canManageClass(viewer: Viewer | null, cls: ClassFacts): boolean {
  return isInstructor(viewer) && cls.instructorId === viewer.id;
}

export function canViewClass(viewer: Viewer | null, cls: ClassFacts, enrolled: boolean): boolean {
  return canManageClass(viewer, cls) || (isStudent(viewer) && enrolled);
}

export function canJoinClass(viewer: Viewer | null): boolean {
  return isStudent(viewer);
}

/** A person's own account settings (their time zone) are theirs alone to change. */
export function canChangeOwnSettings(viewer: Viewer | null, userId: string): boolean {
  return viewer !== null && viewer.id === userId;
}

/** Only an enrolled student keeps progress on an assignment; the instructor previews it. */
export function canRecordProgress(viewer: Viewer | null, enrolled: boolean): boolean {
  return isStudent(viewer) && enrolled;
}

export function canOpenAssignment(viewer: Viewer | null, cls: ClassFacts, enrolled: boolean): boolean {
  return canViewClass(viewer, cls, enrolled);
}

/** Questions and quizzes belong to the instructor who wrote them. */
export function canManageOwnContent(viewer: Viewer | null, item: { ownerId: string }): boolean {
  return isInstructor(viewer) && item.ownerId === viewer.id;
}

export function canAuthorQuizzes(viewer: Viewer | null): boolean {
  return isInstructor(viewer);
}

/** An enrolled student takes a quiz assigned to their class; nobody else has attempts. */
export function canTakeQuiz(viewer: Viewer | null, enrolled: boolean): boolean {
  return isStudent(viewer) && enrolled;
}

/** Only the student who made an attempt, or the instructor of its class, may see it. */
export function canSeeAttempt(viewer: Viewer | null, attempt: { userId: string }, cls: ClassFacts): boolean {
  return (viewer !== null && attempt.userId === viewer.id) || canManageClass(viewer, cls);
}
