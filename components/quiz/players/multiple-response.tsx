"use client";

import { choiceInputClass, choiceRowClass, Legend, type PlayerProps } from "./parts";

/** Any number of options, as checkboxes. The view says nothing about how many are right. */
export function MultipleResponsePlayer({ questionKey, view, value, onChange, disabled, label, describedBy }: PlayerProps<"multiple-response">) {
  const chosen = new Set(Array.isArray(value?.optionIds) ? value.optionIds : []);
  const hintId = `${questionKey}-hint`;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    // In the order shown, so the same choice always makes the same response.
    onChange({ optionIds: view.options.map((o) => o.id).filter((o) => next.has(o)) });
  };
  return (
    <fieldset disabled={disabled} aria-describedby={[hintId, describedBy].filter(Boolean).join(" ")}>
      <Legend label={label} />
      <p id={hintId} className="mt-0.5 text-sm text-muted">
        Choose every option that applies.
      </p>
      <div className="mt-2 space-y-2">
        {view.options.map((option) => (
          <label key={option.id} className={choiceRowClass}>
            <input
              type="checkbox"
              className={choiceInputClass}
              name={`${questionKey}-answer`}
              value={option.id}
              checked={chosen.has(option.id)}
              onChange={(e) => toggle(option.id, e.currentTarget.checked)}
            />
            <span>{option.text}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
