"use client";

import { choiceInputClass } from "@/components/quiz/players/parts";
import { ErrorText, TextField, fieldId, type EditorProps } from "./parts";

/** The right answer, and the feedback for a student who answers true and for one who answers false. */
export function TrueFalseEditor({ value, onChange, errors, idPrefix }: EditorProps<"true-false">) {
  const answerId = fieldId(idPrefix, "answer");
  return (
    <div className="space-y-4">
      <ErrorText id={idPrefix} path="" messages={errors[""]} />
      <fieldset id={answerId}>
        <legend className="field-label">The right answer</legend>
        <div className="mt-2 flex flex-wrap gap-6">
          {([true, false] as const).map((v) => (
            <label key={String(v)} className="flex cursor-pointer items-center gap-2">
              <input type="radio" className={choiceInputClass} name={`${answerId}-value`} checked={value.answer === v} onChange={() => onChange({ ...value, answer: v })} />
              {v ? "True" : "False"}
            </label>
          ))}
        </div>
        <ErrorText id={answerId} path="answer" messages={errors.answer} />
      </fieldset>
      {([true, false] as const).map((answer) => {
        const key = answer ? "feedbackTrue" : "feedbackFalse";
        return (
          <TextField
            key={key}
            id={fieldId(idPrefix, key)}
            path={key}
            label={`Feedback for a student who answers “${answer ? "True" : "False"}” (optional)`}
            hint={value.answer === answer ? "They are right." : "They are wrong."}
            multiline
            rows={2}
            value={value[key] ?? ""}
            onChange={(feedback) => onChange({ ...value, [key]: feedback })}
            errors={errors[key]}
            maxLength={2000}
          />
        );
      })}
    </div>
  );
}
