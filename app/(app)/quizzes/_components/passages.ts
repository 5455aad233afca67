import "server-only";
import { getReading } from "@/lib/data/readings";
import type { EditorPassage } from "@/components/quiz/editors/parts";

/** The reading whose paragraphs questions point to and evidence questions cite. */
export const QUESTION_READING_SLUG = "mielke-andropov-1981";

/**
 * The reading's paragraphs for the editors' pickers, in reading order with their section's
 * title (editorial gaps left out, as in the player). Public text: the same for everyone.
 * Empty when the reading is not there, so the editor still opens.
 */
export async function loadPassages(): Promise<EditorPassage[]> {
  const reading = await getReading(QUESTION_READING_SLUG).catch(() => null);
  if (!reading) return [];
  const titles = new Map(reading.sections.map((s) => [s.slug, s.title]));
  return reading.paragraphs.filter((p) => p.kind !== "gap").map((p) => ({ anchor: p.anchor, sectionTitle: titles.get(p.sectionSlug) ?? "", text: p.text }));
}
