import type { QuestionFixtures } from "@/lib/question-types/registry";

export const multipleChoiceFixtures = {
  config: {
    options: [
      { id: "gdansk", text: "Gdańsk", correct: true, feedback: "Yes: the strike began at the Lenin Shipyard in Gdańsk." },
      { id: "warsaw", text: "Warsaw", correct: false, feedback: "Warsaw was the seat of government, not of the strike." },
      { id: "krakow", text: "Kraków", correct: false },
      { id: "lodz", text: "Łódź", correct: false, feedback: "Łódź had its own strikes, but later." },
    ],
  },
  responses: {
    correct: { optionId: "gdansk" },
    partial: null,
    wrong: { optionId: "warsaw" },
    empty: null,
  },
  shuffles: true,
} satisfies QuestionFixtures<"multiple-choice">;
