/**
 * Writes the authorization matrix's world (tests/e2e/authz/world.ts) into the e2e database, once
 * per run, from tests/e2e/server.mts. Questions, snapshots and grades go through the same pure
 * helpers the demo seed and lib/data use, so the rows are what the app itself would have written.
 */
import type { Db } from "../../../lib/db/client.ts";
import { hashPassword, unusablePasswordHash } from "../../../lib/auth/password.ts";
import { hashToken } from "../../../lib/auth/one-time-token.ts";
import { authoredQuestionSchema } from "../../../lib/question-types/schemas.ts";
import { questionColumns } from "../../../lib/quiz/question-row.ts";
import { buildSnapshot, gradeSnapshot, type QuizItemRow } from "../../../lib/quiz/snapshot.ts";
import { linkHolders, mcKeyAtTheTime, questions, READING_SLUG, removable, submittedAnswers, users, W, WORLD_PASSWORD } from "./world.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
const DAY = 24 * 60 * 60 * 1000;

export async function seedAuthzWorld(db: Db): Promise<void> {
  const passwordHash = await hashPassword(WORLD_PASSWORD);
  const reading = await db.reading.findUniqueOrThrow({ where: { slug: READING_SLUG }, select: { id: true } });
  const now = new Date();
  const inAYear = new Date(now.getTime() + 365 * DAY);

  await db.$transaction(async (tx: Tx) => {
    for (const u of Object.values(users)) await tx.user.create({ data: { ...u, passwordHash }, select: { id: true } });
    await tx.user.create({ data: { ...removable, passwordHash }, select: { id: true } });
    // As a roster import makes them: no password until the link sets one.
    for (const { token: _token, ...u } of Object.values(linkHolders)) await tx.user.create({ data: { ...u, role: "student", passwordHash: unusablePasswordHash() }, select: { id: true } });

    const owner = users.owner.id;
    const archivedAt = new Date(now.getTime() - DAY);
    const classes: { id: string; name: string; instructorId: string; joinCode: string; students: string[]; archivedAt?: Date }[] = [
      { id: W.class, name: W.className, instructorId: owner, joinCode: W.classCode, students: [users.student.id, users.classmate.id] },
      { id: W.joinClass, name: W.joinClassName, instructorId: owner, joinCode: W.joinClassCode, students: [] },
      { id: W.codeClass, name: "Authz: a class with a code to renew", instructorId: owner, joinCode: W.codeClassCode, students: [] },
      { id: W.otherClass, name: "Authz: the other instructor's class", instructorId: users.otherInstructor.id, joinCode: W.otherClassCode, students: [users.otherStudent.id] },
      { id: W.archiveClass, name: "Authz: a class to archive", instructorId: owner, joinCode: "AUTHZEEE", students: [] },
      { id: W.restoreClass, name: "Authz: a class to restore", instructorId: owner, joinCode: "AUTHZFFF", students: [], archivedAt },
      { id: W.archivedClass, name: W.archivedClassName, instructorId: owner, joinCode: "AUTHZGGG", students: [users.student.id], archivedAt },
      { id: W.rosterClass, name: "Authz: a roster to change", instructorId: owner, joinCode: "AUTHZHHH", students: [removable.id] },
      // The student was in it and was removed: no enrolment, the attempt below stays.
      { id: W.leftClass, name: "Authz: a class the student left", instructorId: owner, joinCode: "AUTHZJJJ", students: [] },
      { id: W.linkClass, name: "Authz: the class of the link holders", instructorId: owner, joinCode: "AUTHZKKK", students: Object.values(linkHolders).map((h) => h.id) },
    ];
    for (const { students, ...cls } of classes) {
      await tx.class.create({ data: { ...cls, joinCodeExpiresAt: inAYear }, select: { id: true } });
      for (const userId of students) await tx.enrolment.create({ data: { userId, classId: cls.id } });
    }
    for (const [label, holder] of Object.entries(linkHolders)) {
      await tx.signInLink.create({
        data: {
          tokenHash: hashToken(holder.token),
          purpose: "reset",
          userId: holder.id,
          classId: W.linkClass,
          createdById: owner,
          createdAt: now,
          expiresAt: inAYear,
          usedAt: label === "used" ? now : null,
        },
        select: { id: true },
      });
    }
    await tx.assignment.create({ data: { id: W.assignment, classId: W.class, readingId: reading.id, dueAt: new Date(now.getTime() + 7 * DAY) } });
    await tx.assignment.create({ data: { id: W.otherAssignment, classId: W.otherClass, readingId: reading.id } });

    const question = (id: string, ownerId: string, q: unknown) =>
      tx.question.create({ data: { id, ...questionColumns(authoredQuestionSchema.parse(q)), ownerId, readingId: reading.id } });
    const essay = await question(W.qEssay, users.owner.id, questions.essay);
    const evidence = await question(W.qEvidence, users.owner.id, questions.evidence);
    const mc = await question(W.qMc, users.owner.id, questions.mc);
    const short = await question(W.qShort, users.owner.id, questions.short);
    await question(W.qBankOnly, users.owner.id, questions.bankOnly);
    await question(W.qToEdit, users.owner.id, questions.toEdit);
    await question(W.qToDelete, users.owner.id, questions.toDelete);
    const other = await question(W.otherQuestion, users.otherInstructor.id, questions.other);

    const quiz = (id: string, ownerId: string, title: string, items: { id?: string; question: { id: string; defaultPoints: number } }[]) =>
      tx.quiz.create({
        data: {
          id,
          ownerId,
          readingId: reading.id,
          title,
          attemptsAllowed: 0,
          items: { create: items.map((item, position) => ({ id: item.id, questionId: item.question.id, position, points: item.question.defaultPoints })) },
        },
        select: { id: true },
      });
    await quiz(W.quiz, users.owner.id, W.quizTitle, [{ question: essay }, { question: evidence }, { question: mc }]);
    await quiz(W.quizToEdit, users.owner.id, "Authz: the quiz to edit", [
      { id: W.editItem1, question: mc },
      { id: W.editItem2, question: short },
      { id: W.editItemToRemove, question: essay },
    ]);
    await quiz(W.quizToAssign, users.owner.id, "Authz: the quiz to assign", [{ question: mc }]);
    await quiz(W.quizToSubmit, users.owner.id, "Authz: the quiz to submit", [{ question: short }]);
    await quiz(W.otherQuiz, users.otherInstructor.id, "Authz: the other instructor's quiz", [{ id: W.otherItem, question: other }]);

    await tx.quizAssignment.create({ data: { id: W.qa, quizId: W.quiz, classId: W.class } });
    await tx.quizAssignment.create({ data: { id: W.qaToSubmit, quizId: W.quizToSubmit, classId: W.class } });
    await tx.quizAssignment.create({ data: { id: W.otherQa, quizId: W.otherQuiz, classId: W.otherClass } });
    await tx.quizAssignment.create({ data: { id: W.leftQa, quizId: W.quizToSubmit, classId: W.leftClass } });

    // The live session: running, on its one moment, an open question (a snapshot, as lib/data/live.ts takes one from the bank).
    await tx.liveSession.create({ data: { id: W.liveSession, classId: W.class, assignmentId: W.assignment, instructorId: owner, code: W.liveCode, currentMomentId: W.liveAsk, startedAt: now } });
    const { defaultPoints: _points, ...askSnapshot } = questions.short;
    await tx.liveMoment.create({
      data: { id: W.liveAsk, sessionId: W.liveSession, position: 1, kind: "ask", questionId: short.id, question: JSON.stringify({ ...askSnapshot, seed: "authz-live" }), status: "open", round: 1, openedAt: now },
    });
    await tx.assignment.create({ data: { id: W.liveStartAssignment, classId: W.codeClass, readingId: reading.id } });

    // The discussion: the student's posts and the owner's prompts on the class's reading.
    for (const [id, body] of [
      [W.post, "Authz: the student's post"],
      [W.postToEdit, "Authz: the student's post to edit"],
      [W.postToDelete, "Authz: the student's post to delete"],
    ] as const) {
      await tx.annotation.create({ data: { id, assignmentId: W.assignment, authorId: users.student.id, kind: "comment", body, paragraphAnchor: "p-12" }, select: { id: true } });
    }
    for (const [id, body] of [
      [W.prompt, "Authz: the owner's prompt"],
      [W.promptToDelete, "Authz: the prompt to delete"],
    ] as const) {
      await tx.discussionPrompt.create({ data: { id, assignmentId: W.assignment, paragraphAnchor: "p-12", body }, select: { id: true } });
    }

    const row = (q: typeof essay, config?: unknown): QuizItemRow => ({ points: q.defaultPoints, question: config ? { ...q, config: JSON.stringify(config) } : q });
    // The submitted attempt was taken under the old multiple-choice key, so it scored that answer wrong.
    await attempt(tx, { id: W.attempt, qa: W.qa, userId: users.student.id, number: 1, items: [row(essay), row(evidence), row(mc, mcKeyAtTheTime)], answers: [submittedAnswers.essay, submittedAnswers.evidence, submittedAnswers.mc], submittedAt: new Date(now.getTime() - DAY) });
    await attempt(tx, { id: W.attemptOpen, qa: W.qa, userId: users.student.id, number: 2, items: [row(essay), row(evidence), row(mc)], answers: [], submittedAt: null });
    await attempt(tx, { id: W.attemptToSubmit, qa: W.qaToSubmit, userId: users.student.id, number: 1, items: [row(short)], answers: [], submittedAt: null });
    await attempt(tx, { id: W.leftAttempt, qa: W.leftQa, userId: users.student.id, number: 1, items: [row(short)], answers: [], submittedAt: null });
    await attempt(tx, { id: W.otherAttempt, qa: W.otherQa, userId: users.otherStudent.id, number: 1, items: [row(other)], answers: [{ text: "Solidarity" }], submittedAt: new Date(now.getTime() - DAY) });
  });
}

