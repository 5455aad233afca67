"use client";

import { choiceInputClass, choiceRowClass, Legend, type PlayerProps } from "./parts";

/** One option, as radios. */
export function MultipleChoicePlayer({ questionKey, view, value, onChange, disabled, label, describedBy }: PlayerProps<"multiple-choice">) {
  return (
    <fieldset disabled={disabled} aria-describedby={describedBy}>
      <Legend label={label} />
      <div className="mt-2 space-y-2">
        {view.options.map((option) => (
          <label key={option.id} className={choiceRowClass}>
            <input
              type="radio"
              className={choiceInputClass}
              name={`${questionKey}-answer`}
              value={option.id}
              checked={value?.optionId === option.id}
              onChange={() => onChange({ optionId: option.id })}
            />
            <span>{option.text}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
