import "@/lib/validation/zod-setup";
import { z } from "zod";

/**
 * Text people type: names, titles, class names (one line) and prompts, descriptions, feedback
 * (several lines). Both refuse what no one types on purpose and what can be used to mislead:
 *
 * - C0 and C1 control characters: NUL (which PostgreSQL cannot store in text), escape codes,
 *   form feeds. Several-line text keeps tab, line feed and carriage return (browsers send a
 *   textarea's line breaks as CR LF).
 * - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can
 *   make "Smith‮nhoJ" read as another name, and invisible format characters with no use in
 *   this app's text: word joiner and invisible operators (U+2060–U+2064), deprecated format
 *   characters (U+206A–U+206F), a byte order mark inside text (U+FEFF), interlinear annotation
 *   (U+FFF9–U+FFFB), and unpaired surrogates (not characters at all).
 * - One-line text also refuses zero-width space and line and paragraph separators, which hide
 *   inside names.
 *
 * Kept on purpose: zero-width joiner and non-joiner (needed by Persian, Indic scripts and emoji)
 * and the left-to-right and right-to-left marks (harmless hints for mixed scripts).
 */
const SHARED = "\\u007f-\\u009f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb";
const LONE_SURROGATE = "[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]";
const SINGLE_LINE_FORBIDDEN = new RegExp(`[\\u0000-\\u001f\\u200b\\u2028\\u2029${SHARED}]|${LONE_SURROGATE}`);
const MULTILINE_FORBIDDEN = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f${SHARED}]|${LONE_SURROGATE}`);

export const SINGLE_LINE_MESSAGE = "Use plain text on one line: no line breaks, control characters or invisible formatting characters.";
export const MULTILINE_MESSAGE = "Remove the control or invisible formatting characters (pasted text sometimes carries them).";

export const isSingleLineText = (s: string) => !SINGLE_LINE_FORBIDDEN.test(s);
export const isMultilineText = (s: string) => !MULTILINE_FORBIDDEN.test(s);

type TextOptions = {
  /** The message when it is empty; `false` when it may be empty. */
  required?: string | false;
  tooLong?: string;
};

function build(max: number, options: TextOptions, check: (s: string) => boolean, message: string) {
  const { required = "This can’t be empty.", tooLong = `Use at most ${max} characters.` } = options;
  const base = z.string().trim();
  // abort: a hostile megabyte stops at the length check instead of being scanned as well.
  return (required === false ? base : base.min(1, required)).max(max, { message: tooLong, abort: true }).refine(check, message);
}

/** A name or title: trimmed, on one line, at most `max` characters. */
export function singleLineText(max: number, options: TextOptions = {}) {
  return build(max, options, isSingleLineText, SINGLE_LINE_MESSAGE);
}

/** A prompt, description or comment: trimmed, line breaks and tabs allowed, at most `max` characters. */
export function multilineText(max: number, options: TextOptions = {}) {
  return build(max, options, isMultilineText, MULTILINE_MESSAGE);
}
