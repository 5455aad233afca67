import type { QuestionTypeId } from "@/lib/question-types/ids";
import { countWords, paragraphLabel, paragraphNumber } from "./players/parts";
import { PlainParagraphs } from "@/components/quiz/plain-paragraphs";

/**
 * A student's answer, readably for its type, for the instructor: choices by their text (every
 * option listed, the student's marked, the right ones marked), ordering as a numbered list,
 * matching as pairs, essays as paragraphs, evidence as the answer and the cited paragraphs.
 * Marks are words and symbols, never colour alone. Server-safe (no hooks), and defensive: a
 * response may be null (unanswered) or from an older version of the question.
 *
 * `view` is the question's player view (option texts, items, prompts); `correct` the type's
 * correct response (null when none exists, e.g. essays, or when it is not to be shown).
 */
export function AnswerSummary({
  type,
  view,
  response,
  correct = null,
  readingSlug,
  testId,
}: {
  type: QuestionTypeId;
  view: unknown;
  response: unknown;
  correct?: unknown;
  /** Paragraph numbers link into this reading when given. */
  readingSlug?: string | undefined;
  testId?: string | undefined;
}) {
  return (
    <div data-testid={testId} className="mt-1">
      <Summary type={type} view={view} response={response} correct={correct} readingSlug={readingSlug} />
    </div>
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const options = (view: unknown): { id: string; text: string }[] =>
  isRecord(view) && Array.isArray(view.options) ? view.options.filter((o): o is { id: string; text: string } => isRecord(o) && typeof o.id === "string" && typeof o.text === "string") : [];

function NoAnswer({ children = "No answer" }: { children?: React.ReactNode }) {
  return <p className="italic text-muted">{children}</p>;
}

function Tag({ kind, children }: { kind: "chosen" | "right" | "wrong"; children: React.ReactNode }) {
  const cls =
    kind === "right"
      ? "border-green-800 bg-green-50 text-green-900"
      : kind === "wrong"
        ? "border-red-800 bg-red-50 text-red-900"
        : "border-blue-800 bg-blue-50 text-blue-900";
  return <span className={`ml-2 inline-block whitespace-nowrap rounded border px-1.5 text-sm font-semibold ${cls}`}>{children}</span>;
}

/** The options of a choice question, the student's picks and the right ones marked. */
function OptionList({ view, chosen, right, showRight }: { view: unknown; chosen: Set<string>; right: Set<string>; showRight: boolean }) {
  const all = options(view);
  const unknown = [...chosen].filter((id) => !all.some((o) => o.id === id));
  return (
    <ul className="space-y-1.5">
      {all.map((o) => {
        const picked = chosen.has(o.id);
        const isRight = right.has(o.id);
        return (
          <li key={o.id} className={`flex items-start gap-2 rounded-md border px-3 py-1.5 ${picked ? "border-blue-800 bg-blue-50/60 font-semibold" : "border-line bg-white"}`}>
            <span aria-hidden="true" className="w-5 shrink-0 text-center">
              {picked ? "●" : "○"}
            </span>
            <span>
              {o.text}
              {picked ? <Tag kind="chosen">chosen</Tag> : <span className="sr-only"> (not chosen)</span>}
              {showRight && isRight ? <Tag kind="right">✓ right answer</Tag> : null}
            </span>
          </li>
        );
      })}
      {unknown.map((id) => (
        <li key={id} className="italic text-muted">
          An option no longer in the question <Tag kind="chosen">chosen</Tag>
        </li>
      ))}
    </ul>
  );
}

function Paragraphs({ anchors, readingSlug, right }: { anchors: string[]; readingSlug?: string | undefined; right: Set<string> | null }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {anchors.map((a) => {
        const isRight = right?.has(a);
        const label = paragraphLabel(a);
        return (
          <li key={a} className={`rounded border px-2 py-0.5 tabular-nums ${right ? (isRight ? "border-green-800 bg-green-50" : "border-stone-400 bg-white") : "border-stone-400 bg-white"}`}>
            {readingSlug ? (
              <a href={`/readings/${readingSlug}#${a}`}>
                <span aria-hidden="true">{label}</span>
                <span className="sr-only">paragraph {paragraphNumber(a)}</span>
              </a>
            ) : (
              <>
                <span aria-hidden="true">{label}</span>
                <span className="sr-only">paragraph {paragraphNumber(a)}</span>
              </>
            )}
            {right ? <span className="ml-1 text-sm">{isRight ? "✓" : "✗"}<span className="sr-only">{isRight ? " part of the evidence" : " not part of the evidence"}</span></span> : null}
          </li>
        );
      })}
    </ul>
  );
}

function Summary({ type, view, response, correct, readingSlug }: { type: QuestionTypeId; view: unknown; response: unknown; correct: unknown; readingSlug?: string | undefined }) {
  const hasCorrect = isRecord(correct);
  const c = hasCorrect ? correct : {};
  if (!isRecord(response)) {
    // Choice questions still list their options, so the grader sees what was on offer.
    if ((type === "multiple-choice" || type === "multiple-response") && options(view).length) {
      return (
        <div className="space-y-2">
          <NoAnswer />
          <OptionList view={view} chosen={new Set()} right={new Set(type === "multiple-choice" ? strings([c.optionId]) : strings(c.optionIds))} showRight={hasCorrect} />
        </div>
      );
    }
    return <NoAnswer />;
  }
  switch (type) {
    case "multiple-choice": {
      const chosen = typeof response.optionId === "string" ? [response.optionId] : [];
      return <OptionList view={view} chosen={new Set(chosen)} right={new Set(strings([c.optionId]))} showRight={hasCorrect} />;
    }
    case "multiple-response": {
      const chosen = strings(response.optionIds);
      return (
        <div className="space-y-2">
          {chosen.length === 0 ? <NoAnswer>No options chosen</NoAnswer> : null}
          <OptionList view={view} chosen={new Set(chosen)} right={new Set(strings(c.optionIds))} showRight={hasCorrect} />
        </div>
      );
    }
    case "true-false": {
      if (typeof response.value !== "boolean") return <NoAnswer />;
      return (
        <p className="text-lg font-semibold">
          {response.value ? "True" : "False"}
          {typeof c.value === "boolean" ? (
            c.value === response.value ? (
              <Tag kind="right">✓ right answer</Tag>
            ) : (
              <Tag kind="wrong">✗ the answer is {c.value ? "True" : "False"}</Tag>
            )
          ) : null}
        </p>
      );
    }
    case "short-answer": {
      const text = typeof response.text === "string" ? response.text.trim() : "";
      if (!text) return <NoAnswer />;
      return (
        <div>
          <p className="text-lg font-semibold">“{text}”</p>
          {typeof c.text === "string" ? <p className="mt-1 text-sm text-muted">An accepted answer: “{c.text}”</p> : null}
        </div>
      );
    }
    case "numeric": {
      if (typeof response.value !== "number") return <NoAnswer />;
      const unit = isRecord(view) && typeof view.unit === "string" ? ` ${view.unit}` : "";
      const fmt = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 10, useGrouping: Math.abs(n) >= 10000 });
      return (
        <div>
          <p className="text-lg font-semibold tabular-nums">
            {fmt(response.value)}
            {unit}
          </p>
          {typeof c.value === "number" ? (
            <p className="mt-1 text-sm text-muted">
              An accepted answer: {fmt(c.value)}
              {unit}
            </p>
          ) : null}
        </div>
      );
    }
    case "ordering": {
      const order = strings(response.order);
      if (order.length === 0) return <NoAnswer />;
      const items = new Map(
        (isRecord(view) && Array.isArray(view.items) ? view.items : [])
          .filter((i): i is { id: string; text: string } => isRecord(i) && typeof i.id === "string" && typeof i.text === "string")
          .map((i) => [i.id, i.text]),
      );
      const rightOrder = strings(c.order);
      return (
        <ol className="list-decimal space-y-1 pl-7 marker:font-semibold">
          {order.map((id, i) => {
            const rightAt = rightOrder.indexOf(id);
            return (
              <li key={id}>
                {items.get(id) ?? "(an item no longer in the question)"}
                {rightOrder.length ? (
                  rightAt === i ? (
                    <Tag kind="right">✓ in place</Tag>
                  ) : (
                    <Tag kind="wrong">✗ belongs at {rightAt >= 0 ? rightAt + 1 : "?"}</Tag>
                  )
                ) : null}
              </li>
            );
          })}
        </ol>
      );
    }
    case "matching": {
      const matches = isRecord(response.matches) ? response.matches : {};
      const right = isRecord(c.matches) ? c.matches : null;
      const prompts = (isRecord(view) && Array.isArray(view.prompts) ? view.prompts : []).filter(
        (p): p is { id: string; prompt: string } => isRecord(p) && typeof p.id === "string" && typeof p.prompt === "string",
      );
      const chosenFor = (id: string) => (Object.hasOwn(matches, id) && typeof matches[id] === "string" ? String(matches[id]) : "");
      if (!prompts.some((p) => chosenFor(p.id))) return <NoAnswer />;
      return (
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">The student’s matches{right ? ", with the right match where it differs" : ""}</caption>
          <thead>
            <tr className="border-b border-line text-sm text-muted">
              <th scope="col" className="py-1 pr-3 font-semibold">
                Item
              </th>
              <th scope="col" className="py-1 pr-3 font-semibold">
                Matched with
              </th>
              {right ? (
                <th scope="col" className="py-1 font-semibold">
                  Right match
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {prompts.map((p) => {
              const chosen = chosenFor(p.id);
              const rightText = right && typeof right[p.id] === "string" ? String(right[p.id]) : null;
              const ok = rightText !== null && chosen.trim() === rightText.trim();
              return (
                <tr key={p.id} className="border-b border-line align-top">
                  <th scope="row" className="py-1.5 pr-3 font-medium">
                    {p.prompt}
                  </th>
                  <td className={`py-1.5 pr-3 ${chosen ? "font-semibold" : "italic text-muted"}`}>
                    {chosen || "not matched"}
                    {rightText !== null ? ok ? <Tag kind="right">✓</Tag> : <Tag kind="wrong">✗</Tag> : null}
                    {rightText !== null ? <span className="sr-only">{ok ? " right" : " wrong"}</span> : null}
                  </td>
                  {right ? <td className="py-1.5">{ok ? <span className="text-muted">same</span> : (rightText ?? "–")}</td> : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      );
    }
    case "essay": {
      const text = typeof response.text === "string" ? response.text : "";
      if (!text.trim()) return <NoAnswer />;
      const words = countWords(text);
      const limits = isRecord(view) ? view : {};
      const range =
        typeof limits.minWords === "number" && typeof limits.maxWords === "number"
          ? ` (asked for ${limits.minWords}–${limits.maxWords})`
          : typeof limits.minWords === "number"
            ? ` (asked for at least ${limits.minWords})`
            : typeof limits.maxWords === "number"
              ? ` (asked for at most ${limits.maxWords})`
              : "";
      return (
        <div>
          <div className="space-y-3 rounded-md border border-line bg-stone-50 p-4 font-serif text-lg leading-relaxed">
            <PlainParagraphs text={text} />
          </div>
          <p className="mt-1 text-sm text-muted">
            {words === 1 ? "1 word" : `${words} words`}
            {range}
          </p>
        </div>
      );
    }
    case "evidence": {
      const kind = isRecord(view) ? view.answerKind : undefined;
      const anchors = strings(response.anchors);
      const rightAnchors = hasCorrect && Array.isArray(c.anchors) ? new Set(strings(c.anchors)) : null;
      const chosenText =
        kind === "choice" && typeof response.optionId === "string"
          ? (options(view).find((o) => o.id === response.optionId)?.text ?? "(an option no longer in the question)")
          : typeof response.text === "string" && response.text.trim()
            ? `“${response.text.trim()}”`
            : null;
      const rightText =
        kind === "choice" && typeof c.optionId === "string" ? (options(view).find((o) => o.id === c.optionId)?.text ?? null) : typeof c.text === "string" ? `“${c.text}”` : null;
      const answerRight = kind === "choice" ? typeof c.optionId === "string" && c.optionId === response.optionId : null;
      if (chosenText === null && anchors.length === 0) return <NoAnswer />;
      const missed = rightAnchors ? [...rightAnchors].filter((a) => !anchors.includes(a)) : [];
      return (
        <dl className="space-y-3">
          <div>
            <dt className="text-sm font-semibold uppercase tracking-wide text-muted">Answer</dt>
            <dd className={`mt-0.5 text-lg ${chosenText ? "font-semibold" : "italic text-muted"}`}>
              {chosenText ?? "none"}
              {answerRight === true ? <Tag kind="right">✓ right answer</Tag> : answerRight === false && chosenText ? <Tag kind="wrong">✗</Tag> : null}
              {rightText && answerRight !== true ? <span className="mt-1 block text-sm font-normal text-muted">{kind === "choice" ? "The right answer" : "An accepted answer"}: {rightText}</span> : null}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-semibold uppercase tracking-wide text-muted">Paragraphs cited ({anchors.length})</dt>
            <dd className="mt-1">{anchors.length ? <Paragraphs anchors={anchors} readingSlug={readingSlug} right={rightAnchors} /> : <NoAnswer>No paragraphs cited</NoAnswer>}</dd>
          </div>
          {rightAnchors ? (
            <div>
              <dt className="text-sm font-semibold uppercase tracking-wide text-muted">Evidence not cited</dt>
              <dd className="mt-1">{missed.length ? <Paragraphs anchors={missed} readingSlug={readingSlug} right={null} /> : <span>None: every evidence paragraph was cited.</span>}</dd>
            </div>
          ) : null}
        </dl>
      );
    }
  }
}
