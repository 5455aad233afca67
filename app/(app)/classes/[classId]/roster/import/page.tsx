import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { getClass } from "@/lib/data/classes";
import { guardPage } from "@/lib/http/page-guard";
import { MAX_ROSTER_BYTES, MAX_ROSTER_ROWS } from "@/lib/roster/csv";
import { RosterImport } from "@/components/classes/roster-import";

export const metadata: Metadata = { title: "Import a roster", referrer: "no-referrer" };

export default async function RosterImportPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const here = `/classes/${classId}/roster/import`;
  const viewer = await guardPage(requireViewer(), here);
  const cls = await guardPage(getClass(viewer, classId), here);
  if (!cls.canManage) forbidden();
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10">
      <p className="text-sm">
        <Link href={`/classes/${cls.id}`}>← {cls.name}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Import a roster</h1>
      {cls.canEdit ? (
        <>
          <p className="mt-1 text-muted">
            A CSV file or rows pasted from a spreadsheet: one student per line, name then e-mail (a header line naming the columns is optional). Up to {MAX_ROSTER_ROWS} students. Preview first: nothing is saved until you import.
          </p>
          <p className="mt-1 text-muted">
            Each new student gets an account and a one-time sign-in link for you to hand out; students who already have an account with that e-mail are added to the class and sign in as usual.
          </p>
          <div className="mt-6">
            <RosterImport classId={cls.id} className={cls.name} maxBytes={MAX_ROSTER_BYTES} />
          </div>
        </>
      ) : (
        <p className="mt-4 rounded-md border border-amber-700 bg-amber-50 p-4">This class is archived, so it takes no new students. Restore it on its page first.</p>
      )}
    </main>
  );
}
