"use client";

import Link from "next/link";
import { useEffect, useRef, useState, useTransition, type ComponentType } from "react";
import { createQuestionAction, updateQuestionAction } from "@/lib/actions/questions";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { SESSION_EXPIRED, SIGN_IN_REQUIRED } from "@/lib/errors";
import { authoredQuestionSchema, type AuthoredQuestion } from "@/lib/question-types/schemas";
import { editors } from "@/components/quiz/editors";
import { NumberField, ParagraphPicker, TextField, fieldId, friendlyMessage, type EditorPassage, type FieldErrors } from "@/components/quiz/editors/parts";

/**
 * Writing or changing a question: the fields every type shares, then the type's own editor. The
 * whole question travels as JSON in one hidden input. It is checked here first with the same
 * schema the server uses, so most mistakes are marked without a round trip; whatever the
 * server still rejects comes back with the same dotted paths. Nothing typed is ever reset:
 * the form is never re-mounted or reset by a failed save, only a successful one leaves the page.
 */

const MAX_ANCHORS = 20;
const ID_PREFIX = "q";

/** The id of the element that shows `path` ("config.options.1.text" → "q-config-options-1-text"). */
const idForPath = (path: string) => fieldId(ID_PREFIX, path);

const listNames: Record<string, [string, string]> = {
  options: ["Options", "Option"],
  answers: ["Accepted answers", "Answer"],
  items: ["Items", "Item"],
  pairs: ["Pairs", "Pair"],
  distractors: ["Extra wrong answers", "Extra answer"],
  rubric: ["Rubric", "Criterion"],
  evidence: ["Evidence paragraphs", "Evidence paragraph"],
  anchors: ["Paragraphs the question points to", "Paragraph"],
};
const fieldNames: Record<string, string> = {
  title: "title",
  prompt: "prompt",
  generalFeedback: "general feedback",
  defaultPoints: "default points",
  category: "category",
  type: "type",
  format: "format",
  question: "question",
  text: "text",
  feedback: "feedback",
  feedbackTrue: "feedback for “True”",
  feedbackFalse: "feedback for “False”",
  weight: "credit",
  credit: "credit",
  correct: "correct answer",
  answer: "answer",
  value: "number",
  tolerance: "margin",
  min: "from",
  max: "to",
  kind: "kind",
  criterion: "text",
  maxPoints: "points",
  minWords: "minimum words",
  maxWords: "maximum words",
  graderNotes: "notes for the grader",
  unit: "unit",
  answerWeight: "weight of the answer",
  caseSensitive: "case matters",
  accentSensitive: "accents matter",
  punctuationSensitive: "punctuation matters",
};

/** A dotted path in words, for the error summary: "config.options.1.text" → "Option 2, text". */
export function describePath(path: string): string {
  if (path === "prompt") return "Question text";
  const segs = path.split(".").filter(Boolean);
  if (segs[0] === "config") {
    segs.shift();
    if (segs.length === 0) return "Answer settings";
    const first: string | undefined = segs[0];
    if (first === "answer" && segs.length > 1) segs.shift();
  }
  const parts: string[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const next = segs[i + 1];
    const list = listNames[s];
    if (list && next !== undefined && /^\d+$/.test(next)) {
      parts.push(`${list[1]} ${Number(next) + 1}`);
      i++;
    } else if (list) parts.push(list[0]);
    else parts.push(fieldNames[s] ?? s);
  }
  const out = parts.join(", ") || "Question";
  return out[0]!.toUpperCase() + out.slice(1);
}

/** Optional texts left empty are left out, as the schema's "optional" means. */
const OPTIONAL_TEXTS = new Set(["feedback", "feedbackTrue", "feedbackFalse", "graderNotes", "unit", "generalFeedback", "category"]);
function withoutEmptyOptionals<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutEmptyOptionals) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (OPTIONAL_TEXTS.has(k) && typeof v === "string" && v.trim() === "") continue;
      out[k] = withoutEmptyOptionals(v);
    }
    return out as T;
  }
  return value;
}

function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) (errors[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return errors;
}

/** The config's errors with the "config." prefix taken off ("config" itself becomes ""). */
function configErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) {
    if (k === "config") out[""] = v;
    else if (k.startsWith("config.")) out[k.slice(7)] = v;
  }
  return out;
}

/** Focuses the field that shows `path`, or its nearest ancestor on the page (a list, the editor). */
function focusPath(path: string) {
  const segs = path.split(".");
  while (segs.length) {
    const el = document.getElementById(idForPath(segs.join(".")));
    if (el) {
      const target = el.matches("input, textarea, select, button") ? el : el.querySelector<HTMLElement>("input:not([disabled]), textarea, select, button:not([disabled])");
      (target ?? el).focus();
      el.scrollIntoView({ block: "center" });
      return;
    }
    segs.pop();
  }
}

type LooseEditor = ComponentType<{ value: unknown; onChange: (next: unknown) => void; errors: FieldErrors; idPrefix: string; passages: readonly EditorPassage[] }>;

