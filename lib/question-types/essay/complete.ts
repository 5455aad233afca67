import { filled, isRecord } from "../answered";
import type { EssayView } from "./view";

/** Answered once the text has something visible in it. */
export function isComplete(_view: EssayView, response: unknown): boolean {
  return isRecord(response) && filled(response.text);
}
