import { isRecord } from "../answered";
import type { TrueFalseView } from "./view";

export function isComplete(_view: TrueFalseView, response: unknown): boolean {
  return isRecord(response) && typeof response.value === "boolean";
}
