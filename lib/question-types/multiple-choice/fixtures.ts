import type { QuestionFixtures } from "@/lib/question-types/registry";

export const multipleChoiceFixtures = {
  config: {
    options: [
      { id: "gdansk", text: "Gdańsk", credit: 1, feedback: "Yes: the strike began at the Lenin Shipyard in Gdańsk." },
      { id: "warsaw", text: "Warsaw", credit: 0, feedback: "Warsaw was the seat of government, not of the strike." },
      { id: "krakow", text: "Kraków", credit: 0 },
      { id: "lodz", text: "Łódź", credit: 0, feedback: "Łódź had its own strikes, but later." },
      { id: "gdynia", text: "Gdynia", credit: 0.5, feedback: "Gdynia's shipyard joined the strike, but it began in Gdańsk." },
    ],
  },
  responses: {
    correct: { optionId: "gdansk" },
    partial: { optionId: "gdynia" },
    wrong: { optionId: "warsaw" },
    empty: null,
  },
  shuffles: true,
} satisfies QuestionFixtures<"multiple-choice">;
