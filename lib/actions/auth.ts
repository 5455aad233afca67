"use server";

import { headers } from "next/headers";
import { clientAddress, trustedProxyHops } from "@/lib/http/client-address";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/config";
import { tooManyAttempts } from "@/lib/errors";
import { createAccount } from "@/lib/data/users";
import { safeReturnPath } from "@/lib/http/safe-redirect";
import { signInSchema, signUpSchema } from "@/lib/validation/auth";
import { failed, formValues, invalid, requireForm, type FormState } from "./form-state";

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const values = formValues(form, ["email"]);
  const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeReturnPath(form.get("callbackUrl")) });
  } catch (e) {
    // signIn redirects by throwing; only Auth.js's own errors mean the sign-in failed.
    if (e instanceof AuthError) {
      const wait = retryAfter(e);
      return { ok: false, message: wait === null ? "Email or password is incorrect." : tooManyAttempts(wait), values };
    }
    throw e;
  }
  return { ok: true };
}

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
  const values = formValues(form, ["name", "email", "role"]);
  const parsed = signUpSchema.safeParse({
    name: form.get("name"),
    email: form.get("email"),
    password: form.get("password"),
    role: form.get("role") ?? undefined,
  });
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    const address = clientAddress((await headers()).get("x-forwarded-for"), trustedProxyHops());
    await createAccount(parsed.data, { address });
  } catch (e) {
    return failed(e, values);
  }
  const back = form.get("callbackUrl") ? safeReturnPath(form.get("callbackUrl")) : "/dashboard?welcome=1";
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: back });
  } catch (e) {
    // The account exists; only signing in was refused (this address has had too many failed sign-ins).
    const wait = e instanceof AuthError ? retryAfter(e) : null;
    if (wait === null) throw e;
    return { ok: true, message: `Your account is ready, but we can’t sign you in just now. ${tooManyAttempts(wait)}` };
  }
  redirect("/dashboard");
}

/** The wait from a rate-limited sign-in (lib/auth/sign-in.ts's SignInRateLimited), else null. */
function retryAfter(e: AuthError): number | null {
  const limited = e as AuthError & { code?: unknown; retryAfterSeconds?: unknown };
  return limited.code === "rate_limited" && typeof limited.retryAfterSeconds === "number" ? limited.retryAfterSeconds : null;
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
