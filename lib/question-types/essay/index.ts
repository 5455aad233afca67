import { noResponseIds, type QuestionTypePlugin } from "@/lib/question-types/contract";
import { essayConfig, essayResponse } from "@/lib/question-types/schemas";
import { correctResponse, grade } from "./grade";
import { isComplete } from "./complete";
import { answerLabels, keySummary } from "./labels";
import { toPlayerView, type EssayView } from "./view";

export type { EssayView } from "./view";
export { gradeEssayManually, OVERALL } from "./grade";

export const essay = {
  id: "essay",
  label: "Essay",
  config: essayConfig,
  response: essayResponse,
  isComplete,
  grade,
  correctResponse,
  toPlayerView,
  ...noResponseIds,
  answerLabels,
  keySummary,
} satisfies QuestionTypePlugin<"essay", EssayView>;
