"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/config";
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
      return { ok: false, message: "Email or password is incorrect.", values };
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
    await createAccount(parsed.data);
  } catch (e) {
    return failed(e, values);
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/dashboard?welcome=1" });
  redirect("/dashboard");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
