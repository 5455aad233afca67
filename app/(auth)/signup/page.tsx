import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

function safeCallback(raw: string | string[] | undefined): string | undefined {
  const v = typeof raw === "string" ? raw : "";
  return v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : undefined;
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // A join link sends new students here and back to it once they have an account.
  const callbackUrl = safeCallback((await searchParams).callbackUrl);
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
