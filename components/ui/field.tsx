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
  const hintId = `${name}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="field-input"
        {...rest}
      />
      {errors?.length ? (
        <p id={errorId} className="field-error" data-testid={`${name}-error`}>
          {errors.join(" ")}
        </p>
      ) : null}
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
