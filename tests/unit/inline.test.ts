// Inline tokens: the text is never changed, only grouped into words, insertions, footnote refs and terms.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";
import { z } from "zod";

import { buildTermMatcher, tokenizeParagraph, tokensToText, type InlineToken } from "@/lib/reading/inline";
import { parseSource, structureSchema } from "@/lib/reading/parse-source";
import { noteFileEntrySchema } from "@/lib/validation/content";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CONTENT = path.join(ROOT, "prisma/content/mielke-andropov-1981");
const source = readFileSync(path.join(CONTENT, "source.txt"), "utf8");
const structure = structureSchema.parse(JSON.parse(readFileSync(path.join(CONTENT, "structure.json"), "utf8")));
const paragraphs = parseSource(source, structure).paragraphs.filter((p) => p.kind !== "gap");
const textOf = (prefix: string) => {
  const p = paragraphs.find((x) => x.text.startsWith(prefix));
  if (!p) throw new Error(`no paragraph starts "${prefix}"`);
  return p.text;
};

/** Our own small alias list, used when the real notes cannot be read. */
const FALLBACK_NOTES = [
  { slug: "andropov", aliases: ["Andropov"] },
  { slug: "mielke", aliases: ["Mielke"] },
  { slug: "brezhnev", aliases: ["L. I. Brezhnev", "Brezhnev"] },
  { slug: "kor", aliases: ["KOR"] },
  { slug: "solidarity", aliases: ["Solidarnosc"] },
  { slug: "rural-solidarity", aliases: ["Rural Solidarnosc"] },
  { slug: "boll", aliases: ["Böll"] },
];

/** The real notes' aliases (context notes and glossary), when the files exist and are valid. */
function realNotes(): { slug: string; aliases: string[] }[] {
  const notes: { slug: string; aliases: string[] }[] = [];
  for (const file of ["context-notes.json", "glossary.json"]) {
    const p = path.join(CONTENT, file);
    if (!existsSync(p)) continue;
    try {
      const parsed = z.array(noteFileEntrySchema).safeParse(JSON.parse(readFileSync(p, "utf8")));
      if (!parsed.success) return FALLBACK_NOTES;
      notes.push(...parsed.data.map((n) => ({ slug: n.slug, aliases: n.aliases })));
    } catch {
      return FALLBACK_NOTES;
    }
  }
  return notes.some((n) => n.aliases.length > 0) ? notes : FALLBACK_NOTES;
}

const flat = (tokens: readonly InlineToken[]): InlineToken[] => tokens.flatMap((t) => (t.type === "insertion" ? [t, ...flat(t.children)] : [t]));
const terms = (tokens: readonly InlineToken[]) => flat(tokens).filter((t) => t.type === "term") as Extract<InlineToken, { type: "term" }>[];

