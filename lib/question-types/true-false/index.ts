import { noResponseIds, type QuestionTypePlugin } from "@/lib/question-types/contract";
import { trueFalseConfig, trueFalseResponse } from "@/lib/question-types/schemas";
import { correctResponse, grade } from "./grade";
import { isComplete } from "./complete";
import { answerLabels, keySummary } from "./labels";
import { toPlayerView, type TrueFalseView } from "./view";

export type { TrueFalseView } from "./view";

export const trueFalse = {
  id: "true-false",
  label: "True / false",
  config: trueFalseConfig,
  response: trueFalseResponse,
  isComplete,
  grade,
  correctResponse,
  toPlayerView,
  ...noResponseIds,
  answerLabels,
  keySummary,
} satisfies QuestionTypePlugin<"true-false", TrueFalseView>;
