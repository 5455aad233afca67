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
  /** Set while the class is archived (read-only); absent or null for a class in use. */
  archivedAt?: Date | null;
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

export const isArchived = (cls: ClassFacts): boolean => cls.archivedAt != null;

/**
 * Changes to a class in use: rename, roster changes (remove, import), new assignments, a new
 * join code. An archived class is read-only until its instructor restores it.
 */
export function canEditClass(viewer: Viewer | null, cls: ClassFacts): boolean {
  return canManageClass(viewer, cls) && !isArchived(cls);
}

/** Archiving and restoring: the owner, whatever state the class is in. */
export function canArchiveClass(viewer: Viewer | null, cls: ClassFacts): boolean {
  return canManageClass(viewer, cls);
}

/** The owner takes a student out of a class they are in (their work stays; see lib/data/classes). */
export function canRemoveStudent(viewer: Viewer | null, cls: ClassFacts, studentEnrolled: boolean): boolean {
  return canEditClass(viewer, cls) && studentEnrolled;
}

/** Creating accounts and enrolments from a CSV is a roster change: the owner of a class in use. */
export function canImportRoster(viewer: Viewer | null, cls: ClassFacts): boolean {
  return canEditClass(viewer, cls);
}

/**
 * A one-time sign-in or password-reset link: only the class's instructor, only for a student who
 * is in that class now. Never for an instructor's account (that would hand one teacher another's
 * account). Allowed in an archived class: a forgotten password is not a change to the class.
 */
export function canIssueSignInLink(viewer: Viewer | null, cls: ClassFacts, student: { role: string; enrolled: boolean }): boolean {
  return canManageClass(viewer, cls) && student.role === "student" && student.enrolled;
}

export type JoinStatus = "open" | "expired" | "archived";

/** Whether a class takes new students by its code right now. */
export function joinStatus(cls: ClassFacts & { joinCodeExpiresAt: Date | null }, now: Date): JoinStatus {
  if (isArchived(cls)) return "archived";
  if (cls.joinCodeExpiresAt && cls.joinCodeExpiresAt.getTime() < now.getTime()) return "expired";
  return "open";
}

export type SignInLinkStatus = "usable" | "used" | "replaced" | "expired" | "left-class" | "not-a-student";

/**
 * Whether a one-time link may still set a password. The token in the link is the only credential
 * its holder has, so every condition is checked again when it is used.
 */
export function signInLinkStatus(
  link: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  facts: { studentRole: string; stillEnrolled: boolean },
  now: Date,
): SignInLinkStatus {
  if (link.usedAt) return "used";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  if (facts.studentRole !== "student") return "not-a-student";
  if (!facts.stillEnrolled) return "left-class";
  if (link.revokedAt) return "replaced";
  return "usable";
}

export function canViewClass(viewer: Viewer | null, cls: ClassFacts, enrolled: boolean): boolean {
  return canManageClass(viewer, cls) || (isStudent(viewer) && enrolled);
}

