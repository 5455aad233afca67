import type { Metadata } from "next";
import { cookies } from "next/headers";
import { LINK_COOKIE, linkProblemMessage, tokenSchema } from "@/lib/auth/one-time-token";
import { inspectSignInLink } from "@/lib/data/sign-in-links";
import { PageMessage } from "@/components/ui/page-message";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { formatDateTime, usableTimeZone } from "@/lib/time/zones";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer", robots: { index: false } };

/** Where a one-time link lands (app/link/[token]/route.ts put its token in the link cookie). */
export default async function SetPasswordPage() {
  const token = tokenSchema.safeParse((await cookies()).get(LINK_COOKIE)?.value);
  const link = token.success ? await inspectSignInLink(token.data) : null;
  if (!link) {
    return (
      <PageMessage code="One-time link" title="Open your link again" actions={[{ href: "/login", label: "Sign in" }]}>
        <p>This page works from the one-time link your teacher gave you. Open that link again (it is still good if you haven’t set a password with it).</p>
      </PageMessage>
    );
  }
  if (link.status !== "usable") {
    const { title, message } = linkProblemMessage(link.status);
    return (
      <PageMessage code="One-time link" title={title} actions={[{ href: "/login", label: "Sign in" }]}>
        <p>{message}</p>
      </PageMessage>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-bold">{link.purpose === "roster" ? `Welcome, ${link.name}` : "Set a new password"}</h1>
      <p className="mt-2 text-muted">
        {link.purpose === "roster"
          ? `Your teacher made an account for you in ${link.className}. Choose a password; from now on you sign in with your e-mail and this password.`
          : `Your teacher made this link so you can choose a new password. Your old password stops working.`}
      </p>
      <p className="mt-2 text-sm text-muted">This link works once, until {formatDateTime(link.expiresAt, usableTimeZone(link.timeZone))}.</p>
      <SetPasswordForm email={link.email} />
    </main>
  );
}
