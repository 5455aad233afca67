"use client";

import { useActionState } from "react";
import { signInAction } from "@/lib/actions/auth";
import { initialFormState } from "@/lib/actions/form-state";
import { Field, FormMessage } from "@/components/ui/field";

export function SignInForm({ callbackUrl, notice, noticeOk = false }: { callbackUrl: string; notice?: string | undefined; noticeOk?: boolean }) {
  const [state, action, pending] = useActionState(signInAction, initialFormState);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      {notice && !state.message ? <FormMessage ok={noticeOk} message={notice} /> : null}
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
