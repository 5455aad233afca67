import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { guardPage } from "@/lib/http/page-guard";
import { liveSessionCount } from "@/lib/data/sessions";
import { signOutEverywhereAction } from "@/lib/actions/account";
import { ChangePasswordForm } from "@/components/account/account-forms";

export const metadata: Metadata = { title: "Your account" };

/** The message after a password change, from ?changed=N (how many other sessions ended). */
function changedMessage(raw: string | string[] | undefined): string | undefined {
  if (typeof raw !== "string" || !/^\d{1,4}$/.test(raw)) return undefined;
  const others = Number(raw);
  const ended = others === 0 ? "" : ` You were signed out on ${others === 1 ? "1 other device" : `${others} other devices`}.`;
  return `Your password has been changed.${ended}`;
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await guardPage(requireViewer(), "/account");
  const changed = changedMessage((await searchParams).changed);
  const sessions = await liveSessionCount(viewer, viewer.id);
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-3xl font-bold">Your account</h1>
      <p className="mt-2 text-muted">
        {viewer.name}, {viewer.email} ({viewer.role})
      </p>

      <section aria-labelledby="change-password-heading" className="mt-10">
        <h2 id="change-password-heading" className="text-xl font-semibold">
          Change your password
        </h2>
        <p className="mt-1 text-sm text-muted">Changing it signs you out on every other device, and anyone using a copy of this sign-in; you stay signed in here.</p>
        <ChangePasswordForm notice={changed} />
      </section>

      <section aria-labelledby="sessions-heading" className="mt-12">
        <h2 id="sessions-heading" className="text-xl font-semibold">
          Where you are signed in
        </h2>
        <p className="mt-1" data-testid="session-count">
          {sessions === 1 ? "You are signed in on this device only." : `You are signed in on ${sessions} devices or browsers, this one included.`}
        </p>
        <p className="mt-1 text-sm text-muted">Signed in on a shared or lost computer? Sign out everywhere, then sign in again here.</p>
        <form action={signOutEverywhereAction} className="mt-4">
          <button type="submit" className="btn-secondary">
            Sign out everywhere
          </button>
        </form>
      </section>
    </main>
  );
}
