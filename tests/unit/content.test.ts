// The reading's apparatus as authored in prisma/content: valid, anchored, and historically right
// on the dates a student is most likely to quote.
import fs from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { authoredQuestionSchema, type AuthoredQuestion } from "@/lib/question-types/schemas";
import { buildTermMatcher } from "@/lib/reading/inline";
import { quizFileSchema } from "@/lib/validation/content";
import { DEMO_READING } from "@/prisma/demo-accounts";
import { CONTENT_DIR, loadContent, noteAnchors, resolveQuote, type LoadedContent } from "@/prisma/seed-content.mts";
import { datedMentions, sentencesOf, unmarkedHindsight } from "@/tests/helpers/hindsight";

let content: LoadedContent;
beforeAll(() => {
  content = loadContent(path.join(CONTENT_DIR, DEMO_READING));
});

const REQUIRED_CONTEXT_NOTES = ["polish-crisis", "afghanistan", "detente", "madrid-csce"];
const MEETING = "1981-07-11";

const note = (slug: string) => {
  const n = content.notes.find((x) => x.slug === slug);
  expect(n, `note "${slug}"`).toBeDefined();
  return n!;
};
const event = (slug: string) => {
  const e = content.events.find((x) => x.slug === slug);
  expect(e, `timeline event "${slug}"`).toBeDefined();
  return e!;
};

describe("loadContent on the real content folder", () => {
  it("loads and validates everything, and fingerprints the files", () => {
    expect(content.slug).toBe(DEMO_READING);
    expect(content.reading.documentDate).toBe(MEETING);
    expect(content.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(loadContent(path.join(CONTENT_DIR, DEMO_READING)).checksum).toBe(content.checksum);
    expect(content.notes.length).toBeGreaterThanOrEqual(REQUIRED_CONTEXT_NOTES.length);
    expect(content.events.length).toBeGreaterThan(10);
    expect(new Set(content.notes.map((n) => n.slug)).size).toBe(content.notes.length);
    expect(new Set(content.events.map((e) => e.slug)).size).toBe(content.events.length);
  });

  it("resolves every note and timeline quote to exactly one paragraph", () => {
    const body = content.parsed.paragraphs.filter((p) => p.kind !== "gap");
    const quotes = [
      ...content.notes.flatMap((n) => n.anchors.map((q) => ({ owner: `note ${n.slug}`, q }))),
      ...content.events.flatMap((e) => e.anchors.map((q) => ({ owner: `event ${e.slug}`, q }))),
    ];
    expect(quotes.length).toBeGreaterThan(0);
    for (const { owner, q } of quotes) {
      const hits = body.filter((p) => p.text.includes(q));
      expect(hits.length, `${owner}: "${q}"`).toBe(1);
      expect(resolveQuote(content.parsed.paragraphs, q, owner).anchor).toBe(hits[0]!.anchor);
    }
  });

  it("anchors every context note, and every anchor is a real paragraph", () => {
    const anchors = noteAnchors(content);
    const known = new Set(content.parsed.paragraphs.map((p) => p.anchor));
    for (const n of content.notes) {
      const list = anchors.get(n.slug)!;
      for (const a of list) expect(known.has(a), `${n.slug} → ${a}`).toBe(true);
      if (n.kind === "context") expect(list.length, n.slug).toBeGreaterThan(0);
    }
  });

  it("names at least one source for every note and every event", () => {
    for (const n of content.notes) {
      expect(n.sources.length, n.slug).toBeGreaterThanOrEqual(1);
      for (const s of n.sources) expect(s.citation.trim().length, n.slug).toBeGreaterThan(0);
    }
    for (const e of content.events) expect(e.sources.length, e.slug).toBeGreaterThanOrEqual(1);
  });

  it("has the four required context notes, each with a correction", () => {
    for (const slug of REQUIRED_CONTEXT_NOTES) {
      const n = note(slug);
      expect(n.kind, slug).toBe("context");
      expect(n.correction.trim().length, `${slug} has a correction`).toBeGreaterThan(0);
      expect(n.body.trim().length, slug).toBeGreaterThan(0);
    }
  });
});

describe("the timeline", () => {
  it("is sorted by date", () => {
    const dates = content.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });

  it("covers 1975 to 1983", () => {
    const dates = content.events.map((e) => e.date).sort();
    expect(dates[0]!.slice(0, 4)).toBe("1975");
    expect(dates.at(-1)!.slice(0, 4)).toBe("1983");
  });

  it("contains this meeting on 11 July 1981, and events after it", () => {
    expect(event("this-meeting").date).toBe(MEETING);
    const after = content.events.filter((e) => e.date > MEETING);
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((e) => e.slug)).toContain("martial-law");
  });
});

