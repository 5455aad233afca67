import type { QuestionTypeId } from "@/lib/question-types/ids";
import type { ViewByType } from "./players/parts";
import { countWords, paragraphLabel } from "./players/parts";

/**
 * A response shown readably for its type: option texts rather than ids, the order as a list,
 * the matches as pairs. Used for the student's answer and for the right answer in a review.
 * Reads the data defensively: a response may be null (unanswered) or from an older question.
 */
export function ReviewAnswer({ type, view, response, testId, readingSlug }: { type: QuestionTypeId; view: unknown; response: unknown; testId?: string; readingSlug?: string | null }) {
  return (
    <div data-testid={testId} className="mt-1">
      <Answer type={type} view={view} response={response} readingSlug={readingSlug ?? null} />
    </div>
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

function NoAnswer() {
  return <p className="italic text-muted">No answer</p>;
}

function optionText(view: unknown, id: unknown): string {
  const options = isRecord(view) && Array.isArray(view.options) ? (view.options as { id: string; text: string }[]) : [];
  return options.find((o) => o.id === id)?.text ?? "(an option no longer in the question)";
}

function Answer({ type, view, response, readingSlug }: { type: QuestionTypeId; view: unknown; response: unknown; readingSlug: string | null }) {
  if (!isRecord(response)) return <NoAnswer />;
  switch (type) {
    case "multiple-choice":
      return typeof response.optionId === "string" ? <p>{optionText(view, response.optionId)}</p> : <NoAnswer />;
    case "multiple-response": {
      const ids = strings(response.optionIds);
      if (ids.length === 0) return <p className="italic text-muted">No options chosen</p>;
      return (
        <ul className="list-disc space-y-1 pl-5">
          {ids.map((id) => (
            <li key={id}>{optionText(view, id)}</li>
          ))}
        </ul>
      );
    }
    case "true-false":
      return typeof response.value === "boolean" ? <p>{response.value ? "True" : "False"}</p> : <NoAnswer />;
    case "short-answer":
      return typeof response.text === "string" && response.text.trim() ? <p className="font-medium">“{response.text.trim()}”</p> : <NoAnswer />;
    case "numeric": {
      if (typeof response.value !== "number") return <NoAnswer />;
      const unit = (view as Partial<ViewByType["numeric"]>).unit;
      return (
        <p className="tabular-nums">
          {response.value.toLocaleString("en-GB", { maximumFractionDigits: 10 })}
          {unit ? ` ${unit}` : ""}
        </p>
      );
    }
    case "ordering": {
      const order = strings(response.order);
      if (order.length === 0) return <NoAnswer />;
      const items = new Map(((view as Partial<ViewByType["ordering"]>).items ?? []).map((i) => [i.id, i.text]));
      return (
        <ol className="list-decimal space-y-1 pl-6">
          {order.map((id) => (
            <li key={id}>{items.get(id) ?? "(an item no longer in the question)"}</li>
          ))}
        </ol>
      );
    }
    case "matching": {
      const matches = isRecord(response.matches) ? response.matches : {};
      const prompts = (view as Partial<ViewByType["matching"]>).prompts ?? [];
      if (!prompts.some((p) => Object.hasOwn(matches, p.id) && typeof matches[p.id] === "string" && matches[p.id])) return <NoAnswer />;
      return (
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          {prompts.map((p) => {
            const chosen = Object.hasOwn(matches, p.id) && typeof matches[p.id] === "string" ? String(matches[p.id]) : "";
            return (
              <div key={p.id} className="contents">
                <dt className="font-medium">{p.prompt}</dt>
                <dd className={chosen ? "" : "italic text-muted"}>
                  <span className="sr-only">matched with: </span>
                  {chosen || "not matched"}
                </dd>
              </div>
            );
          })}
        </dl>
      );
    }
    case "essay": {
      const text = typeof response.text === "string" ? response.text : "";
      if (!text.trim()) return <NoAnswer />;
      const words = countWords(text);
      return (
        <div>
          <div className="whitespace-pre-wrap rounded-md border border-line bg-stone-50 p-3 font-serif leading-relaxed">{text}</div>
          <p className="mt-1 text-sm text-muted">{words === 1 ? "1 word" : `${words} words`}</p>
        </div>
      );
    }
    case "evidence": {
      const kind = isRecord(view) ? view.answerKind : undefined;
      const anchors = strings(response.anchors);
      const answer =
        kind === "choice" && typeof response.optionId === "string"
          ? optionText(view, response.optionId)
          : typeof response.text === "string" && response.text.trim()
            ? `“${response.text.trim()}”`
            : null;
      if (answer === null && anchors.length === 0) return <NoAnswer />;
      return (
        <dl className="space-y-1">
          <div>
            <dt className="inline font-semibold">Answer: </dt>
            <dd className={`inline ${answer ? "" : "italic text-muted"}`}>{answer ?? "none"}</dd>
          </div>
          <div>
            <dt className="inline font-semibold">Evidence: </dt>
            <dd className={`inline ${anchors.length ? "" : "italic text-muted"}`}>
              {anchors.length === 0
                ? "no paragraphs cited"
                : anchors.map((a, i) => (
                    <span key={a}>
                      {i > 0 ? ", " : ""}
                      {/* The paragraph in the reading, to read again what was cited. */}
                      {readingSlug ? <a href={`/readings/${readingSlug}#${a}`}>{paragraphLabel(a)}</a> : paragraphLabel(a)}
                    </span>
                  ))}
            </dd>
          </div>
        </dl>
      );
    }
  }
}
