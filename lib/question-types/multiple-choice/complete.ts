import { filled, isRecord } from "../answered";
import type { MultipleChoiceView } from "./view";

/** Answered once an option is chosen. */
export function isComplete(_view: MultipleChoiceView, response: unknown): boolean {
  return isRecord(response) && filled(response.optionId);
}
