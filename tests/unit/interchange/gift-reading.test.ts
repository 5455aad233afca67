// A realistic teacher's file for one Dossier reading (the 1981 Mielke–Andropov meeting and the
// Polish crisis): it imports whole, and survives export and re-import unchanged.
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { formatGift, parseGift } from "@/lib/interchange/gift";
import { authoredQuestionSchema } from "@/lib/question-types/schemas";

const text = readFileSync(new URL("./fixtures/mielke-andropov-1981.gift", import.meta.url), "utf8");

describe("fixtures/mielke-andropov-1981.gift", () => {
  const { questions, errors } = parseGift(text);
  const byTitle = (title: string) => {
    const found = questions.find((q) => q.title === title);
    expect(found, title).toBeDefined();
    return found!;
  };

  it("imports all 13 questions, of seven types, without errors", () => {
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.title, q.type])).toEqual([
      ["Brest — month", "multiple-choice"],
      ["Brest — days", "numeric"],
      ["KGB roles", "matching"],
      ["Tsvigun", "multiple-choice"],
      ["Martial law before Brest?", "true-false"],
      ["Helsinki", "true-false"],
      ["Jaruzelski PM", "short-answer"],
      ["Before Brest", "multiple-response"],
      ["Afghanistan", "numeric"],
      ["Martial law date", "short-answer"],
      ["Helsinki gap", "numeric"],
      ["Польша", "short-answer"],
      ["Why Brest mattered", "essay"],
    ]);
    for (const q of questions) expect(authoredQuestionSchema.safeParse(q).success).toBe(true);
  });

  it("files questions under the two categories in order", () => {
    expect(questions.slice(0, 8).every((q) => q.category === "$course$/Cold War/Poland 1981")).toBe(true);
    expect(questions.slice(8).every((q) => q.category === "$course$/Cold War/Dates")).toBe(true);
  });

  it("keeps the facts: Brest 3–4 April 1981, Afghanistan 1979, martial law 13 December 1981", () => {
    const month = byTitle("Brest — month");
    expect(month.prompt).toBe("The Brest meeting was held in _____ 1981.");
    expect(month.anchors).toEqual(["p-3"]);
    expect(month.config).toMatchObject({ options: [{ text: "April", credit: 1, feedback: "Yes: 3–4 April 1981." }, { credit: 0 }, { credit: 0 }] });

    const days = byTitle("Brest — days");
    expect(days).toMatchObject({ format: "markdown", generalFeedback: "It met on 3 and 4 April 1981.", config: { answers: [{ kind: "range", min: 3, max: 4, credit: 1 }] } });

    expect(byTitle("Afghanistan").config).toMatchObject({
      answers: [{ value: 1979, tolerance: 0, credit: 1 }, { value: 1979, tolerance: 1, credit: 0.5 }, { kind: "range", credit: 0 }],
    });
    expect(byTitle("Martial law date").prompt).toBe("Martial law was declared in Poland on _____ December 1981.");
    expect(byTitle("Martial law before Brest?").config).toEqual({
      answer: false,
      feedbackTrue: "No: martial law came on 13 December 1981, months after Brest.",
      feedbackFalse: "Right: it came on 13 December 1981.",
    });
    expect(byTitle("Helsinki gap").config).toEqual({ answers: [{ kind: "tolerance", value: 6, tolerance: 0, credit: 1 }] });
  });

  it("matches Tsvigun and Kryuchkov to their posts, with an extra wrong answer", () => {
    expect(byTitle("KGB roles")).toMatchObject({
      anchors: ["p-7", "p-8"],
      config: {
        pairs: [
          { id: "p1", prompt: "Semyon Tsvigun", answer: "First Deputy Chairman of the KGB" },
          { id: "p2", prompt: "Vladimir Kryuchkov", answer: "head of KGB foreign intelligence" },
          { id: "p3", prompt: "Wojciech Jaruzelski", answer: "Prime Minister of Poland" },
        ],
        distractors: ["Minister of Foreign Affairs of the GDR"],
      },
    });
    expect(byTitle("Tsvigun")).toMatchObject({ format: "html", generalFeedback: "Tsvigun was Andropov's first deputy." });
  });

  it("reads Cyrillic, Polish and emoji, partial credit and the essay's rubric", () => {
    expect(byTitle("Польша").config).toMatchObject({ answers: [{ text: "Польша" }, { text: "Polska" }, { text: "Poland", feedback: "Tak! 🇵🇱" }] });
    expect(byTitle("Jaruzelski PM").config).toMatchObject({ answers: [{ credit: 1 }, { credit: 1 }, { text: "General Jaruzelski", credit: 0.5 }] });
    expect(byTitle("Before Brest").config).toMatchObject({ options: [{ weight: 0.5 }, { weight: 0.5 }, { weight: -0.5 }] });
    expect(byTitle("Why Brest mattered").config).toEqual({
      rubric: [
        { id: "c1", criterion: "Uses the Brest meeting (3–4 April 1981)", maxPoints: 2 },
        { id: "c2", criterion: "Links it to martial law (13 December 1981)", maxPoints: 2 },
      ],
      minWords: 150,
    });
  });

  it("exports and re-imports to the same questions", () => {
    const again = parseGift(formatGift(questions));
    expect(again.errors).toEqual([]);
    expect(again.questions).toEqual(questions);
  });
});
