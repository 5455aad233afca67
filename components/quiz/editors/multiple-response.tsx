"use client";

import type { ConfigOf } from "@/lib/question-types/schemas";
import { OptionList } from "./option-list";
import { ErrorText, LiveNote, NumberField, describedBy, errorIdFor, fieldId, type EditorProps } from "./parts";

type Option = ConfigOf<"multiple-response">["options"][number];

const percent = (fraction: number) => Math.round(fraction * 10000) / 100;

/**
 * Options a student may tick, each with a credit: the right ones share 100% between them, a
 * wrong one may cost marks (a negative credit). The running total of the positives is shown.
 */
export function MultipleResponseEditor({ value, onChange, errors, idPrefix }: EditorProps<"multiple-response">) {
  const options = value.options;
  const setOptions = (next: Option[]) => onChange({ ...value, options: next });
  const listId = fieldId(idPrefix, "options");

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
        <OptionList
          options={options}
          onChange={setOptions}
          errors={errors}
          idPrefix={idPrefix}
          path="options"
          blank={(id) => ({ id, text: "", weight: 0, feedback: "" })}
          right={(o, i, update) => (
            <NumberField
              id={fieldId(idPrefix, `options.${i}.weight`)}
              path={`options.${i}.weight`}
              label={`Credit for option ${i + 1} (%)`}
              value={o.weight}
              onChange={(weight) => update({ weight: weight ?? Number.NaN })}
              errors={errors[`options.${i}.weight`]}
              scale={100}
              suffix="%"
              allowNegative
            />
          )}
        />
      </fieldset>
    </div>
  );
}
