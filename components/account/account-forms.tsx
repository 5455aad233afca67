"use client";

import { useActionState, useEffect, useRef } from "react";
import { changePasswordAction } from "@/lib/actions/account";
import { initialFormState } from "@/lib/actions/form-state";
import { Field, FormMessage } from "@/components/ui/field";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation/auth";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  // After a change, empty the fields so the new password does not sit on the screen.
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="mt-4 space-y-4" noValidate aria-labelledby="change-password-heading">
      <FormMessage ok={state.ok} message={state.message} />
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={PASSWORD_MAX}
        errors={state.fieldErrors?.currentPassword}
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        hint={`At least ${PASSWORD_MIN} characters, not one you use elsewhere. A few unrelated words are easy to remember and hard to guess.`}
        errors={state.fieldErrors?.newPassword}
      />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Changing your password…" : "Change password"}
      </button>
    </form>
  );
}
