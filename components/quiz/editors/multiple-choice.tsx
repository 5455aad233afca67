"use client";

import type { ConfigOf } from "@/lib/question-types/schemas";
import { choiceInputClass } from "@/components/quiz/players/parts";
import { ErrorText, describedBy, errorIdFor, fieldId, freshId, rowClass, rowIds, RowButtons, TextField, useListControls, type EditorProps, type FieldErrors } from "./parts";

type ChoiceOption = ConfigOf<"multiple-choice">["options"][number];

const MAX_OPTIONS = 12;
const MIN_OPTIONS = 2;

/**
 * Options with one correct answer and feedback per option. Shared with evidence questions
 * (their "choice" answer); `path` is where the options sit in the config ("options",
 * "answer.options"), so errors and ids match the schema's paths.
 */
export function ChoiceOptionsEditor({
  options,
  onChange,
  errors,
  idPrefix,
  path,
}: {
  options: ChoiceOption[];
  onChange: (next: ChoiceOption[]) => void;
  errors: FieldErrors;
  idPrefix: string;
  path: string;
}) {
  const listId = fieldId(idPrefix, path);
  const ids = rowIds(listId);
  const controls = useListControls(options, onChange, { ...ids, add: `${listId}-add`, first: (i) => fieldId(idPrefix, `${path}.${i}.text`) });
  const listErrors = errors[path];
  const update = (i: number, patch: Partial<ChoiceOption>) => onChange(options.map((o, k) => (k === i ? { ...o, ...patch } : o)));
  const hintId = `${listId}-hint`;

  return (
    <fieldset id={listId} className="space-y-3" aria-describedby={describedBy(hintId, listErrors?.length ? errorIdFor(listId) : null)}>
      <legend className="field-label">Options</legend>
      <p id={hintId} className="text-sm text-muted">
        Write {MIN_OPTIONS} to {MAX_OPTIONS} options and mark the one correct answer. Feedback is shown to a student who picks that option.
      </p>
      <ErrorText id={listId} path={path} messages={listErrors} />
      <ol className="space-y-3">
        {options.map((o, i) => {
          const p = `${path}.${i}`;
          const name = `option ${i + 1}`;
          return (
            <li key={o.id} className={rowClass} data-testid={`option-${i + 1}`}>
              <TextField id={fieldId(idPrefix, `${p}.text`)} path={`${p}.text`} label={`Option ${i + 1}`} value={o.text} onChange={(text) => update(i, { text })} errors={errors[`${p}.text`]} maxLength={1000} />
              <label className="flex w-fit cursor-pointer items-center gap-2 font-semibold">
                <input
                  type="radio"
                  className={choiceInputClass}
                  name={`${listId}-correct`}
                  checked={o.correct}
                  onChange={() => onChange(options.map((x, k) => ({ ...x, correct: k === i })))}
                />
                Correct answer<span className="sr-only"> ({name})</span>
              </label>
              <TextField
                id={fieldId(idPrefix, `${p}.feedback`)}
                path={`${p}.feedback`}
                label={`Feedback for option ${i + 1} (optional)`}
                value={o.feedback ?? ""}
                onChange={(feedback) => update(i, { feedback })}
                errors={errors[`${p}.feedback`]}
                maxLength={2000}
              />
              <ErrorText id={fieldId(idPrefix, p)} path={p} messages={errors[p]} />
              <RowButtons index={i} count={options.length} rowName={name} idFor={ids} onMove={(by) => controls.move(i, by)} onRemove={() => controls.remove(i)} canRemove={options.length > MIN_OPTIONS} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id={`${listId}-add`}
        className="btn-secondary"
        disabled={options.length >= MAX_OPTIONS}
        onClick={() => controls.add({ id: freshId(options.map((o) => o.id)), text: "", correct: false, feedback: "" })}
      >
        Add an option
      </button>
      {options.length >= MAX_OPTIONS ? <p className="text-sm text-muted">That is the most options a question can have ({MAX_OPTIONS}).</p> : null}
    </fieldset>
  );
}

export function MultipleChoiceEditor({ value, onChange, errors, idPrefix }: EditorProps<"multiple-choice">) {
  return (
    <div className="space-y-3">
      <ErrorText id={idPrefix} path="" messages={errors[""]} />
      <ChoiceOptionsEditor options={value.options} onChange={(options) => onChange({ ...value, options })} errors={errors} idPrefix={idPrefix} path="options" />
    </div>
  );
}
