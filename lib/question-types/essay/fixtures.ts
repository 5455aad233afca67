import type { QuestionFixtures } from "@/lib/question-types/registry";

export const essayFixtures = {
  config: {
    rubric: [
      { id: "claim", criterion: "States a clear claim about why the government signed the accords", maxPoints: 4 },
      { id: "sources", criterion: "Supports it with at least two quoted paragraphs of the reading", maxPoints: 4 },
      { id: "context", criterion: "Places the events in the context of 1980–81", maxPoints: 2 },
    ],
    minWords: 150,
    maxWords: 600,
    graderNotes: "Look for the fear of a general strike spreading beyond the Baltic coast.",
  },
  responses: {
    correct: { text: "The government signed because the strike had spread along the whole coast and…" },
    partial: { text: "Because of the strike." },
    wrong: { text: "Gorbachev ordered it." },
    empty: { text: " \n\t " },
  },
  shuffles: false,
} satisfies QuestionFixtures<"essay">;
