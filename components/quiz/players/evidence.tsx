"use client";

import { useId, useMemo, useState } from "react";
import type { ResponseOf } from "@/lib/question-types/schemas";
import { choiceInputClass, choiceRowClass, foldText, groupBySection, Legend, paragraphLabel, paragraphNumber, snippet, type PlayerProps } from "./parts";

/** The response schema's limit on cited paragraphs. */
const MAX_EVIDENCE = 20;

type Response = ResponseOf<"evidence">;

/**
 * An answer (options or a short text) and the paragraphs of the reading that support it,
 * chosen from a filterable list grouped by part of the reading.
 */
export function EvidencePlayer({ questionKey, view, value, onChange, disabled, label, describedBy, passages }: PlayerProps<"evidence">) {
  const [filter, setFilter] = useState("");
  const uid = useId();
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

  const setAnchor = (anchor: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(anchor);
    else next.delete(anchor);
    // Reading order, so the same choice always makes the same response.
    const ordered = passages.map((p) => p.anchor).filter((a) => next.has(a));
    const unknown = [...next].filter((a) => !passages.some((p) => p.anchor === a));
    emit({ ...answerPart, anchors: [...ordered, ...unknown].slice(0, MAX_EVIDENCE) });
  };

  const needle = foldText(filter.trim().replace(/^¶\s*/, ""));
  const groups = useMemo(() => {
    const visible = needle ? passages.filter((p) => paragraphNumber(p.anchor) === needle || foldText(p.text).includes(needle)) : passages;
    return groupBySection(visible);
  }, [needle, passages]);
  const shown = groups.reduce((n, g) => n + g.passages.length, 0);
  const hiddenChosen = needle ? anchors.filter((a) => !groups.some((g) => g.passages.some((p) => p.anchor === a))).length : 0;

  const filterId = `${questionKey}-filter`;
  const evidenceHintId = `${questionKey}-evidence-hint`;

  return (
    <fieldset disabled={disabled} aria-describedby={describedBy} className="space-y-5">
      <Legend label={label}>Your answer and your evidence</Legend>

      {view.answerKind === "choice" ? (
        <fieldset>
          <legend className="field-label">Answer</legend>
          <div className="mt-2 space-y-2">
            {view.options.map((option) => (
              <label key={option.id} className={choiceRowClass}>
                <input
                  type="radio"
                  className={choiceInputClass}
                  name={`${questionKey}-answer`}
                  value={option.id}
                  checked={value?.optionId === option.id}
                  onChange={() => emit({ optionId: option.id, anchors })}
                />
                <span>{option.text}</span>
              </label>
            ))}
          </div>
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
        <div className="mt-2">
          <label htmlFor={filterId} className="text-sm font-semibold">
            Find a paragraph
          </label>
          <input
            id={filterId}
            type="search"
            className="field-input max-w-md"
            placeholder="A word from it, or its number"
            autoComplete="off"
            value={filter}
            aria-controls={`${uid}-list`}
            aria-describedby={`${uid}-matches`}
            onChange={(e) => setFilter(e.currentTarget.value)}
          />
          <p id={`${uid}-matches`} className="mt-1 text-sm text-muted" aria-live="polite">
            {needle ? `${shown} ${shown === 1 ? "paragraph matches" : "paragraphs match"}.` : ""}
            {hiddenChosen ? ` ${hiddenChosen} chosen ${hiddenChosen === 1 ? "paragraph is" : "paragraphs are"} hidden by the search and stay chosen.` : ""}
          </p>
        </div>
        {shown > 0 ? (
          <div
            id={`${uid}-list`}
            role="region"
            aria-label={label ? `Paragraphs of the reading, for ${label}` : "Paragraphs of the reading"}
            tabIndex={0}
            className="mt-2 max-h-96 overflow-y-auto rounded-md border border-line bg-stone-50"
          >
            {groups.map((group) => (
              <fieldset key={group.title + group.passages[0]?.anchor} className="border-b border-line last:border-b-0">
                <legend className="sr-only">{group.title}</legend>
                <p aria-hidden="true" className="sticky top-0 z-10 border-b border-line bg-stone-100 px-3 py-1.5 text-sm font-semibold">
                  {group.title}
                </p>
                <ul className="divide-y divide-stone-200">
                  {group.passages.map((p) => {
                    const checked = chosen.has(p.anchor);
                    return (
                      <li key={p.anchor}>
                        <label className="flex cursor-pointer items-start gap-3 px-3 py-2 hover:bg-white has-checked:bg-blue-50 has-disabled:cursor-not-allowed">
                          <input
                            type="checkbox"
                            className={choiceInputClass}
                            value={p.anchor}
                            checked={checked}
                            disabled={!checked && full}
                            onChange={(e) => setAnchor(p.anchor, e.currentTarget.checked)}
                          />
                          <span className="text-sm">
                            <span className="font-semibold tabular-nums">{paragraphLabel(p.anchor)}</span> <span className="font-serif">{snippet(p.text)}</span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            ))}
          </div>
        ) : (
          <p className="mt-2 rounded-md border border-line bg-stone-50 p-3 text-sm">{passages.length ? "No paragraph matches your search." : "The reading is not available for this quiz."}</p>
        )}
      </fieldset>
    </fieldset>
  );
}
