/**
 * Typed errors for everything a user can cause. Pages turn them into 401/403/404 responses,
 * actions into a message beside the form, route handlers into JSON with the right status.
 * Anything else is a bug: it is logged and the user sees a plain apology, never a stack trace.
 */
export type AppErrorCode =
  | "unauthorized"
  | "expired"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type";

const statusByCode: Record<AppErrorCode, number> = {
  unauthorized: 401,
  expired: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
};

export class AppError extends Error {
  override name = "AppError";
  readonly status: number;
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.status = statusByCode[code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export const SIGN_IN_REQUIRED = "Please sign in to continue.";
export const SESSION_EXPIRED = "Your session has expired. Please sign in again; nothing you saved has been lost.";
