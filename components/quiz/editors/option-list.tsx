"use client";

import { ErrorText, RowButtons, TextField, fieldId, freshId, rowClass, rowIds, useListControls, type FieldErrors } from "./parts";

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 12;

type OptionBase = { id: string; text: string; feedback?: string | undefined };

/**
 * The rows of a multiple choice or multiple response list and its "Add an option" button. A row
 * has the option's text, what makes it right (from `right`: a "Correct answer" radio, a credit),
 * its feedback, its own error and its Move / Remove buttons. `path` is where the options sit in
 * the config ("options", "answer.options"), so errors and ids match the schema's paths.
 */
export function OptionList<T extends OptionBase>({
  options,
  onChange,
  errors,
  idPrefix,
  path,
  blank,
  right,
}: {
  options: T[];
  onChange: (next: T[]) => void;
  errors: FieldErrors;
  idPrefix: string;
  path: string;
  /** A new, empty option with this id. */
  blank: (id: string) => T;
  right: (option: T, index: number, update: (patch: Partial<T>) => void) => React.ReactNode;
}) {
  const listId = fieldId(idPrefix, path);
  const ids = rowIds(listId);
  const controls = useListControls(options, onChange, { ...ids, add: `${listId}-add`, first: (i) => fieldId(idPrefix, `${path}.${i}.text`) });
  const update = (i: number, patch: Partial<T>) => onChange(options.map((o, k) => (k === i ? { ...o, ...patch } : o)));

  return (
    <>
      <ol className="space-y-3">
        {options.map((o, i) => {
          const p = `${path}.${i}`;
          return (
            <li key={o.id} className={rowClass} data-testid={`option-${i + 1}`}>
              <TextField id={fieldId(idPrefix, `${p}.text`)} path={`${p}.text`} label={`Option ${i + 1}`} value={o.text} onChange={(text) => update(i, { text } as Partial<T>)} errors={errors[`${p}.text`]} maxLength={1000} />
              {right(o, i, (patch) => update(i, patch))}
              <TextField
                id={fieldId(idPrefix, `${p}.feedback`)}
                path={`${p}.feedback`}
                label={`Feedback for option ${i + 1} (optional)`}
                value={o.feedback ?? ""}
                onChange={(feedback) => update(i, { feedback } as Partial<T>)}
                errors={errors[`${p}.feedback`]}
                maxLength={2000}
              />
              <ErrorText id={fieldId(idPrefix, p)} path={p} messages={errors[p]} />
              <RowButtons index={i} count={options.length} rowName={`option ${i + 1}`} idFor={ids} onMove={(by) => controls.move(i, by)} onRemove={() => controls.remove(i)} canRemove={options.length > MIN_OPTIONS} />
            </li>
          );
        })}
      </ol>
      <button type="button" id={`${listId}-add`} className="btn-secondary" disabled={options.length >= MAX_OPTIONS} onClick={() => controls.add(blank(freshId(options.map((o) => o.id))))}>
        Add an option
      </button>
    </>
  );
}