export function canJoinClass(viewer: Viewer | null): boolean {
  return isStudent(viewer);
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

/**
 * Whether a session row still signs its user in: the account the cookie names, not revoked (signed
 * out, out everywhere, password changed), not past its end. The cookie alone proves none of this.
 */
export function isSessionLive(session: { userId: string; revokedAt: Date | null; expiresAt: Date }, userId: string, now: Date): boolean {
  return session.userId === userId && session.revokedAt === null && session.expiresAt.getTime() > now.getTime();
}

/** A person's sign-in settings (password, sessions) are theirs alone. */
export function canManageOwnAccount(viewer: Viewer | null, userId: string): boolean {
  return viewer !== null && viewer.id === userId;
}

/** Why a student cannot start (or resume) a quiz now, or null when they can. */
export type QuizStartBlock = "not-open" | "reading-first" | "closed" | "no-attempts-left" | "no-questions";

export interface QuizStartFacts {
  opensAt: Date | null;
  closesAt: Date | null;
  /** The quiz opens after the reading and this student has not finished it. */
  waitsForReading: boolean;
  attemptsAllowed: number;
  attemptsUsed: number;
  questionCount: number;
  hasAttemptInProgress: boolean;
}

/**
 * Can this student start the quiz? The one rule, used by startAttempt and by the quiz page's
 * start button. An attempt in progress always resumes once the quiz is open (even if a reading
 * part was unmarked since, or the quiz closed: its own deadline ends it).
 */
export function quizStartBlock(f: QuizStartFacts, now: Date): QuizStartBlock | null {
  if (f.opensAt && now < f.opensAt) return "not-open";
  if (f.hasAttemptInProgress) return null;
  if (f.waitsForReading) return "reading-first";
  if (f.closesAt && now >= f.closesAt) return "closed";
  if (f.attemptsAllowed > 0 && f.attemptsUsed >= f.attemptsAllowed) return "no-attempts-left";
  if (f.questionCount === 0) return "no-questions";
  return null;
}

export const FINISH_READING_FIRST = "This quiz opens once you have read every part of the reading. Finish the reading first.";

/** What the student is told, and the status a refused start gets. `when` formats the opening time in their zone. */
export function quizStartRefusal(
  block: QuizStartBlock,
  f: Pick<QuizStartFacts, "opensAt" | "attemptsAllowed">,
  when?: (d: Date) => string,
): { code: "forbidden" | "conflict" | "invalid"; message: string } {
  switch (block) {
    case "not-open":
      return { code: "forbidden", message: f.opensAt && when ? `This quiz is not open yet. It opens on ${when(f.opensAt)}.` : "This quiz is not open yet." };
    case "reading-first":
      return { code: "forbidden", message: FINISH_READING_FIRST };
    case "closed":
      return { code: "forbidden", message: "This quiz has closed." };
    case "no-attempts-left":
      return {
        code: "conflict",
        message: f.attemptsAllowed === 1 ? "You have already used your attempt at this quiz." : `You have used all ${f.attemptsAllowed} attempts at this quiz.`,
      };
    case "no-questions":
      return { code: "invalid", message: "This quiz has no questions yet." };
  }
}

/**
 * Answers are given, saved and submitted by the student whose attempt it is, nobody else, and
 * only while they are in the class. A student removed from the class keeps their attempts
 * (canSeeAttempt) but can't go on writing in that class's quiz; if they rejoin, the attempt is
 * theirs to continue.
 */
export function canWorkInAttempt(viewer: Viewer | null, attempt: { userId: string }, enrolled: boolean): boolean {
  return isStudent(viewer) && viewer.id === attempt.userId && enrolled;
}

/**
 * Live class sessions. The class's instructor starts one (on a class in use) and drives it; the
 * projector is theirs too (it shows no names, but results are the instructor's to reveal).
 */
export function canStartLiveSession(viewer: Viewer | null, cls: ClassFacts): boolean {
  return canEditClass(viewer, cls);
}

/** Going to moments, adding them, closing answers, spotlighting, ending: the class's instructor only. */
export function canControlLiveSession(viewer: Viewer | null, cls: ClassFacts): boolean {
  return canManageClass(viewer, cls);
}

/** Who sees the responses (the projector's anonymized results, the per-student table, the CSV). */
export function canSeeLiveResponses(viewer: Viewer | null, cls: ClassFacts): boolean {
  return canManageClass(viewer, cls);
}

/** Joining and answering: a student enrolled in the session's class now. */
export function canJoinLiveSession(viewer: Viewer | null, enrolled: boolean): boolean {
  return isStudent(viewer) && enrolled;
}

// ---------------------------------------------------------------- discussion on the reading

export type DiscussionVisibility = "class" | "groups" | "post-before-see";

/** Who is looking at an assignment's discussion, as far as the rules care. */
export interface DiscussionViewer {
  id: string;
  /** The class's own instructor (sees everything but others' private notes). */
  isClassInstructor: boolean;
  /** Groups mode: the viewer's group (null: in none). */
  groupId: string | null;
  /** Post-before-see: prompts the viewer has answered with a post of their own. */
  answeredPrompts: ReadonlySet<string>;
}

export interface DiscussionSettingsFacts {
  visibility: DiscussionVisibility;
  anonymous: boolean;
}

export interface AnnotationFacts {
  authorId: string;
  authorIsInstructor: boolean;
  /** The author's group in this assignment (groups mode). */
  authorGroupId: string | null;
  kind: string;
  /** The thread's prompt (a reply carries its thread's). */
  promptId: string | null;
  hidden: boolean;
  deleted: boolean;
}

/** Reading an assignment's discussion: anyone who may open the assignment. */
export function canReadDiscussion(viewer: Viewer | null, cls: ClassFacts, enrolled: boolean): boolean {
  return canOpenAssignment(viewer, cls, enrolled);
}

/** Posting (a thread, a reply, a note): an enrolled student or the class's instructor, in a class in use. */
export function canPostInDiscussion(viewer: Viewer | null, cls: ClassFacts, enrolled: boolean): boolean {
  if (isArchived(cls)) return false;
  return canManageClass(viewer, cls) || (isStudent(viewer) && enrolled);
}

/** A reply needs a live parent: not deleted, not hidden, not a private note. */
export function canReplyTo(parent: { deleted: boolean; hidden: boolean; kind: string }): boolean {
  return !parent.deleted && !parent.hidden && parent.kind !== "note";
}

/** Editing and deleting: the author only (the instructor hides, never rewrites). */
export function canEditAnnotation(viewer: Viewer | null, post: { authorId: string; deleted: boolean }, cls: ClassFacts): boolean {
  return viewer !== null && post.authorId === viewer.id && !post.deleted && !isArchived(cls);
}

export function canDeleteAnnotation(viewer: Viewer | null, post: { authorId: string; deleted: boolean }, cls: ClassFacts): boolean {
  return canEditAnnotation(viewer, post, cls);
}

/** Hide, pin, endorse: the class's instructor only. */
export function canModerateDiscussion(viewer: Viewer | null, cls: ClassFacts): boolean {
  return canManageClass(viewer, cls);
}

/** Settings, prompts, groups, the participation view and exports: the class's instructor. */
export function canManageDiscussion(viewer: Viewer | null, cls: ClassFacts): boolean {
  return canManageClass(viewer, cls);
}

/** Helpful marks: a student of the class, on someone else's visible post. */
export function canMarkHelpful(viewer: Viewer | null, post: { authorId: string; deleted: boolean; hidden: boolean }, enrolled: boolean): boolean {
  return isStudent(viewer) && enrolled && post.authorId !== viewer.id && !post.deleted && !post.hidden;
}

/**
 * Whether one post reaches this viewer (thread rules are applied on top: see
 * lib/discussion/visibility.ts). Hidden posts reach only the instructor; private notes only
 * their author; in groups mode a student sees their group and the instructor; with
 * post-before-see a student sees classmates' posts on a prompt only once they have answered it.
 */
export function canSeeAnnotation(viewer: DiscussionViewer, settings: DiscussionSettingsFacts, post: AnnotationFacts): boolean {
  const own = post.authorId === viewer.id;
  if (post.kind === "note") return own;
  if (viewer.isClassInstructor) return true;
  if (post.hidden) return false;
  if (own || post.authorIsInstructor) return true;
  if (settings.visibility === "groups") {
    if (viewer.groupId === null || post.authorGroupId !== viewer.groupId) return false;
  }
  if (settings.visibility === "post-before-see" && post.promptId !== null) {
    if (!viewer.answeredPrompts.has(post.promptId)) return false;
  }
  return true;
}

/** Classmates' names: shown unless the instructor made the discussion anonymous; never hidden from the instructor. */
export function canSeeAuthorName(viewer: DiscussionViewer, settings: DiscussionSettingsFacts, post: { authorId: string; authorIsInstructor: boolean }): boolean {
  return viewer.isClassInstructor || !settings.anonymous || post.authorId === viewer.id || post.authorIsInstructor;
}
