import { describe, expect, it } from "vitest";

import { normalizeAnswerText } from "@/lib/question-types/normalize";
import { gradeQuestion, parseConfig, QuestionDataError } from "@/lib/question-types/registry";
import type { ConfigOf } from "@/lib/question-types/schemas";
import { shortAnswer } from "@/lib/question-types/short-answer";
import { shortAnswerFixtures as fx } from "@/lib/question-types/short-answer/fixtures";

const { grade, isComplete, correctResponse, toPlayerView } = shortAnswer;

const loose = { caseSensitive: false, accentSensitive: false, punctuationSensitive: false };
const strict = { caseSensitive: true, accentSensitive: true, punctuationSensitive: true };
const accepting = (text: string, flags: Partial<typeof loose> = {}): ConfigOf<"short-answer"> => ({
  answers: [{ text, credit: 1 }],
  ...loose,
  ...flags,
});
const fractionFor = (config: ConfigOf<"short-answer">, text: string) => grade(config, { text }).fraction;

describe("short-answer matching", () => {
  it("matches Solidarnosc to Solidarność when accents don't matter", () => {
    expect(fractionFor(accepting("Solidarność"), "Solidarnosc")).toBe(1);
    expect(fractionFor(accepting("Solidarnosc"), "SOLIDARNOŚĆ")).toBe(1);
  });

  it("matches letters NFD cannot split: Wałęsa, Strauß, Ødegaard, Đilas", () => {
    expect(fractionFor(accepting("Wałęsa"), "Walesa")).toBe(1);
    expect(fractionFor(accepting("WAŁĘSA"), "walesa")).toBe(1);
    expect(fractionFor(accepting("Łódź"), "Lodz")).toBe(1);
    expect(fractionFor(accepting("Strauß"), "Strauss")).toBe(1);
    expect(fractionFor(accepting("Ødegaard"), "odegaard")).toBe(1);
    expect(fractionFor(accepting("Đilas"), "Dilas")).toBe(1);
  });

  it("keeps accents when they matter, but treats composed and decomposed letters as the same", () => {
    const config = accepting("Solidarność", { accentSensitive: true });
    expect(fractionFor(config, "Solidarnosc")).toBe(0);
    expect(fractionFor(config, "Solidarnos\u0301c\u0301")).toBe(1);
    expect(fractionFor(accepting("Wałęsa", { accentSensitive: true }), "Walesa")).toBe(0);
  });

  it("compares Cyrillic case-insensitively, and ё as е when accents don't matter", () => {
    expect(fractionFor(accepting("Горбачёв"), "ГОРБАЧЁВ")).toBe(1);
    expect(fractionFor(accepting("Горбачёв"), "Горбачев")).toBe(1);
    expect(fractionFor(accepting("Горбачёв", { accentSensitive: true }), "Горбачев")).toBe(0);
    expect(fractionFor(accepting("Горбачёв", { caseSensitive: true }), "горбачёв")).toBe(0);
  });

  it("respects case sensitivity", () => {
    expect(fractionFor(accepting("KOR", { caseSensitive: true }), "kor")).toBe(0);
    expect(fractionFor(accepting("KOR", { caseSensitive: true }), "KOR")).toBe(1);
    expect(fractionFor(accepting("KOR"), "kor")).toBe(1);
  });

  it("trims and collapses whitespace always, tabs and non-breaking spaces included", () => {
    const config = accepting("NSZZ Solidarność", strict);
    expect(fractionFor(config, "  NSZZ \t\u00a0 Solidarność\n")).toBe(1);
    expect(fractionFor(config, "NSZZSolidarność")).toBe(0);
  });

  it("ignores punctuation and symbols unless they matter", () => {
    expect(fractionFor(accepting("Solidarność"), "„Solidarność”!")).toBe(1);
    expect(fractionFor(accepting("U.S.S.R."), "USSR")).toBe(1);
    expect(fractionFor(accepting("21 demands"), "21 demands + ")).toBe(1);
    expect(fractionFor(accepting("Solidarność", { punctuationSensitive: true }), "Solidarność!")).toBe(0);
  });

  it("removes punctuation rather than splitting on it: a hyphen joins the words", () => {
    // A documented consequence of "remove \\p{P}": authors add "trade union" and "trade-union" both if they care.
    expect(fractionFor(accepting("trade union"), "trade-union")).toBe(0);
    expect(fractionFor(accepting("trade-union"), "tradeunion")).toBe(1);
  });

  it("does not match a text that normalises to nothing", () => {
    expect(grade(accepting("?"), { text: "!?" })).toEqual({ fraction: 0, state: "incorrect", feedback: [] });
  });
});

