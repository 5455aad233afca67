/** The ids an element's aria-describedby lists, skipping the absent ones; undefined when none is left. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(" ") : undefined;
}

/** The id of a field's hint, which its input's aria-describedby points to. */
export const hintIdFor = (id: string) => `${id}-hint`;

/** A field's label and, when there is one, the hint under it. */
export function FieldLabel({ id, label, hint }: { id: string; label: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={hintIdFor(id)} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      ) : null}
    </>
  );
}

/** A labelled input with its error beside it, announced and linked for screen readers. */
export function Field({
  name,
  label,
  type = "text",
  errors,
  defaultValue,
  hint,
  ...rest
}: {
  name: string;
  label: string;
  type?: string;
  errors?: string[] | undefined;
  defaultValue?: string | undefined;
  hint?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "type" | "defaultValue">) {
  const errorId = `${name}-error`;
  return (
    <div>
      <FieldLabel id={name} label={label} hint={hint} />
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(hint ? hintIdFor(name) : null, errors?.length ? errorId : null)}
        className="field-input"
        {...rest}
      />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/** A labelled textarea with its hint and error, like Field. */
export function TextAreaField({
  name,
  label,
  errors,
  hint,
  ...rest
}: {
  name: string;
  label: string;
  errors?: string[] | undefined;
  hint?: string;
} & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const errorId = `${name}-error`;
  return (
    <div>
      <FieldLabel id={name} label={label} hint={hint} />
      <textarea
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(hint ? hintIdFor(name) : null, errors?.length ? errorId : null)}
        className="field-input"
        {...rest}
      />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/** A field's errors, under it; `id` is what the field's aria-describedby points to (and the test id). */
export function FieldError({ id, errors }: { id: string; errors?: string[] | undefined }) {
  return errors?.length ? (
    <p id={id} className="field-error" data-testid={id}>
      {errors.join(" ")}
    </p>
  ) : null;
}

/** A labelled select with its error beside it, like Field. */
export function SelectField({
  name,
  label,
  options,
  defaultValue,
  errors,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string | undefined;
  errors?: string[] | undefined;
}) {
  const errorId = `${name}-error`;
  return (
    <div>
      <FieldLabel id={name} label={label} />
      <select id={name} name={name} className="field-input" defaultValue={defaultValue ?? options[0]?.value} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? errorId : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/** The form-level message: an alert for errors, a status for success. */
export function FormMessage({ ok, message }: { ok: boolean; message?: string | undefined }) {
  if (!message) return null;
  return ok ? (
    <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-sm text-green-900" data-testid="form-message">
      {message}
    </p>
  ) : (
    <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-900" data-testid="form-message">
      {message}
    </p>
  );
}
