"use client";

import type { ConfigOf } from "@/lib/question-types/schemas";
import { choiceInputClass } from "@/components/quiz/players/parts";
import { MAX_OPTIONS, MIN_OPTIONS, OptionList } from "./option-list";
import { ErrorText, describedBy, errorIdFor, fieldId, type EditorProps, type FieldErrors } from "./parts";

type ChoiceOption = ConfigOf<"multiple-choice">["options"][number];

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
  const listErrors = errors[path];
  const hintId = `${listId}-hint`;

  return (
    <fieldset id={listId} className="space-y-3" aria-describedby={describedBy(hintId, listErrors?.length ? errorIdFor(listId) : null)}>
      <legend className="field-label">Options</legend>
      <p id={hintId} className="text-sm text-muted">
        Write {MIN_OPTIONS} to {MAX_OPTIONS} options and mark the one correct answer. Feedback is shown to a student who picks that option.
      </p>
      <ErrorText id={listId} path={path} messages={listErrors} />
      <OptionList
        options={options}
        onChange={onChange}
        errors={errors}
        idPrefix={idPrefix}
        path={path}
        blank={(id) => ({ id, text: "", correct: false, feedback: "" })}
        right={(o, i) => (
          <label className="flex w-fit cursor-pointer items-center gap-2 font-semibold">
            <input type="radio" className={choiceInputClass} name={`${listId}-correct`} checked={o.correct} onChange={() => onChange(options.map((x, k) => ({ ...x, correct: k === i })))} />
            Correct answer<span className="sr-only"> (option {i + 1})</span>
          </label>
        )}
      />
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
