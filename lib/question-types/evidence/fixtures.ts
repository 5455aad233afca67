import type { QuestionFixtures } from "@/lib/question-types/registry";

export const evidenceFixtures = {
  config: {
    answer: {
      kind: "choice",
      options: [
        { id: "fear", text: "Fear that the strikes would become a general strike", credit: 1, feedback: "Yes, see the Politburo minutes." },
        { id: "moscow", text: "An order from Moscow", credit: 0, feedback: "Moscow urged firmness, not concessions." },
        { id: "economy", text: "A sudden economic recovery", credit: 0 },
      ],
    },
    evidence: ["p-12", "p-14"],
    answerWeight: 0.5,
  },
  responses: {
    correct: { optionId: "fear", anchors: ["p-14", "p-12"] },
    partial: { optionId: "fear", anchors: ["p-12", "p-3"] },
    wrong: { optionId: "moscow", anchors: ["p-1", "p-2"] },
    empty: { anchors: [] },
  },
  shuffles: true,
} satisfies QuestionFixtures<"evidence">;
