/**
 * How an evidence question's citations are drawn on the reading: which paragraphs to highlight,
 * how dark, and what each says in words. Pure, so the page stays thin and this stays tested.
 */

/** Light to dark; light enough that the document's text keeps its contrast on every shade. */
const SHADES = ["bg-blue-50", "bg-blue-100", "bg-blue-200"] as const;
const KEY_OUTLINE = "outline-2 outline-offset-2 outline-dashed outline-green-800";

/** The shade for a paragraph cited by `share` (0..1) of the most-cited paragraph's count. */
export function citationShade(share: number): string {
  if (!(share > 0)) return "";
  return SHADES[Math.min(SHADES.length - 1, Math.ceil(share * SHADES.length) - 1)]!;
}

export interface EvidenceMark {
  count: number;
  inKey: boolean;
  className: string;
  label: string;
}

/**
 * One mark per paragraph that was cited or that the key accepts, for paragraphs the reading has
 * (a citation of a paragraph the reading no longer has is left out rather than drawn nowhere).
 */
export function evidenceMarks(
  question: { citedParagraphs: readonly { anchor: string; count: number }[]; keyParagraphs: readonly string[] },
  paragraphs: readonly { anchor: string }[],
  attempts: number,
): Map<string, EvidenceMark> {
  const exists = new Set(paragraphs.map((p) => p.anchor));
  const counts = new Map(question.citedParagraphs.map((c) => [c.anchor, c.count]));
  const key = new Set(question.keyParagraphs);
  const max = Math.max(0, ...counts.values());
  const marks = new Map<string, EvidenceMark>();
  for (const anchor of new Set([...counts.keys(), ...key])) {
    if (!exists.has(anchor)) continue;
    const count = counts.get(anchor) ?? 0;
    const inKey = key.has(anchor);
    const cited = count === 0 ? "cited by none" : `cited by ${count} of ${attempts}`;
    marks.set(anchor, {
      count,
      inKey,
      className: ["rounded-sm py-1 pr-2", citationShade(max > 0 ? count / max : 0), inKey ? KEY_OUTLINE : ""].filter(Boolean).join(" "),
      label: inKey ? `In the key · ${cited}` : `${cited[0]!.toUpperCase()}${cited.slice(1)}`,
    });
  }
  return marks;
}
