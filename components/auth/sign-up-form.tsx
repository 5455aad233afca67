"use client";

import { useActionState } from "react";
import { signUpAction } from "@/lib/actions/auth";
import { initialFormState } from "@/lib/actions/form-state";
import { Field, FormMessage } from "@/components/ui/field";
import { PASSWORD_MIN } from "@/lib/validation/auth";

export function SignUpForm({ callbackUrl }: { callbackUrl?: string | undefined }) {
  const [state, action, pending] = useActionState(signUpAction, initialFormState);
  const role = state.values?.role || "student";
  const roleErrors = state.fieldErrors?.role;
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field name="name" label="Your name" autoComplete="name" required defaultValue={state.values?.name} errors={state.fieldErrors?.name} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters, not one you use elsewhere; a short sentence is easy to remember and hard to guess.`}
        errors={state.fieldErrors?.password}
      />
      <fieldset aria-describedby={roleErrors ? "role-error" : undefined}>
        <legend className="field-label">I am</legend>
        <div className="mt-2 flex gap-6">
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="student" defaultChecked={role === "student"} className="h-5 w-5" /> a student
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="instructor" defaultChecked={role === "instructor"} className="h-5 w-5" /> an instructor
          </label>
        </div>
        {roleErrors ? (
          <p id="role-error" className="field-error">
            {roleErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
