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
  | "gone"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited";

const statusByCode: Record<AppErrorCode, number> = {
  unauthorized: 401,
  expired: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  /** A one-time link already used, expired or replaced. */
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
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

/** "Too many attempts": carries how long to wait, for the message and a Retry-After header. */
export class RateLimitedError extends AppError {
  override name = "RateLimitedError";
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", tooManyAttempts(retryAfterSeconds));
  }
}

/** "Too many attempts. Try again in 4 minutes." Rounded up, so the wait is never understated. */
export function tooManyAttempts(retryAfterSeconds: number): string {
  return `Too many attempts. Try again in ${waitPhrase(retryAfterSeconds)}.`;
}

export function waitPhrase(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (s < 60) return unit(s, "second");
  if (s < 90 * 60) return unit(Math.ceil(s / 60), "minute");
  return unit(Math.ceil(s / 3600), "hour");
}

export const SIGN_IN_REQUIRED = "Please sign in to continue.";
export const SESSION_EXPIRED = "Your session has expired. Please sign in again; nothing you saved has been lost.";
