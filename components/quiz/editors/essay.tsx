"use client";

import type { ConfigOf } from "@/lib/question-types/schemas";
import { ErrorText, NumberField, RowButtons, TextField, describedBy, errorIdFor, fieldId, freshId, rowClass, rowIds, useListControls, type EditorProps } from "./parts";

type Criterion = ConfigOf<"essay">["rubric"][number];

const MAX_CRITERIA = 12;

/** A rubric (criteria with their points), word limits, and notes for whoever grades. */
export function EssayEditor({ value, onChange, errors, idPrefix }: EditorProps<"essay">) {
  const rubric = value.rubric;
  const setRubric = (next: Criterion[]) => onChange({ ...value, rubric: next });
  const listId = fieldId(idPrefix, "rubric");
  const ids = rowIds(listId);
  const controls = useListControls(rubric, setRubric, { ...ids, add: `${listId}-add`, first: (i) => fieldId(idPrefix, `rubric.${i}.criterion`) });
  const update = (i: number, patch: Partial<Criterion>) => setRubric(rubric.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  const total = rubric.reduce((s, c) => s + (Number.isFinite(c.maxPoints) ? c.maxPoints : 0), 0);

  return (
    <div className="space-y-6">
      <ErrorText id={idPrefix} path="" messages={errors[""]} />
      <fieldset id={listId} className="space-y-3" aria-describedby={describedBy(`${listId}-hint`, errors.rubric?.length ? errorIdFor(listId) : null)}>
        <legend className="field-label">Rubric (optional)</legend>
        <p id={`${listId}-hint`} className="text-sm text-muted">
          What the grader scores, each criterion with its points. Without a rubric the grader gives one score.
        </p>
        {rubric.length ? (
          <p className="text-sm font-semibold" aria-live="polite">
            Rubric total: {total} {total === 1 ? "point" : "points"}.
          </p>
        ) : null}
        <ErrorText id={listId} path="rubric" messages={errors.rubric} />
        {rubric.length ? (
          <ol className="space-y-3">
            {rubric.map((c, i) => {
              const p = `rubric.${i}`;
              return (
                <li key={c.id} className={rowClass} data-testid={`criterion-${i + 1}`}>
                  <div className="flex flex-wrap items-start gap-4">
                    <TextField className="min-w-60 flex-1" id={fieldId(idPrefix, `${p}.criterion`)} path={`${p}.criterion`} label={`Criterion ${i + 1}`} multiline rows={2} value={c.criterion} onChange={(criterion) => update(i, { criterion })} errors={errors[`${p}.criterion`]} maxLength={500} />
                    <NumberField id={fieldId(idPrefix, `${p}.maxPoints`)} path={`${p}.maxPoints`} label={<>Points<span className="sr-only"> for criterion {i + 1}</span></>} value={c.maxPoints} onChange={(maxPoints) => update(i, { maxPoints: maxPoints ?? Number.NaN })} errors={errors[`${p}.maxPoints`]} />
                  </div>
                  <ErrorText id={fieldId(idPrefix, p)} path={p} messages={errors[p]} />
                  <RowButtons index={i} count={rubric.length} rowName={`criterion ${i + 1}`} idFor={ids} onMove={(by) => controls.move(i, by)} onRemove={() => controls.remove(i)} />
                </li>
              );
            })}
          </ol>
        ) : null}
        <button type="button" id={`${listId}-add`} className="btn-secondary" disabled={rubric.length >= MAX_CRITERIA} onClick={() => controls.add({ id: freshId(rubric.map((c) => c.id), "c"), criterion: "", maxPoints: 1 })}>
          Add a criterion
        </button>
      </fieldset>

      <fieldset className="flex flex-wrap gap-6">
        <legend className="field-label">Length (optional)</legend>
        <NumberField id={fieldId(idPrefix, "minWords")} path="minWords" label="At least (words)" value={value.minWords} onChange={(minWords) => onChange({ ...value, minWords })} errors={errors.minWords} optional />
        <NumberField id={fieldId(idPrefix, "maxWords")} path="maxWords" label="At most (words)" value={value.maxWords} onChange={(maxWords) => onChange({ ...value, maxWords })} errors={errors.maxWords} optional />
      </fieldset>

      <TextField
        id={fieldId(idPrefix, "graderNotes")}
        path="graderNotes"
        label="Notes for the grader (optional)"
        hint="Never shown to students: what a good answer contains."
        multiline
        rows={4}
        value={value.graderNotes ?? ""}
        onChange={(graderNotes) => onChange({ ...value, graderNotes })}
        errors={errors.graderNotes}
        maxLength={4000}
      />
    </div>
  );
}
