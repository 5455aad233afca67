import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getDiscussionReport } from "@/lib/data/discussion";
import { guardPage } from "@/lib/http/page-guard";
import { PostBody } from "@/components/discussion/post-body";
import { DiscussionSettingsForm, PromptForm, RandomGroupsForm } from "@/components/discussion/instructor-forms";

export const metadata: Metadata = { title: "Discussion: what the class said" };

const pnum = (a: string) => a.replace(/^p-/, "");

export default async function DiscussionReportPage({ params, searchParams }: { params: Promise<{ assignmentId: string }>; searchParams: Promise<{ student?: string }> }) {
  const { assignmentId } = await params;
  const { student } = await searchParams;
  const here = `/assignments/${assignmentId}/discussion`;
  const viewer = await guardPage(requireViewer(), here);
  const r = await guardPage(getDiscussionReport(viewer, assignmentId), here);
  const max = Math.max(1, ...Object.values(r.talkedAbout));
  const one = student ? r.participation.find((p) => p.userId === student) : undefined;
  const api = `/api/assignments/${assignmentId}/discussion/export`;
  return (
    <div className="mx-auto max-w-5xl space-y-10 font-sans">
      <div>
        <Link href={`/assignments/${assignmentId}`}>← Back to the reading</Link>
        <h1 className="mt-2 text-2xl font-semibold">Discussion on the reading</h1>
        <p className="mt-1 text-sm text-muted">
          Export: <a href={`${api}?format=json`}>everything (JSON)</a> · <a href={`${api}?format=csv`}>posts (CSV)</a> · <a href={`${api}?format=participation`}>participation (CSV)</a>
        </p>
      </div>

      <section aria-labelledby="settings-title" className="space-y-4">
        <h2 id="settings-title" className="text-lg font-semibold">
          Settings and prompts
        </h2>
        <DiscussionSettingsForm assignmentId={assignmentId} initial={r.settings} />
        {r.settings.visibility === "groups" ? (
          <div>
            <RandomGroupsForm assignmentId={assignmentId} />
            <ul className="mt-2 text-sm">
              {r.groups.map((g) => (
                <li key={g.id}>
                  <strong>{g.name}:</strong> {g.members.map((m) => m.name).join(", ")}
                </li>
              ))}
              {r.groups.length === 0 ? <li className="text-muted">No groups yet: students in no group see only their own posts and yours.</li> : null}
            </ul>
          </div>
        ) : null}
        <ul className="space-y-2 text-sm">
          {r.prompts.map((p) => (
            <li key={p.id} className="rounded border border-amber-300 bg-amber-50 p-3">
              <a href={`/assignments/${assignmentId}#${p.paragraph}`}>¶ {pnum(p.paragraph)}</a>
              {p.requireClaim ? " · claim with evidence required" : ""}: {p.body}
            </li>
          ))}
        </ul>
        <PromptForm assignmentId={assignmentId} />
      </section>

      <section aria-labelledby="strip-title">
        <h2 id="strip-title" className="text-lg font-semibold">
          Where the class talked
        </h2>
        <p className="text-sm text-muted">Each bar is a paragraph, in reading order; its height is the number of posts and replies on it.</p>
        <div className="mt-2 flex h-24 items-end gap-px overflow-x-auto border-b border-line" role="img" aria-label={`Posts per paragraph: ${Object.entries(r.talkedAbout).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([a, n]) => `¶ ${pnum(a)}: ${n}`).join(", ")}`}>
          {r.paragraphs.map((a) => (
            <div key={a} title={`¶ ${pnum(a)}: ${r.talkedAbout[a] ?? 0}`} className="w-1.5 shrink-0 bg-accent" style={{ height: `${((r.talkedAbout[a] ?? 0) / max) * 100}%` }} />
          ))}
        </div>
        <h3 className="mt-4 font-semibold">Paragraphs cited as evidence in claims</h3>
        <p className="text-sm">
          {Object.entries(r.cited).length
            ? Object.entries(r.cited)
                .sort((a, b) => b[1] - a[1])
                .map(([a, n]) => (
                  <span key={a} className="mr-3 inline-block">
                    <a href={`/assignments/${assignmentId}#${a}`}>¶ {pnum(a)}</a> × {n}
                  </span>
                ))
            : "No claims yet."}
        </p>
      </section>

      <section aria-labelledby="open-title">
        <h2 id="open-title" className="text-lg font-semibold">
          Open questions ({r.openQuestions.length})
        </h2>
        <p className="text-sm text-muted">Questions with no endorsed answer and no reply from you, oldest first: what to take up in class.</p>
        <ol className="mt-2 space-y-2 text-sm">
          {r.openQuestions.map((q) => (
            <li key={q.id} className="rounded border border-line p-3">
              <p className="text-xs text-muted">
                ¶ {pnum(q.paragraph)} · {q.author.name} · {new Date(q.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC
              </p>
              {q.quote ? <p className="italic text-muted">“{q.quote.exact}”</p> : null}
              <PostBody body={q.body} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="participation-title">
        <h2 id="participation-title" className="text-lg font-semibold">
          Participation
        </h2>
        <p className="text-sm text-muted">Counts, not a grade. Choose a name to read everything that student wrote.</p>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-sm">
            <thead>
              <tr className="border-b border-line text-left">
                <th scope="col">Student</th>
                <th scope="col">Posts</th>
                <th scope="col">Replies</th>
                <th scope="col">Questions</th>
                <th scope="col">Claims</th>
                <th scope="col">Words</th>
                <th scope="col">Helpful received</th>
              </tr>
            </thead>
            <tbody>
              {r.participation.map((p) => (
                <tr key={p.userId} className="border-b border-line">
                  <th scope="row" className="text-left font-normal">
                    <Link href={`${here}?student=${p.userId}`} className="inline-block py-1">
                      {p.name}
                    </Link>
                  </th>
                  <td>{p.posts}</td>
                  <td>{p.replies}</td>
                  <td>{p.questions}</td>
                  <td>{p.claims}</td>
                  <td>{p.words}</td>
                  <td>{p.helpfulReceived}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {one ? (
        <section aria-labelledby="one-title">
          <h2 id="one-title" className="text-lg font-semibold">
            Everything {one.name} wrote
          </h2>
          <ol className="mt-2 space-y-2 text-sm">
            {r.posts
              .filter((p) => p.authorId === one.userId)
              .map((p) => (
                <li key={p.id} className="rounded border border-line p-3">
                  <p className="text-xs text-muted">
                    ¶ {pnum(p.paragraph)} · {p.kind}
                    {p.parentId ? " (reply)" : ""}
                    {p.deleted ? " · deleted" : ""}
                    {p.hidden ? " · hidden" : ""}
                  </p>
                  {p.deleted ? <p className="italic text-muted">Post deleted</p> : <PostBody body={p.body} />}
                </li>
              ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
