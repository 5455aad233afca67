"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { importGiftAction, type ImportState } from "@/lib/actions/quizzes";

/** What one import may hold (the action's limit; even as 3-byte UTF-8 it fits the 4 MB action body limit in next.config.js). */
const MAX_CHARS = 900_000;

/**
 * GIFT import in two steps on one text: Preview (the server parses it and lists what it found,
 * with problems by line; nothing is saved), then Save the ticked questions. The text stays in
 * the box throughout; a file is read here, in the browser, into the same box.
 */
export function ImportForm({ quizzes, typeLabels, initialQuizId }: { quizzes: { id: string; title: string }[]; typeLabels: Record<string, string>; initialQuizId?: string }) {
  const [text, setText] = useState("");
  const [result, setResult] = useState<ImportState | null>(null);
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [picks, setPicks] = useState<Set<number>>(new Set());
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [announce, setAnnounce] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (announce) resultRef.current?.focus();
  }, [announce]);

  const found = result?.found ?? [];
  const stale = previewed !== null && previewed !== text;
  const textErrors = result?.fieldErrors?.text;

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CHARS * 4) {
      setFileNote(`“${file.name}” is too large for one import; split it into smaller files.`);
      return;
    }
    try {
      const content = await file.text();
      if (content.length > MAX_CHARS) {
        setFileNote(`“${file.name}” is too large for one import; split it into smaller files.`);
        return;
      }
      setText(content.replace(/^\uFEFF/, ""));
      setFileNote(`Read “${file.name}” into the box below. Check it, then preview.`);
    } catch {
      setFileNote(`“${file.name}” couldn’t be read. Try again, or paste its text.`);
    }
  };

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(e.currentTarget, submitter);
    const step = data.get("step");
    const sentText = text;
    startTransition(async () => {
      let res: ImportState | undefined;
      try {
        res = await importGiftAction({ ok: false }, data);
      } catch (err) {
        if (err && typeof err === "object" && "digest" in err && String((err as { digest: unknown }).digest).startsWith("NEXT_REDIRECT")) throw err;
        res = { ok: false, message: "The server couldn’t be reached. Your text is still here; try again." };
      }
      if (!res) return;
      setResult((prev) => (res.found ? res : { ...prev, ...res, found: prev?.found ?? [], errors: prev?.errors ?? [], skipped: prev?.skipped ?? [] }));
      if (step === "preview" && res.found) {
        setPreviewed(sentText);
        setPicks(new Set(res.found.map((q) => q.index)));
      }
      setAnnounce((n) => n + 1);
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" data-testid="import-form">
      <div className="card space-y-4">
        <div>
          <label htmlFor="gift-file" className="field-label">
            A .gift or .txt file
          </label>
          <p id="gift-file-hint" className="mt-0.5 text-sm text-muted">
            Exported from Moodle or another quiz tool. It is read into the box below; nothing is sent until you preview.
          </p>
          <input id="gift-file" type="file" accept=".gift,.txt,text/plain" className="mt-1 block text-sm" aria-describedby="gift-file-hint" onChange={(e) => void readFile(e.currentTarget.files?.[0])} />
          {fileNote ? (
            <p role="status" className="mt-1 text-sm">
              {fileNote}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="gift-text" className="field-label">
            GIFT text
          </label>
          <p id="gift-text-hint" className="mt-0.5 text-sm text-muted">
            Or paste it here. Questions are separated by a blank line.
          </p>
          <textarea
            id="gift-text"
            name="text"
            rows={14}
            spellCheck={false}
            className="field-input font-mono text-sm"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            aria-invalid={textErrors ? true : undefined}
            aria-describedby={textErrors ? "gift-text-hint gift-text-error" : "gift-text-hint"}
          />
          {textErrors ? (
            <p id="gift-text-error" className="field-error">
              {textErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <button type="submit" name="step" value="preview" className="btn-primary" disabled={pending} data-testid="import-preview">
          {pending ? "Working…" : "Preview"}
        </button>
      </div>

      {result ? (
        <div ref={resultRef} tabIndex={-1} className="space-y-6" aria-labelledby="import-result-title">
          <h2 id="import-result-title" className="text-xl font-bold">
            Preview
          </h2>
          {result.message ? (
            <p role={result.ok ? "status" : "alert"} className={`rounded-md border p-3 text-sm ${result.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`} data-testid="form-message">
              {result.message}
            </p>
          ) : null}
          {stale ? (
            <p role="status" className="rounded-md border border-amber-700 bg-amber-50 p-3 text-sm text-amber-900">
              The text has changed since this preview. Preview again before saving.
            </p>
          ) : null}

          {result.errors?.length ? (
            <section aria-labelledby="import-errors-title" className="card" data-testid="import-errors">
              <h3 id="import-errors-title" className="font-bold">
                {result.errors.length} {result.errors.length === 1 ? "problem" : "problems"}: these parts are not imported
              </h3>
              <ul className="mt-2 space-y-1 text-sm">
                {result.errors.map((err, i) => (
                  <li key={i}>
                    <span className="font-semibold">Line {err.line}:</span> {err.message.replace(/^Line \d+:\s*/, "")}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {result.skipped?.length ? (
            <section aria-labelledby="import-skipped-title" className="card" data-testid="import-skipped">
              <h3 id="import-skipped-title" className="font-bold">
                Skipped on purpose: {result.skipped.length} {result.skipped.length === 1 ? "note" : "notes"}
              </h3>
              <p className="mt-1 text-sm text-muted">Not problems: the file holds these, and Dossier has no place for them.</p>
              <ul className="mt-2 space-y-1 text-sm">
                {result.skipped.map((note, i) => (
                  <li key={i}>{note.message}</li>
                ))}
              </ul>
            </section>
          ) : null}

          {found.length ? (
            <div role="group" aria-labelledby="import-found-title" className="card space-y-3" data-testid="import-found">
              <h3 id="import-found-title" className="font-bold">
                {found.length} {found.length === 1 ? "question" : "questions"} found · {picks.size} chosen to save
              </h3>
              <div className="flex flex-wrap gap-2">
                <button type="button" className="rounded-md border border-line bg-white px-3 py-1.5 text-sm font-semibold hover:bg-stone-100" onClick={() => setPicks(new Set(found.map((q) => q.index)))}>
                  Choose all
                </button>
                <button type="button" className="rounded-md border border-line bg-white px-3 py-1.5 text-sm font-semibold hover:bg-stone-100" onClick={() => setPicks(new Set())}>
                  Choose none
                </button>
              </div>
              <ol className="space-y-2">
                {found.map((q) => (
                  <li key={q.index} className="rounded-md border border-line bg-white p-3 hover:bg-stone-50 has-checked:border-accent has-checked:bg-blue-50" data-testid={`import-question-${q.index + 1}`}>
                    <label className="flex cursor-pointer items-start gap-3">
                      <input
                        type="checkbox"
                        name="pick"
                        value={q.index}
                        className="mt-0.5 h-5 w-5 shrink-0 accent-accent"
                        checked={picks.has(q.index)}
                        aria-describedby={q.notKept.length ? `import-not-kept-${q.index}` : undefined}
                        onChange={(e) => {
                          const next = new Set(picks);
                          if (e.currentTarget.checked) next.add(q.index);
                          else next.delete(q.index);
                          setPicks(next);
                        }}
                      />
                      <span>
                        <span className="block font-semibold">{q.title}</span>
                        <span className="block text-sm text-muted">
                          {typeLabels[q.type] ?? q.type}
                          {q.category ? ` · ${q.category}` : ""}
                        </span>
                        <span className="mt-1 block text-sm">{q.prompt}</span>
                      </span>
                    </label>
                    {q.notKept.length ? (
                      <div id={`import-not-kept-${q.index}`} className="ml-8 mt-2 text-sm" data-testid={`import-not-kept-${q.index + 1}`}>
                        <p className="font-semibold">Imported without:</p>
                        <ul className="list-disc pl-5">
                          {q.notKept.map((m, i) => (
                            <li key={i}>{m}</li>
                          ))}
                        </ul>
                      </div>
                    ) : null}
                  </li>
                ))}
              </ol>
              <input type="hidden" name="count" value={result.count ?? found.length} />
              {quizzes.length ? (
                <div>
                  <label htmlFor="import-quiz" className="field-label">
                    Also add them to a quiz (optional)
                  </label>
                  <select id="import-quiz" name="quizId" className="field-input" defaultValue={initialQuizId ?? ""}>
                    <option value="">No, only to my question bank</option>
                    {quizzes.map((q) => (
                      <option key={q.id} value={q.id}>
                        {q.title}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <button type="submit" name="step" value="save" className="btn-primary" disabled={pending || stale || picks.size === 0} data-testid="import-save">
                {pending ? "Saving…" : `Save ${picks.size} ${picks.size === 1 ? "question" : "questions"}`}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