describe("short-answer wildcards (Moodle's *)", () => {
  it("* stands for any characters, none included: Moodle's partial matches", () => {
    const config = accepting("Gorb*");
    for (const typed of ["Gorbachev", "gorbachov", "Gorb", "GORBACHEV, Mikhail"]) expect(fractionFor(config, typed), typed).toBe(1);
    for (const typed of ["Gorachev", "Mikhail Gorbachev", "Gor"]) expect(fractionFor(config, typed), typed).toBe(0);
  });

  it("the whole answer must match: a wildcard at either end or in the middle, several of them", () => {
    expect(fractionFor(accepting("*cat"), "Bobcat")).toBe(1);
    expect(fractionFor(accepting("*cat"), "Bobcats")).toBe(0);
    expect(fractionFor(accepting("Cat*"), "Bobcat")).toBe(0);
    expect(fractionFor(accepting("*Brest*"), "near Brest in April")).toBe(1);
    expect(fractionFor(accepting("Andropov*KGB"), "Andropov, chairman of the KGB")).toBe(1);
    expect(fractionFor(accepting("Andropov*KGB"), "Andropov, chairman of the KGB!")).toBe(1); // punctuation ignored
    expect(fractionFor(accepting("Andropov*KGB", { punctuationSensitive: true }), "Andropov, chairman of the KGB!")).toBe(0);
    expect(fractionFor(accepting("a*b*c"), "abc")).toBe(1);
    expect(fractionFor(accepting("a*b*c"), "acb")).toBe(0);
    expect(fractionFor(accepting("ab*ab"), "ab")).toBe(0); // the two pieces may not overlap
    expect(fractionFor(accepting("ab*ab"), "abab")).toBe(1);
    expect(fractionFor(accepting("a**b"), "a-anything-b")).toBe(1); // ** is one wildcard
  });

  it("an answer of only * accepts anything (the catch-all), but never a blank answer", () => {
    const config: ConfigOf<"short-answer"> = { answers: [{ text: "Kania", credit: 1 }, { text: "*", credit: 0, feedback: "No: think of who led the party in 1981." }], ...loose };
    expect(grade(config, { text: "Kania" })).toEqual({ fraction: 1, state: "correct", feedback: [] });
    expect(grade(config, { text: "Gierek" })).toEqual({ fraction: 0, state: "incorrect", feedback: ["No: think of who led the party in 1981."] });
    expect(grade(config, { text: "   " })).toEqual({ fraction: 0, state: "unanswered", feedback: [] });
    expect(grade(config, { text: "?!" }).feedback).toEqual([]); // normalises to nothing: matches nothing
  });

  it("compares with the question's flags: case, accents, spaces beside the wildcard", () => {
    expect(fractionFor(accepting("Wałę*"), "walesa")).toBe(1);
    expect(fractionFor(accepting("Wałę*", { accentSensitive: true }), "walesa")).toBe(0);
    expect(fractionFor(accepting("Gorb*", { caseSensitive: true }), "gorbachev")).toBe(0);
    expect(fractionFor(accepting("Cat *"), "Catherine")).toBe(0); // the space counts, as in Moodle
    expect(fractionFor(accepting("Cat *"), "cat  food")).toBe(1);
  });

  it("\\* is a literal asterisk (as in Moodle); other backslashes are plain characters", () => {
    const literal = accepting("5\\*3", { punctuationSensitive: true });
    expect(fractionFor(literal, "5*3")).toBe(1);
    expect(fractionFor(literal, "5 times 3")).toBe(0);
    expect(fractionFor(accepting("a\\b*", { punctuationSensitive: true }), "a\\bc")).toBe(1);
    expect(fractionFor(accepting("a\\b*", { punctuationSensitive: true }), "abc")).toBe(0);
  });

  it("takes the best credit among matching answers, wildcards or not", () => {
    const config: ConfigOf<"short-answer"> = { answers: [{ text: "*", credit: 0, feedback: "Not quite." }, { text: "Solidar*", credit: 0.5 }, { text: "Solidarność", credit: 1 }], ...loose };
    expect(fractionFor(config, "Solidarnosc")).toBe(1);
    expect(fractionFor(config, "Solidarity")).toBe(0.5);
    expect(grade(config, { text: "KOR" }).feedback).toEqual(["Not quite."]);
  });

  it("the correct response is a text that really earns full marks: a plain answer first, else what the pattern accepts", () => {
    expect(correctResponse({ answers: [{ text: "Gorb*", credit: 1 }, { text: "Gorbachev", credit: 1 }], ...loose })).toEqual({ text: "Gorbachev" });
    expect(correctResponse({ answers: [{ text: "Gorb*", credit: 1 }], ...loose })).toEqual({ text: "Gorb" });
    expect(correctResponse({ answers: [{ text: "5\\*3", credit: 1 }], ...strict })).toEqual({ text: "5*3" });
    for (const config of [
      { answers: [{ text: "Gorb*", credit: 1 }], ...loose },
      { answers: [{ text: "*Brest*", credit: 1 }], ...strict },
      { answers: [{ text: "a * b", credit: 1 }], ...loose },
      { answers: [{ text: "*", credit: 1 }], ...strict },
    ]) {
      const right = correctResponse(config);
      if (right) expect(grade(config, right).fraction).toBe(1);
    }
  });

  it("stays linear on hostile patterns that make a backtracking regex run for ages", () => {
    // ^.*a.*a.*a…b$ against aaaa… is the classic catastrophic case; so is *aaaa…b for the
    // plain two-pointer matcher (n × m). Both must be quick at the schema's limits and far beyond.
    const hostile = [
      ["*a".repeat(99) + "*b", "a".repeat(500)],
      ["*" + "a".repeat(199), "a".repeat(499) + "b"],
      ["*" + "ab".repeat(99) + "c", "ab".repeat(250)],
    ] as const;
    const started = performance.now();
    for (const [answer, typed] of hostile) {
      expect(answer.length).toBeLessThanOrEqual(200);
      for (let n = 0; n < 200; n++) expect(fractionFor(accepting(answer, { punctuationSensitive: true }), typed)).toBe(0);
    }
    // 200 thousand pieces against 2 million characters: linear work, a blink; n × m would be 4 × 10^11 steps.
    const huge = accepting(`${"*a".repeat(100_000)}*b`, { punctuationSensitive: true });
    expect(grade(huge, { text: "a".repeat(2_000_000) }).fraction).toBe(0);
    expect(grade(huge, { text: `${"a".repeat(2_000_000)}b` }).fraction).toBe(1);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe("short-answer grading", () => {
  it("grades the fixtures", () => {
    expect(grade(fx.config, fx.responses.correct)).toEqual({
      fraction: 1,
      state: "correct",
      feedback: ["Niezależny Samorządny Związek Zawodowy „Solidarność”."],
    });
    expect(grade(fx.config, { text: "a trade union" })).toEqual({ fraction: 0.5, state: "partial", feedback: ["True, but which one?"] });
    expect(grade(fx.config, { text: "Komsomol" })).toEqual({ fraction: 0, state: "incorrect", feedback: [] });
  });

  it("gives feedback for a matching 0-credit answer", () => {
    expect(grade(fx.config, { text: "communist party" })).toEqual({ fraction: 0, state: "incorrect", feedback: ["The union was independent of the party."] });
  });

  it("takes the best credit among the answers that match, whatever their order", () => {
    const config: ConfigOf<"short-answer"> = {
      answers: [
        { text: "Walesa", credit: 0.5, feedback: "Spell it the Polish way." },
        { text: "Wałęsa", credit: 1, feedback: "Yes." },
      ],
      ...loose,
    };
    expect(grade(config, { text: "walesa" })).toEqual({ fraction: 1, state: "correct", feedback: ["Yes."] });
    expect(grade({ ...config, accentSensitive: true }, { text: "Walesa" })).toEqual({ fraction: 0.5, state: "partial", feedback: ["Spell it the Polish way."] });
  });

  it("rounds odd credits to 4 decimals", () => {
    const config: ConfigOf<"short-answer"> = { answers: [{ text: "KOR", credit: 1 / 3 }], ...loose };
    expect(fractionFor(config, "kor")).toBe(0.3333);
  });

  it("treats blank text, zero-width spaces and no response as unanswered", () => {
    const nothing = { fraction: 0, state: "unanswered", feedback: [] };
    expect(grade(fx.config, { text: "" })).toEqual(nothing);
    expect(grade(fx.config, { text: " \t\n" })).toEqual(nothing);
    expect(grade(fx.config, { text: "\u200b" })).toEqual(nothing);
    expect(grade(fx.config, null)).toEqual(nothing);
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { text: "  " })).toBe(false);
    expect(isComplete(toPlayerView(fx.config, { seed: "s", shuffle: false }), { text: "x" })).toBe(true);
  });

  it("names the first full-credit answer that can be matched as the correct response, or none", () => {
    expect(correctResponse(fx.config)).toEqual({ text: "Solidarność" });
    const noFull: ConfigOf<"short-answer"> = { answers: [{ text: "KOR", credit: 0.5 }], ...loose };
    expect(correctResponse(noFull)).toBeNull();
    const punctFirst: ConfigOf<"short-answer"> = { answers: [{ text: "?!", credit: 1 }, { text: "KOR", credit: 1 }], ...loose };
    expect(correctResponse(punctFirst)).toEqual({ text: "KOR" });
  });

  it("shows only the input limit", () => {
    expect(toPlayerView(fx.config, { seed: "s", shuffle: true })).toEqual({ maxLength: 500 });
  });
});

describe("short-answer data checks (via the registry)", () => {
  it("rejects a response over 500 characters, and accepts 500", () => {
    expect(() => gradeQuestion("short-answer", fx.config, { text: "a".repeat(501) })).toThrow(QuestionDataError);
    expect(gradeQuestion("short-answer", fx.config, { text: "a".repeat(500) }).state).toBe("incorrect");
  });

  it("rejects an accepted answer over 200 characters and a credit above 1", () => {
    expect(() => gradeQuestion("short-answer", { answers: [{ text: "x".repeat(201), credit: 1 }] }, null)).toThrow(QuestionDataError);
    expect(() => gradeQuestion("short-answer", { answers: [{ text: "x", credit: 1.5 }] }, null)).toThrow(QuestionDataError);
  });

  it("defaults every flag to insensitive", () => {
    const config = parseConfig("short-answer", { answers: [{ text: "Solidarność", credit: 1 }] });
    expect(config).toMatchObject(loose);
    expect(gradeQuestion("short-answer", { answers: [{ text: "Solidarność", credit: 1 }] }, { text: "solidarnosc!" }).fraction).toBe(1);
  });
});

describe("normalizeAnswerText", () => {
  it("applies only the flags asked for", () => {
    expect(normalizeAnswerText("  Wałęsa,  Lech! ", loose)).toBe("walesa lech");
    expect(normalizeAnswerText("  Wałęsa,  Lech! ", strict)).toBe("Wałęsa, Lech!");
    expect(normalizeAnswerText("Wałęsa, Lech", { ...strict, accentSensitive: false })).toBe("Walesa, Lech");
  });

  it("lower-cases without a locale (Turkish İ does not depend on the server)", () => {
    expect(normalizeAnswerText("İSTANBUL", loose)).toBe("istanbul");
  });
});
