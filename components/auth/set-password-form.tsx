"use client";

import { useActionState } from "react";
import { setPasswordWithLinkAction } from "@/lib/actions/sign-in-links";
import { initialFormState } from "@/lib/actions/form-state";
import { Field, FormMessage } from "@/components/ui/field";
import { PASSWORD_MIN } from "@/lib/validation/auth";

export function SetPasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(setPasswordWithLinkAction, initialFormState);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      {/* Shown, and named "username" so a password manager saves the new password under it. */}
      <Field name="email" label="Your e-mail (you sign in with it)" type="email" autoComplete="username" value={email} readOnly />
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters; a short sentence is easy to remember and hard to guess.`}
        errors={state.fieldErrors?.password}
      />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Setting your password…" : "Set password and sign in"}
      </button>
    </form>
  );
}