export function QuestionForm({
  mode,
  typeLabel,
  initial,
  questionId,
  quizId,
  readingSlug,
  returnTo,
  cancelHref,
  passages,
  categories,
}: {
  mode: "create" | "edit";
  typeLabel: string;
  initial: AuthoredQuestion;
  questionId?: string;
  /** Create: also add the new question to this quiz. */
  quizId?: string;
  /** Create: the reading whose paragraphs are offered. */
  readingSlug?: string;
  /** Edit: where to go after saving (a quiz builder or the bank). */
  returnTo?: string;
  cancelHref: string;
  passages: readonly EditorPassage[];
  /** The instructor's own categories, offered as suggestions. */
  categories: readonly string[];
}) {
  const [draft, setDraft] = useState<AuthoredQuestion>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, startTransition] = useTransition();
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt > 0 && message) summaryRef.current?.focus();
  }, [attempt, message]);

  const set = <K extends keyof AuthoredQuestion>(key: K, v: AuthoredQuestion[K]) => setDraft((d) => ({ ...d, [key]: v }) as AuthoredQuestion);
  const setConfig = (config: unknown) => setDraft((d) => ({ ...d, config }) as AuthoredQuestion);
  const cleaned = withoutEmptyOptionals(draft);
  const json = JSON.stringify(cleaned);

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const check = authoredQuestionSchema.safeParse(cleaned);
    if (!check.success) {
      setErrors(issuesToErrors(check.error.issues));
      setMessage("The question is not complete yet; see the marked fields.");
      setAttempt((n) => n + 1);
      return;
    }
    const data = new FormData(form);
    data.set("question", json);
    startTransition(async () => {
      let result: FormState | undefined;
      try {
        result = await (mode === "create" ? createQuestionAction : updateQuestionAction)(initialFormState, data);
      } catch (err) {
        // A redirect after saving is not a failure.
        if (err && typeof err === "object" && "digest" in err && String((err as { digest: unknown }).digest).startsWith("NEXT_REDIRECT")) throw err;
        result = { ok: false, message: "The question couldn’t be sent: the connection may have dropped. Everything you wrote is still here; try again." };
      }
      if (!result) return;
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message ?? (result.ok ? null : "The question couldn’t be saved."));
      setAttempt((n) => n + 1);
    });
  };

  const entries = Object.entries(errors);
  const Editor = editors[draft.type] as unknown as LooseEditor;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8" data-testid="question-form" aria-busy={pending || undefined}>
      <input type="hidden" name="question" value={json} />
      {questionId ? <input type="hidden" name="questionId" value={questionId} /> : null}
      {quizId ? <input type="hidden" name="quizId" value={quizId} /> : null}
      {readingSlug ? <input type="hidden" name="readingSlug" value={readingSlug} /> : null}
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}

      {message ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-md border border-red-700 bg-red-50 p-4 text-sm text-red-900" data-testid="question-errors">
          <p className="font-semibold">{message}</p>
          {message === SIGN_IN_REQUIRED || message === SESSION_EXPIRED ? (
            <p className="mt-1">
              <a href="/login" target="_blank" rel="noopener" className="text-red-900">
                Sign in in a new tab
              </a>
              , then come back here and save again: everything you wrote is kept on this page.
            </p>
          ) : null}
          {entries.length ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {entries.map(([path, msgs]) => (
                <li key={path}>
                  <a
                    href={`#${idForPath(path)}`}
                    className="text-red-900"
                    onClick={(ev) => {
                      ev.preventDefault();
                      focusPath(path);
                    }}
                  >
                    {describePath(path)}
                  </a>
                  : {msgs.map((m) => friendlyMessage(path, m)).join(" ")}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="common-title" className="card space-y-5">
        <h2 id="common-title" className="text-xl font-bold">
          The question
        </h2>
        <p>
          Type: <strong data-testid="question-type">{typeLabel}</strong>
        </p>
        <TextField id={idForPath("title")} path="title" label="Title" hint="For you: it names the question in lists and in the gradebook." value={draft.title} onChange={(v) => set("title", v)} errors={errors.title} maxLength={200} />
        <TextField id={idForPath("prompt")} path="prompt" label="Question text" hint="What students read." multiline rows={5} value={draft.prompt} onChange={(v) => set("prompt", v)} errors={errors.prompt} maxLength={10_000} />
        <TextField
          id={idForPath("generalFeedback")}
          path="generalFeedback"
          label="General feedback (optional)"
          hint="Shown to every student after the attempt, as the quiz’s review settings allow."
          multiline
          rows={3}
          value={draft.generalFeedback ?? ""}
          onChange={(v) => set("generalFeedback", v)}
          errors={errors.generalFeedback}
          maxLength={4000}
        />
        <div className="flex flex-wrap gap-6">
          <NumberField
            id={idForPath("defaultPoints")}
            path="defaultPoints"
            label="Default points"
            hint="What it is worth when added to a quiz; each quiz can change it."
            value={draft.defaultPoints}
            onChange={(v) => set("defaultPoints", v ?? Number.NaN)}
            errors={errors.defaultPoints}
          />
          <TextField
            className="min-w-60 flex-1"
            id={idForPath("category")}
            path="category"
            label="Category (optional)"
            hint="Groups the question in your bank."
            list="question-categories"
            value={draft.category ?? ""}
            onChange={(v) => set("category", v)}
            errors={errors.category}
            maxLength={200}
          />
          <datalist id="question-categories">
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
        <ParagraphPicker
          id={idForPath("anchors")}
          path="anchors"
          legend="Points to paragraphs (optional)"
          hint="Students can open these paragraphs of the reading while they answer."
          passages={passages}
          value={draft.anchors}
          onChange={(v) => set("anchors", v)}
          max={MAX_ANCHORS}
          errors={errors.anchors}
        />
      </section>

      <section aria-labelledby="answer-title" className="card space-y-4">
        <h2 id="answer-title" className="text-xl font-bold">
          The answer: {typeLabel.toLowerCase()}
        </h2>
        <Editor value={draft.config} onChange={setConfig} errors={configErrors(errors)} idPrefix={idForPath("config")} passages={passages} />
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending} data-testid="save-question">
          {pending ? "Saving…" : mode === "create" ? (quizId ? "Save and add to the quiz" : "Save question") : "Save changes"}
        </button>
        <Link className="btn-secondary" href={cancelHref}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
