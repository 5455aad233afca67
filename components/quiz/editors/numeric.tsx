"use client";

import type { ConfigOf } from "@/lib/question-types/schemas";
import { choiceInputClass } from "@/components/quiz/players/parts";
import { ErrorText, NumberField, RowButtons, TextField, describedBy, errorIdFor, fieldId, rowClass, rowIds, useListControls, type EditorProps } from "./parts";

type NumericAnswer = ConfigOf<"numeric">["answers"][number];

const MAX_ANSWERS = 10;

const num = (n: number | undefined) => n ?? Number.NaN;

/** Switching kind keeps the numbers' meaning: 1981 ± 1 is the range 1980 to 1982, and back. */
function switchKind(a: NumericAnswer, kind: NumericAnswer["kind"]): NumericAnswer {
  if (a.kind === kind) return a;
  if (a.kind === "tolerance") return { kind: "range", min: a.value - a.tolerance, max: a.value + a.tolerance, credit: a.credit, feedback: a.feedback };
  return { kind: "tolerance", value: (a.min + a.max) / 2, tolerance: Math.abs(a.max - a.min) / 2, credit: a.credit, feedback: a.feedback };
}

/** Accepted numbers: a value with a margin, or a range; each with its credit and feedback. */
export function NumericEditor({ value, onChange, errors, idPrefix }: EditorProps<"numeric">) {
  const answers = value.answers;
  const setAnswers = (next: NumericAnswer[]) => onChange({ ...value, answers: next });
  const listId = fieldId(idPrefix, "answers");
  const ids = rowIds(listId);
  const controls = useListControls(answers, setAnswers, { ...ids, add: `${listId}-add`, first: (i) => `${fieldId(idPrefix, `answers.${i}`)}-kind-tolerance` });
  const update = (i: number, next: NumericAnswer) => setAnswers(answers.map((a, k) => (k === i ? next : a)));
  const hintId = `${listId}-hint`;

  return (
    <div className="space-y-5">
      <ErrorText id={idPrefix} path="" messages={errors[""]} />
      <fieldset id={listId} className="space-y-3" aria-describedby={describedBy(hintId, errors.answers?.length ? errorIdFor(listId) : null)}>
        <legend className="field-label">Accepted numbers</legend>
        <p id={hintId} className="text-sm text-muted">
          At least one answer earns 100%. An exact number may have a margin (1981 with margin 1 accepts 1980 to 1982).
        </p>
        <ErrorText id={listId} path="answers" messages={errors.answers} />
        <ol className="space-y-3">
          {answers.map((a, i) => {
            const p = `answers.${i}`;
            const rowId = fieldId(idPrefix, p);
            const name = `answer ${i + 1}`;
            return (
              <li key={i} className={rowClass} data-testid={`answer-${i + 1}`}>
                <fieldset>
                  <legend className="field-label">Answer {i + 1}: kind</legend>
                  <div className="mt-1 flex flex-wrap gap-6">
                    {(
                      [
                        ["tolerance", "Exact number, with a margin"],
                        ["range", "Range"],
                      ] as const
                    ).map(([kind, label]) => (
                      <label key={kind} className="flex cursor-pointer items-center gap-2">
                        <input type="radio" id={`${rowId}-kind-${kind}`} className={choiceInputClass} name={`${rowId}-kind`} checked={a.kind === kind} onChange={() => update(i, switchKind(a, kind))} />
                        {label}
                      </label>
                    ))}
                  </div>
                </fieldset>
                <div className="flex flex-wrap gap-4">
                  {a.kind === "tolerance" ? (
                    <>
                      <NumberField key="value" id={fieldId(idPrefix, `${p}.value`)} path={`${p}.value`} label={`Answer ${i + 1}: number`} value={a.value} onChange={(v) => update(i, { ...a, value: num(v) })} errors={errors[`${p}.value`]} allowNegative inputClassName="field-input w-36" />
                      <NumberField key="tolerance" id={fieldId(idPrefix, `${p}.tolerance`)} path={`${p}.tolerance`} label={<>Margin (±)<span className="sr-only"> for answer {i + 1}</span></>} value={a.tolerance} onChange={(v) => update(i, { ...a, tolerance: v ?? 0 })} errors={errors[`${p}.tolerance`]} />
                    </>
                  ) : (
                    <>
                      <NumberField key="min" id={fieldId(idPrefix, `${p}.min`)} path={`${p}.min`} label={`Answer ${i + 1}: from`} value={a.min} onChange={(v) => update(i, { ...a, min: num(v) })} errors={errors[`${p}.min`]} allowNegative inputClassName="field-input w-36" />
                      <NumberField key="max" id={fieldId(idPrefix, `${p}.max`)} path={`${p}.max`} label={<>to<span className="sr-only"> (answer {i + 1})</span></>} value={a.max} onChange={(v) => update(i, { ...a, max: num(v) })} errors={errors[`${p}.max`]} allowNegative inputClassName="field-input w-36" />
                    </>
                  )}
                  <NumberField id={fieldId(idPrefix, `${p}.credit`)} path={`${p}.credit`} label={<>Credit (%)<span className="sr-only"> for answer {i + 1}</span></>} value={a.credit} onChange={(v) => update(i, { ...a, credit: num(v) })} errors={errors[`${p}.credit`]} scale={100} suffix="%" />
                </div>
                <TextField id={fieldId(idPrefix, `${p}.feedback`)} path={`${p}.feedback`} label={`Feedback for answer ${i + 1} (optional)`} value={a.feedback ?? ""} onChange={(feedback) => update(i, { ...a, feedback })} errors={errors[`${p}.feedback`]} maxLength={2000} />
                <ErrorText id={rowId} path={p} messages={errors[p]} />
                <RowButtons index={i} count={answers.length} rowName={name} idFor={ids} onMove={(by) => controls.move(i, by)} onRemove={() => controls.remove(i)} canRemove={answers.length > 1} />
              </li>
            );
          })}
        </ol>
        <button type="button" id={`${listId}-add`} className="btn-secondary" disabled={answers.length >= MAX_ANSWERS} onClick={() => controls.add({ kind: "tolerance", value: Number.NaN, tolerance: 0, credit: answers.length === 0 ? 1 : 0.5, feedback: "" })}>
          Add an accepted number
        </button>
      </fieldset>
      <TextField
        id={fieldId(idPrefix, "unit")}
        path="unit"
        label="Unit (optional)"
        hint="Shown beside the answer box, e.g. “km” or “billion $”."
        className="max-w-xs"
        value={value.unit ?? ""}
        onChange={(unit) => onChange({ ...value, unit })}
        errors={errors.unit}
        maxLength={20}
      />
    </div>
  );
}
