import { notFound } from "next/navigation";
import type { z } from "zod";
import { isAppError, type AppErrorCode } from "@/lib/errors";

/**
 * What every form action returns: a message, errors per field, and the values to show again.
 * `code` says why a refusal happened (the same codes as lib/errors.ts), so a client, or a test
 * calling the action over HTTP, can tell "not yours" from "not valid" without reading the words.
 */
export interface FormState {
  ok: boolean;
  code?: AppErrorCode | "server";
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

export const initialFormState: FormState = { ok: false };

export function formValues(form: FormData, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, typeof form.get(k) === "string" ? String(form.get(k)) : ""]));
}

export function invalid(error: z.ZodError, values: Record<string, string>): FormState {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, code: "invalid", message: "Please correct the highlighted fields.", fieldErrors, values };
}

/** Typed errors become a message for the person; anything else is logged and apologised for. */
export function failed(e: unknown, values: Record<string, string>): FormState {
  if (isAppError(e)) return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors, values };
  console.error("[action] unexpected error:", e instanceof Error ? e.message : e);
  return { ok: false, code: "server", message: "Something went wrong on our side. Nothing you had saved was lost; please try again.", values };
}

/**
 * Server actions are public endpoints: a hand-made request can pass any arguments, a number or
 * null where the page passes its form. A form action checks it got a form before touching it;
 * anything else is answered as a request for a form that does not exist (404), since Next has no
 * 400 for actions and a TypeError would be a 500.
 */
export function requireForm(form: unknown): asserts form is FormData {
  if (!(form instanceof FormData)) notFound();
}

/** A form field as an optional string: missing, a file, or empty all read as undefined. */
export const optional = (v: FormDataEntryValue | null): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
