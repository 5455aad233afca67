import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  // Rendered per request, so the page where a password is chosen has the nonce policy (proxy.ts).
  await connection();
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-bold">Create an account</h1>
      <p className="mt-2 text-muted">Students join their class with a code from their instructor after signing up.</p>
      <SignUpForm />
      <p className="mt-6 text-sm">
        Already have an account? <Link href="/login">Sign in</Link>.
      </p>
    </main>
  );
}
