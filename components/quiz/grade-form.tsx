"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { gradeResponseAction, regradeAction } from "@/lib/actions/grading";
import { initialFormState } from "@/lib/actions/form-state";
import { FormMessage } from "@/components/ui/field";
import { formatPoints, pluralPoints } from "@/lib/format";

const toNumber = (s: string | undefined): number | null => {
  if (s === undefined) return null;
  const t = s.trim().replace(",", ".");
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
};

export interface RubricCriterion {
  id: string;
  criterion: string;
  maxPoints: number;
}

/**
 * Grading one answer by hand: a score per rubric criterion (essays with a rubric) or the points
 * earned (any other answer, as an override), and a comment for the student. The server reads
 * the rubric and the points from the attempt itself; this form only says what the grader typed.
 */
export function GradeForm({
  attemptId,
  questionKey,
  questionLabel,
  idPrefix = questionKey,
  next,
  points,
  rubric,
  savedRubricScores,
  savedEarned,
  savedComment,
}: {
  attemptId: string;
  questionKey: string;
  /** e.g. "question 3", for the button's accessible name. */
  questionLabel: string;
  /** Makes the fields' ids unique where several answers to one question share a page. */
  idPrefix?: string;
  /** Grading by question: offer "Save and next ungraded", which goes on to the next answer waiting in this quiz. */
  next?: { quizAssignmentId: string; questionId: string } | undefined;
  points: number;
  rubric: RubricCriterion[] | null;
  savedRubricScores: Record<string, number> | null;
  savedEarned: number | null;
  savedComment: string | null;
}) {
  const [state, action, pending] = useActionState(gradeResponseAction, initialFormState);
  const useRubric = (rubric?.length ?? 0) > 0;
  const criteria = rubric ?? [];

  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map((c) => [c.id, savedRubricScores && typeof savedRubricScores[c.id] === "number" ? String(savedRubricScores[c.id]) : ""])),
  );
  const [earned, setEarned] = useState(savedEarned !== null ? formatPoints(savedEarned) : "");
  const [comment, setComment] = useState(savedComment ?? "");

  // After a refused save, take the grader to the first field that needs fixing; otherwise keep
  // focus on the button, which was disabled while saving (so the browser dropped focus).
  const formRef = useRef<HTMLFormElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state === initialFormState) return;
    const invalidField = state.ok ? null : formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalidField) invalidField.focus();
    else if (document.activeElement === document.body || document.activeElement === null) saveRef.current?.focus();
  }, [state]);

  const errorsFor = (name: string) => state.fieldErrors?.[name];
  const id = (name: string) => `${idPrefix}-${name.replace(/\./g, "-")}`;

  const rubricMax = criteria.reduce((s, c) => s + c.maxPoints, 0);
  const rubricSum = criteria.reduce((s, c) => {
    const n = toNumber(scores[c.id]);
    return s + (n === null ? 0 : Math.min(c.maxPoints, Math.max(0, n)));
  }, 0);
  const blanks = criteria.filter((c) => toNumber(scores[c.id]) === null).length;

  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="attemptId" value={attemptId} />
      <input type="hidden" name="questionKey" value={questionKey} />
      <input type="hidden" name="mode" value={useRubric ? "rubric" : "points"} />
      {next ? (
        <>
          <input type="hidden" name="quizAssignmentId" value={next.quizAssignmentId} />
          <input type="hidden" name="questionId" value={next.questionId} />
        </>
      ) : null}

      {useRubric ? (
        <fieldset className="space-y-3">
          <legend className="field-label">Rubric</legend>
          {criteria.map((c) => {
            const name = `rubric.${c.id}`;
            const errors = errorsFor(name);
            const hintId = `${id(name)}-hint`;
            const errorId = `${id(name)}-error`;
            return (
              <div key={c.id} className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(0,1fr)_8rem] sm:items-start">
                <label htmlFor={id(name)} className="text-base">
                  {c.criterion}
                  <span id={hintId} className="block text-sm text-muted">
                    0 to {pluralPoints(c.maxPoints)}
                  </span>
                </label>
                <div>
                  <input
                    id={id(name)}
                    name={name}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={c.maxPoints}
                    step="0.5"
                    value={scores[c.id] ?? ""}
                    onChange={(e) => setScores((s) => ({ ...s, [c.id]: e.target.value }))}
                    aria-invalid={errors?.length ? true : undefined}
                    aria-describedby={[hintId, errors?.length ? errorId : null].filter(Boolean).join(" ")}
                    className="field-input mt-0 text-lg tabular-nums"
                  />
                  {errors?.length ? (
                    <p id={errorId} className="field-error">
                      {errors.join(" ")}
                    </p>
                  ) : null}
                </div>
              </div>
            );
          })}
          <p className="text-base font-semibold tabular-nums" data-testid={`${idPrefix}-rubric-total`}>
            Rubric total: {formatPoints(rubricSum)} of {pluralPoints(rubricMax)}
            {rubricMax > 0 ? (
              <span className="font-normal text-muted">
                {" "}
                = {formatPoints((rubricSum / rubricMax) * points)} of {pluralPoints(points)} for this question
              </span>
            ) : null}
          </p>
          {blanks > 0 ? <p className="text-sm text-muted">Every criterion needs a score (0 is a score) before the grade can be saved.</p> : null}
        </fieldset>
      ) : (
        <div>
          <label htmlFor={id("points")} className="field-label">
            Points earned
          </label>
          <p id={`${id("points")}-hint`} className="mt-0.5 text-sm text-muted">
            0 to {pluralPoints(points)}. Saving replaces the automatic grade; a regrade keeps it.
          </p>
          <input
            id={id("points")}
            name="points"
            type="number"
            inputMode="decimal"
            min={0}
            max={points}
            step="0.25"
            value={earned}
            onChange={(e) => setEarned(e.target.value)}
            aria-invalid={errorsFor("points")?.length ? true : undefined}
            aria-describedby={[`${id("points")}-hint`, errorsFor("points")?.length ? `${id("points")}-error` : null].filter(Boolean).join(" ")}
            className="field-input max-w-[10rem] text-lg tabular-nums"
          />
          {errorsFor("points")?.length ? (
            <p id={`${id("points")}-error`} className="field-error">
              {errorsFor("points")!.join(" ")}
            </p>
          ) : null}
        </div>
      )}

      <div>
        <label htmlFor={id("comment")} className="field-label">
          Comment for the student <span className="font-normal text-muted">(optional)</span>
        </label>
        <p id={`${id("comment")}-hint`} className="mt-0.5 text-sm text-muted">
          Shown in the student’s review when the quiz shows feedback.
        </p>
        <textarea
          id={id("comment")}
          name="comment"
          rows={4}
          maxLength={5000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={errorsFor("comment")?.length ? true : undefined}
          aria-describedby={[`${id("comment")}-hint`, errorsFor("comment")?.length ? `${id("comment")}-error` : null].filter(Boolean).join(" ")}
          className="field-input"
        />
        {errorsFor("comment")?.length ? (
          <p id={`${id("comment")}-error`} className="field-error">
            {errorsFor("comment")!.join(" ")}
          </p>
        ) : null}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button ref={saveRef} type="submit" className="btn-primary" disabled={pending} data-testid="grade-save">
          {pending ? "Saving…" : "Save grade"}
          <span className="sr-only"> for {questionLabel}</span>
        </button>
        {next ? (
          <button type="submit" name="then" value="next" className="btn-secondary" disabled={pending} data-testid="grade-save-next">
            Save and next ungraded
            <span className="sr-only"> (after {questionLabel})</span>
          </button>
        ) : null}
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

/**
 * Regrading a quiz assignment, behind a confirmation: every submitted attempt is graded again
 * against the questions as they are now; grades given by hand are kept.
 */
export function RegradeForm({ quizAssignmentId, quizTitle }: { quizAssignmentId: string; quizTitle: string }) {
  const [state, action, pending] = useActionState(regradeAction, initialFormState);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const summaryRef = useRef<HTMLElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const explainId = `regrade-${quizAssignmentId}-explain`;

  const close = () => {
    if (detailsRef.current) detailsRef.current.open = false;
    summaryRef.current?.focus();
  };

  // Once done, fold the confirmation away and leave focus where the grader started; after a
  // refusal keep the confirmation open with focus on its button (disabled while it ran).
  useEffect(() => {
    if (state === initialFormState) return;
    if (state.ok) close();
    else if (document.activeElement === document.body || document.activeElement === null) confirmRef.current?.focus();
  }, [state]);

  return (
    <div className="space-y-2">
      <details ref={detailsRef} className="group">
        <summary ref={summaryRef} className="btn-secondary cursor-pointer list-none [&::-webkit-details-marker]:hidden">
          Regrade…<span className="sr-only"> {quizTitle}</span>
        </summary>
        <div className="mt-3 rounded-md border-2 border-amber-700 bg-amber-50 p-4 text-ink">
          <p id={explainId} className="text-base">
            This grades <strong>every submitted attempt</strong> at “{quizTitle}” again, against the questions as they are now (for example after
            you corrected an answer key). Grades you gave by hand are kept. Students’ answers are not changed; their scores may go up or down.
          </p>
          <form action={action} className="mt-3 flex flex-wrap gap-3">
            <input type="hidden" name="quizAssignmentId" value={quizAssignmentId} />
            <button ref={confirmRef} type="submit" className="btn-primary" disabled={pending} aria-describedby={explainId}>
              {pending ? "Regrading…" : "Yes, regrade all submitted attempts"}
            </button>
            <button type="button" className="btn-secondary" onClick={close}>
              Cancel
            </button>
          </form>
        </div>
      </details>
      <FormMessage ok={state.ok} message={state.message} />
    </div>
  );
}
