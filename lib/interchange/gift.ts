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
 * - No `[format]` tag → "moodle", Moodle's default. Tags on answers and feedback are read and
 *   dropped: Dossier keeps one format per question. An unknown tag on the question text
 *   (`[HTML]`, `[text]`) is an error rather than text, to catch typos.
 * - The answer block's type is decided in Moodle's order: `{}` essay, `{#…}` numeric, any `~`
 *   choice, `=` with `->` matching, `T`/`TRUE`/`F`/`FALSE` (uppercase, as Moodle) true/false,
 *   otherwise short answer.
 * - Choice: exactly one `=` and no partial credit → multiple-choice. No `=` (every answer
 *   written with `~` and `%n%` shares, Moodle's "multiple answers") → multiple-response with the
 *   shares as fractions, even when one answer has 100%: Moodle shows those as checkboxes too.
 *   Several `=`, or `=` mixed with `~%50%` partial credit, cannot be held by Dossier's
 *   multiple-choice and is reported.
 * - True/false feedback: Moodle shows the first `#feedback` to a student who answered wrongly and
 *   the second to one who answered rightly; they are mapped onto feedbackTrue / feedbackFalse
 *   (feedback for a student who answered true / false) according to the right answer.
 * - Short answer: GIFT has no matching options; imports use Moodle's default (case-insensitive)
 *   and Dossier's lenient accent and punctuation handling. Other settings travel in a
 *   `// dossier:short-answer case=… accent=… punctuation=…` line.
 * - Numeric: `{#1981}`, `{#1981:2}`, `{#1980..1982}` (kept as a range, not turned into
 *   midpoint ± margin) and several weighted answers. Moodle's `~#feedback` (for any other
 *   number) becomes a last zero-credit answer accepting every number.
 * - Matching: `= -> text` (an item with no left side, as Moodle's own export writes) is an extra
 *   wrong answer (distractor).
 * - Missing word: a block in the middle of the text leaves `_____` in the prompt; on export a
 *   prompt containing `_____` gets its block there.
 * - Text with no answer block is a Moodle "description"; Dossier has none, so it is reported and
 *   skipped.
 *
 * What does not round-trip (export then import): answer ids (renamed "a", "b"… and pairs "p1",
 * "p2"…), defaultPoints (back to 1), whitespace around feedback and category texts, empty
 * general feedback / units / categories (gone). Anchors, essay rubric and word limits, numeric units and short-answer matching options
 * travel in `// dossier:` comment lines right before the question, which Moodle ignores.
 * Ordering and evidence questions, which GIFT cannot express, are written as readable comments
 * and are not imported back. Moodle itself only accepts weights from its grade list (50%,
 * 33.33333%, 25%…); other weights are exported exactly and Moodle may refuse them.
 */
export { parseGift, type GiftError, type GiftParseResult } from "./gift-parse";
export { formatGift } from "./gift-format";
