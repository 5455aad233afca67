"use client";

import { choiceInputClass, choiceRowClass } from "./parts";

/** A question's options as radios, one clickable row each. */
export function OptionRadios({ name, options, checkedId, onPick }: { name: string; options: readonly { id: string; text: string }[]; checkedId: string | undefined; onPick: (optionId: string) => void }) {
  return (
    <div className="mt-2 space-y-2">
      {options.map((option) => (
        <label key={option.id} className={choiceRowClass}>
          <input type="radio" className={choiceInputClass} name={name} value={option.id} checked={checkedId === option.id} onChange={() => onPick(option.id)} />
          <span>{option.text}</span>
        </label>
      ))}
    </div>
  );
}
