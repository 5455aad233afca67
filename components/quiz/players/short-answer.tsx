"use client";

import { Legend, type PlayerProps } from "./parts";

/** A word or a short phrase. */
export function ShortAnswerPlayer({ questionKey, view, value, onChange, disabled, label, describedBy }: PlayerProps<"short-answer">) {
  const legendId = `${questionKey}-legend`;
  return (
    <fieldset disabled={disabled} aria-describedby={describedBy}>
      <Legend id={legendId} label={label} />
      <input
        id={`${questionKey}-answer`}
        type="text"
        className="field-input max-w-xl"
        aria-labelledby={legendId}
        autoComplete="off"
        maxLength={view.maxLength}
        value={typeof value?.text === "string" ? value.text : ""}
        onChange={(e) => onChange({ text: e.currentTarget.value }, "typing")}
      />
    </fieldset>
  );
}
