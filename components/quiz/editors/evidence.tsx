"use client";

import { useRef } from "react";
import type { ConfigOf } from "@/lib/question-types/schemas";
import { choiceInputClass } from "@/components/quiz/players/parts";
import { ChoiceOptionsEditor } from "./multiple-choice";
import { ErrorText, NumberField, ParagraphPicker, fieldId, type EditorProps } from "./parts";
import { AcceptedAnswersEditor, MatchFlagsEditor } from "./short-answer";

type Answer = ConfigOf<"evidence">["answer"];
type ChoiceAnswer = Extract<Answer, { kind: "choice" }>;
type TextAnswer = Extract<Answer, { kind: "text" }>;

const MAX_EVIDENCE = 20;

export const emptyChoiceAnswer = (): ChoiceAnswer => ({
  kind: "choice",
  options: [
    { id: "a", text: "", credit: 0, feedback: "" },
    { id: "b", text: "", credit: 0, feedback: "" },
  ],
});
export const emptyTextAnswer = (): TextAnswer => ({ kind: "text", answers: [{ text: "", credit: 1, feedback: "" }], caseSensitive: false, accentSensitive: false, punctuationSensitive: false });

/**
 * An answer (options or a typed text) and the paragraphs of the reading that support it. The
 * answer earns `answerWeight` of the credit, citing the right paragraphs the rest.
 */
export function EvidenceEditor({ value, onChange, errors, idPrefix, passages }: EditorProps<"evidence">) {
  const answer = value.answer;
  // Switching the kind back and forth keeps what was written for the other kind.
  const other = useRef<{ choice?: ChoiceAnswer; text?: TextAnswer }>({});
  const setAnswer = (next: Answer) => onChange({ ...value, answer: next });
  const switchTo = (kind: Answer["kind"]) => {
    if (answer.kind === kind) return;
    if (answer.kind === "choice") other.current.choice = answer;
    else other.current.text = answer;
    setAnswer(kind === "choice" ? (other.current.choice ?? emptyChoiceAnswer()) : (other.current.text ?? emptyTextAnswer()));
  };
  const kindId = fieldId(idPrefix, "answer.kind");
  const weight = Number.isFinite(value.answerWeight) ? Math.round(value.answerWeight * 10000) / 100 : null;

  return (
    <div className="space-y-6">
      <ErrorText id={idPrefix} path="" messages={errors[""]} />
      <fieldset id={kindId}>
        <legend className="field-label">How students answer</legend>
        <div className="mt-1 flex flex-wrap gap-6">
          {(
            [
              ["choice", "They choose an option"],
              ["text", "They type a short answer"],
            ] as const
          ).map(([kind, label]) => (
            <label key={kind} className="flex cursor-pointer items-center gap-2">
              <input type="radio" id={`${kindId}-${kind}`} className={choiceInputClass} name={`${kindId}-value`} checked={answer.kind === kind} onChange={() => switchTo(kind)} />
              {label}
            </label>
          ))}
        </div>
        <ErrorText id={kindId} path="answer.kind" messages={errors["answer.kind"]} />
      </fieldset>
      <ErrorText id={fieldId(idPrefix, "answer")} path="answer" messages={errors.answer} />

      {answer.kind === "choice" ? (
        <ChoiceOptionsEditor options={answer.options} onChange={(options) => setAnswer({ ...answer, options })} errors={errors} idPrefix={idPrefix} path="answer.options" />
      ) : (
        <>
          <AcceptedAnswersEditor answers={answer.answers} onChange={(answers) => setAnswer({ ...answer, answers })} errors={errors} idPrefix={idPrefix} path="answer.answers" />
          <MatchFlagsEditor
            value={{ caseSensitive: answer.caseSensitive, accentSensitive: answer.accentSensitive, punctuationSensitive: answer.punctuationSensitive }}
            onChange={(flags) => setAnswer({ ...answer, ...flags })}
            idPrefix={idPrefix}
            prefix="answer"
          />
        </>
      )}

      <ParagraphPicker
        id={fieldId(idPrefix, "evidence")}
        path="evidence"
        legend="The paragraphs that count as evidence"
        hint={`Tick the paragraphs a student must cite to support the answer (1 to ${MAX_EVIDENCE}).`}
        passages={passages}
        value={value.evidence}
        onChange={(evidence) => onChange({ ...value, evidence })}
        max={MAX_EVIDENCE}
        errors={errors.evidence}
      />

      <NumberField
        id={fieldId(idPrefix, "answerWeight")}
        path="answerWeight"
        label="Weight of the answer (%)"
        hint={weight === null ? "The rest of the credit is for the evidence." : `The evidence earns the other ${Math.round((100 - weight) * 100) / 100}%.`}
        value={value.answerWeight}
        onChange={(answerWeight) => onChange({ ...value, answerWeight: answerWeight ?? Number.NaN })}
        errors={errors.answerWeight}
        scale={100}
        suffix="%"
      />
    </div>
  );
}
