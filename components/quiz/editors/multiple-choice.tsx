"use client";

import type { ConfigOf } from "@/lib/question-types/schemas";
import { choiceInputClass } from "@/components/quiz/players/parts";
import { MAX_OPTIONS, MIN_OPTIONS, OptionList } from "./option-list";
import { ErrorText, NumberField, describedBy, errorIdFor, fieldId, type EditorProps, type FieldErrors } from "./parts";

type ChoiceOption = ConfigOf<"multiple-choice">["options"][number];

/**
 * Options with one correct answer (full credit), optional partial credit on the others, and
 * feedback per option. Shared with evidence questions
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
        Write {MIN_OPTIONS} to {MAX_OPTIONS} options and mark the one correct answer, which earns full credit. An option that is partly right can earn part of it (50% for half right); a wrong one earns 0%. A question never scores below 0, so a negative credit (a Moodle penalty) counts as 0%. Feedback is shown to a student who picks that option.
      </p>
      <ErrorText id={listId} path={path} messages={listErrors} />
      <OptionList
        options={options}
        onChange={onChange}
        errors={errors}
        idPrefix={idPrefix}
        path={path}
        blank={(id) => ({ id, text: "", credit: 0, feedback: "" })}
        right={(o, i, update) => (
          <div className="flex flex-wrap items-end gap-x-6 gap-y-2">
            <label className="flex w-fit cursor-pointer items-center gap-2 font-semibold">
              <input type="radio" className={choiceInputClass} name={`${listId}-correct`} checked={o.credit === 1} onChange={() => onChange(options.map((x, k) => ({ ...x, credit: k === i ? 1 : x.credit === 1 ? 0 : x.credit })))} />
              Correct answer<span className="sr-only"> (option {i + 1})</span>
            </label>
            {o.credit === 1 ? null : (
              <NumberField
                id={fieldId(idPrefix, `${path}.${i}.credit`)}
                path={`${path}.${i}.credit`}
                label={`Partial credit for option ${i + 1} (%)`}
                value={o.credit}
                onChange={(credit) => update({ credit: credit ?? Number.NaN })}
                errors={errors[`${path}.${i}.credit`]}
                scale={100}
                suffix="%"
                allowNegative
              />
            )}
          </div>
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
