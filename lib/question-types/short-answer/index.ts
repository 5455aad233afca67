import { noResponseIds, type QuestionTypePlugin } from "@/lib/question-types/contract";
import { shortAnswerConfig, shortAnswerResponse } from "@/lib/question-types/schemas";
import { correctResponse, grade } from "./grade";
import { isComplete } from "./complete";
import { answerGroup, answerLabels, keySummary } from "./labels";
import { toPlayerView, type ShortAnswerView } from "./view";

export type { ShortAnswerView } from "./view";

export const shortAnswer = {
  id: "short-answer",
  label: "Short answer",
  config: shortAnswerConfig,
  response: shortAnswerResponse,
  isComplete,
  grade,
  correctResponse,
  toPlayerView,
  ...noResponseIds,
  answerLabels,
  answerGroup,
  keySummary,
} satisfies QuestionTypePlugin<"short-answer", ShortAnswerView>;
