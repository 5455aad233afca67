/**
 * Reading a response that arrives loosely typed (from the browser, or this device's offline copy)
 * without trusting its shape. Shared by every type's complete.ts. Pure and small: the quiz player
 * imports it.
 */
import { isBlank } from "./normalize";

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
export const filled = (v: unknown): boolean => typeof v === "string" && !isBlank(v);
export const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