/** An attempt as lib/data writes one: a snapshot, and when submitted, graded answers and a score. */
async function attempt(tx: Tx, a: { id: string; qa: string; userId: string; number: number; items: QuizItemRow[]; answers: unknown[]; submittedAt: Date | null }) {
  const snapshot = buildSnapshot(a.items, `authz-${a.id}`, false);
  const responses = new Map(snapshot.flatMap((item, i) => (a.answers[i] === undefined ? [] : [[item.key, a.answers[i]] as const])));
  const graded = gradeSnapshot(snapshot, responses);
  const submitted = a.submittedAt !== null;
  await tx.attempt.create({
    data: {
      id: a.id,
      quizAssignmentId: a.qa,
      userId: a.userId,
      number: a.number,
      status: submitted ? "submitted" : "in-progress",
      startedAt: new Date((a.submittedAt ?? new Date()).getTime() - 20 * 60 * 1000),
      submittedAt: a.submittedAt,
      snapshot: JSON.stringify(snapshot),
      score: submitted ? graded.score : null,
      maxScore: snapshot.reduce((s, q) => s + q.points, 0),
      needsGrading: submitted && graded.needsGrading,
    },
    select: { id: true },
  });
  if (!submitted) return;
  for (const { item, result } of graded.items) {
    if (!responses.has(item.key)) continue;
    await tx.attemptResponse.create({
      data: {
        attemptId: a.id,
        questionKey: item.key,
        response: JSON.stringify(responses.get(item.key)),
        savedAt: a.submittedAt!,
        fraction: result.fraction,
        state: result.state,
        feedback: JSON.stringify(result.feedback),
      },
    });
  }
}