describe("historical spot checks", () => {
  it("dates the Brest meeting to the night of 3–4 April 1981 in the Polish crisis note", () => {
    const n = note("polish-crisis");
    const text = `${n.body}\n${n.correction}`;
    expect(text).toMatch(/Brest/);
    expect(text).toMatch(/Brest meeting took place on the night of 3[–-]4 April 1981/);
    expect(text).not.toMatch(/Brest meeting took place (in|on) (February|March)/);
    expect(event("brest-meeting")).toMatchObject({ date: "1981-04-03" });
    expect(event("brest-meeting").dateLabel).toMatch(/3[–-]4 April 1981/);
  });

  it.each([
    ["helsinki-final-act", "1975-08-01"],
    ["soviet-intervention-afghanistan", "1979-12-25"],
    ["nato-double-track", "1979-12-12"],
    ["gdansk-agreement", "1980-08-31"],
    ["reagan-inaugurated", "1981-01-20"],
    ["ix-puwp-congress", "1981-07-14"],
    ["jaruzelski-replaces-kania", "1981-10-18"],
    ["martial-law", "1981-12-13"],
  ])("%s is on %s", (slug, date) => {
    expect(event(slug).date).toBe(date);
  });
});

// ---------------------------------------------------------------------------------------------
// The independent content check: each test below names the error it guards against.

