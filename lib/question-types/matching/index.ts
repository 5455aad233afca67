import type { QuestionTypePlugin } from "@/lib/question-types/contract";
import { matchingConfig, matchingResponse } from "@/lib/question-types/schemas";
import { correctResponse, grade } from "./grade";
import { isComplete } from "./complete";
import { answerLabels, keySummary } from "./labels";
import { mapResponseIds, responseIds, toPlayerView, type MatchingView } from "./view";

export type { MatchingView } from "./view";

export const matching = {
  id: "matching",
  label: "Matching",
  config: matchingConfig,
  response: matchingResponse,
  isComplete,
  grade,
  correctResponse,
  toPlayerView,
  responseIds,
  mapResponseIds,
  answerLabels,
  keySummary,
} satisfies QuestionTypePlugin<"matching", MatchingView>;
