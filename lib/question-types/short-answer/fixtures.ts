import type { QuestionFixtures } from "@/lib/question-types/registry";

export const shortAnswerFixtures = {
  config: {
    answers: [
      { text: "Solidarność", credit: 1, feedback: "Niezależny Samorządny Związek Zawodowy „Solidarność”." },
      { text: "NSZZ Solidarność", credit: 1 },
      { text: "a trade union", credit: 0.5, feedback: "True, but which one?" },
      { text: "Communist Party", credit: 0, feedback: "The union was independent of the party." },
    ],
    caseSensitive: false,
    accentSensitive: false,
    punctuationSensitive: false,
  },
  responses: {
    correct: { text: "  solidarnosc " },
    partial: { text: "A Trade Union." },
    wrong: { text: "Komsomol" },
    empty: { text: "   " },
  },
  shuffles: false,
} satisfies QuestionFixtures<"short-answer">;
