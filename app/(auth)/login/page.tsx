import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SESSION_EXPIRED } from "@/lib/errors";
import { safeReturnPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const notice =
    sp.reason === "expired" ? SESSION_EXPIRED : sp.error === "CredentialsSignin" ? "Email or password is incorrect." : typeof sp.callbackUrl === "string" ? "Please sign in to continue." : undefined;
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-bold">Sign in</h1>
      <SignInForm callbackUrl={safeReturnPath(sp.callbackUrl)} notice={notice} />
      <p className="mt-6 text-sm">
        New here? <Link href="/signup">Create an account</Link>. Just want to read?{" "}
        <Link href="/readings/mielke-andropov-1981">Open the reading</Link> without an account.
      </p>
    </main>
  );
}
