import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentBody, type ParagraphMark } from "@/components/reading/document-body";
import { requireViewer } from "@/lib/auth/viewer";
import { analyseQuizAssignment, getQuizAssignmentForStudent } from "@/lib/data/attempts";
import { getReading } from "@/lib/data/readings";
import { guardPage } from "@/lib/http/page-guard";
import { citationShade, evidenceMarks } from "@/lib/quiz/evidence-marks";

export const metadata: Metadata = { title: "Evidence on the reading" };

/**
 * An evidence question's citations shown on the reading itself: every paragraph the class cited,
 * shaded by how many attempts cited it and labelled in words, with the paragraphs the key accepts
 * outlined. For the class's instructor only (the analysis call refuses anyone else).
 */
export default async function EvidenceOnReadingPage({ params }: { params: Promise<{ quizAssignmentId: string; questionId: string }> }) {
  const { quizAssignmentId, questionId } = await params;
  const analysisHref = `/quiz-assignments/${quizAssignmentId}/analysis`;
  const here = `${analysisHref}/evidence/${questionId}`;
  const viewer = await guardPage(requireViewer(), here);
  const analysis = await guardPage(analyseQuizAssignment(viewer, quizAssignmentId), here);
  const index = analysis.questions.findIndex((q) => q.key === questionId && q.type === "evidence");
  const question = analysis.questions[index];
  if (!question || !analysis.readingSlug) notFound();
  const [qa, reading] = await Promise.all([guardPage(getQuizAssignmentForStudent(viewer, quizAssignmentId), here), guardPage(getReading(analysis.readingSlug), here)]);

  const marks = evidenceMarks(question, reading.paragraphs, analysis.attempts);
  const shown = new Map<string, ParagraphMark>([...marks].map(([anchor, m]) => [anchor, { className: m.className, label: m.label }]));
  const uncited = question.keyParagraphs.filter((a) => !question.citedParagraphs.some((c) => c.anchor === a));

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm">
        <Link href={`${analysisHref}#question-${index + 1}`}>← Question analysis: {qa.title}</Link>
      </p>
      <header className="mt-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">Evidence on the reading · {qa.className}</p>
        <h1 className="mt-1 text-3xl font-bold">{question.title}</h1>
        <p className="mt-2 text-lg">{question.prompt}</p>
        <p className="mt-3 text-lg" data-testid="evidence-summary">
          {analysis.attempts === 1 ? "1 submitted attempt" : `${analysis.attempts} submitted attempts`}; {question.citedParagraphs.length === 1 ? "1 paragraph" : `${question.citedParagraphs.length} paragraphs`} cited.{" "}
          {question.keyParagraphs.length > 0 ? (
            <>
              The key accepts {question.keyParagraphs.length === 1 ? "1 paragraph" : `${question.keyParagraphs.length} paragraphs`}
              {uncited.length > 0 ? <>; the class cited none of {uncited.map((a) => `¶ ${a.replace(/^p-/, "")}`).join(", ")}.</> : "."}
            </>
          ) : null}
        </p>
      </header>

      <section aria-labelledby="legend-title" className="card mt-6 text-base">
        <h2 id="legend-title" className="font-semibold">
          How to read the highlights
        </h2>
        <ul className="mt-2 space-y-2">
          <li className="flex items-center gap-3">
            <span aria-hidden="true" className="flex gap-1">
              {[0.2, 0.5, 1].map((share) => (
                <span key={share} className={`inline-block h-5 w-6 rounded-sm ${citationShade(share)}`} />
              ))}
            </span>
            Shaded paragraphs were cited; the darker, the more attempts cited them. Each says how many.
          </li>
          <li className="flex items-center gap-3">
            <span aria-hidden="true" className="inline-block h-5 w-[4.25rem] rounded-sm outline-2 outline-offset-0 outline-green-800 outline-dashed" />
            A dashed green outline marks a paragraph the question’s key accepts as evidence.
          </li>
        </ul>
        {question.citedParagraphs.length > 0 ? (
          <nav aria-label="Cited paragraphs, most cited first" className="mt-4">
            <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">Jump to a cited paragraph</h3>
            <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1" data-testid="evidence-jump">
              {question.citedParagraphs.map((c) => (
                <li key={c.anchor}>
                  <a href={`#${c.anchor}`}>
                    ¶ {c.anchor.replace(/^p-/, "")} ({c.count})
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : (
          <p className="mt-3 italic text-muted">No attempt has cited a paragraph yet.</p>
        )}
      </section>

      <article aria-labelledby="reading-title" className="mt-8" data-testid="evidence-reading">
        <h2 id="reading-title" className="text-2xl font-bold">
          {reading.title}
        </h2>
        <p className="mt-1 text-muted">
          {reading.dateLabel} · the notes on names and terms open on <Link href={`/readings/${reading.slug}`}>the reading’s own page</Link>.
        </p>
        <div className="mt-6">
          <DocumentBody reading={reading} marks={shown} notesAt={`/readings/${reading.slug}`} />
        </div>
      </article>
    </main>
  );
}
