/**
 * When a part of the reading counts as read: after the student has really spent time in it.
 * Pure, shared by the reading page (which measures) and lib/data/progress (which decides).
 *
 * The rule. A part's threshold is the time a brisk reader (400 words a minute) needs for its
 * text, times DWELL_FRACTION, kept between DWELL_MIN_SECONDS and DWELL_MAX_SECONDS:
 *
 *   threshold = clamp(round(words / 400 * 60 * 0.5), 10, 180) seconds
 *
 * For the Mielke–Andropov note that is 10 s for the 76-word list of participants, 55 s for
 * Mielke's closing (736 words) and 122 s for the longest part (1,632 words). Half of a fast
 * reader's time is lenient on purpose: the point is to tell reading from scrolling past (a
 * part crossed on the way somewhere else gets a second or two), not to police reading speed; a
 * student who reads faster still has the "Mark as read" button.
 *
 * Time counts only while the page is visible and focused, the reader has done something in the
 * last ACTIVE_WINDOW_MS, and the part is in the reading band (the line 35% down the window).
 *
 * The server trusts none of the client's figures by themselves: the seconds one report claims
 * are credited only up to the wall-clock time since the previous report (at most
 * MAX_REPORT_WINDOW_SECONDS), so time cannot be claimed faster than it passes, and a first
 * report, which has nothing to measure against, is credited nothing (the page sends an empty
 * report when it opens, to start the clock).
 */

export const DWELL_WORDS_PER_MINUTE = 400;
export const DWELL_FRACTION = 0.5;
export const DWELL_MIN_SECONDS = 10;
export const DWELL_MAX_SECONDS = 180;
/** The most reading time one report can be credited, however long since the previous one. */
export const MAX_REPORT_WINDOW_SECONDS = 600;
/** How long after the last scroll, key or touch the reader still counts as reading. */
export const ACTIVE_WINDOW_MS = 90_000;
/** Where the reading band is: this fraction of the window's height from the top. */
export const READING_LINE = 0.35;

/** Paragraph kinds that are not the document's running text (the editor's gap note, the translator's footnotes). */
const NOT_COUNTED = new Set(["gap", "footnote"]);

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Seconds a part of this many words needs before it counts as read. `scale` shortens (or
 * lengthens) every threshold alike; it is 1 except where configured (DOSSIER_READ_DWELL_SCALE,
 * used by the end-to-end tests so they need not wait minutes).
 */
export function readThresholdSeconds(words: number, scale = 1): number {
  const base = Math.min(DWELL_MAX_SECONDS, Math.max(DWELL_MIN_SECONDS, Math.round((words / DWELL_WORDS_PER_MINUTE) * 60 * DWELL_FRACTION)));
  return Math.max(1, Math.ceil(base * scale));
}

/** Each part's threshold, from its paragraphs (keyed by whatever names the part: slug or id). */
export function sectionThresholds(paragraphs: readonly { section: string; kind: string; text: string }[], scale = 1): Map<string, number> {
  const words = new Map<string, number>();
  for (const p of paragraphs) {
    if (NOT_COUNTED.has(p.kind)) continue;
    words.set(p.section, (words.get(p.section) ?? 0) + countWords(p.text));
  }
  return new Map([...words].map(([section, n]) => [section, readThresholdSeconds(n, scale)]));
}

/** Seconds one report may be credited: the wall-clock time since the previous report, capped. */
export function reportWindowSeconds(previousReport: Date | null, now: Date): number {
  if (!previousReport) return 0;
  const seconds = Math.floor((now.getTime() - previousReport.getTime()) / 1000);
  return Math.min(MAX_REPORT_WINDOW_SECONDS, Math.max(0, seconds));
}

/**
 * What a report's claims are credited within a window: all of them when they fit, otherwise
 * each scaled down alike (rounded down), so the total never exceeds the window.
 */
export function creditClaims(claims: ReadonlyMap<string, number>, windowSeconds: number): Map<string, number> {
  const wanted = [...claims].filter(([, s]) => Number.isFinite(s) && s > 0);
  const total = wanted.reduce((sum, [, s]) => sum + s, 0);
  const window = Math.max(0, Math.floor(windowSeconds));
  const factor = total <= window ? 1 : window / total;
  const credit = new Map<string, number>();
  for (const [key, s] of wanted) {
    const granted = Math.floor(s * factor);
    if (granted > 0) credit.set(key, granted);
  }
  return credit;
}

/** The parts this credit carries over their threshold (from below to at or above): they become read. */
export function crossedThreshold(
  before: ReadonlyMap<string, number>,
  credit: ReadonlyMap<string, number>,
  thresholds: ReadonlyMap<string, number>,
): string[] {
  const crossed: string[] = [];
  for (const [key, added] of credit) {
    const threshold = thresholds.get(key);
    if (threshold === undefined) continue;
    const was = before.get(key) ?? 0;
    if (was < threshold && was + added >= threshold) crossed.push(key);
  }
  return crossed;
}
