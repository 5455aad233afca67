// How each question type says its answers and its key in words: for the analysis counts and for
// the editor's question list. Every type is run through the same checks with its fixtures, then
// the wording that teachers read is pinned per type.
import { describe, expect, it } from "vitest";

import { questionTypeIds } from "@/lib/question-types/ids";
import { answerGroupFor, answerLabelsFor, correctResponseFor, keySummaryFor } from "@/lib/question-types/registry";
import { allFixtures } from "./fixtures";

describe.each(questionTypeIds)("%s labels", (type) => {
  const { config, responses } = allFixtures[type];

  it("say the key in at least one line, with no ids in it", () => {
    const lines = keySummaryFor(type, config);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.trim()).not.toBe("");
    // Authored ids ("gdansk", "p1") stay out of what teachers read; texts stand for them. (An id
    // that is also a word of the question's texts, like an essay criterion's "claim", can't be told apart.)
    const json = JSON.stringify(config);
    const texts = json.replace(/"id":"[^"]+"/g, "").toLowerCase();
    const ids = (json.match(/"id":"([^"]+)"/g) ?? []).map((m) => m.slice(6, -1)).filter((id) => !texts.includes(id));
    for (const id of ids) expect(lines.join("\n")).not.toMatch(new RegExp(`(^|[^\\p{L}])${id}([^\\p{L}]|$)`, "u"));
  });

  it("read every answer as labels, and nothing for no answer", () => {
    expect(answerLabelsFor(type, config, null)).toEqual([]);
    const right = correctResponseFor(type, config) ?? responses.correct;
    expect(answerLabelsFor(type, config, right).length).toBeGreaterThan(0);
    expect(answerLabelsFor(type, config, responses.wrong).length).toBeGreaterThan(0);
  });

  it("read data that no longer fits the type as nothing, rather than failing", () => {
    expect(answerLabelsFor(type, "not a config", responses.correct)).toEqual([]);
    expect(answerLabelsFor(type, config, { broken: true })).toEqual([]);
    expect(keySummaryFor(type, "not a config")).toEqual([]);
    expect(answerGroupFor(type, "not a config")("Label")).toBe("Label");
  });
});

describe("the key at a glance", () => {
  it("marks the right option, and credit where it is partial or a penalty", () => {
    expect(keySummaryFor("multiple-choice", allFixtures["multiple-choice"].config)).toEqual(["✓ Gdańsk", "◐ Gdynia (50%)"]);
    const partial = {
      options: [
        { id: "a", text: "Szczecin", credit: 0.5 },
        { id: "b", text: "Warsaw", credit: 0 },
        { id: "c", text: "Gdańsk", credit: 1 },
      ],
    };
    expect(keySummaryFor("multiple-choice", partial)).toEqual(["✓ Gdańsk", "◐ Szczecin (50%)"]);
    const mr = {
      options: [
        { id: "a", text: "The MX missile", weight: 0.5 },
        { id: "b", text: "Pershing II", weight: 0.5 },
        { id: "c", text: "The neutron bomb", weight: 0 },
        { id: "d", text: "1968", weight: -0.5 },
      ],
    };
    expect(keySummaryFor("multiple-response", mr)).toEqual(["✓ The MX missile (50%)", "✓ Pershing II (50%)", "✗ 1968 (−50%)"]);
    expect(keySummaryFor("true-false", { answer: false })).toEqual(["✓ False"]);
  });

  it("lists accepted answers with their credit, leaving out 0-credit feedback entries, and says which rules are strict", () => {
    expect(keySummaryFor("short-answer", allFixtures["short-answer"].config)).toEqual(["✓ Solidarność", "✓ NSZZ Solidarność", "◐ a trade union (50%)"]);
    expect(keySummaryFor("short-answer", { ...allFixtures["short-answer"].config, caseSensitive: true, punctuationSensitive: true })).toContain("(case, punctuation must match)");
  });

  it("gives numbers with their margin or range and unit, the order numbered, and pairs as pairs", () => {
    const numeric = {
      answers: [
        { kind: "tolerance", value: 1975, tolerance: 0, credit: 1 },
        { kind: "tolerance", value: 1981, tolerance: 1, credit: 0.5 },
        { kind: "range", min: 12000, max: 12500, credit: 1 },
        { kind: "tolerance", value: 1977, tolerance: 0, credit: 0 },
      ],
      unit: "km",
    };
    expect(keySummaryFor("numeric", numeric)).toEqual(["✓ 1975 km", "◐ 1981 ± 1 km (50%)", "✓ 12 000–12 500 km"]);
    const ordering = { items: [{ id: "b", text: "Gdańsk Agreement" }, { id: "a", text: "Martial law" }] };
    expect(keySummaryFor("ordering", ordering)).toEqual(["1. Gdańsk Agreement", "2. Martial law"]);
    const matching = { pairs: [{ id: "p1", prompt: "Mielke", answer: "MfS" }, { id: "p2", prompt: "Andropov", answer: "KGB" }], distractors: ["GRU"] };
    expect(keySummaryFor("matching", matching)).toEqual(["Mielke → MfS", "Andropov → KGB", "Also offered: GRU"]);
  });

  it("gives an essay's rubric and word limits, and an evidence question's answer and paragraphs", () => {
    expect(keySummaryFor("essay", allFixtures.essay.config)).toEqual([
      "States a clear claim about why the government signed the accords (4 points)",
      "Supports it with at least two quoted paragraphs of the reading (4 points)",
      "Places the events in the context of 1980–81 (2 points)",
      "150–600 words",
    ]);
    expect(keySummaryFor("essay", { rubric: [] })).toEqual(["Graded by hand (no rubric)"]);
    expect(keySummaryFor("evidence", allFixtures.evidence.config)).toEqual(["✓ Fear that the strikes would become a general strike", "Evidence: ¶ 12, ¶ 14"]);
    const typed = { answer: { kind: "text", answers: [{ text: "PPR and PPS", credit: 1 }] }, evidence: ["p-120"] };
    expect(keySummaryFor("evidence", typed)).toEqual(["✓ PPR and PPS", "Evidence: ¶ 120"]);
  });
});

describe("typed answers", () => {
  it("are labelled as typed and grouped as grading matches them", () => {
    const config = allFixtures["short-answer"].config;
    expect(answerLabelsFor("short-answer", config, { text: "  SOLIDARNOŚĆ \n " })).toEqual(["SOLIDARNOŚĆ"]);
    const group = answerGroupFor("short-answer", config);
    expect(group("SOLIDARNOŚĆ")).toBe(group("solidarnosc"));
    expect(group("Solidarność!")).toBe(group("solidarnosc"));
    expect(group("Komsomol")).not.toBe(group("solidarnosc"));
    // A question where case matters keeps the spellings apart, as its grading does.
    const strict = answerGroupFor("short-answer", { ...config, caseSensitive: true });
    expect(strict("SOLIDARNOŚĆ")).not.toBe(strict("solidarność"));
    // Punctuation alone is still an answer of its own, not the empty group.
    expect(group("?!")).toBe("?!");
    const evidence = { answer: { kind: "text", answers: [{ text: "PPR and PPS", credit: 1 }] }, evidence: ["p-120"] };
    expect(answerLabelsFor("evidence", evidence, { text: " ppr AND pps ", anchors: [] })).toEqual(["ppr AND pps"]);
    expect(answerGroupFor("evidence", evidence)("ppr AND pps")).toBe(answerGroupFor("evidence", evidence)("PPR and PPS"));
  });
});
