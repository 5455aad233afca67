import type { QuestionFixtures } from "@/lib/question-types/registry";

export const multipleResponseFixtures = {
  config: {
    options: [
      { id: "gdansk", text: "Gdańsk", weight: 0.5, feedback: "The Lenin Shipyard strike, August 1980." },
      { id: "szczecin", text: "Szczecin", weight: 0.5, feedback: "The Szczecin Agreement was signed on 30 August 1980." },
      { id: "moscow", text: "Moscow", weight: -0.5, feedback: "No accord was signed in Moscow." },
      { id: "lodz", text: "Łódź", weight: 0 },
    ],
  },
  responses: {
    correct: { optionIds: ["szczecin", "gdansk"] },
    partial: { optionIds: ["gdansk"] },
    wrong: { optionIds: ["moscow", "lodz"] },
    empty: { optionIds: [] },
  },
  shuffles: true,
} satisfies QuestionFixtures<"multiple-response">;
