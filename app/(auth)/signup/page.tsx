import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeReturnPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Rendered per request, so the page where a password is chosen has the nonce policy (proxy.ts).
  await connection();
  // A join link sends new students here and back to it once they have an account.
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = typeof raw === "string" && safeReturnPath(raw) === raw ? raw : undefined;
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-bold">Create an account</h1>
      <p className="mt-2 text-muted">Students join their class with a code from their instructor after signing up.</p>
      <SignUpForm callbackUrl={callbackUrl} />
      <p className="mt-6 text-sm">
        Already have an account? <Link href={callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login"}>Sign in</Link>.
      </p>
    </main>
  );
}
