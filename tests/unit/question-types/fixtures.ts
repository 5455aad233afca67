// Every type's fixtures in one map, so a type without fixtures fails to compile here.
import { essayFixtures } from "@/lib/question-types/essay/fixtures";
import { evidenceFixtures } from "@/lib/question-types/evidence/fixtures";
import type { QuestionTypeId } from "@/lib/question-types/ids";
import { matchingFixtures } from "@/lib/question-types/matching/fixtures";
import { multipleChoiceFixtures } from "@/lib/question-types/multiple-choice/fixtures";
import { multipleResponseFixtures } from "@/lib/question-types/multiple-response/fixtures";
import { numericFixtures } from "@/lib/question-types/numeric/fixtures";
import { orderingFixtures } from "@/lib/question-types/ordering/fixtures";
import type { QuestionFixtures } from "@/lib/question-types/registry";
import { shortAnswerFixtures } from "@/lib/question-types/short-answer/fixtures";
import { trueFalseFixtures } from "@/lib/question-types/true-false/fixtures";

export const allFixtures: { [K in QuestionTypeId]: QuestionFixtures<K> } = {
  "multiple-choice": multipleChoiceFixtures,
  "multiple-response": multipleResponseFixtures,
  "true-false": trueFalseFixtures,
  "short-answer": shortAnswerFixtures,
  numeric: numericFixtures,
  ordering: orderingFixtures,
  matching: matchingFixtures,
  essay: essayFixtures,
  evidence: evidenceFixtures,
};
