import type { QuestionTypePlugin } from "@/lib/question-types/contract";
import { orderingConfig, orderingResponse } from "@/lib/question-types/schemas";
import { correctResponse, grade } from "./grade";
import { isComplete } from "./complete";
import { answerLabels, keySummary } from "./labels";
import { mapResponseIds, responseIds, toPlayerView, type OrderingView } from "./view";

export type { OrderingView } from "./view";

export const ordering = {
  id: "ordering",
  label: "Ordering",
  config: orderingConfig,
  response: orderingResponse,
  isComplete,
  grade,
  correctResponse,
  toPlayerView,
  responseIds,
  mapResponseIds,
  answerLabels,
  keySummary,
} satisfies QuestionTypePlugin<"ordering", OrderingView>;
