"use client";

import { OptionRadios } from "./option-radios";
import { Legend, type PlayerProps } from "./parts";

/** One option, as radios. */
export function MultipleChoicePlayer({ questionKey, view, value, onChange, disabled, label, describedBy }: PlayerProps<"multiple-choice">) {
  return (
    <fieldset disabled={disabled} aria-describedby={describedBy}>
      <Legend label={label} />
      <OptionRadios name={`${questionKey}-answer`} options={view.options} checkedId={value?.optionId} onPick={(optionId) => onChange({ optionId })} />
    </fieldset>
  );
}
