import { isRecord } from "../answered";
import type { NumericView } from "./view";

export function isComplete(_view: NumericView, response: unknown): boolean {
  return isRecord(response) && typeof response.value === "number" && Number.isFinite(response.value);
}
