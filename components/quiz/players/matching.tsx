"use client";

import { Legend, type PlayerProps } from "./parts";

/** A select per prompt over the whole pool of answers (right ones and distractors). */
export function MatchingPlayer({ questionKey, view, value, onChange, disabled, label, describedBy }: PlayerProps<"matching">) {
  const matches: Record<string, string> = value?.matches && typeof value.matches === "object" ? value.matches : {};
  const chosenFor = (id: string) => (Object.hasOwn(matches, id) ? (matches[id] ?? "") : "");
  const choose = (id: string, answer: string) => {
    const next: Record<string, string> = {};
    // Prompt order, blanks left out: the same choices always make the same response.
    for (const p of view.prompts) {
      const a = p.id === id ? answer : chosenFor(p.id);
      if (a) next[p.id] = a;
    }
    onChange({ matches: next });
  };
  return (
    <fieldset disabled={disabled} aria-describedby={describedBy}>
      <Legend label={label} />
      <ul className="mt-2 space-y-3">
        {view.prompts.map((p, i) => {
          const id = `${questionKey}-match-${i}`;
          const chosen = chosenFor(p.id);
          return (
            <li key={p.id} className="grid gap-1 rounded-md border border-line bg-white p-3 md:grid-cols-2 md:items-center md:gap-4">
              <label htmlFor={id} className="font-medium">
                {p.prompt}
              </label>
              <select id={id} className="field-input mt-0" value={view.choices.includes(chosen) ? chosen : ""} onChange={(e) => choose(p.id, e.currentTarget.value)}>
                <option value="">Choose…</option>
                {view.choices.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
