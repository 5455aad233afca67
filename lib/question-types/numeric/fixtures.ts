import type { QuestionFixtures } from "@/lib/question-types/registry";

export const numericFixtures = {
  config: {
    answers: [
      { kind: "tolerance", value: 21, tolerance: 0, credit: 1, feedback: "The 21 demands of the MKS, 17 August 1980." },
      { kind: "range", min: 20, max: 22, credit: 0.5, feedback: "Close: count the demands again." },
      { kind: "tolerance", value: 16, tolerance: 0, credit: 0, feedback: "16 August is the date the strike spread, not the count." },
    ],
    unit: "demands",
  },
  responses: {
    correct: { value: 21 },
    partial: { value: 22 },
    wrong: { value: 16 },
    empty: null,
  },
  shuffles: false,
} satisfies QuestionFixtures<"numeric">;
