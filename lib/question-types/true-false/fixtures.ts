import type { QuestionFixtures } from "@/lib/question-types/registry";

export const trueFalseFixtures = {
  config: {
    answer: false,
    feedbackTrue: "Martial law was declared on 13 December 1981, after the accords.",
    feedbackFalse: "Right: martial law came more than a year after the Gdańsk Agreement.",
  },
  responses: {
    correct: { value: false },
    partial: null,
    wrong: { value: true },
    empty: null,
  },
  shuffles: false,
} satisfies QuestionFixtures<"true-false">;
