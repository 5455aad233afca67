"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { LINK_COOKIE, LINK_COOKIE_PATH, linkProblemMessage, tokenSchema } from "@/lib/auth/one-time-token";
import { inspectSignInLink } from "@/lib/data/sign-in-links";
import { setPasswordFromToken } from "@/lib/data/users";
import { signUpSchema } from "@/lib/validation/auth";
import { failed, type FormState } from "./form-state";

/**
 * The form on /set-password: the student chooses a password with the one-time link they opened
 * (its token is in the link cookie), and is signed in with it. The password passes the same
 * checks as at sign-up (signUpSchema, with the account's own name and e-mail), so a stronger
 * sign-up policy applies here too.
 */
export async function setPasswordWithLinkAction(_prev: FormState, form: FormData): Promise<FormState> {
  const jar = await cookies();
  const token = tokenSchema.safeParse(jar.get(LINK_COOKIE)?.value);
  // The link is this form's only credential (whoever is signed in): no link, 401; one that no longer works, 410 as on /link.
  if (!token.success) return { ok: false, code: "unauthorized", message: "Open the link your teacher gave you again: this page only works from it." };
  const link = await inspectSignInLink(token.data);
  if (link.status !== "usable") {
    const { title, message } = linkProblemMessage(link.status);
    return { ok: false, code: link.status === "unknown" ? "not_found" : "gone", message: `${title}. ${message}` };
  }
  const password = form.get("password");
  const checked = await signUpSchema.safeParseAsync({ name: link.name, email: link.email, password, role: "student" });
  const passwordErrors = checked.success ? [] : checked.error.issues.filter((i) => i.path[0] === "password").map((i) => i.message);
  if (passwordErrors.length || typeof password !== "string") {
    return { ok: false, code: "invalid", message: "Please choose another password.", fieldErrors: { password: passwordErrors.length ? passwordErrors : ["Enter a password."] } };
  }
  try {
    await setPasswordFromToken(token.data, password);
  } catch (e) {
    return failed(e, {});
  }
  jar.delete({ name: LINK_COOKIE, path: LINK_COOKIE_PATH });
  try {
    await signIn("credentials", { email: link.email, password, redirectTo: "/dashboard?password=set" });
  } catch (e) {
    // signIn redirects by throwing; an Auth.js error here (say, a sign-in limit) still leaves the password set.
    if (e instanceof AuthError) redirect("/login?reason=password-set");
    throw e;
  }
  return { ok: true };
}
