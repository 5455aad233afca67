import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SESSION_EXPIRED } from "@/lib/errors";
import { safeReturnPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const signedOutEverywhere = sp.reason === "signed-out-everywhere";
  const notice = signedOutEverywhere
    ? "You are signed out on every device, this one included."
    : sp.reason === "password-changed"
      ? "Your password has been changed. Sign in with the new one."
    : sp.reason === "password-set"
      ? "Your password is set. Sign in with your e-mail and the new password."
    : sp.reason === "expired"
      ? SESSION_EXPIRED
      : sp.error === "CredentialsSignin"
        ? sp.code === "rate_limited"
          ? "Too many attempts. Wait a few minutes, then try again."
          : "Email or password is incorrect."
        : typeof sp.callbackUrl === "string"
          ? "Please sign in to continue."
          : undefined;
  const callbackUrl = safeReturnPath(sp.callbackUrl);
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-bold">Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} notice={notice} noticeOk={signedOutEverywhere} />
      <p className="mt-6 text-sm">
        New here? <Link href={callbackUrl === "/dashboard" ? "/signup" : `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>. Just want to read?{" "}
        <Link href="/readings/mielke-andropov-1981">Open the reading</Link> without an account.
      </p>
    </main>
  );
}
