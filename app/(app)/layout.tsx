import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { signOutAction } from "@/lib/actions/auth";
import { TimeZoneSync } from "@/components/ui/time-zone-sync";

// Shows who is signed in. Authorization is not done here (layouts are bypassed by actions and
// route handlers); every page and lib/data call checks for itself.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  return (
    <>
      <nav aria-label="Account" className="no-print border-b border-line bg-stone-50">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-end gap-3 px-4 py-1.5 text-sm">
          {viewer ? (
            <>
              <span data-testid="signed-in-as">
                Signed in as <strong>{viewer.name}</strong> ({viewer.role})
              </span>
              <Link href="/account" className="rounded px-2 py-1 hover:bg-stone-200">
                Account
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="rounded px-2 py-1 text-accent underline hover:bg-stone-200">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <Link href="/login">Sign in</Link>
          )}
        </div>
      </nav>
      {viewer ? <TimeZoneSync userId={viewer.id} stored={viewer.timeZone ?? null} /> : null}
      {children}
    </>
  );
}