/** Every piece of prose a student can read: notes, timeline, the About panel and the seeded quiz. */
function allTexts(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const n of content.notes) {
    for (const field of ["title", "summary", "body", "correction"] as const) out.push({ where: `note ${n.slug} ${field}`, text: n[field] });
  }
  for (const e of content.events) {
    for (const field of ["title", "dateLabel", "description"] as const) out.push({ where: `event ${e.slug} ${field}`, text: e[field] });
  }
  out.push({ where: "reading about", text: content.reading.about });
  content.reading.aboutPrompts.forEach((text, i) => out.push({ where: `reading aboutPrompts.${i}`, text }));
  const walk = (value: unknown, where: string) => {
    if (typeof value === "string") out.push({ where, text: value });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}.${i}`));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
  };
  walk(quizQuestions(), "quiz");
  return out;
}

/** Every citation: the notes', the events' and the About panel's sources. */
function allCitations(): { where: string; citation: string }[] {
  return [
    ...content.notes.flatMap((n) => n.sources.map((s) => ({ where: `note ${n.slug}`, citation: s.citation }))),
    ...content.events.flatMap((e) => e.sources.map((s) => ({ where: `event ${e.slug}`, citation: s.citation }))),
    ...content.reading.aboutSources.map((s) => ({ where: "reading aboutSources", citation: s.citation })),
  ];
}

function quizQuestions(): (AuthoredQuestion & { points: number })[] {
  const file = quizFileSchema.parse(JSON.parse(fs.readFileSync(path.join(CONTENT_DIR, DEMO_READING, "quiz.json"), "utf8")));
  return file.questions.map((q) => ({ ...authoredQuestionSchema.parse(q), points: q.points }));
}

const paragraphWith = (quote: string) => resolveQuote(content.parsed.paragraphs, quote, "test");
const sentencesAbout = (pattern: RegExp) =>
  allTexts().flatMap(({ where, text }) =>
    text
      .split(/\n\s*\n/)
      .flatMap(sentencesOf)
      .filter((s) => pattern.test(s))
      .map((sentence) => ({ where, sentence })),
  );

describe("content accuracy: the US Olympic boycott", () => {
  it("gives Carter's ultimatum as 20 January and its deadline as 20 February 1980 wherever they appear", () => {
    const deadline = sentencesAbout(/\bdeadline\b/i).filter((x) => /Olympic|boycott|Carter/i.test(x.sentence));
    expect(deadline.length, "the deadline is explained with the boycott").toBeGreaterThanOrEqual(2);
    for (const { where, sentence } of deadline) {
      expect(sentence, where).toMatch(/20 February 1980/);
      expect(sentence, where).not.toMatch(/deadline (?:of|on|was|for) 20 January/);
    }
    for (const { where, sentence } of sentencesAbout(/\bultimatum\b/i)) expect(sentence, where).toMatch(/20 January 1980/);
    for (const text of [note("moscow-olympics").body, event("moscow-olympics").description]) {
      expect(text).toMatch(/20 January 1980/);
      expect(text).toMatch(/20 February 1980/);
      expect(text).toMatch(/12 April 1980/);
    }
  });
});

describe("content accuracy: the two plenum passages", () => {
  const grabskiPassage = "when Grabski came to the Plenary Session with the proposal against Kania";
  const twelfthPassage = "At the 12th Plenary Session yesterday";

  it("are separate paragraphs of the document", () => {
    expect(paragraphWith(grabskiPassage).anchor).not.toBe(paragraphWith(twelfthPassage).anchor);
  });

  it("never appear in a 'where the document is wrong' box as a misdating of the move against Kania", () => {
    // The move against Kania came at the 11th Plenum (9–10 June 1981); the note does not date it,
    // so saying it "places" the move at the 12th Plenum is our error, not the document's.
    for (const n of content.notes) {
      const box = n.correction;
      if (/Grabski|proposal against Kania|remove Kania/.test(box)) {
        expect(box, `${n.slug} correction`).not.toMatch(/\b(?:11th|12th)\b|Plenum|Plenary Session/);
      }
    }
    expect(event("eleventh-plenum").description).not.toMatch(/12th|can be read as/);
    expect(event("twelfth-plenum").description).not.toMatch(/proposal against Kania|remove Kania/);
    expect(event("eleventh-plenum").anchors).toContain(grabskiPassage.replace(/^when/, "But when"));
  });
});

describe("content accuracy: the closing 'Plenary Session'", () => {
  const closing = () => paragraphWith("During the Plenary Session Comrade Mielke awarded");

  it("does not link to the Central Committee plenum entry, and explains what it is", () => {
    const p = closing();
    // The same matcher the page uses for inline links (glossary notes, not context essays).
    const matcher = buildTermMatcher(content.notes.filter((n) => n.kind !== "context"));
    const links = matcher.find(p.text).filter((m) => p.text.slice(m.index, m.index + m.length).includes("Plenary Session"));
    expect(links.map((m) => m.noteSlug)).not.toContain("plenary-session");
    expect(noteAnchors(content).get("plenary-session")).not.toContain(p.anchor);
    expect(links).toHaveLength(1);
    const explained = note(links[0]!.noteSlug);
    expect(explained.body).toMatch(/these talks/);
    expect(explained.body).toMatch(/not a (?:party )?(?:Central Committee )?plenum/i);
    // The plenum entry still explains the Polish party's plenums, where the word means that.
    expect(noteAnchors(content).get("plenary-session")).toContain(paragraphWith("when Grabski came to the Plenary Session").anchor);
    expect(note("plenary-session").body).not.toMatch(/final paragraph means, the document does not say/);
  });
});

describe("content accuracy: hindsight is marked", () => {
  const MEETING_DATE = "1981-07-11";

  it("finds the dates it is meant to find (the checker itself)", () => {
    const found = (s: string) => unmarkedHindsight(s, MEETING_DATE).map((h) => h.found);
    expect(found("He was sent to Gorky, where he remained until December 1986.")).toEqual(["December 1986"]);
    expect(found("SALT II was signed on 18 June 1979 but never ratified.")).toEqual(["never ratified"]);
    expect(found("On 18 July Kania was re-elected.")).toEqual([]); // no year to place it
    expect(found("The congress opened on 14 July 1981. On 18 July Kania was re-elected.")).toEqual(["14 July 1981", "18 July"]);
    expect(found("Andropov (1914–1984) led the KGB from May 1967 to May 1982.")).toEqual([]);
    expect(found("The FY1982 request; the five-year plan (fiscal years 1982–86).")).toEqual([]);
    expect(found("In hindsight: he was freed on 11 February 1986.")).toEqual([]);
    expect(found("**How it ended (hindsight).** It closed in September 1983.")).toEqual([]);
    expect(found("He died on 19 January 1982, six months after this meeting.")).toEqual([]);
    expect(found("Freed on 11 February 1986.\n\nIn hindsight: nothing.")).toEqual(["11 February 1986"]);
    expect(found("The grain embargo of 4 January 1980 was lifted on 24 April 1981; it was July 1981.")).toEqual([]);
    expect(datedMentions("3–4 April 1981 and 1,948 in 1982", 1981).map((d) => d.earliest)).toEqual(["1981-04-03", "1982-01-01"]);
  });

  it("in every note: anything after 11 July 1981 sits in a part marked as hindsight", () => {
    const problems = content.notes.flatMap((n) =>
      (["summary", "body", "correction"] as const).flatMap((field) =>
        unmarkedHindsight(n[field], MEETING_DATE).map((h) => `${n.slug} ${field}: “${h.found}” in “${h.paragraph.slice(0, 80)}…”`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it("in every timeline event before the meeting: later facts are marked as hindsight", () => {
    const before = content.events.filter((e) => e.date <= MEETING_DATE);
    expect(before.length).toBeGreaterThan(10);
    const problems = before.flatMap((e) => unmarkedHindsight(e.description, MEETING_DATE).map((h) => `${e.slug}: “${h.found}”`));
    expect(problems).toEqual([]);
    // The two the independent check found, by name.
    expect(event("sakharov-exiled").description).toMatch(/hindsight[^.]*December 1986/i);
    expect(event("salt-ii-signed").description).toMatch(/hindsight[^.]*never ratified/i);
  });

  it("dates Wałęsa's Nobel Peace Prize: announced 5 October, conferred 10 December 1983", () => {
    const nobel = allTexts().filter((t) => /Nobel/.test(t.text));
    expect(nobel.length).toBeGreaterThan(0);
    for (const { where, text } of nobel) {
      expect(text, where).toMatch(/announced[^.]*5 October 1983|5 October 1983[^.]*announced/);
      expect(text, where).toMatch(/10 December 1983/);
      expect(text, where).not.toMatch(/On 5 October 1983 Wałęsa was awarded/);
    }
  });

  it("dates the Basmachi resistance to Soviet rule from 1918", () => {
    const basmachi = allTexts().filter((t) => /Basmachi/.test(t.text));
    expect(basmachi.length).toBeGreaterThan(0);
    for (const { where, text } of basmachi) {
      expect(text, where).not.toMatch(/1916\s*[–-]\s*(?:19)?18/);
      expect(text, where).not.toMatch(/(?:from|began|since)(?: around| about)? 1916/);
    }
    expect(note("basmachi").summary).toMatch(/from 1918/);
    expect(note("basmachi").body).toMatch(/from 1918/);
    expect(note("afghanistan").body).toMatch(/Basmachi[^.]*from 1918/);
  });
});

describe("content accuracy: Andropov's weapons list", () => {
  const weaponsQuestion = () => {
    const q = quizQuestions().find((x) => x.type === "multiple-response" && /weapons/i.test(x.title));
    expect(q, "the weapons question").toBeDefined();
    return q as Extract<AuthoredQuestion, { type: "multiple-response" }>;
  };

  it("has exactly one defensible key: the MX, Pershing II and the B-1B had not been built or flown", () => {
    const q = weaponsQuestion();
    // "In service" and "operational" have no single answer (the Shuttle was declared operational
    // only in July 1982; Pershing 1a, Trident I and the B-1A prototypes already existed).
    expect(q.prompt).not.toMatch(/in service|operational/i);
    expect(q.prompt).toMatch(/built or flown|flown or (?:been )?built/);
    const key = q.config.options.filter((o) => o.weight > 0);
    const others = q.config.options.filter((o) => o.weight <= 0);
    const keyNames = key.map((o) => (/\bMX\b/.test(o.text) ? "MX" : /Pershing II\b/.test(o.text) ? "Pershing II" : /B-1B\b/.test(o.text) ? "B-1B" : o.text));
    expect(keyNames.sort()).toEqual(["B-1B", "MX", "Pershing II"]);
    for (const o of key) expect(o.weight).toBeCloseTo(1 / 3, 2);
    // Every other option had been built or flown by 11 July 1981, and nothing sits between.
    for (const o of others) {
      expect(o.text, o.id).toMatch(/Space Shuttle|Pershing 1a|Trident I\b|B-1A/);
      expect(o.weight, o.id).toBeLessThan(0);
    }
    expect(q.config.options.map((o) => o.text).join(" | "), "a Trident submarine was built but not yet commissioned").not.toMatch(/submarine/i);
  });

  it("nowhere says the Space Shuttle was the only item that had flown or was working", () => {
    const wrong = /only (?:the )?Space Shuttle|only item[^.]*(?:flown|working)|Space Shuttle[^.]*only item/i;
    const found = allTexts().filter((t) => wrong.test(t.text)).map((t) => t.where);
    expect(found).toEqual([]);
    for (const { where, sentence } of sentencesAbout(/Shuttle[^.]*operational|operational[^.]*Shuttle/)) expect(sentence, where).toMatch(/1982/);
  });
});

describe("content accuracy: the invasion debate", () => {
  const line = "They are not afraid of a military invasion.";
  const debate = () => {
    const n = content.notes.find((x) => x.kind === "context" && /invade|invasion/i.test(x.title));
    expect(n, "a context note on whether Moscow would have invaded Poland").toBeDefined();
    return n!;
  };

  it("sits at the document's own line and presents it as a debate", () => {
    const n = debate();
    expect(noteAnchors(content).get(n.slug)).toContain(paragraphWith(line).anchor);
    expect(`${n.title} ${n.summary}`).toMatch(/debate|disagree/i);
    expect(n.body).toContain("They are not afraid of a military invasion");
    expect(n.body).toContain("I do not want to discuss this question right now");
    expect(n.body).toMatch(/weigh/i);
  });

  it("names each position's authors and cites their works with exact title and year", () => {
    const n = debate();
    for (const author of ["Mastny", "Kramer", "Jaruzelski"]) expect(n.body, author).toContain(author);
    const cites = n.sources.map((s) => s.citation);
    const cite = (pattern: RegExp) => {
      const c = cites.find((x) => pattern.test(x));
      expect(c, String(pattern)).toBeDefined();
      return c!;
    };
    expect(cite(/Mastny/)).toMatch(/“The Soviet Non-Invasion of Poland in 1980\/81 and the End of the Cold War”.*Working Paper No\. 23.*1998/);
    expect(cite(/Soviet Deliberations/)).toMatch(/Kramer.*“Soviet Deliberations during the Polish Crisis, 1980[–-]1981”.*Special Working Paper No\. 1.*1999/);
    expect(cite(/From Solidarity to Martial Law/)).toMatch(/Paczkowski.*Byrne.*2007.*Document No\. 82.*p\. 454/);
    expect(cite(/10 December 1981/)).toMatch(/Politburo/);
    for (const c of cites) expect(c, "every work with its year").toMatch(/\b(19|20)\d\d\b/);
    // Suslov Commission and the Politburo session are dated as the reference sheet has them.
    expect(n.body).toMatch(/25 August 1980/);
    expect(n.body).toMatch(/10 December 1981/);
  });
});

describe("content accuracy: citations", () => {
  it("cite the standard works with their year, and Kramer's working paper with its title", () => {
    const years: [RegExp, string][] = [
      [/Garthoff/, "1994"],
      [/Special Working Paper No\. 1/, "1999"],
      [/From Solidarity to Martial Law/, "2007"],
      [/Afgantsy/, "2011"],
      [/Sword and the Shield/, "1999"],
      [/History of the Stasi/, "2014"],
    ];
    const cited = [...allCitations(), ...allTexts().map(({ where, text }) => ({ where, citation: text }))];
    for (const { where, citation } of cited) {
      for (const part of citation.split(/;|\bSources?: /)) {
        for (const [work, year] of years) if (work.test(part)) expect(part, `${where}: ${part.trim()}`).toContain(year);
        if (/Special Working Paper No\. 1\b/.test(part)) expect(part, where).toMatch(/Soviet Deliberations during the Polish Crisis/);
      }
    }
  });
});
