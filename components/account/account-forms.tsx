"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/lib/actions/account";
import { initialFormState } from "@/lib/actions/form-state";
import { Field, FormMessage } from "@/components/ui/field";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation/auth";

/** A successful change redirects back here with `notice` (see changePasswordAction). */
export function ChangePasswordForm({ notice }: { notice?: string | undefined }) {
  const [state, action, pending] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={action} className="mt-4 space-y-4" noValidate aria-labelledby="change-password-heading">
      {state.message ? <FormMessage ok={state.ok} message={state.message} /> : <FormMessage ok message={notice} />}
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
