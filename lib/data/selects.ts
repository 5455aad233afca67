import "server-only";

/** A quiz's settings as stored: what the builder edits and what governs every attempt. */
export const quizSettingsSelect = {
  attemptsAllowed: true,
  opensAt: true,
  closesAt: true,
  timeLimitMinutes: true,
  shuffleQuestions: true,
  shuffleOptions: true,
  reviewWhen: true,
  reviewScore: true,
  reviewCorrectness: true,
  reviewAnswers: true,
  reviewFeedback: true,
} as const;