describe("tokenizeParagraph on the whole document", () => {
  const notes = realNotes();
  const matcher = buildTermMatcher(notes);
  const aliasToSlug = new Map<string, string>();
  for (const n of notes) for (const a of n.aliases) if (!aliasToSlug.has(a)) aliasToSlug.set(a, n.slug);

  it("keeps every paragraph's text exactly, with and without links", () => {
    expect(paragraphs.length).toBeGreaterThan(100);
    for (const p of paragraphs) {
      expect(tokensToText(tokenizeParagraph(p.text, matcher)), p.anchor).toBe(p.text);
      expect(tokensToText(tokenizeParagraph(p.text, matcher, () => false)), p.anchor).toBe(p.text);
    }
  });

  it("keeps every insertion's text equal to its children's", () => {
    let insertions = 0;
    for (const p of paragraphs) {
      for (const t of flat(tokenizeParagraph(p.text, matcher))) {
        if (t.type !== "insertion") continue;
        insertions += 1;
        expect(tokensToText(t.children)).toBe(t.text);
        expect(t.text).toMatch(/^\[[^\]]*\]$/);
      }
    }
    expect(insertions).toBeGreaterThan(50);
  });

  it("marks only real aliases, as whole words, with their note", () => {
    let found = 0;
    for (const p of paragraphs) {
      for (const t of terms(tokenizeParagraph(p.text, matcher))) {
        found += 1;
        expect(aliasToSlug.get(t.text), `${p.anchor}: "${t.text}"`).toBe(t.noteSlug);
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it("never leaves a text token next to another text token", () => {
    for (const p of paragraphs) {
      const tokens = tokenizeParagraph(p.text, matcher);
      for (let i = 1; i < tokens.length; i++) {
        expect(tokens[i - 1]!.type === "text" && tokens[i]!.type === "text", p.anchor).toBe(false);
      }
    }
  });
});

describe("brackets", () => {
  const none = buildTermMatcher([]);

  it("turns [1] and [2] into footnote references and [sic] into an insertion", () => {
    const text = textOf("There is not much to say about China.");
    const tokens = tokenizeParagraph(text, none);
    expect(tokens.filter((t) => t.type === "footnote-ref")).toEqual([{ type: "footnote-ref", text: "[1]", number: 1 }]);
    expect(tokens.filter((t) => t.type === "insertion").map((t) => t.text)).toEqual(["[CCP]", "[sic]"]);
    const refIndex = tokens.findIndex((t) => t.type === "footnote-ref");
    expect(tokens[refIndex - 1]).toMatchObject({ type: "text" });
    expect((tokens[refIndex - 1] as { text: string }).text.endsWith("Military Commission.")).toBe(true);

    const second = tokenizeParagraph(textOf("Poland never had a real communist party."), none);
    expect(second.filter((t) => t.type === "footnote-ref")).toEqual([{ type: "footnote-ref", text: "[2]", number: 2 }]);
  });

  it("treats a footnote's own marker as a reference, and longer numbers as insertions", () => {
    expect(tokenizeParagraph("[2] “Home Army,” the dominant", none)[0]).toEqual({ type: "footnote-ref", text: "[2]", number: 2 });
    expect(tokenizeParagraph("the [1980] events", none)).toEqual([
      { type: "text", text: "the " },
      { type: "insertion", text: "[1980]", children: [{ type: "text", text: "[1980]" }] },
      { type: "text", text: " events" },
    ]);
  });

  it("leaves unbalanced brackets and brackets across lines as text", () => {
    for (const text of ["an [open bracket", "a stray ] bracket", "a [bracket\nacross lines]", "[]", ""]) {
      const tokens = tokenizeParagraph(text, none);
      expect(tokensToText(tokens)).toBe(text);
    }
    expect(tokenizeParagraph("an [open bracket", none)).toEqual([{ type: "text", text: "an [open bracket" }]);
    expect(tokenizeParagraph("", none)).toEqual([]);
  });
});

describe("terms", () => {
  it("matches names inside insertions", () => {
    const matcher = buildTermMatcher([
      { slug: "mielke", aliases: ["Mielke"] },
      { slug: "andropov", aliases: ["Andropov"] },
    ]);
    const text = textOf("About the Talks of Comrade Minister [Erich Mielke]");
    const tokens = tokenizeParagraph(text, matcher);
    const insertion = tokens.find((t) => t.type === "insertion" && t.text === "[Erich Mielke]");
    expect(insertion).toEqual({
      type: "insertion",
      text: "[Erich Mielke]",
      children: [
        { type: "text", text: "[Erich " },
        { type: "term", text: "Mielke", noteSlug: "mielke" },
        { type: "text", text: "]" },
      ],
    });
    expect(terms(tokens).map((t) => t.noteSlug)).toEqual(["mielke", "andropov"]);
  });

  it("matches whole words only: KOR is not in KORAN", () => {
    const matcher = buildTermMatcher([{ slug: "kor", aliases: ["KOR"] }]);
    expect(terms(tokenizeParagraph("They read the KORAN and KORs and xKOR and KOR2.", matcher))).toEqual([]);
    const real = tokenizeParagraph(textOf("The Polish comrades have forgotten"), matcher);
    expect(terms(real)).toEqual([{ type: "term", text: "KOR", noteSlug: "kor" }]);
    expect(terms(tokenizeParagraph("(KOR), “KOR” and KOR.", matcher))).toHaveLength(3);
  });

  it("treats non-ASCII letters as letters", () => {
    const boll = buildTermMatcher([{ slug: "boll", aliases: ["Böll"] }]);
    const text = textOf("We have bluffed the West with all these dissidents");
    const tokens = tokenizeParagraph(text, boll);
    expect(terms(tokens)).toEqual([{ type: "term", text: "Böll", noteSlug: "boll" }]);
    expect(tokensToText(tokens)).toBe(text);
    expect(terms(tokenizeParagraph("Bölls and Böllé and éBöll", boll))).toEqual([]);
    expect(terms(tokenizeParagraph("Böll’s novel", boll))).toHaveLength(1);

    // A name must not match the start of a longer name ending in a non-ASCII letter.
    const kuro = buildTermMatcher([{ slug: "x", aliases: ["Kuro"] }, { slug: "bo", aliases: ["Bö"] }]);
    expect(terms(tokenizeParagraph("Kuroń and Böll", kuro))).toEqual([]);
  });

  it("prefers the longest alias: “Rural Solidarnosc” over “Solidarnosc”, whatever the notes' order", () => {
    const notes = [
      { slug: "solidarity", aliases: ["Solidarnosc"] },
      { slug: "rural-solidarity", aliases: ["Rural Solidarnosc"] },
    ];
    for (const order of [notes, [...notes].reverse()]) {
      const matcher = buildTermMatcher(order);
      expect(terms(tokenizeParagraph(textOf("Poland never had a real communist party."), matcher))).toEqual([
        { type: "term", text: "Rural Solidarnosc", noteSlug: "rural-solidarity" },
      ]);
      expect(terms(tokenizeParagraph(textOf("Why did “Solidarnosc” come about"), matcher))).toEqual([
        { type: "term", text: "Solidarnosc", noteSlug: "solidarity" },
      ]);
    }
    const brezhnev = buildTermMatcher([{ slug: "brezhnev", aliases: ["Brezhnev", "L. I. Brezhnev"] }]);
    expect(terms(tokenizeParagraph("Comrade L. I. Brezhnev and Brezhnev", brezhnev)).map((t) => t.text)).toEqual(["L. I. Brezhnev", "Brezhnev"]);
  });

  it("escapes aliases: punctuation in an alias is literal", () => {
    const matcher = buildTermMatcher([{ slug: "brezhnev", aliases: ["L. I. Brezhnev"] }]);
    expect(terms(tokenizeParagraph("LxIxBrezhnev and L. I.xBrezhnev", matcher))).toEqual([]);
    const plus = buildTermMatcher([{ slug: "c", aliases: ["C++ (lang)"] }]);
    expect(terms(tokenizeParagraph("we use C++ (lang) here", plus))).toEqual([{ type: "term", text: "C++ (lang)", noteSlug: "c" }]);
  });

  it("gives an alias shared by two notes to the first note", () => {
    const matcher = buildTermMatcher([
      { slug: "first", aliases: ["Wolf"] },
      { slug: "second", aliases: ["Wolf", "Markus Wolf"] },
    ]);
    expect(terms(tokenizeParagraph("Comrade Wolf and Markus Wolf", matcher)).map((t) => [t.text, t.noteSlug])).toEqual([
      ["Wolf", "first"],
      ["Markus Wolf", "second"],
    ]);
  });

  it("finds nothing with no aliases", () => {
    const text = textOf("Greetings from my deputies");
    expect(tokenizeParagraph(text, buildTermMatcher([]))).toEqual([{ type: "text", text }]);
    expect(buildTermMatcher([{ slug: "x", aliases: [] }]).find(text)).toEqual([]);
  });
});

describe("the linkable callback", () => {
  const matcher = buildTermMatcher([
    { slug: "andropov", aliases: ["Andropov"] },
    { slug: "brezhnev", aliases: ["L. I. Brezhnev", "Brezhnev"] },
  ]);
  const text = "Andropov met [Leonid] Brezhnev; Andropov then wrote to L. I. Brezhnev.";

  it("links only what it allows, leaving the rest as plain text", () => {
    const tokens = tokenizeParagraph(text, matcher, (slug) => slug !== "andropov");
    expect(terms(tokens).map((t) => t.noteSlug)).toEqual(["brezhnev", "brezhnev"]);
    expect(tokensToText(tokens)).toBe(text);
    expect(terms(tokenizeParagraph(text, matcher, () => false))).toEqual([]);
    expect(tokenizeParagraph(text, matcher, () => false).filter((t) => t.type === "text").map((t) => t.text)).toEqual([
      "Andropov met ",
      " Brezhnev; Andropov then wrote to L. I. Brezhnev.",
    ]);
  });

  it("is asked once per occurrence, in reading order (so the first occurrence can be linked)", () => {
    const asked: string[] = [];
    const seen = new Set<string>();
    const tokens = tokenizeParagraph(text, matcher, (slug) => {
      asked.push(slug);
      if (seen.has(slug)) return false;
      seen.add(slug);
      return true;
    });
    expect(asked).toEqual(["andropov", "brezhnev", "andropov", "brezhnev"]);
    expect(terms(tokens).map((t) => t.text)).toEqual(["Andropov", "Brezhnev"]);
    expect(tokensToText(tokens)).toBe(text);
  });

  it("links everything by default", () => {
    expect(terms(tokenizeParagraph(text, matcher))).toHaveLength(4);
  });
});
