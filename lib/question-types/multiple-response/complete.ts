import { isRecord, stringList } from "../answered";
import type { MultipleResponseView } from "./view";

/** Answered once at least one option is ticked. */
export function isComplete(_view: MultipleResponseView, response: unknown): boolean {
  return isRecord(response) && stringList(response.optionIds).length > 0;
}
