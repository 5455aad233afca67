import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { listMyClasses } from "@/lib/data/classes";
import { guardPage } from "@/lib/http/page-guard";
import { formatDay, usableTimeZone } from "@/lib/time/zones";

export const metadata: Metadata = { title: "Archived classes" };

export default async function ArchivedClassesPage() {
  const viewer = await guardPage(requireViewer(), "/classes/archived");
  const classes = await listMyClasses(viewer, { archived: true });
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10">
      <p className="text-sm">
        <Link href="/dashboard">← Dashboard</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Archived classes</h1>
      <p className="mt-1 text-muted">
        {viewer.role === "instructor"
          ? "Read-only: nobody joins them and nothing new is assigned. Open one to see its work or to restore it."
          : "Classes your instructors have archived. Your work in them is still here."}
      </p>
      {classes.length === 0 ? <p className="mt-6 text-muted">No archived classes.</p> : null}
      <ul className="mt-6 grid gap-4 md:grid-cols-2">
        {classes.map((c) => (
          <li key={c.id} className="card">
            <h2 className="text-lg font-bold">
              <Link href={`/classes/${c.id}`}>{c.name}</Link>
            </h2>
            <p className="mt-1 text-sm text-muted">
              {viewer.role === "instructor" ? `${c.studentCount} ${c.studentCount === 1 ? "student" : "students"} · ` : `with ${c.instructorName} · `}
              archived {c.archivedAt ? formatDay(c.archivedAt, usableTimeZone(viewer.timeZone)) : ""}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
