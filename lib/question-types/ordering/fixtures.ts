import type { QuestionFixtures } from "@/lib/question-types/registry";

export const orderingFixtures = {
  config: {
    items: [
      { id: "strike", text: "Strike at the Lenin Shipyard (14 August 1980)" },
      { id: "accords", text: "Gdańsk Agreement signed (31 August 1980)" },
      { id: "registration", text: "Solidarność registered by the court (10 November 1980)" },
      { id: "martial-law", text: "Martial law declared (13 December 1981)" },
    ],
  },
  responses: {
    correct: { order: ["strike", "accords", "registration", "martial-law"] },
    partial: { order: ["accords", "strike", "registration", "martial-law"] },
    wrong: { order: ["martial-law", "registration", "accords", "strike"] },
    empty: { order: [] },
  },
  shuffles: true,
} satisfies QuestionFixtures<"ordering">;
