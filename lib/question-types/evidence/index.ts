import type { QuestionTypePlugin } from "@/lib/question-types/contract";
import { evidenceConfig, evidenceResponse } from "@/lib/question-types/schemas";
import { correctResponse, grade } from "./grade";
import { isComplete } from "./complete";
import { answerGroup, answerLabels, keySummary } from "./labels";
import { mapResponseIds, responseIds, toPlayerView, type EvidenceView } from "./view";

export type { EvidenceView } from "./view";
export { evidenceScore } from "./grade";

export const evidence = {
  id: "evidence",
  label: "Answer with evidence",
  config: evidenceConfig,
  response: evidenceResponse,
  isComplete,
  grade,
  correctResponse,
  toPlayerView,
  responseIds,
  mapResponseIds,
  answerLabels,
  answerGroup,
  keySummary,
} satisfies QuestionTypePlugin<"evidence", EvidenceView>;
