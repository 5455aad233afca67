// The parser against the real captured document: nothing lost, nothing added, the structure right.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import {
  parseSource,
  sourceBodyParagraphs,
  SourceParseError,
  structureSchema,
  type ParsedParagraph,
  type ReadingStructure,
} from "@/lib/reading/parse-source";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CONTENT = path.join(ROOT, "prisma/content/mielke-andropov-1981");
const SOURCE_FILE = path.join(CONTENT, "source.txt");
const SHARED_SOURCE = path.resolve(ROOT, "../shared/sources/mielke-andropov-1981-07-11.txt");
/** sha256 of the captured source as of this test's writing; any edit to source.txt must be deliberate. */
const SOURCE_SHA256 = "9f9a6e90a4eda9163ae29ced25d8cb58d6541f79984bec277d0bb3ab7703553b";

const source = readFileSync(SOURCE_FILE, "utf8");
const structure = structureSchema.parse(JSON.parse(readFileSync(path.join(CONTENT, "structure.json"), "utf8")));
const parsed = parseSource(source, structure);
const paragraphs = parsed.paragraphs;
const body = paragraphs.filter((p) => p.kind !== "gap");

const byText = (text: string): ParsedParagraph => {
  const hits = paragraphs.filter((p) => p.text === text);
  expect(hits, `exactly one paragraph "${text}"`).toHaveLength(1);
  return hits[0]!;
};
const startingWith = (prefix: string): ParsedParagraph => {
  const hits = paragraphs.filter((p) => p.kind !== "gap" && p.text.startsWith(prefix));
  expect(hits, `exactly one paragraph starting "${prefix}"`).toHaveLength(1);
  return hits[0]!;
};
const next = (p: ParsedParagraph): ParsedParagraph => paragraphs[p.position + 1]!;

/** The document body read independently of the parser: the lines from "N o t e" to the page summary. */
function bodyFromFile(): string[] {
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === "N o t e");
  const end = lines.findIndex((l) => l.startsWith("KGB Chairman Andropov and East German Minister"));
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return lines
    .slice(start, end)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map((l) => l.replace(/^•\s+/, ""));
}

describe("the captured source file", () => {
  it("is byte-identical to the shared source (or, where that is absent, to the pinned capture)", () => {
    const bytes = readFileSync(SOURCE_FILE);
    if (existsSync(SHARED_SOURCE)) {
      expect(bytes.equals(readFileSync(SHARED_SOURCE))).toBe(true);
    } else {
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(SOURCE_SHA256);
    }
  });
});

