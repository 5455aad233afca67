import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { getJoinInvitation } from "@/lib/data/classes";
import { joinCodeSchema } from "@/lib/validation/classes";
import { JoinConfirmForm } from "@/components/classes/class-forms";

export const metadata: Metadata = { title: "Join a class" };

/**
 * A join link (/join/CODE), as a teacher shares it: a student confirms and joins; someone signed
 * out creates an account or signs in first and comes back here; nobody joins by just opening it.
 */
export default async function JoinLinkPage({ params }: { params: Promise<{ code: string }> }) {
  const raw = (await params).code;
  const code = joinCodeSchema.safeParse(safeDecode(raw));
  const viewer = await getViewer();
  const invitation = code.success ? await getJoinInvitation(viewer, code.data) : null;

  if (!invitation) {
    return (
      <Shell title="This join link doesn’t work">
        <p className="mt-4">No class has the join code in this link. Check the link with your instructor, or type the code in yourself.</p>
        <p className="mt-6">
          <Link className="btn-secondary" href="/join">Enter a join code</Link>
        </p>
      </Shell>
    );
  }
  const here = `/join/${invitation.code}`;
  const title = `Join ${invitation.name}`;
  const who = <p className="mt-2 text-muted">Instructor: {invitation.instructorName}</p>;

  if (invitation.status !== "open") {
    return (
      <Shell title={title}>
        {who}
        <p className="mt-4 rounded-md border border-line bg-white p-4">
          {invitation.status === "archived"
            ? "This class has been archived and takes no new students. Check with your instructor."
            : "This join link has expired. Ask your instructor for a new one."}
        </p>
      </Shell>
    );
  }
  if (!viewer) {
    return (
      <Shell title={title}>
        {who}
        <p className="mt-4">To join, create a student account or sign in. You come back here afterwards to confirm.</p>
        <ul className="mt-6 flex flex-wrap gap-3">
          <li>
            <Link className="btn-primary" href={`/signup?callbackUrl=${encodeURIComponent(here)}`}>Create an account</Link>
          </li>
          <li>
            <Link className="btn-secondary" href={`/login?callbackUrl=${encodeURIComponent(here)}`}>Sign in</Link>
          </li>
        </ul>
      </Shell>
    );
  }
  if (viewer.role !== "student") {
    return (
      <Shell title={title}>
        {who}
        <p className="mt-4 rounded-md border border-line bg-white p-4">Join links are for students. You are signed in as an instructor.</p>
      </Shell>
    );
  }
  if (invitation.alreadyMember) {
    return (
      <Shell title={title}>
        {who}
        <p className="mt-4">You are already in this class.</p>
        <p className="mt-6">
          <Link className="btn-primary" href={`/classes/${invitation.classId}`}>Open {invitation.name}</Link>
        </p>
      </Shell>
    );
  }
  return (
    <Shell title={title}>
      {who}
      <p className="mt-4">Join this class as {viewer.name}? Your instructor will see your name, your e-mail and your progress on what they assign.</p>
      <JoinConfirmForm code={invitation.code} className={invitation.name} />
    </Shell>
  );
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return "";
  }
}

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-bold">{title}</h1>
      {children}
    </main>
  );
}
