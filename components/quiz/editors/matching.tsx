"use client";

import type { ConfigOf } from "@/lib/question-types/schemas";
import { ErrorText, RowButtons, TextField, describedBy, errorIdFor, fieldId, freshId, rowClass, rowIds, useListControls, type EditorProps } from "./parts";

type Pair = ConfigOf<"matching">["pairs"][number];

const MAX_PAIRS = 12;
const MIN_PAIRS = 2;
const MAX_DISTRACTORS = 8;

/** Pairs (a prompt and its answer) and extra answers that belong to no prompt. */
export function MatchingEditor({ value, onChange, errors, idPrefix }: EditorProps<"matching">) {
  const pairs = value.pairs;
  const distractors = value.distractors;
  const setPairs = (next: Pair[]) => onChange({ ...value, pairs: next });
  const setDistractors = (next: string[]) => onChange({ ...value, distractors: next });

  const pairsId = fieldId(idPrefix, "pairs");
  const pairIds = rowIds(pairsId);
  const pairControls = useListControls(pairs, setPairs, { ...pairIds, add: `${pairsId}-add`, first: (i) => fieldId(idPrefix, `pairs.${i}.prompt`) });
  const updatePair = (i: number, patch: Partial<Pair>) => setPairs(pairs.map((x, k) => (k === i ? { ...x, ...patch } : x)));

  const extraId = fieldId(idPrefix, "distractors");
  const extraIds = rowIds(extraId);
  const extraControls = useListControls(distractors, setDistractors, { ...extraIds, add: `${extraId}-add`, first: (i) => fieldId(idPrefix, `distractors.${i}`) });

  return (
    <div className="space-y-6">
      <ErrorText id={idPrefix} path="" messages={errors[""]} />
      <fieldset id={pairsId} className="space-y-3" aria-describedby={describedBy(`${pairsId}-hint`, errors.pairs?.length ? errorIdFor(pairsId) : null)}>
        <legend className="field-label">Pairs</legend>
        <p id={`${pairsId}-hint`} className="text-sm text-muted">
          Each prompt and the answer that belongs to it ({MIN_PAIRS} to {MAX_PAIRS} pairs). Students match each prompt to an answer from a shuffled list.
        </p>
        <ErrorText id={pairsId} path="pairs" messages={errors.pairs} />
        <ol className="space-y-3">
          {pairs.map((pair, i) => {
            const p = `pairs.${i}`;
            return (
              <li key={pair.id} className={rowClass} data-testid={`pair-${i + 1}`}>
                <div className="grid gap-3 sm:grid-cols-2">
                  <TextField id={fieldId(idPrefix, `${p}.prompt`)} path={`${p}.prompt`} label={`Pair ${i + 1}: prompt`} value={pair.prompt} onChange={(prompt) => updatePair(i, { prompt })} errors={errors[`${p}.prompt`]} maxLength={300} />
                  <TextField id={fieldId(idPrefix, `${p}.answer`)} path={`${p}.answer`} label={`Pair ${i + 1}: answer`} value={pair.answer} onChange={(answer) => updatePair(i, { answer })} errors={errors[`${p}.answer`]} maxLength={300} />
                </div>
                <ErrorText id={fieldId(idPrefix, p)} path={p} messages={errors[p]} />
                <RowButtons index={i} count={pairs.length} rowName={`pair ${i + 1}`} idFor={pairIds} onMove={(by) => pairControls.move(i, by)} onRemove={() => pairControls.remove(i)} canRemove={pairs.length > MIN_PAIRS} />
              </li>
            );
          })}
        </ol>
        <button type="button" id={`${pairsId}-add`} className="btn-secondary" disabled={pairs.length >= MAX_PAIRS} onClick={() => pairControls.add({ id: freshId(pairs.map((x) => x.id), "p"), prompt: "", answer: "" })}>
          Add a pair
        </button>
      </fieldset>

      <fieldset id={extraId} className="space-y-3" aria-describedby={describedBy(`${extraId}-hint`, errors.distractors?.length ? errorIdFor(extraId) : null)}>
        <legend className="field-label">Extra wrong answers (optional)</legend>
        <p id={`${extraId}-hint`} className="text-sm text-muted">
          Answers that belong to no prompt, offered alongside the right ones (at most {MAX_DISTRACTORS}).
        </p>
        <ErrorText id={extraId} path="distractors" messages={errors.distractors} />
        {distractors.length ? (
          <ol className="space-y-3">
            {distractors.map((d, i) => (
              <li key={i} className={rowClass}>
                <TextField id={fieldId(idPrefix, `distractors.${i}`)} path={`distractors.${i}`} label={`Extra answer ${i + 1}`} value={d} onChange={(text) => setDistractors(distractors.map((x, k) => (k === i ? text : x)))} errors={errors[`distractors.${i}`]} maxLength={300} />
                <RowButtons index={i} count={distractors.length} rowName={`extra answer ${i + 1}`} idFor={extraIds} onMove={(by) => extraControls.move(i, by)} onRemove={() => extraControls.remove(i)} movable={false} />
              </li>
            ))}
          </ol>
        ) : null}
        <button type="button" id={`${extraId}-add`} className="btn-secondary" disabled={distractors.length >= MAX_DISTRACTORS} onClick={() => extraControls.add("")}>
          Add an extra answer
        </button>
      </fieldset>
    </div>
  );
}
