import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { analyseQuizAssignment, getQuizAssignmentForStudent, type QuizAnalysis } from "@/lib/data/attempts";
import { getReading, type ReadingDTO } from "@/lib/data/readings";
import { guardPage } from "@/lib/http/page-guard";
import { questionTypes } from "@/lib/question-types/registry";

export const metadata: Metadata = { title: "Question analysis" };

type AnalysedQuestion = QuizAnalysis["questions"][number];

/** Answers shown as bars; the table under each chart lists every one. */
const CHART_ANSWERS = 10;

const pct = (x: number) => `${Math.round(x * 100)}%`;
const share = (count: number, of: number) => (of > 0 ? count / of : 0);
const signed = (d: number) => `${d > 0 ? "+" : d < 0 ? "−" : ""}${Math.abs(d).toFixed(2)}`;
const paragraphNumber = (anchor: string) => anchor.replace(/^p-/, "");

/** What the discrimination index means, in words a teacher can use. */
function discriminationReading(d: number | null): { text: string; detail: string; tone: "good" | "weak" | "bad" | "none" } {
  if (d === null) return { text: "Not enough attempts yet", detail: "The index needs at least 4 submitted attempts.", tone: "none" };
  if (d >= 0.3) return { text: "Separates strong and weak answers well", detail: "Students who did well overall mostly got this right; those who struggled mostly didn’t.", tone: "good" };
  if (d >= 0.1) return { text: "Separates strong and weak answers weakly", detail: "Strong students did somewhat better here; worth a look.", tone: "weak" };
  if (d < 0) return { text: "Reversed: weaker students did better", detail: "Check the answer key and the wording: strong students may be reading it differently.", tone: "bad" };
  return { text: "Does not separate strong and weak answers", detail: "Everyone did about as well here: it may be too easy, too hard, or ambiguous.", tone: "bad" };
}

const toneClass = {
  good: "border-green-800 bg-green-50 text-green-950",
  weak: "border-amber-800 bg-amber-50 text-amber-950",
  bad: "border-red-800 bg-red-50 text-red-950",
  none: "border-stone-500 bg-stone-100 text-ink",
} as const;
const toneIcon = { good: "✓", weak: "◐", bad: "!", none: "–" } as const;

