import { filled, isRecord, stringList } from "../answered";
import type { EvidenceView } from "./view";

/** An answer (the choice or the text) and at least one paragraph cited. */
export function isComplete(_view: EvidenceView, response: unknown): boolean {
  return isRecord(response) && (filled(response.optionId) || filled(response.text)) && stringList(response.anchors).length > 0;
}
