import { filled, isRecord } from "../answered";
import type { ShortAnswerView } from "./view";

/** Answered once the text has something visible in it (spaces and invisible characters are not an answer). */
export function isComplete(_view: ShortAnswerView, response: unknown): boolean {
  return isRecord(response) && filled(response.text);
}
