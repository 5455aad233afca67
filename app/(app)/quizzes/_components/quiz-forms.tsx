"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { deleteQuestionAction, duplicateQuestionAction } from "@/lib/actions/questions";
import { addQuestionToQuizAction, assignQuizAction, createQuizAction, moveItemAction, removeItemAction, setItemPointsAction, updateQuizSettingsAction } from "@/lib/actions/quizzes";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { Field, FieldError, FormMessage, SelectField, TextAreaField } from "@/components/ui/field";

/**
 * The quiz pages' small forms. Each posts to a server action and shows its answer beside it;
 * values typed into a form that the server refused are shown again.
 */

const smallButton = "rounded-md border border-line bg-white px-3 py-1.5 text-sm font-semibold text-ink hover:bg-stone-100 disabled:opacity-50";

function InlineStatus({ state, id }: { state: FormState; id?: string }) {
  if (!state.message) return null;
  return state.ok ? (
    <p id={id} role="status" className="text-sm text-green-800">
      {state.message}
    </p>
  ) : (
    <p id={id} role="alert" className="text-sm text-red-800">
      {state.message}
    </p>
  );
}

export function CreateQuizForm({ readings }: { readings: { slug: string; title: string }[] }) {
  const [state, action, pending] = useActionState(createQuizAction, initialFormState);
  const descErrors = state.fieldErrors?.description;
  return (
    <form action={action} className="mt-4 space-y-4" noValidate data-testid="create-quiz-form">
      <FormMessage ok={state.ok} message={state.message} />
      <Field name="title" label="Quiz title" required maxLength={200} defaultValue={state.values?.title} errors={state.fieldErrors?.title} />
      <TextAreaField name="description" label="Description (optional)" rows={3} maxLength={4000} defaultValue={state.values?.description} errors={descErrors} />
      {readings.length > 1 ? (
        <SelectField name="readingSlug" label="Reading" options={readings.map((r) => ({ value: r.slug, label: r.title }))} defaultValue={state.values?.readingSlug} />
      ) : readings[0] ? (
        <input type="hidden" name="readingSlug" value={readings[0].slug} />
      ) : null}
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Creating…" : "Create quiz"}
      </button>
    </form>
  );
}

export interface SettingsValues {
  title: string;
  description: string;
  attemptsAllowed: number;
  /** "YYYY-MM-DDTHH:mm" in the instructor's time zone, or "". */
  opensAt: string;
  closesAt: string;
  timeLimitMinutes: number | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  reviewWhen: "immediately" | "after-close" | "never";
  reviewScore: boolean;
  reviewCorrectness: boolean;
  reviewAnswers: boolean;
  reviewFeedback: boolean;
}

const reviewWhenChoices = [
  ["immediately", "Right after the attempt is submitted"],
  ["after-close", "After the quiz closes (needs a close date)"],
  ["never", "Never"],
] as const;

const reviewWhat = [
  ["reviewScore", "The score"],
  ["reviewCorrectness", "Which answers were right or wrong"],
  ["reviewAnswers", "The right answers"],
  ["reviewFeedback", "The feedback you wrote"],
] as const;

