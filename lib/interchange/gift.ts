/**
 * Moodle GIFT import and export for the question bank. Pure: text in, questions out (and back).
 *
 * Read against Moodle's GIFT documentation (docs.moodle.org "GIFT format") and, where the docs
 * are silent, against what Moodle's own importer does (question/format/gift/format.php), so a
 * file means the same thing here as in Moodle:
 *
 * - Questions are separated by blank lines; whole lines starting with // are comments (a // later
 *   in a line is text, as in Moodle, so URLs survive). A blank line inside { } ends the question.
 * - `$CATEGORY: path` sets `category` for the questions after it.
 * - No `::name::` → the title is the start of the text (about 60 characters, cut at a word).
 * - No `[format]` tag → "moodle", Moodle's default. Dossier keeps one format per question: a tag
 *   on an answer or feedback that differs from the question's is removed and listed in the
 *   result's notices (the text is kept). An unknown tag on the question text (`[HTML]`,
 *   `[text]`) is an error rather than text, to catch typos.
 * - Moodle's `[tag:…]` and `[id:…]` in a question's comment lines have no field in Dossier: they
 *   are listed in the notices, per question and line.
 * - The answer block's type is decided in Moodle's order: `{}` essay, `{#…}` numeric, any `~`
 *   choice, `=` with `->` matching, `T`/`TRUE`/`F`/`FALSE` (uppercase, as Moodle) true/false,
 *   otherwise short answer.
 * - Choice: exactly one `=` → multiple-choice; the `~` answers keep their `%n%` as per-option
 *   credit (partial credit, or a penalty, as Moodle's single-answer question allows). No `=`
 *   (every answer written with `~` and `%n%` shares, Moodle's "multiple answers") →
 *   multiple-response with the shares as fractions, even when one answer has 100%: Moodle shows
 *   those as checkboxes too. Several `=` (or `=` plus `~%100%`) cannot be held by Dossier's
 *   multiple-choice, and `=%50%` is taken for a slip: both are reported.
 * - True/false feedback: Moodle shows the first `#feedback` to a student who answered wrongly and
 *   the second to one who answered rightly; they are mapped onto feedbackTrue / feedbackFalse
 *   (feedback for a student who answered true / false) according to the right answer.
 * - Short answer: GIFT has no matching options; imports use Moodle's default (case-insensitive)
 *   and Dossier's lenient accent and punctuation handling. Other settings travel in a
 *   `// dossier:short-answer case=… accent=… punctuation=…` line. Moodle's `*` wildcard
 *   (`=Gorb*`, the catch-all `=%0%*#…`) is kept as written and works when grading
 *   (lib/question-types/short-answer/wildcard.ts); `\*` is a literal asterisk in both.
 * - Numeric: `{#1981}`, `{#1981:2}`, `{#1980..1982}` (kept as a range, not turned into
 *   midpoint ± margin) and several weighted answers. Moodle's `~#feedback` (for any other
 *   number) becomes a last zero-credit answer accepting every number.
 * - Matching: `= -> text` (an item with no left side, as Moodle's own export writes) is an extra
 *   wrong answer (distractor).
 * - Missing word: a block in the middle of the text leaves `_____` in the prompt; on export a
 *   prompt containing `_____` gets its block there.
 * - Text with no answer block is a Moodle "description". Dossier has no text items in quizzes
 *   (a quiz is a list of questions, each graded), so a description is skipped and listed in the
 *   notices, not reported as an error.
 * - Questions a Dossier export wrote as `//` comments (ordering, evidence: GIFT has no such
 *   types) cannot come back; the notices name them.
 *
 * What does not round-trip (export then import): answer ids (renamed "a", "b"… and pairs "p1",
 * "p2"…), defaultPoints (back to 1), whitespace around feedback and category texts, empty
 * general feedback / units / categories (gone). Anchors, essay rubric and word limits, numeric units and short-answer matching options
 * travel in `// dossier:` comment lines right before the question, which Moodle ignores.
 * Ordering and evidence questions, which GIFT cannot express, are written as readable comments
 * and are not imported back (the import says so, with their names). Moodle itself only accepts weights from its grade list (50%,
 * 33.33333%, 25%…); other weights are exported exactly and Moodle may refuse them.
 */
export { parseGift, type GiftError, type GiftNotice, type GiftParseResult } from "./gift-parse";
export { formatGift } from "./gift-format";