describe("parseSource on the Mielke–Andropov note", () => {
  it("keeps every body paragraph, verbatim and in order", () => {
    const expected = sourceBodyParagraphs(source, structure);
    expect(body.map((p) => p.text)).toEqual(expected);
    // The same, read without the parser's help.
    expect(body.map((p) => p.text)).toEqual(bodyFromFile());
    for (const p of body) {
      if (p.kind === "bullet") expect(source).toContain(`• ${p.text}`);
      else expect(source).toContain(p.text);
    }
    // Each paragraph comes from a later line than the one before.
    for (let i = 1; i < body.length; i++) expect(body[i]!.line).toBeGreaterThan(body[i - 1]!.line);
  });

  it("leaves out the page furniture", () => {
    const all = paragraphs.map((p) => p.text).join("\n");
    for (const furniture of ["Skip to content", "Blavatnik", "Document Information", "Record ID", "Original Uploaded Date", "Minutes of Conversation"]) {
      expect(all).not.toContain(furniture);
    }
    expect(paragraphs.some((p) => p.text.startsWith("KGB Chairman Andropov and East German"))).toBe(false);
    expect(paragraphs.some((p) => p.text.startsWith("The History and Public Policy Program welcomes"))).toBe(false);
    expect(paragraphs[0]!.text).toBe("N o t e");
    expect(body.at(-1)!.text).toBe("[2] “Home Army,” the dominant Polish resistance movement in World War II.");
  });

  it("recognises the speaker turns", () => {
    const speakers = paragraphs.filter((p) => p.kind === "speaker");
    const lines = source.split(/\r?\n/).map((l) => l.trim());
    const count = (label: string) => lines.filter((l) => l === label).length;
    expect(speakers.filter((p) => p.text === "Comrade Andropov:")).toHaveLength(count("Comrade Andropov:"));
    expect(speakers.filter((p) => p.text === "Comrade Mielke:")).toHaveLength(count("Comrade Mielke:"));
    expect(speakers.filter((p) => p.text === "Comrade Andropov:")).toHaveLength(4);
    expect(speakers.filter((p) => p.text === "Comrade Mielke:")).toHaveLength(4);
    expect(speakers.filter((p) => p.speaker === "andropov")).toHaveLength(5); // with "Statements by Comrade Andropov:"
    expect(speakers.filter((p) => p.speaker === "mielke")).toHaveLength(4);
    expect(speakers.map((p) => p.text).sort()).toEqual(
      lines.filter((l) => Object.keys(structure.speakers).includes(l)).sort(),
    );

    for (const s of speakers) {
      expect(s.speaker).toBe(structure.speakers[s.text]);
      // What follows a speaker's name is that speaker's.
      expect(next(s).speaker, `after ${s.anchor}`).toBe(s.speaker);
    }
    const firstMielke = paragraphs.find((p) => p.text === "Comrade Mielke:")!;
    expect(next(firstMielke)).toMatchObject({ kind: "text", speaker: "mielke" });
    expect(next(firstMielke).text.startsWith("Greetings from SED General Secretary")).toBe(true);
    expect(startingWith("Official welcome.").speaker).toBe("andropov");
    expect(startingWith("In Afghanistan there is no more major fighting.").speaker).toBe("andropov");
    expect(startingWith("This is why we have to organize a multilateral meeting").speaker).toBe("mielke");
    expect(startingWith("We cooperate very well with the KGB representative").speaker).toBe("mielke");
  });

  it("gives no speaker to the title, delegations, narration, footnotes and the gap", () => {
    for (const p of paragraphs) {
      if (["title", "delegation", "member", "narration", "footnote", "gap"].includes(p.kind)) expect(p.speaker, p.anchor).toBeNull();
      if (p.kind === "text" && p.position > startingWith("At the beginning, a private").position) expect(p.speaker, p.anchor).not.toBeNull();
    }
    expect(startingWith("At the beginning, a private 75-minute talk").kind).toBe("narration");
    expect(startingWith("During the Plenary Session Comrade Mielke awarded").kind).toBe("narration");
  });

  it("recognises the headings", () => {
    const headings = paragraphs.filter((p) => p.kind === "heading").map((p) => p.text);
    expect(headings).toEqual(structure.headings);
    expect(headings).toEqual([
      "Concerning the domestic situation in the Soviet Union:",
      "On the international situation:",
      "Regarding Western Europe.",
      "On Poland:",
      "On the working class.",
    ]);
    for (const h of paragraphs.filter((p) => p.kind === "heading")) expect(h.speaker).toBe("andropov");
  });

  it("recognises the title and the two delegations: 7 from the KGB, 3 from the MfS", () => {
    expect(paragraphs.slice(0, 2).map((p) => p.kind)).toEqual(["title", "title"]);
    const delegations = paragraphs.filter((p) => p.kind === "delegation");
    expect(delegations.map((p) => p.text)).toEqual(["from the KGB:", "from the MfS [Ministry for State Security]:"]);
    const membersAfter = (d: ParsedParagraph) => {
      const out: string[] = [];
      for (let p = next(d); p.kind === "member"; p = next(p)) out.push(p.text);
      return out;
    };
    expect(membersAfter(delegations[0]!)).toEqual([
      "Comrade Army General Andropov",
      "Comrade Army General Zvigun",
      "Comrade Lieutenant General Grigorenko",
      "Comrade Lieutenant General Kryuchkov",
      "Comrade Lieutenant General Shumilov",
      "Comrade Major General Gryushko",
      "Comrade Captain Markov",
    ]);
    expect(membersAfter(delegations[1]!)).toEqual(["Comrade Army General Mielke", "Comrade Major General Damm", "Comrade Lieutenant Colonel Kempe"]);
    expect(paragraphs.filter((p) => p.kind === "member")).toHaveLength(10);
  });

  it("recognises the lists: balance of forces (3), weapons (7), the two variants (bullets)", () => {
    const itemsAfter = (intro: string) => {
      const out: ParsedParagraph[] = [];
      for (let p = next(startingWith(intro)); p.kind === "list-item" || p.kind === "bullet"; p = next(p)) out.push(p);
      return out;
    };
    const balance = itemsAfter("The balance of forces is currently as follows:");
    expect(balance.map((p) => p.text)).toEqual(["Aircraft = slight advantage for the US", "Tanks/submarines = parity", "Missiles = parity"]);
    expect(balance.every((p) => p.kind === "list-item")).toBe(true);

    const weapons = itemsAfter("Altogether, the US will need 1.5 trillion dollars");
    expect(weapons.map((p) => p.text)).toEqual([
      "The MX system",
      "Pershing missiles",
      "Trident submarines",
      "B1-Bombers in modernized versions",
      "Laser-signal weaponry",
      "Space Shuttles",
      "The deployment of medium-range missiles in Western Europe",
    ]);
    expect(weapons.every((p) => p.kind === "list-item")).toBe(true);

    const variants = itemsAfter("There are 2 variants:");
    expect(variants.map((p) => [p.kind, p.text])).toEqual([
      ["bullet", "the Party Congress runs more or less smoothly"],
      ["bullet", "there will be a row"],
    ]);
    expect(paragraphs.filter((p) => p.kind === "list-item")).toHaveLength(10);
    expect(paragraphs.filter((p) => p.kind === "bullet")).toHaveLength(2);
    // The paragraph after each list is ordinary text again.
    expect(next(balance.at(-1)!).kind).toBe("text");
    expect(next(weapons.at(-1)!).kind).toBe("text");
    expect(next(variants.at(-1)!).kind).toBe("text");
  });

  it("has exactly one gap, right after “only two candidates remained:”", () => {
    const gaps = paragraphs.filter((p) => p.kind === "gap");
    expect(gaps).toHaveLength(1);
    const gap = gaps[0]!;
    expect(gap.anchor).toBe("gap-1");
    expect(gap.text).toBe(structure.gaps[0]!.label);
    expect(paragraphs[gap.position - 1]!.text).toBe("Since Jaruzelski declined, only two candidates remained:");
    expect(next(gap).text).toBe("We thought that [Stefan] Olszowski was the worst of those two.");
    expect(gap.sectionSlug).toBe(paragraphs[gap.position - 1]!.sectionSlug);
  });

  it("marks the two footnotes as footnotes, at the end", () => {
    const footnotes = paragraphs.filter((p) => p.kind === "footnote");
    expect(footnotes.map((p) => p.text.slice(0, 4))).toEqual(["[1] ", "[2] "]);
    expect(footnotes.map((p) => p.position)).toEqual([paragraphs.length - 2, paragraphs.length - 1]);
    expect(footnotes[0]!.text).toBe("[1] Probably a phonetic mistake. The CCP Military Commission was taken over by Deng Xiaoping in June of 1981.");
    // The markers in the text are not footnotes.
    expect(startingWith("There is not much to say about China.").kind).toBe("text");
  });

  it("numbers anchors p-1..p-N contiguously and uniquely, positions 0..n-1", () => {
    expect(paragraphs.map((p) => p.position)).toEqual(paragraphs.map((_, i) => i));
    expect(body.map((p) => p.anchor)).toEqual(body.map((_, i) => `p-${i + 1}`));
    expect(new Set(paragraphs.map((p) => p.anchor)).size).toBe(paragraphs.length);
    expect(body).toHaveLength(180);
  });

  it("keeps anchors stable (pinned: notes, questions and saved positions point at them)", () => {
    expect(byText("N o t e").anchor).toBe("p-1");
    expect(byText("from the KGB:").anchor).toBe("p-3");
    expect(startingWith("In Afghanistan there is no more major fighting").anchor).toBe("p-96");
    expect(startingWith("Since Jaruzelski declined").anchor).toBe("p-130");
    expect(startingWith("We thought that [Stefan] Olszowski").anchor).toBe("p-131");
    expect(startingWith("[2] “Home Army,”").anchor).toBe("p-180");
  });

  it("puts every paragraph in a section, every section non-empty, in the structure's order", () => {
    expect(parsed.sections.map((s) => s.slug)).toEqual(structure.sections.map((s) => s.slug));
    expect(parsed.sections.map((s) => s.position)).toEqual(structure.sections.map((_, i) => i));
    const order = [...new Set(paragraphs.map((p) => p.sectionSlug))];
    expect(order).toEqual(structure.sections.map((s) => s.slug));
    for (const s of parsed.sections) expect(paragraphs.filter((p) => p.sectionSlug === s.slug).length, s.slug).toBeGreaterThan(0);
    // A section that opens with a speaker's words starts at the speaker's name.
    const closing = paragraphs.filter((p) => p.sectionSlug === "mielke-closing");
    expect(closing[0]).toMatchObject({ kind: "speaker", text: "Comrade Mielke:" });
    expect(paragraphs.filter((p) => p.sectionSlug === "soviet-domestic")[0]!.text).toBe("Statements by Comrade Andropov:");
  });

  it("is deterministic and accepts Windows line endings", () => {
    expect(parseSource(source, structure)).toEqual(parsed);
    const crlf = parseSource(source.replace(/\n/g, "\r\n"), structure);
    expect(crlf.paragraphs.map(({ line: _line, ...p }) => p)).toEqual(paragraphs.map(({ line: _line, ...p }) => p));
  });
});

