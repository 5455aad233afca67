import type { ComponentType } from "react";
import type { QuestionTypeId } from "@/lib/question-types/ids";
import type { ConfigOf } from "@/lib/question-types/schemas";
import { EssayEditor } from "./essay";
import { EvidenceEditor } from "./evidence";
import { MatchingEditor } from "./matching";
import { MultipleChoiceEditor } from "./multiple-choice";
import { MultipleResponseEditor } from "./multiple-response";
import { NumericEditor } from "./numeric";
import { OrderingEditor } from "./ordering";
import type { EditorProps } from "./parts";
import { ShortAnswerEditor } from "./short-answer";
import { TrueFalseEditor } from "./true-false";

export type { EditorPassage, EditorProps, FieldErrors } from "./parts";

/** The editor of every question type; each produces its type's config (lib/question-types/schemas.ts). */
export const editors: { [K in QuestionTypeId]: ComponentType<EditorProps<K>> } = {
  "multiple-choice": MultipleChoiceEditor,
  "multiple-response": MultipleResponseEditor,
  "true-false": TrueFalseEditor,
  "short-answer": ShortAnswerEditor,
  numeric: NumericEditor,
  ordering: OrderingEditor,
  matching: MatchingEditor,
  essay: EssayEditor,
  evidence: EvidenceEditor,
};

const emptyConfigs: { [K in QuestionTypeId]: () => ConfigOf<K> } = {
  "multiple-choice": () => ({
    options: [
      { id: "a", text: "", credit: 0, feedback: "" },
      { id: "b", text: "", credit: 0, feedback: "" },
      { id: "c", text: "", credit: 0, feedback: "" },
    ],
  }),
  "multiple-response": () => ({
    options: [
      { id: "a", text: "", weight: 0, feedback: "" },
      { id: "b", text: "", weight: 0, feedback: "" },
      { id: "c", text: "", weight: 0, feedback: "" },
    ],
  }),
  "true-false": () => ({ answer: true, feedbackTrue: "", feedbackFalse: "" }),
  "short-answer": () => ({ answers: [{ text: "", credit: 1, feedback: "" }], caseSensitive: false, accentSensitive: false, punctuationSensitive: false }),
  numeric: () => ({ answers: [{ kind: "tolerance", value: 0, tolerance: 0, credit: 1, feedback: "" }], unit: "" }),
  ordering: () => ({
    items: [
      { id: "a", text: "" },
      { id: "b", text: "" },
      { id: "c", text: "" },
    ],
  }),
  matching: () => ({
    pairs: [
      { id: "p1", prompt: "", answer: "" },
      { id: "p2", prompt: "", answer: "" },
      { id: "p3", prompt: "", answer: "" },
    ],
    distractors: [],
  }),
  essay: () => ({ rubric: [], graderNotes: "" }),
  evidence: () => ({
    answer: {
      kind: "choice",
      options: [
        { id: "a", text: "", credit: 0, feedback: "" },
        { id: "b", text: "", credit: 0, feedback: "" },
      ],
    },
    evidence: [],
    answerWeight: 0.5,
  }),
};

/**
 * A fresh config of the type's shape for a new question: blank texts (which the schema still
 * asks to be filled in), no right answer chosen where choosing one is the author's job. Plain
 * data with no client code, so server pages may call it too.
 */
export function emptyConfig<T extends QuestionTypeId>(type: T): ConfigOf<T> {
  return emptyConfigs[type]();
}
