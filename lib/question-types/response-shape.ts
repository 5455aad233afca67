import type { QuestionTypeId } from "./ids";
import type { ResponseOf } from "./schemas";

/**
 * Whether a value has the shape of a type's response, as `responseSchemas` in ./schemas.ts
 * defines it (unknown keys allowed, as zod's objects allow them). For the browser: the quiz
 * player checks answers kept on the device before showing them, and this spares it zod's weight.
 * The server still parses every answer with zod; a unit test keeps the two in agreement.
 */
export function hasResponseShape<T extends QuestionTypeId>(type: T, value: unknown): value is ResponseOf<T> {
  if (!isObject(value)) return false;
  switch (type) {
    case "multiple-choice":
      return isOptionId(value.optionId);
    case "multiple-response":
      return isList(value.optionIds, 12, isOptionId);
    case "true-false":
      return typeof value.value === "boolean";
    case "short-answer":
      return isText(value.text, 500);
    case "numeric":
      return typeof value.value === "number" && Number.isFinite(value.value);
    case "ordering":
      return isList(value.order, 12, isOptionId);
    case "matching":
      return isObject(value.matches) && !Array.isArray(value.matches) && Object.entries(value.matches).every(([k, v]) => isOptionId(k) && isText(v, 300));
    case "essay":
      return isText(value.text, 50_000);
    case "evidence":
      return (value.optionId === undefined || isOptionId(value.optionId)) && (value.text === undefined || isText(value.text, 500)) && isList(value.anchors, 20, isAnchor);
  }
  return false;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isOptionId = (v: unknown) => typeof v === "string" && /^[a-z0-9-]{1,40}$/.test(v);
const isAnchor = (v: unknown) => typeof v === "string" && /^p-\d{1,4}$/.test(v);
const isText = (v: unknown, max: number) => typeof v === "string" && v.length <= max;
const isList = (v: unknown, max: number, each: (x: unknown) => boolean) => Array.isArray(v) && v.length <= max && v.every(each);
