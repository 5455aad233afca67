"use client";

import type { ResponseOf } from "@/lib/question-types/schemas";
import { PassagePicker } from "@/components/quiz/passage-picker";
import { OptionRadios } from "./option-radios";
import { Legend, paragraphLabel, type PlayerProps } from "./parts";

/** The response schema's limit on cited paragraphs. */
const MAX_EVIDENCE = 20;

type Response = ResponseOf<"evidence">;

/**
 * An answer (options or a short text) and the paragraphs of the reading that support it,
 * chosen from a filterable list grouped by part of the reading.
 */
export function EvidencePlayer({ questionKey, view, value, onChange, disabled, label, describedBy, passages }: PlayerProps<"evidence">) {
  const anchors = Array.isArray(value?.anchors) ? value.anchors : [];
  const chosen = new Set(anchors);
  const full = chosen.size >= MAX_EVIDENCE;

  const emit = (next: { optionId?: string | undefined; text?: string | undefined; anchors: string[] }, kind?: "typing") => {
    const response: Response = {
      ...(next.optionId !== undefined ? { optionId: next.optionId } : {}),
      ...(next.text !== undefined ? { text: next.text } : {}),
      anchors: next.anchors,
    };
    onChange(response, kind);
  };
  const answerPart = { optionId: value?.optionId, text: value?.text };

  const evidenceHintId = `${questionKey}-evidence-hint`;

  return (
    <fieldset disabled={disabled} aria-describedby={describedBy} className="space-y-5">
      <Legend label={label}>Your answer and your evidence</Legend>

      {view.answerKind === "choice" ? (
        <fieldset>
          <legend className="field-label">Answer</legend>
          <OptionRadios name={`${questionKey}-answer`} options={view.options} checkedId={value?.optionId} onPick={(optionId) => emit({ optionId, anchors })} />
        </fieldset>
      ) : (
        <div>
          <label htmlFor={`${questionKey}-answer`} className="field-label">
            Answer
          </label>
          <input
            id={`${questionKey}-answer`}
            type="text"
            className="field-input max-w-xl"
            autoComplete="off"
            maxLength={view.maxLength}
            value={typeof value?.text === "string" ? value.text : ""}
            onChange={(e) => emit({ text: e.currentTarget.value, anchors }, "typing")}
          />
        </div>
      )}

      <fieldset aria-describedby={evidenceHintId}>
        <legend className="field-label">Evidence from the reading</legend>
        <p id={evidenceHintId} className="mt-0.5 text-sm text-muted">
          Tick the paragraphs that support your answer (at most {MAX_EVIDENCE}).
        </p>
        <p className="mt-1 text-sm" aria-live="polite" data-testid={`${questionKey}-evidence-count`}>
          {chosen.size === 0
            ? "No paragraphs chosen yet."
            : `${chosen.size} ${chosen.size === 1 ? "paragraph" : "paragraphs"} chosen: ${anchors.map(paragraphLabel).join(", ")}.`}
          {full ? " That is the most you can choose; untick one to choose another." : ""}
        </p>
        <PassagePicker
          id={questionKey}
          passages={passages}
          value={anchors}
          onChange={(next) => emit({ ...answerPart, anchors: next })}
          max={MAX_EVIDENCE}
          listLabel={label ? `Paragraphs of the reading, for ${label}` : "Paragraphs of the reading"}
          unavailableText="The reading is not available for this quiz."
          listClassName="max-h-96"
        />
      </fieldset>
    </fieldset>
  );
}