/** `zoneName` names the instructor's time zone ("Warsaw time"): the opening and closing times are in it. */
export function QuizSettingsForm({ quizId, settings, zoneName }: { quizId: string; settings: SettingsValues; zoneName: string }) {
  const [state, action, pending] = useActionState(updateQuizSettingsAction, initialFormState);
  const v = state.values;
  // After a refused save, what was sent; otherwise what is stored.
  const text = (k: keyof SettingsValues, stored: string) => (v ? (v[k] ?? "") : stored);
  const box = (k: keyof SettingsValues) => (v ? v[k] === "on" : Boolean(settings[k]));
  const fe = state.fieldErrors ?? {};
  const descErrors = fe.description;
  const whenErrors = fe.reviewWhen;
  const whenValue = v?.reviewWhen ?? settings.reviewWhen;

  return (
    <form action={action} className="space-y-5" noValidate data-testid="quiz-settings">
      <input type="hidden" name="quizId" value={quizId} />
      <FormMessage ok={state.ok} message={state.message} />
      <Field name="title" label="Title" required maxLength={200} defaultValue={text("title", settings.title)} errors={fe.title} />
      <TextAreaField name="description" label="Description (optional)" hint="Students see it before they start." rows={3} maxLength={4000} defaultValue={text("description", settings.description)} errors={descErrors} />
      <div className="grid gap-4">
        <Field name="attemptsAllowed" label="Attempts allowed" type="number" min={0} max={20} step={1} inputMode="numeric" hint="0 means unlimited." defaultValue={text("attemptsAllowed", String(settings.attemptsAllowed))} errors={fe.attemptsAllowed} />
        <Field
          name="timeLimitMinutes"
          label="Time limit in minutes (optional)"
          type="number"
          min={1}
          max={600}
          step={1}
          inputMode="numeric"
          hint="Leave empty for no time limit."
          defaultValue={text("timeLimitMinutes", settings.timeLimitMinutes === null ? "" : String(settings.timeLimitMinutes))}
          errors={fe.timeLimitMinutes}
        />
        <Field name="opensAt" label="Opens (optional)" type="datetime-local" hint={`In ${zoneName}. Empty: open as soon as it is assigned.`} defaultValue={text("opensAt", settings.opensAt)} errors={fe.opensAt} />
        <Field name="closesAt" label="Closes (optional)" type="datetime-local" hint={`In ${zoneName}. Empty: stays open.`} defaultValue={text("closesAt", settings.closesAt)} errors={fe.closesAt} />
      </div>
      <fieldset className="space-y-2">
        <legend className="field-label">Shuffling</legend>
        <label className="flex items-center gap-3">
          <input type="checkbox" name="shuffleQuestions" className="h-5 w-5 accent-accent" defaultChecked={box("shuffleQuestions")} />
          Shuffle the order of the questions for each student
        </label>
        <label className="flex items-center gap-3">
          <input type="checkbox" name="shuffleOptions" className="h-5 w-5 accent-accent" defaultChecked={box("shuffleOptions")} />
          Shuffle the options within questions
        </label>
      </fieldset>
      <fieldset aria-describedby={whenErrors ? "reviewWhen-error" : undefined}>
        <legend className="field-label">When students see their review</legend>
        <div className="mt-2 space-y-2">
          {reviewWhenChoices.map(([value, label]) => (
            <label key={value} className="flex items-center gap-3">
              <input type="radio" name="reviewWhen" value={value} className="h-5 w-5 accent-accent" defaultChecked={whenValue === value} />
              {label}
            </label>
          ))}
        </div>
        <FieldError id="reviewWhen-error" errors={whenErrors} />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="field-label">What the review shows</legend>
        {reviewWhat.map(([name, label]) => (
          <label key={name} className="flex items-center gap-3">
            <input type="checkbox" name={name} className="h-5 w-5 accent-accent" defaultChecked={box(name)} />
            {label}
          </label>
        ))}
      </fieldset>
      <p className="text-sm text-muted">Points are set for each question in the list of questions.</p>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}

export function ItemPointsForm({ quizId, itemId, points, position }: { quizId: string; itemId: string; points: number; position: number }) {
  const [state, action, pending] = useActionState(setItemPointsAction, initialFormState);
  const id = `points-${itemId}`;
  const errors = state.fieldErrors?.points;
  const statusId = `${id}-status`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="quizId" value={quizId} />
      <input type="hidden" name="itemId" value={itemId} />
      <div>
        <label htmlFor={id} className="text-sm font-semibold">
          Points<span className="sr-only"> for question {position}</span>
        </label>
        <input
          id={id}
          name="points"
          type="number"
          min={0}
          max={100}
          step="any"
          inputMode="decimal"
          className="field-input w-24"
          defaultValue={state.ok ? String(points) : (state.values?.points ?? String(points))}
          aria-invalid={errors ? true : undefined}
          aria-describedby={state.message ? statusId : undefined}
          data-testid={`quiz-item-${position}-points`}
        />
      </div>
      <button type="submit" className={smallButton} disabled={pending}>
        Save<span className="sr-only"> points for question {position}</span>
      </button>
      <InlineStatus state={state} id={statusId} />
    </form>
  );
}