export default async function AnalysisPage({ params }: { params: Promise<{ quizAssignmentId: string }> }) {
  const { quizAssignmentId } = await params;
  const here = `/quiz-assignments/${quizAssignmentId}/analysis`;
  const viewer = await guardPage(requireViewer(), here);
  // The analysis first: it is the call that refuses anyone but the class's instructor.
  const analysis = await guardPage(analyseQuizAssignment(viewer, quizAssignmentId), here);
  const qa = await guardPage(getQuizAssignmentForStudent(viewer, quizAssignmentId), here);
  const { readingSlug } = analysis;
  const reading = readingSlug && analysis.questions.some((q) => q.type === "evidence") ? await getReading(readingSlug).catch(() => null) : null;

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-10 text-lg">
      <p className="text-sm">
        <Link href={`/classes/${qa.classId}/gradebook`}>← Gradebook: {qa.className}</Link>
      </p>
      <p className="mt-4 text-sm font-semibold uppercase tracking-wide text-muted">Question analysis</p>
      <h1 className="mt-1 text-3xl font-bold">{qa.title}</h1>
      <p className="mt-2 text-muted">
        {qa.className} · {analysis.attempts === 1 ? "1 submitted attempt" : `${analysis.attempts} submitted attempts`}
      </p>

      <details className="card mt-6 text-base">
        <summary className="cursor-pointer font-semibold">How to read this page</summary>
        <dl className="mt-3 space-y-3">
          <div>
            <dt className="font-semibold">Facility</dt>
            <dd>The share of the question’s points the class earned on average (partial credit counts). 90% is an easy question, 30% a hard one.</dd>
          </div>
          <div>
            <dt className="font-semibold">Discrimination</dt>
            <dd>
              How much better the strongest quarter of attempts (by total score) did on this question than the weakest quarter, from −1 to +1. Above 0.3 the
              question separates students who know the material from those who don’t; near 0 it doesn’t; below 0 the weaker students did better, which usually
              means something is wrong with the question or its key.
            </dd>
          </div>
          <div>
            <dt className="font-semibold">Answers</dt>
            <dd>
              How many attempts gave each answer, out of those that answered the question. Choices with several picks count each pick. Typed answers that
              grading treats as the same (capitals, accents, punctuation, as the question says) are counted together and shown as the students typed them.
            </dd>
          </div>
        </dl>
      </details>

      {analysis.attempts === 0 ? (
        <p className="card mt-8" data-testid="analysis-empty">
          No attempts have been submitted yet. The analysis appears as soon as students submit.
        </p>
      ) : analysis.questions.length === 0 ? (
        <p className="card mt-8">This quiz has no questions to analyse.</p>
      ) : (
        <>
          <section aria-labelledby="overview-title" className="mt-8">
            <h2 id="overview-title" className="text-xl font-bold">
              Overview
            </h2>
            <div className="mt-3 overflow-x-auto rounded-lg border border-stone-400 bg-white" tabIndex={0} role="region" aria-labelledby="overview-caption">
              <table className="w-full min-w-[40rem] border-collapse text-left">
                <caption id="overview-caption" className="sr-only">
                  Facility and discrimination of every question in {qa.title}
                </caption>
                <thead className="bg-stone-100">
                  <tr>
                    <th scope="col" className="px-4 py-2">
                      Question
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Answered
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Facility
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Discrimination
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {analysis.questions.map((q, i) => {
                    const dr = discriminationReading(q.discrimination);
                    return (
                      <tr key={q.key} className="border-t border-stone-300 align-top">
                        <th scope="row" className="px-4 py-2 font-semibold">
                          <a href={`#question-${i + 1}`}>
                            {i + 1}. {q.title}
                          </a>
                        </th>
                        <td className="px-4 py-2 tabular-nums">
                          {q.answered} of {analysis.attempts}
                        </td>
                        <td className="px-4 py-2 tabular-nums">{q.facility !== null ? pct(q.facility) : "–"}</td>
                        <td className="px-4 py-2">
                          <span className="tabular-nums font-semibold">{q.discrimination !== null ? signed(q.discrimination) : "–"}</span>{" "}
                          <span className="text-base text-muted">{dr.text}</span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>

          <ol className="mt-10 space-y-8">
            {analysis.questions.map((q, i) => (
              <li key={q.key}>
                <QuestionAnalysisCard q={q} n={i + 1} attempts={analysis.attempts} reading={reading} evidenceHref={`${here}/evidence/${q.key}`} gradeHref={`/quiz-assignments/${quizAssignmentId}/grade/${q.key}`} />
              </li>
            ))}
          </ol>
        </>
      )}
    </main>
  );
}

function QuestionAnalysisCard({
  q,
  n,
  attempts,
  reading,
  evidenceHref,
  gradeHref,
}: {
  q: AnalysedQuestion;
  n: number;
  attempts: number;
  reading: ReadingDTO | null;
  evidenceHref: string;
  gradeHref: string;
}) {
  const id = `question-${n}`;
  const disc = discriminationReading(q.discrimination);
  return (
    <article id={id} aria-labelledby={`${id}-title`} className="card" data-testid="analysis-question">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4">
        <h2 id={`${id}-title`} className="text-2xl font-bold">
          <span className="text-muted">{n}.</span> {q.title}
        </h2>
        <p className="text-base text-muted">{questionTypes[q.type].label}</p>
      </div>
      <p className="mt-1 text-base text-muted">
        Answered in {q.answered} of {attempts === 1 ? "1 submitted attempt" : `${attempts} submitted attempts`}
      </p>

      <div className="mt-5 grid gap-6 md:grid-cols-2">
        <div>
          <h3 id={`${id}-facility`} className="text-sm font-semibold uppercase tracking-wide text-muted">
            Facility
          </h3>
          {q.facility === null ? (
            <p className="mt-1 italic text-muted">Not graded yet</p>
          ) : (
            <>
              <p className="mt-1 text-3xl font-bold tabular-nums">{pct(q.facility)}</p>
              {/* The number above says it; the bar only shows it. */}
              <div aria-hidden="true" className="mt-2 h-5 w-full overflow-hidden rounded border border-stone-500 bg-stone-100">
                <div className="h-full bg-blue-800" style={{ width: `${Math.max(0, Math.min(100, q.facility * 100))}%` }} />
              </div>
              <p className="mt-1 text-base text-muted">of the points, on average</p>
            </>
          )}
        </div>
        <div>
          <h3 id={`${id}-discrimination`} className="text-sm font-semibold uppercase tracking-wide text-muted">
            Discrimination
          </h3>
          <p className="mt-1 text-3xl font-bold tabular-nums">{q.discrimination !== null ? signed(q.discrimination) : "–"}</p>
          <p className={`mt-2 rounded-md border-l-4 px-3 py-2 ${toneClass[disc.tone]}`}>
            <span aria-hidden="true" className="mr-1 font-bold">
              {toneIcon[disc.tone]}
            </span>
            <strong>{disc.text}.</strong> <span className="text-base">{disc.detail}</span>
          </p>
        </div>
      </div>

      <AnswerChart q={q} n={n} gradeHref={gradeHref} />

      {q.type === "evidence" ? <CitedParagraphs q={q} n={n} reading={reading} evidenceHref={evidenceHref} /> : null}
    </article>
  );
}

function AnswerChart({ q, n, gradeHref }: { q: AnalysedQuestion; n: number; gradeHref: string }) {
  const id = `question-${n}-answers`;
  if (q.type === "essay") {
    return (
      <div className="mt-6">
        <h3 id={id} className="text-sm font-semibold uppercase tracking-wide text-muted">
          Answers
        </h3>
        <p className="mt-1">
          {q.answered === 1 ? "1 student wrote an answer" : `${q.answered} students wrote an answer`}. Essays are read one by one:{" "}
          <Link href={gradeHref}>
            read and grade every answer to this question<span className="sr-only"> ({q.title})</span>
          </Link>
          .
        </p>
      </div>
    );
  }
  const shown = q.answers.slice(0, CHART_ANSWERS);
  const rest = q.answers.length - shown.length;
  return (
    <div className="mt-6">
      <h3 id={id} className="text-sm font-semibold uppercase tracking-wide text-muted">
        How often each answer was given
      </h3>
      {q.answers.length === 0 ? (
        <p className="mt-1 italic text-muted">Nobody answered this question.</p>
      ) : (
        <>
          {/* Each bar's label and number are text, so the chart reads as a list too. */}
          <ul className="mt-2 space-y-2">
            {shown.map((a) => {
              const s = share(a.count, q.answered);
              return (
                <li key={a.label} className="grid items-center gap-x-3 gap-y-0.5 md:grid-cols-[minmax(0,18rem)_minmax(0,1fr)_6.5rem]">
                  <span className="break-words font-medium">
                    {a.label}
                    <Spellings answer={a} />
                  </span>
                  <span aria-hidden="true" className="block h-6 overflow-hidden rounded-sm border border-stone-300 bg-stone-100">
                    <span className="block h-full bg-blue-800" style={{ width: `${Math.max(s * 100, a.count > 0 ? 1 : 0)}%` }} />
                  </span>
                  <span className="tabular-nums">
                    <span className="font-bold">{a.count}</span> <span className="text-base text-muted">({pct(s)})</span>
                    <span className="sr-only"> of {q.answered} answers</span>
                  </span>
                </li>
              );
            })}
          </ul>
          {rest > 0 ? <p className="mt-2 text-base text-muted">and {rest === 1 ? "1 other answer" : `${rest} other answers`} (in the table)</p> : null}
          <details className="mt-3 text-base">
            <summary className="cursor-pointer font-semibold text-accent">
              Show the answers as a table<span className="sr-only"> for question {n}</span>
            </summary>
            <table className="mt-2 w-full border-collapse text-left">
              <caption className="sr-only">Answers given to question {n}, with how many attempts gave each</caption>
              <thead className="bg-stone-100">
                <tr>
                  <th scope="col" className="px-3 py-1.5">
                    Answer
                  </th>
                  <th scope="col" className="px-3 py-1.5 text-right">
                    Attempts
                  </th>
                  <th scope="col" className="px-3 py-1.5 text-right">
                    Share of those who answered
                  </th>
                </tr>
              </thead>
              <tbody>
                {q.answers.map((a) => (
                  <tr key={a.label} className="border-t border-stone-300">
                    <th scope="row" className="px-3 py-1.5 font-normal">
                      {a.label}
                      <Spellings answer={a} />
                    </th>
                    <td className="px-3 py-1.5 text-right tabular-nums">{a.count}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{pct(share(a.count, q.answered))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </div>
  );
}

/** How one answer was typed, where the class typed it in more than one way (counted together, as grading matches them). */
function Spellings({ answer }: { answer: AnalysedQuestion["answers"][number] }) {
  if (!answer.spellings) return null;
  return (
    <span className="block text-base font-normal text-muted" data-testid="answer-spellings">
      typed as {answer.spellings.map((s) => `“${s.text}” (${s.count})`).join(", ")}
    </span>
  );
}

/** Shades for the heat strip, lightest to darkest; 0 citations is the grey track. */
const heat = ["bg-blue-200", "bg-blue-400", "bg-blue-600", "bg-blue-800", "bg-blue-950"] as const;
const heatFor = (count: number, max: number) => (count <= 0 || max <= 0 ? "bg-stone-200" : heat[Math.min(heat.length - 1, Math.ceil((count / max) * heat.length) - 1)]!);

function CitedParagraphs({ q, n, reading, evidenceHref }: { q: AnalysedQuestion; n: number; reading: ReadingDTO | null; evidenceHref: string }) {
  const id = `question-${n}-cited`;
  const cited = q.citedParagraphs;
  const max = cited.reduce((m, c) => Math.max(m, c.count), 0);
  const counts = new Map(cited.map((c) => [c.anchor, c.count]));
  return (
    <div className="mt-6">
      <h3 id={id} className="text-sm font-semibold uppercase tracking-wide text-muted">
        Paragraphs the class cited as evidence
      </h3>
      {cited.length === 0 ? (
        <p className="mt-1 italic text-muted">No paragraphs cited yet.</p>
      ) : (
        <>
          <ul className="mt-2 grid gap-x-6 gap-y-1.5 sm:grid-cols-2 lg:grid-cols-3">
            {cited.map((c) => (
              <li key={c.anchor} className="grid grid-cols-[4.5rem_minmax(0,1fr)_auto] items-center gap-2">
                <a href={reading ? `${evidenceHref}#${c.anchor}` : undefined} className="font-semibold tabular-nums">
                  <span aria-hidden="true">¶ {paragraphNumber(c.anchor)}</span>
                  <span className="sr-only">Paragraph {paragraphNumber(c.anchor)}</span>
                  {q.keyParagraphs.includes(c.anchor) ? (
                    <span title="In the key" className="ml-1 text-green-800">
                      <span aria-hidden="true">✓</span>
                      <span className="sr-only"> (in the key)</span>
                    </span>
                  ) : null}
                </a>
                <span aria-hidden="true" className="block h-4 overflow-hidden rounded-sm border border-stone-300 bg-stone-100">
                  <span className={`block h-full ${heatFor(c.count, max)}`} style={{ width: `${share(c.count, max) * 100}%` }} />
                </span>
                <span className="tabular-nums">
                  {c.count === 1 ? "1 attempt" : `${c.count} attempts`}
                  <span className="sr-only"> ({pct(share(c.count, q.answered))} of those who answered)</span>
                </span>
              </li>
            ))}
          </ul>
          {reading && reading.paragraphs.length > 0 ? <HeatStrip reading={reading} counts={counts} max={max} n={n} /> : null}
          {reading ? (
            <p className="mt-4">
              <Link href={evidenceHref} className="font-semibold" data-testid="evidence-on-reading">
                Show the citations on the reading<span className="sr-only">: {q.title}</span> →
              </Link>{" "}
              <span className="text-base text-muted">(each cited paragraph highlighted in the text, with the key’s paragraphs outlined)</span>
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

/** The whole reading as a strip, one cell per paragraph, darker where more of the class cited it. */
function HeatStrip({ reading, counts, max, n }: { reading: ReadingDTO; counts: Map<string, number>; max: number; n: number }) {
  const sections = reading.sections
    .map((s) => ({ ...s, paragraphs: reading.paragraphs.filter((p) => p.sectionSlug === s.slug) }))
    .filter((s) => s.paragraphs.length > 0);
  const first = reading.paragraphs[0]?.anchor ?? "p-1";
  const last = reading.paragraphs[reading.paragraphs.length - 1]?.anchor ?? "";
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const descId = `question-${n}-strip-desc`;
  return (
    <figure className="mt-5">
      <figcaption className="text-base font-semibold">Where in the reading the evidence came from</figcaption>
      <p id={descId} className="sr-only">
        A strip of the reading’s {reading.paragraphs.length} paragraphs in order, shaded by how many attempts cited each. Most cited:{" "}
        {top.map(([a, c]) => `paragraph ${paragraphNumber(a)} (${c})`).join(", ")}. The list above has every cited paragraph.
      </p>
      <div role="img" aria-describedby={descId} aria-label={`Heat strip of the reading, ${reading.paragraphs.length} paragraphs`} className="mt-2 flex h-10 w-full gap-1.5">
        {sections.map((s) => (
          <div key={s.slug} className="flex min-w-0 gap-px" style={{ flexGrow: s.paragraphs.length, flexBasis: 0 }} title={s.title}>
            {s.paragraphs.map((p) => {
              const c = counts.get(p.anchor) ?? 0;
              return <div key={p.anchor} className={`min-w-0 flex-1 ${heatFor(c, max)}`} title={`¶ ${paragraphNumber(p.anchor)}${c ? `: ${c} citing` : ""}`} />;
            })}
          </div>
        ))}
      </div>
      <div aria-hidden="true" className="mt-1 flex justify-between text-sm text-muted">
        <span>¶ {paragraphNumber(first)}</span>
        <span className="flex items-center gap-1.5">
          fewer
          {["bg-stone-200", ...heat].map((c) => (
            <span key={c} className={`inline-block h-3 w-4 ${c}`} />
          ))}
          more citations
        </span>
        <span>¶ {paragraphNumber(last)}</span>
      </div>
      <p className="mt-1 text-sm text-muted">The wider gaps separate the reading’s {sections.length} parts. The list above gives every cited paragraph with its count.</p>
    </figure>
  );
}
