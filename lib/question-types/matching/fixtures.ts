import type { QuestionFixtures } from "@/lib/question-types/registry";

export const matchingFixtures = {
  config: {
    pairs: [
      { id: "walesa", prompt: "Lech Wałęsa", answer: "Chairman of Solidarność" },
      { id: "jaruzelski", prompt: "Wojciech Jaruzelski", answer: "Declared martial law" },
      { id: "brezhnev", prompt: "Леонид Брежнев", answer: "General Secretary of the CPSU" },
      { id: "walentynowicz", prompt: "Anna Walentynowicz", answer: "Crane operator whose dismissal began the strike" },
    ],
    distractors: ["Signed the Helsinki Final Act for Poland", "Chairman of Solidarność"],
  },
  responses: {
    correct: {
      matches: {
        walesa: "Chairman of Solidarność",
        jaruzelski: "Declared martial law",
        brezhnev: "General Secretary of the CPSU",
        walentynowicz: "Crane operator whose dismissal began the strike",
      },
    },
    partial: { matches: { walesa: "Chairman of Solidarność", jaruzelski: "General Secretary of the CPSU" } },
    wrong: { matches: { walesa: "Declared martial law", jaruzelski: "Signed the Helsinki Final Act for Poland" } },
    empty: { matches: {} },
  },
  shuffles: true,
} satisfies QuestionFixtures<"matching">;
