"use client";

import { useEffect, useRef, useState } from "react";
import { rosterLinksCsv } from "@/lib/roster/csv";
import { CopyField } from "./copy-text";
import { plural } from "@/lib/format";

interface Problem {
  line: number;
  message: string;
}
interface Preview {
  rows: { line: number; name: string; email: string; action: "create" | "enrol"; accountName?: string }[];
  problems: Problem[];
  hasHeader: boolean;
}
interface Result {
  created: { line: number; name: string; email: string; link: string }[];
  enrolled: { line: number; name: string; email: string }[];
  problems: Problem[];
  linksExpireAt: string;
}

type Reply = { preview?: Preview; result?: Result; error?: { message?: string } };


/**
 * Roster import in two steps on one text, like the GIFT import: Preview (the server reads it and
 * says, line by line, what would happen; nothing is saved), then Import. The result lists each
 * new student's one-time link, shown this once, with a CSV for a mail merge.
 */
export function RosterImport({ classId, className, maxBytes }: { classId: string; className: string; maxBytes: number }) {
  const [text, setText] = useState("");
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [announce, setAnnounce] = useState(0);
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (announce) outcome.current?.focus();
  }, [announce]);

  // The links exist nowhere else: ask before the page is left with them on it.
  useEffect(() => {
    if (!result?.created.length) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [result]);

  const stale = previewed !== null && previewed !== text;

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > maxBytes) {
      setFileNote(`“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB: too large for one import (at most ${maxBytes / 1024} KB, 500 students). Is it the right file? Otherwise split it into smaller files.`);
      return;
    }
    try {
      setText((await file.text()).replace(/^\uFEFF/, ""));
      setFileNote(`Read “${file.name}” into the box below. Check it, then preview.`);
    } catch {
      setFileNote(`“${file.name}” couldn’t be read. Try again, or paste its rows.`);
    }
  };

  const send = async (step: "preview" | "import") => {
    if (new Blob([text]).size > maxBytes) {
      setMessage(`That is too much for one import (at most ${maxBytes / 1024} KB, 500 students). Split it into several imports.`);
      setAnnounce((n) => n + 1);
      return;
    }
    setPending(true);
    setMessage(null);
    const sent = text;
    try {
      const res = await fetch(`/api/classes/${encodeURIComponent(classId)}/roster?step=${step}`, {
        method: "POST",
        headers: { "content-type": "text/csv; charset=utf-8" },
        body: sent,
        credentials: "same-origin",
        cache: "no-store",
      });
      const body = (await res.json().catch(() => null)) as Reply | null;
      if (!res.ok || !body) {
        setMessage(body?.error?.message ?? "Something went wrong on our side. Nothing was imported; try again.");
      } else if (body.preview) {
        setPreview(body.preview);
        setPreviewed(sent);
        setResult(null);
      } else if (body.result) {
        setResult(body.result);
        setPreview(null);
        setPreviewed(null);
        setText("");
      }
    } catch {
      setMessage("The server couldn’t be reached. Your text is still here; try again.");
    } finally {
      setPending(false);
      setAnnounce((n) => n + 1);
    }
  };

  const downloadCsv = () => {
    if (!result) return;
    const blob = new Blob([rosterLinksCsv(result.created)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `${className.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase() || "class"}-sign-in-links.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const importable = preview?.rows.length ?? 0;

  return (
    <div className="space-y-6">
      {!result ? (
        <form
          className="card space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send("preview");
          }}
        >
          <div>
            <label htmlFor="roster-file" className="field-label">
              A .csv file
            </label>
            <p id="roster-file-hint" className="mt-0.5 text-sm text-muted">
              It is read into the box below; nothing is sent until you preview.
            </p>
            <input id="roster-file" type="file" accept=".csv,.txt,text/csv,text/plain" className="mt-1 block max-w-full text-sm" aria-describedby="roster-file-hint" onChange={(e) => void readFile(e.currentTarget.files?.[0])} />
            {fileNote ? (
              <p role="status" className="mt-1 text-sm" data-testid="file-note">
                {fileNote}
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor="roster-text" className="field-label">
              Names and e-mails
            </label>
            <p id="roster-text-hint" className="mt-0.5 text-sm text-muted">
              Or paste here, one student per line: <code>Eva Nowak, eva@school.org</code>. A name with a comma goes in quotes: <code>&quot;Nowak, Eva&quot;, eva@school.org</code>.
            </p>
            <textarea id="roster-text" name="text" rows={10} spellCheck={false} className="field-input font-mono text-sm" value={text} onChange={(e) => setText(e.currentTarget.value)} aria-describedby="roster-text-hint" />
          </div>
          <button type="submit" className="btn-primary" disabled={pending || text.trim() === ""}>
            {pending ? "Working…" : "Preview"}
          </button>
        </form>
      ) : null}

      <div ref={outcome} tabIndex={-1} className="space-y-6 outline-none" data-testid="roster-outcome">
        {message ? (
          <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-900" data-testid="form-message">
            {message}
          </p>
        ) : null}

        {preview ? (
          <section aria-labelledby="preview-title" className="space-y-4">
            <h2 id="preview-title" className="text-xl font-bold">
              Preview: {plural(importable, "student", "students")} to import{preview.problems.length ? `, ${plural(preview.problems.length, "line", "lines")} with problems` : ""}
            </h2>
            {stale ? (
              <p role="status" className="rounded-md border border-amber-700 bg-amber-50 p-3 text-sm text-amber-900">
                The text has changed since this preview. Preview again before importing.
              </p>
            ) : null}
            <Problems problems={preview.problems} title="Not imported: fix these lines and preview again, or import without them" />
            {importable ? (
              <div className="overflow-x-auto rounded-lg border border-line bg-white" tabIndex={0} role="region" aria-labelledby="preview-caption">
                <table className="w-full border-collapse text-sm" data-testid="preview-table">
                  <caption id="preview-caption" className="sr-only">What importing does for each line</caption>
                  <thead className="bg-stone-100 text-left">
                    <tr>
                      <th scope="col" className="p-3">Line</th>
                      <th scope="col" className="p-3">Name</th>
                      <th scope="col" className="p-3">E-mail</th>
                      <th scope="col" className="p-3">What happens</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((r) => (
                      <tr key={r.line} className="border-t border-line align-top">
                        <td className="p-3">{r.line}</td>
                        <th scope="row" className="p-3 text-left font-semibold">{r.name}</th>
                        <td className="p-3 break-all">{r.email}</td>
                        <td className="p-3">{r.action === "create" ? "New account, with a sign-in link" : `Has an account (${r.accountName}): joins the class`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <button type="button" className="btn-primary" disabled={pending || stale || importable === 0} onClick={() => void send("import")}>
              {pending ? "Importing…" : `Import ${plural(importable, "student", "students")}`}
            </button>
          </section>
        ) : null}

        {result ? (
          <section aria-labelledby="result-title" className="space-y-4">
            <h2 id="result-title" className="text-xl font-bold">
              Imported into {className}: {plural(result.created.length, "new account", "new accounts")}
              {result.enrolled.length ? `, ${plural(result.enrolled.length, "existing account", "existing accounts")}` : ""}
            </h2>
            {result.created.length ? (
              <>
                <div className="rounded-md border border-amber-700 bg-amber-50 p-4 text-amber-950" data-testid="links-once">
                  <p className="font-bold">These sign-in links are shown only now.</p>
                  <p className="mt-1">
                    Dossier keeps only a fingerprint of each link, so it can’t show them again. Copy them or download the CSV before leaving this page. Each works once, until{" "}
                    {new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(new Date(result.linksExpireAt))}. A lost link is no problem: make a password link for that student from the roster.
                  </p>
                  <p className="mt-3">
                    <button type="button" className="btn-primary" onClick={downloadCsv}>
                      Download the links (CSV: name, email, link)
                    </button>
                  </p>
                </div>
                <ul className="space-y-3" data-testid="created-links">
                  {result.created.map((c) => (
                    <li key={c.line} className="rounded-md border border-line bg-white p-3">
                      <CopyField value={c.link} label={`${c.name} (${c.email})`} what={`${c.name}’s link`} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {result.enrolled.length ? (
              <section aria-labelledby="enrolled-title">
                <h3 id="enrolled-title" className="font-bold">Added with their existing accounts (no link: they sign in as usual)</h3>
                <ul className="mt-2 list-disc pl-6 text-sm">
                  {result.enrolled.map((r) => (
                    <li key={r.line}>
                      {r.name} <span className="text-muted">{r.email}</span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <Problems problems={result.problems} title="Not imported" />
            <p className="flex flex-wrap gap-3">
              <a className="btn-secondary" href={`/classes/${classId}`}>
                Back to {className}
              </a>
            </p>
          </section>
        ) : null}
      </div>
    </div>
  );
}

function Problems({ problems, title }: { problems: Problem[]; title: string }) {
  if (!problems.length) return null;
  return (
    <section aria-label={title} className="card" data-testid="roster-problems">
      <h3 className="font-bold">{title}</h3>
      <ul className="mt-2 space-y-1 text-sm">
        {problems.map((p) => (
          <li key={`${p.line}-${p.message}`}>
            <span className="font-semibold">Line {p.line}:</span> {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