describe("parseSource errors", () => {
  const withStructure = (change: (s: ReadingStructure) => ReadingStructure) => () => parseSource(source, change(structuredClone(structure)));

  it("throws SourceParseError when a section start matches nothing", () => {
    const run = withStructure((s) => ({ ...s, sections: s.sections.map((x, i) => (i === 3 ? { ...x, startsWith: "This sentence is not in the document" } : x)) }));
    expect(run).toThrow(SourceParseError);
    expect(run).toThrow(/international/);
  });

  it("throws SourceParseError when a section start matches several paragraphs", () => {
    expect(withStructure((s) => ({ ...s, sections: s.sections.map((x, i) => (i === 2 ? { ...x, startsWith: "Comrade" } : x)) }))).toThrow(
      SourceParseError,
    );
  });

  it("throws SourceParseError when sections are out of order", () => {
    expect(withStructure((s) => ({ ...s, sections: [s.sections[0]!, s.sections[2]!, s.sections[1]!, ...s.sections.slice(3)] }))).toThrow(
      SourceParseError,
    );
  });

  it("throws SourceParseError when a gap marker matches nothing", () => {
    const run = withStructure((s) => ({ ...s, gaps: [...s.gaps, { after: "no paragraph ends like this:", label: "Gap" }] }));
    expect(run).toThrow(SourceParseError);
    expect(run).toThrow(/no paragraph ends like this/);
  });

  it("throws SourceParseError when the body start or end is missing", () => {
    expect(withStructure((s) => ({ ...s, bodyStartsWith: "Not in the file at all" }))).toThrow(SourceParseError);
    expect(withStructure((s) => ({ ...s, bodyEndsBefore: "Not in the file at all" }))).toThrow(SourceParseError);
  });
});

