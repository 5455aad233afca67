"use client";

import { countWords, Legend, type PlayerProps } from "./parts";

const ESSAY_MAX_CHARS = 50_000;

/** A written answer, with its word count against the limits and the rubric it is marked by. */
export function EssayPlayer({ questionKey, view, value, onChange, disabled, label, describedBy }: PlayerProps<"essay">) {
  const text = typeof value?.text === "string" ? value.text : "";
  const words = countWords(text);
  const { minWords, maxWords } = view;
  const legendId = `${questionKey}-legend`;
  const limitsId = `${questionKey}-limits`;
  const rubricId = `${questionKey}-rubric`;
  const tooShort = minWords !== undefined && words > 0 && words < minWords;
  const tooLong = maxWords !== undefined && words > maxWords;

  const limits =
    minWords !== undefined && maxWords !== undefined
      ? `Write between ${minWords} and ${maxWords} words.`
      : minWords !== undefined
        ? `Write at least ${minWords} words.`
        : maxWords !== undefined
          ? `Write at most ${maxWords} words.`
          : null;

  // Announced only when the student crosses a limit, not on every word.
  const crossing = tooLong
    ? `Over the limit: ${words} words, the most is ${maxWords}.`
    : minWords !== undefined && words >= minWords
      ? `You have reached the minimum of ${minWords} words.`
      : "";

  return (
    <fieldset disabled={disabled} aria-describedby={describedBy}>
      <Legend id={legendId} label={label}>
        Your essay
      </Legend>
      {limits ? (
        <p id={limitsId} className="mt-0.5 text-sm text-muted">
          {limits}
        </p>
      ) : null}
      <textarea
        id={`${questionKey}-answer`}
        className="field-input min-h-64 leading-relaxed"
        rows={12}
        aria-labelledby={legendId}
        aria-describedby={[limits ? limitsId : null, view.rubric.length ? rubricId : null].filter(Boolean).join(" ") || undefined}
        maxLength={ESSAY_MAX_CHARS}
        value={text}
        onChange={(e) => onChange({ text: e.currentTarget.value }, "typing")}
      />
      <p className={`mt-1 text-sm ${tooLong || tooShort ? "font-semibold text-warn" : "text-muted"}`} data-testid={`${questionKey}-word-count`}>
        {words} {words === 1 ? "word" : "words"}
        {maxWords !== undefined ? ` of at most ${maxWords}` : ""}
        {tooShort ? ` (at least ${minWords} needed)` : ""}
        {tooLong ? " (over the limit)" : ""}
      </p>
      <p className="sr-only" aria-live="polite">
        {crossing}
      </p>
      {view.rubric.length ? (
        <div id={rubricId} className="mt-3 rounded-md border border-line bg-stone-50 p-3 text-sm">
          <p className="font-semibold">How this answer is marked</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {view.rubric.map((c, i) => (
              // The list never changes while it is shown, so the position is a stable key.
              <li key={i}>
                {c.criterion} <span className="text-muted">({c.maxPoints} {c.maxPoints === 1 ? "point" : "points"})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}