export function MoveItemButtons({ quizId, itemId, index, count }: { quizId: string; itemId: string; index: number; count: number }) {
  const [state, action, pending] = useActionState(moveItemAction, initialFormState);
  const lastDirection = useRef<"up" | "down" | null>(null);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const position = index + 1;

  // The row moved: keep focus on the button used, or the other one once the row reaches an end.
  useEffect(() => {
    const dir = lastDirection.current;
    if (!dir || pending) return;
    lastDirection.current = null;
    const preferred = dir === "up" ? up.current : down.current;
    const other = dir === "up" ? down.current : up.current;
    (preferred && !preferred.disabled ? preferred : other)?.focus();
  }, [state, index, pending]);

  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="quizId" value={quizId} />
      <input type="hidden" name="itemId" value={itemId} />
      <button ref={up} type="submit" name="direction" value="up" className={smallButton} disabled={pending || index === 0} onClick={() => (lastDirection.current = "up")}>
        Move up<span className="sr-only"> question {position}</span>
      </button>
      <button ref={down} type="submit" name="direction" value="down" className={smallButton} disabled={pending || index === count - 1} onClick={() => (lastDirection.current = "down")}>
        Move down<span className="sr-only"> question {position}</span>
      </button>
      <InlineStatus state={state} />
    </form>
  );
}

export function DuplicateQuestionButton({ questionId, quizId, itemId, label }: { questionId: string; quizId?: string; itemId?: string; label: string }) {
  const [state, action, pending] = useActionState(duplicateQuestionAction, initialFormState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="questionId" value={questionId} />
      {quizId ? <input type="hidden" name="quizId" value={quizId} /> : null}
      {itemId ? <input type="hidden" name="itemId" value={itemId} /> : null}
      <button type="submit" className={smallButton} disabled={pending}>
        {pending ? "Copying…" : "Duplicate"}
        <span className="sr-only"> {label}</span>
      </button>
      <InlineStatus state={state} />
    </form>
  );
}

/** A destructive button that asks first: the question is named, and Escape or Cancel backs out. */
function ConfirmForm({
  action,
  pending,
  state,
  hidden,
  buttonLabel,
  srLabel,
  question,
  confirmLabel,
  testId,
}: {
  action: (form: FormData) => void;
  pending: boolean;
  state: FormState;
  hidden: Record<string, string>;
  buttonLabel: string;
  srLabel: string;
  question: string;
  confirmLabel: string;
  testId?: string;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <button ref={openRef} type="button" className={smallButton} onClick={() => setAsking(true)} data-testid={testId}>
          {buttonLabel}
          <span className="sr-only"> {srLabel}</span>
        </button>
        <InlineStatus state={state} />
      </div>
    );
  }
  return (
    // Escape anywhere in the confirmation backs out of it (the buttons are the controls).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      action={action}
      className="flex flex-wrap items-center gap-2 rounded-md border border-red-700 bg-red-50 p-2"
      onKeyDown={(e) => {
        if (e.key === "Escape") setAsking(false);
      }}
    >
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <p className="text-sm text-red-900">{question}</p>
      <button ref={confirmRef} type="submit" className="rounded-md bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-900 disabled:opacity-60" disabled={pending} data-testid={testId ? `${testId}-confirm` : undefined}>
        {pending ? "Working…" : confirmLabel}
      </button>
      <button type="button" className={smallButton} onClick={() => setAsking(false)}>
        Cancel
      </button>
      <InlineStatus state={state} />
    </form>
  );
}

export function RemoveItemForm({ quizId, itemId, title, position }: { quizId: string; itemId: string; title: string; position: number }) {
  const [state, action, pending] = useActionState(removeItemAction, initialFormState);
  return (
    <ConfirmForm
      action={action}
      pending={pending}
      state={state}
      hidden={{ quizId, itemId }}
      buttonLabel="Remove"
      srLabel={`question ${position}`}
      question={`Remove “${title}” from this quiz? It stays in your question bank.`}
      confirmLabel="Yes, remove it"
      testId={`quiz-item-${position}-remove`}
    />
  );
}

