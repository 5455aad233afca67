import type { ComponentType } from "react";
import type { QuestionTypeId } from "@/lib/question-types/ids";
import { EssayPlayer } from "./essay";
import { EvidencePlayer } from "./evidence";
import { MatchingPlayer } from "./matching";
import { MultipleChoicePlayer } from "./multiple-choice";
import { MultipleResponsePlayer } from "./multiple-response";
import { NumericPlayer } from "./numeric";
import { OrderingPlayer } from "./ordering";
import type { PlayerProps } from "./parts";
import { ShortAnswerPlayer } from "./short-answer";
import { TrueFalsePlayer } from "./true-false";

export type { ChangeKind, PlayerProps, ViewByType } from "./parts";

/** Every type's player. A type id without a player here is a compile error. */
export const players: { [K in QuestionTypeId]: ComponentType<PlayerProps<K>> } = {
  "multiple-choice": MultipleChoicePlayer,
  "multiple-response": MultipleResponsePlayer,
  "true-false": TrueFalsePlayer,
  "short-answer": ShortAnswerPlayer,
  numeric: NumericPlayer,
  ordering: OrderingPlayer,
  matching: MatchingPlayer,
  essay: EssayPlayer,
  evidence: EvidencePlayer,
};

/**
 * A question's player, from data typed loosely (the attempt's questions carry `view: unknown`).
 * The view and the value come from the server (or from this device's copy of what the student
 * chose), so they have the type's shapes; the players still read them defensively.
 */
export function QuestionPlayer<T extends QuestionTypeId>({ type, ...props }: { type: T } & Omit<PlayerProps<T>, "view" | "value"> & { view: unknown; value: unknown }) {
  const Player = players[type] as ComponentType<PlayerProps<T>>;
  return <Player {...(props as unknown as PlayerProps<T>)} />;
}

/** Whether a response counts as an answer, for the "not answered" list before submitting: the server's own rule (lib/question-types/completeness.ts). */
export { isAnswered } from "@/lib/question-types/completeness";
