import type { ComponentType } from "react";
import type { QuestionTypeId } from "@/lib/question-types/ids";
import { EssayPlayer } from "./essay";
import { EvidencePlayer } from "./evidence";
import { MatchingPlayer } from "./matching";
import { MultipleChoicePlayer } from "./multiple-choice";
import { MultipleResponsePlayer } from "./multiple-response";
import { NumericPlayer } from "./numeric";
import { OrderingPlayer } from "./ordering";
import type { PlayerProps, ViewByType } from "./parts";
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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const filled = (v: unknown) => typeof v === "string" && v.trim() !== "";

/**
 * Whether a response counts as an answer, for the "not answered" list before submitting.
 * The same rules as the server's isAnswerComplete, told from the player view (which lists every
 * item to order and every prompt to match) instead of the config.
 */
export function isAnswered(type: QuestionTypeId, view: unknown, value: unknown): boolean {
  if (!isRecord(value)) return false;
  switch (type) {
    case "multiple-choice":
      return filled(value.optionId);
    case "multiple-response":
      return Array.isArray(value.optionIds) && value.optionIds.length > 0;
    case "true-false":
      return typeof value.value === "boolean";
    case "short-answer":
    case "essay":
      return filled(value.text);
    case "numeric":
      return typeof value.value === "number" && Number.isFinite(value.value);
    case "ordering": {
      const items = (view as ViewByType["ordering"]).items ?? [];
      const order = Array.isArray(value.order) ? value.order : [];
      return order.length === items.length && new Set(order).size === order.length && items.every((item) => order.includes(item.id));
    }
    case "matching": {
      const prompts = (view as ViewByType["matching"]).prompts ?? [];
      const matches = isRecord(value.matches) ? value.matches : {};
      return prompts.length > 0 && prompts.every((p) => Object.hasOwn(matches, p.id) && filled(matches[p.id]));
    }
    case "evidence":
      return (filled(value.optionId) || filled(value.text)) && Array.isArray(value.anchors) && value.anchors.length > 0;
  }
}
