import { noResponseIds, type QuestionTypePlugin } from "@/lib/question-types/contract";
import { numericConfig, numericResponse } from "@/lib/question-types/schemas";
import { correctResponse, grade } from "./grade";
import { isComplete } from "./complete";
import { answerLabels, keySummary } from "./labels";
import { toPlayerView, type NumericView } from "./view";

export type { NumericView } from "./view";

export const numeric = {
  id: "numeric",
  label: "Numeric",
  config: numericConfig,
  response: numericResponse,
  isComplete,
  grade,
  correctResponse,
  toPlayerView,
  ...noResponseIds,
  answerLabels,
  keySummary,
} satisfies QuestionTypePlugin<"numeric", NumericView>;