describe("parseSource on a small made-up document", () => {
  const mini = (lines: string[]) => lines.join("\n");
  const miniStructure: ReadingStructure = {
    bodyStartsWith: "Title",
    bodyEndsBefore: "END",
    sections: [
      { slug: "one", title: "One", startsWith: "Title" },
      { slug: "two", title: "Two", startsWith: "Second part begins." },
    ],
    speakers: { "Comrade A:": "a", "Comrade B:": "b" },
    headings: ["On things:"],
    narration: [],
    gaps: [{ after: "the names were:", label: "Gap" }],
  };

  it("attributes turns, gaps, sections and footnotes in a document it has never seen", () => {
    const result = parseSource(
      mini(["Header line", "", "Title", "Subtitle", "Comrade A:", "On things:", "Hello there.", "Comrade B:", "Second part begins.", "And the names were:", "Goodbye.[1]", "[1] A footnote.", "END", "Footer"]),
      miniStructure,
    );
    expect(result.paragraphs.map((p) => [p.anchor, p.kind, p.speaker, p.sectionSlug])).toEqual([
      ["p-1", "title", null, "one"],
      ["p-2", "title", null, "one"],
      ["p-3", "speaker", "a", "one"],
      ["p-4", "heading", "a", "one"],
      ["p-5", "text", "a", "one"],
      ["p-6", "speaker", "b", "two"],
      ["p-7", "text", "b", "two"],
      ["p-8", "text", "b", "two"],
      ["gap-1", "gap", null, "two"],
      ["p-9", "text", "b", "two"],
      ["p-10", "footnote", null, "two"],
    ]);
    expect(result.paragraphs[0]!.line).toBe(3);
  });

  it("treats a paragraph that opens with a bracketed year (“[1979] …”) as the speaker's text, not a footnote", () => {
    // Translators put years in brackets ("the [1980] events"); only the notes at the end are footnotes.
    const result = parseSource(
      mini(["Title", "Subtitle", "Comrade A:", "Hello there.", "[1979] The visit of the Pope was a turning point.", "Second part begins.", "And the names were:", "Goodbye.", "[1] A footnote.", "END"]),
      miniStructure,
    );
    const p = result.paragraphs.find((x) => x.text.startsWith("[1979]"))!;
    expect(p).toMatchObject({ kind: "text", speaker: "a" });
    expect(result.paragraphs.filter((x) => x.kind === "footnote").map((x) => x.text)).toEqual(["[1] A footnote."]);
  });
});
