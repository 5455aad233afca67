"use client";

import type { ConfigOf } from "@/lib/question-types/schemas";
import { ErrorText, LiveNote, NumberField, RowButtons, TextField, describedBy, errorIdFor, fieldId, freshId, rowClass, rowIds, useListControls, type EditorProps } from "./parts";

type Option = ConfigOf<"multiple-response">["options"][number];

const MAX_OPTIONS = 12;
const MIN_OPTIONS = 2;

const percent = (fraction: number) => Math.round(fraction * 10000) / 100;

/**
 * Options a student may tick, each with a credit: the right ones share 100% between them, a
 * wrong one may cost marks (a negative credit). The running total of the positives is shown.
 */
export function MultipleResponseEditor({ value, onChange, errors, idPrefix }: EditorProps<"multiple-response">) {
  const options = value.options;
  const setOptions = (next: Option[]) => onChange({ ...value, options: next });
  const listId = fieldId(idPrefix, "options");
  const ids = rowIds(listId);
  const controls = useListControls(options, setOptions, { ...ids, add: `${listId}-add`, first: (i) => fieldId(idPrefix, `options.${i}.text`) });
  const update = (i: number, patch: Partial<Option>) => setOptions(options.map((o, k) => (k === i ? { ...o, ...patch } : o)));

  const positives = options.reduce((s, o) => s + (Number.isFinite(o.weight) && o.weight > 0 ? o.weight : 0), 0);
  const totalOk = Math.abs(positives - 1) < 0.011;
  const configErrors = errors[""];
  const hintId = `${listId}-hint`;
  const totalId = `${listId}-total`;

  return (
    <div className="space-y-3">
      <fieldset id={listId} className="space-y-3" aria-describedby={describedBy(hintId, totalId, configErrors?.length ? errorIdFor(idPrefix) : null, errors.options?.length ? errorIdFor(listId) : null)}>
        <legend className="field-label">Options</legend>
        <p id={hintId} className="text-sm text-muted">
          Give each right option a positive credit; together they must make 100% (two right options: 50% each). Give a wrong option 0%, or a negative credit to make a wrong pick cost marks.
        </p>
        <LiveNote id={totalId} ok={totalOk}>
          Right options add up to {percent(positives)}%{totalOk ? "." : " (they must add up to 100%)."}
        </LiveNote>
        <ErrorText id={idPrefix} path="" messages={configErrors} />
        <ErrorText id={listId} path="options" messages={errors.options} />
        <ol className="space-y-3">
          {options.map((o, i) => {
            const p = `options.${i}`;
            const name = `option ${i + 1}`;
            return (
              <li key={o.id} className={rowClass} data-testid={`option-${i + 1}`}>
                <TextField id={fieldId(idPrefix, `${p}.text`)} path={`${p}.text`} label={`Option ${i + 1}`} value={o.text} onChange={(text) => update(i, { text })} errors={errors[`${p}.text`]} maxLength={1000} />
                <NumberField
                  id={fieldId(idPrefix, `${p}.weight`)}
                  path={`${p}.weight`}
                  label={`Credit for option ${i + 1} (%)`}
                  value={o.weight}
                  onChange={(weight) => update(i, { weight: weight ?? Number.NaN })}
                  errors={errors[`${p}.weight`]}
                  scale={100}
                  suffix="%"
                  allowNegative
                />
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
          onClick={() => controls.add({ id: freshId(options.map((o) => o.id)), text: "", weight: 0, feedback: "" })}
        >
          Add an option
        </button>
      </fieldset>
    </div>
  );
}
