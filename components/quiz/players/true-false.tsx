"use client";

import { choiceInputClass, choiceRowClass, Legend, type PlayerProps } from "./parts";

/** True, then False; never shuffled. */
export function TrueFalsePlayer({ questionKey, value, onChange, disabled, label, describedBy }: PlayerProps<"true-false">) {
  const current = typeof value?.value === "boolean" ? value.value : null;
  return (
    <fieldset disabled={disabled} aria-describedby={describedBy}>
      <Legend label={label} />
      <div className="mt-2 flex flex-wrap gap-3">
        {([true, false] as const).map((choice) => (
          <label key={String(choice)} className={`${choiceRowClass} min-w-32`}>
            <input
              type="radio"
              className={choiceInputClass}
              name={`${questionKey}-answer`}
              value={String(choice)}
              checked={current === choice}
              onChange={() => onChange({ value: choice })}
            />
            <span>{choice ? "True" : "False"}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