export function DeleteQuestionForm({ questionId, title }: { questionId: string; title: string }) {
  const [state, action, pending] = useActionState(deleteQuestionAction, initialFormState);
  return (
    <ConfirmForm
      action={action}
      pending={pending}
      state={state}
      hidden={{ questionId }}
      buttonLabel="Delete"
      srLabel={`“${title}”`}
      question={`Delete “${title}” for good? It is also taken out of every quiz that uses it; attempts already made keep their copy.`}
      confirmLabel="Yes, delete it"
    />
  );
}

export function AddFromBankForm({ quizId, groups, bankSize }: { quizId: string; groups: { category: string; questions: { id: string; title: string; typeLabel: string }[] }[]; bankSize: number }) {
  const [state, action, pending] = useActionState(addQuestionToQuizAction, initialFormState);
  const errors = state.fieldErrors?.questionId;
  const empty = groups.every((g) => g.questions.length === 0);
  if (empty) {
    return <p className="mt-2 text-sm text-muted">{bankSize === 0 ? "Your question bank is empty so far: questions you write or import are kept there." : "Every question in your bank is already in this quiz."}</p>;
  }
  return (
    <form action={action} className="mt-3 space-y-3" noValidate>
      <input type="hidden" name="quizId" value={quizId} />
      <div>
        <label htmlFor="bank-question" className="field-label">
          Question from your bank
        </label>
        <select id="bank-question" name="questionId" className="field-input" defaultValue="" aria-invalid={errors ? true : undefined} aria-describedby={errors ? "bank-question-error" : undefined} data-testid="add-from-bank">
          <option value="">Choose a question…</option>
          {groups.map((g) => (
            <optgroup key={g.category} label={g.category}>
              {g.questions.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.title} ({q.typeLabel})
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldError id="bank-question-error" errors={errors} />
      </div>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {pending ? "Adding…" : "Add to the quiz"}
      </button>
      <InlineStatus state={state} />
    </form>
  );
}

export function AssignQuizForm({ quizId, classes, readingTitle }: { quizId: string; classes: { id: string; name: string }[]; readingTitle: string | null }) {
  const [state, action, pending] = useActionState(assignQuizAction, initialFormState);
  const classErrors = state.fieldErrors?.classId;
  const opensErrors = state.fieldErrors?.opens ?? state.fieldErrors?.opensAfterReading;
  const opens = state.values?.opens ?? "with-reading";
  if (classes.length === 0) return <p className="mt-2 text-muted">You have no classes yet. Create one on your dashboard first.</p>;
  return (
    <form action={action} className="mt-4 space-y-4" noValidate data-testid="assign-quiz-form">
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="quizId" value={quizId} />
      <SelectField name="classId" label="Class" options={classes.map((c) => ({ value: c.id, label: c.name }))} defaultValue={state.values?.classId} errors={classErrors} />
      <Field name="dueDate" label="Due date (optional)" type="date" hint="Due at the end of that day in the class’s time zone. Assigning again to the same class changes the date." defaultValue={state.values?.dueDate} errors={state.fieldErrors?.dueDate} />
      {readingTitle ? (
        <fieldset aria-describedby={`opens-hint${opensErrors ? " opens-error" : ""}`}>
          <legend className="field-label">When students can take it</legend>
          <p id="opens-hint" className="text-sm text-muted">
            The quiz is on “{readingTitle}”. A class that doesn’t have the reading yet gets it too, due the same day.
          </p>
          <div className="mt-2 space-y-2">
            <label className="flex items-center gap-3">
              <input type="radio" name="opens" value="with-reading" className="h-5 w-5 accent-accent" defaultChecked={opens === "with-reading"} />
              With the reading: any time
            </label>
            <label className="flex items-center gap-3">
              <input type="radio" name="opens" value="after-reading" className="h-5 w-5 accent-accent" defaultChecked={opens === "after-reading"} />
              After the reading: once a student has read every part
            </label>
          </div>
          <FieldError id="opens-error" errors={opensErrors} />
        </fieldset>
      ) : null}
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Assigning…" : "Assign quiz"}
      </button>
    </form>
  );
}
