import type { QuestionTypePlugin } from "@/lib/question-types/contract";
import { multipleResponseConfig, multipleResponseResponse } from "@/lib/question-types/schemas";
import { correctResponse, grade } from "./grade";
import { isComplete } from "./complete";
import { answerLabels, keySummary } from "./labels";
import { mapResponseIds, responseIds, toPlayerView, type MultipleResponseView } from "./view";

export type { MultipleResponseView } from "./view";

export const multipleResponse = {
  id: "multiple-response",
  label: "Multiple response",
  config: multipleResponseConfig,
  response: multipleResponseResponse,
  isComplete,
  grade,
  correctResponse,
  toPlayerView,
  responseIds,
  mapResponseIds,
  answerLabels,
  keySummary,
} satisfies QuestionTypePlugin<"multiple-response", MultipleResponseView>;
