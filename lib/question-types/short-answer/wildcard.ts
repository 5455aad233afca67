/**
 * Moodle's short-answer wildcard, for accepted answers (short answer, and the typed answer of an
 * evidence question):
 *
 * - `*` stands for any run of characters, none included: "Gorb*" accepts "Gorbachev" and "Gorb";
 *   an answer of just `*` accepts anything (Moodle's catch-all, usually at 0% with feedback).
 *   Several `*` in a row are one.
 * - The whole typed answer must match, not a part of it: "Cat*" does not accept "Bobcat".
 * - `\*` is a literal asterisk, as in Moodle; any other backslash is an ordinary character.
 * - Case, accents and punctuation are compared as the question's flags say (normalizeAnswerText),
 *   so with punctuation ignored a literal `\*` is ignored like any other punctuation.
 *
 * The pattern is normalised in one piece with a placeholder where each wildcard stands, so spaces
 * next to a wildcard count as Moodle counts them ("Cat *" needs the space), then split at the
 * placeholders. Matching never builds a regular expression: a pattern like `*a*a*a…b` against a
 * long text makes a backtracking regex run for ages. Each literal piece is instead found at its
 * leftmost place after the previous one (the greedy choice is always safe when `*` is the only
 * wildcard), with the Knuth–Morris–Pratt search, so the work is linear in the text plus the
 * pattern whatever they hold.
 */
import { normalizeAnswerText, type TextMatchFlags } from "@/lib/question-types/normalize";

/** Stands for a wildcard while the pattern is normalised: a private-use character no flag changes. */
const HOLE = "\uE000";

/** Whether an accepted answer uses the wildcard (an unescaped `*`). */
export function hasWildcard(answer: string): boolean {
  for (let i = 0; i < answer.length; i++) {
    if (answer[i] === "\\" && answer[i + 1] === "*") i++;
    else if (answer[i] === "*") return true;
  }
  return false;
}

/** The answer with `\*` made a plain asterisk and each run of wildcards replaced by `hole`. */
function expand(answer: string, hole: string): string {
  let out = "";
  for (let i = 0; i < answer.length; i++) {
    const c = answer[i]!;
    if (c === "\\" && answer[i + 1] === "*") {
      out += "*";
      i++;
    } else if (c === "*") {
      out += hole;
      while (answer[i + 1] === "*") i++;
    } else if (c !== HOLE) {
      // A placeholder character typed into the answer itself means nothing; dropping it keeps it
      // from turning into a wildcard.
      out += c;
    }
  }
  return out;
}

/**
 * The normalised literal pieces of an accepted answer, in order; between two pieces stood a
 * wildcard. One piece: no wildcard, the typed answer must equal it.
 */
export function answerPattern(answer: string, flags: TextMatchFlags): string[] {
  return normalizeAnswerText(expand(answer, HOLE), flags).split(HOLE);
}

/**
 * Whether `text` (already normalised) matches the pattern from answerPattern as a whole.
 * Linear in text.length plus the pattern's length.
 */
export function matchesPattern(pieces: readonly string[], text: string): boolean {
  if (pieces.length === 1) return text === pieces[0];
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  // The last piece sits at the very end; everything else must fit before it.
  const end = text.length - last.length;
  if (end < first.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let from = first.length;
  for (let k = 1; k < pieces.length - 1; k++) {
    const piece = pieces[k]!;
    if (piece === "") continue;
    const at = indexWithin(text, piece, from, end);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

/** Knuth–Morris–Pratt: the first place `piece` lies wholly inside text[from, to), or -1. */
function indexWithin(text: string, piece: string, from: number, to: number): number {
  if (to - from < piece.length) return -1;
  const fail = new Int32Array(piece.length);
  for (let i = 1, k = 0; i < piece.length; i++) {
    while (k > 0 && piece[i] !== piece[k]) k = fail[k - 1]!;
    if (piece[i] === piece[k]) k++;
    fail[i] = k;
  }
  for (let i = from, k = 0; i < to; i++) {
    while (k > 0 && text[i] !== piece[k]) k = fail[k - 1]!;
    if (text[i] === piece[k]) k++;
    if (k === piece.length) return i - piece.length + 1;
  }
  return -1;
}

/** Texts a student could type that the answer accepts, most natural first: wildcards left out, then written as `*`. */
export function typedFormsOf(answer: string): string[] {
  return [expand(answer, ""), expand(answer, "*")];
}
