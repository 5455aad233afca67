import type { QuestionTypePlugin } from "@/lib/question-types/contract";
import { multipleChoiceConfig, multipleChoiceResponse } from "@/lib/question-types/schemas";
import { correctResponse, grade } from "./grade";
import { isComplete } from "./complete";
import { answerLabels, keySummary } from "./labels";
import { mapResponseIds, responseIds, toPlayerView, type MultipleChoiceView } from "./view";

export type { MultipleChoiceView } from "./view";

export const multipleChoice = {
  id: "multiple-choice",
  label: "Multiple choice",
  config: multipleChoiceConfig,
  response: multipleChoiceResponse,
  isComplete,
  grade,
  correctResponse,
  toPlayerView,
  responseIds,
  mapResponseIds,
  answerLabels,
  keySummary,
} satisfies QuestionTypePlugin<"multiple-choice", MultipleChoiceView>;
