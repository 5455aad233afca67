import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getSessionResponses } from "@/lib/data/live";
import { guardPage } from "@/lib/http/page-guard";
import { formatDateTime, usableTimeZone } from "@/lib/time/zones";

export const metadata: Metadata = { title: "Live session: responses" };

/** After (or during) a session: each student's answers per moment, for the instructor; CSV beside it. */
export default async function LiveResponsesPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const here = `/live/${sessionId}/responses`;
  const viewer = await guardPage(requireViewer(), here);
  const r = await guardPage(getSessionResponses(viewer, sessionId), here);
  const zone = usableTimeZone(viewer.timeZone);
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8">
      <p className="text-sm">
        <Link href={`/classes/${r.session.classId}`}>← {r.session.className}</Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">Live session responses: {r.session.readingTitle}</h1>
      <p className="text-muted">
        Started {formatDateTime(r.session.startedAt, zone)}
        {r.session.endedAt ? `, ended ${formatDateTime(r.session.endedAt, zone)}` : " · still running"}. Nothing here is graded.
      </p>
      <p className="mt-3 flex gap-2">
        <a href={`/live/${sessionId}/responses.csv`} className="btn-secondary" download>
          Download CSV
        </a>
        {r.session.status === "running" ? (
          <Link href={`/live/${sessionId}/control`} className="btn-secondary">
            Back to the control view
          </Link>
        ) : null}
      </p>
      {r.moments.length === 0 ? (
        <p className="mt-6">No questions or discussions in this session.</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="min-w-full border-collapse text-sm" data-testid="live-responses">
            <caption className="sr-only">Each student’s answers per moment</caption>
            <thead>
              <tr>
                <th scope="col" className="border-b border-line p-2 text-left">
                  Student
                </th>
                {r.moments.map((m) => (
                  <th key={m.id} scope="col" className="border-b border-line p-2 text-left">
                    {m.position}. {m.kind}
                    {m.round > 1 ? ` (round ${m.round})` : ""}: {m.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.students.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="border-b border-line p-2 text-left font-semibold">
                    {s.name}
                  </th>
                  {r.moments.map((m) => (
                    <td key={m.id} className="border-b border-line p-2">
                      {s.answers[m.id] ?? <span className="text-muted">–</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
