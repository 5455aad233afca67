"use client";

import type { ConfigOf } from "@/lib/question-types/schemas";
import { Checkbox, ErrorText, NumberField, RowButtons, TextField, describedBy, errorIdFor, fieldId, rowClass, rowIds, useListControls, type EditorProps, type FieldErrors } from "./parts";

type Accepted = ConfigOf<"short-answer">["answers"][number];

export interface MatchFlags {
  caseSensitive: boolean;
  accentSensitive: boolean;
  punctuationSensitive: boolean;
}

const MAX_ANSWERS = 20;

/**
 * The accepted answers of a typed answer, each with its credit and feedback. Shared with
 * evidence questions ("answer.answers"); `path` is where the list sits in the config.
 */
export function AcceptedAnswersEditor({
  answers,
  onChange,
  errors,
  idPrefix,
  path,
}: {
  answers: Accepted[];
  onChange: (next: Accepted[]) => void;
  errors: FieldErrors;
  idPrefix: string;
  path: string;
}) {
  const listId = fieldId(idPrefix, path);
  const ids = rowIds(listId);
  const controls = useListControls(answers, onChange, { ...ids, add: `${listId}-add`, first: (i) => fieldId(idPrefix, `${path}.${i}.text`) });
  const update = (i: number, patch: Partial<Accepted>) => onChange(answers.map((a, k) => (k === i ? { ...a, ...patch } : a)));
  const hintId = `${listId}-hint`;
  return (
    <fieldset id={listId} className="space-y-3" aria-describedby={describedBy(hintId, errors[path]?.length ? errorIdFor(listId) : null)}>
      <legend className="field-label">Accepted answers</legend>
      <p id={hintId} className="text-sm text-muted">
        At least one answer earns 100%. A new answer starts at 100% (another spelling); lower its credit for a partly right one. In an answer, * stands for any characters: “Gorb*” accepts “Gorbachev”, and an answer of only * accepts anything (at 0%, it carries feedback for every other answer). Write \* for a real asterisk.
      </p>
      <ErrorText id={listId} path={path} messages={errors[path]} />
      <ol className="space-y-3">
        {answers.map((a, i) => {
          const p = `${path}.${i}`;
          const name = `answer ${i + 1}`;
          return (
            // Accepted answers have no ids; the position is their identity while editing.
            <li key={i} className={rowClass} data-testid={`answer-${i + 1}`}>
              <div className="flex flex-wrap items-start gap-4">
                <TextField className="min-w-60 flex-1" id={fieldId(idPrefix, `${p}.text`)} path={`${p}.text`} label={`Answer ${i + 1}`} value={a.text} onChange={(text) => update(i, { text })} errors={errors[`${p}.text`]} maxLength={200} />
                <NumberField id={fieldId(idPrefix, `${p}.credit`)} path={`${p}.credit`} label={<>Credit (%)<span className="sr-only"> for answer {i + 1}</span></>} value={a.credit} onChange={(credit) => update(i, { credit: credit ?? Number.NaN })} errors={errors[`${p}.credit`]} scale={100} suffix="%" />
              </div>
              <TextField
                id={fieldId(idPrefix, `${p}.feedback`)}
                path={`${p}.feedback`}
                label={`Feedback for answer ${i + 1} (optional)`}
                value={a.feedback ?? ""}
                onChange={(feedback) => update(i, { feedback })}
                errors={errors[`${p}.feedback`]}
                maxLength={2000}
              />
              <ErrorText id={fieldId(idPrefix, p)} path={p} messages={errors[p]} />
              <RowButtons index={i} count={answers.length} rowName={name} idFor={ids} onMove={(by) => controls.move(i, by)} onRemove={() => controls.remove(i)} canRemove={answers.length > 1} />
            </li>
          );
        })}
      </ol>
      <button type="button" id={`${listId}-add`} className="btn-secondary" disabled={answers.length >= MAX_ANSWERS} onClick={() => controls.add({ text: "", credit: 1, feedback: "" })}>
        Add an accepted answer
      </button>
    </fieldset>
  );
}

/** How strictly a typed answer is compared; `prefix` is the path of the object holding the flags. */
export function MatchFlagsEditor({ value, onChange, idPrefix, prefix }: { value: MatchFlags; onChange: (next: MatchFlags) => void; idPrefix: string; prefix: string }) {
  const id = (k: keyof MatchFlags) => fieldId(idPrefix, prefix ? `${prefix}.${k}` : k);
  return (
    <fieldset className="space-y-2">
      <legend className="field-label">Comparing the typed answer</legend>
      <Checkbox id={id("caseSensitive")} label="Case matters" hint="When off, “gdansk” counts as “Gdansk”." checked={value.caseSensitive} onChange={(caseSensitive) => onChange({ ...value, caseSensitive })} />
      <Checkbox id={id("accentSensitive")} label="Accents matter" hint="When off, “Solidarnosc” counts as “Solidarność” and “Walesa” as “Wałęsa”." checked={value.accentSensitive} onChange={(accentSensitive) => onChange({ ...value, accentSensitive })} />
      <Checkbox id={id("punctuationSensitive")} label="Punctuation matters" hint="When off, “Brezhnev.” counts as “Brezhnev” and “S.E.D.” as “SED”." checked={value.punctuationSensitive} onChange={(punctuationSensitive) => onChange({ ...value, punctuationSensitive })} />
    </fieldset>
  );
}

export function ShortAnswerEditor({ value, onChange, errors, idPrefix }: EditorProps<"short-answer">) {
  return (
    <div className="space-y-5">
      <ErrorText id={idPrefix} path="" messages={errors[""]} />
      <AcceptedAnswersEditor answers={value.answers} onChange={(answers) => onChange({ ...value, answers })} errors={errors} idPrefix={idPrefix} path="answers" />
      <MatchFlagsEditor
        value={{ caseSensitive: value.caseSensitive, accentSensitive: value.accentSensitive, punctuationSensitive: value.punctuationSensitive }}
        onChange={(flags) => onChange({ ...value, ...flags })}
        idPrefix={idPrefix}
        prefix=""
      />
    </div>
  );
}
