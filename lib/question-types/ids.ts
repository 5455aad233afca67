/** The one list of question type ids. Adding a type here makes the registry demand its plugin. */
export const questionTypeIds = [
  "multiple-choice",
  "multiple-response",
  "true-false",
  "short-answer",
  "numeric",
  "ordering",
  "matching",
  "essay",
  "evidence",
] as const;
export type QuestionTypeId = (typeof questionTypeIds)[number];
