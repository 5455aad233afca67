import { describe, expect, it } from "vitest";
import { z } from "zod";
import { failed, invalid } from "@/lib/actions/form-state";
import { AppError, RateLimitedError, type AppErrorCode } from "@/lib/errors";

describe("an action's refusal says why with a code", () => {
  it("carries the typed error's code and message", () => {
    expect(failed(new AppError("forbidden", "This quiz belongs to another instructor."), { title: "x" })).toEqual({
      ok: false,
      code: "forbidden",
      message: "This quiz belongs to another instructor.",
      fieldErrors: {},
      values: { title: "x" },
    });
    expect(failed(new AppError("unauthorized", "Please sign in to continue."), {}).code).toBe("unauthorized");
    expect(failed(new AppError("not_found", "There is no such quiz."), {}).code).toBe("not_found");
  });

  it("passes every code of lib/errors.ts through, the used link's 410 and the limits' 413, 415 and 429 too", () => {
    // Every code, so one added to lib/errors.ts is a compile error here until it is listed.
    const every: Record<AppErrorCode, true> = { unauthorized: true, expired: true, forbidden: true, not_found: true, invalid: true, conflict: true, gone: true, payload_too_large: true, unsupported_media_type: true, rate_limited: true };
    for (const code of Object.keys(every) as AppErrorCode[]) expect(failed(new AppError(code, "Why."), {}).code).toBe(code);
    const limited = failed(new RateLimitedError(90), {});
    expect(limited).toMatchObject({ ok: false, code: "rate_limited", message: "Too many attempts. Try again in 2 minutes." });
  });

  it("says 'server' for anything unexpected, without its message", () => {
    const state = failed(new Error("SQLITE_BUSY: database is locked at /srv/app/db.ts:12"), {});
    expect(state.code).toBe("server");
    expect(state.message).not.toMatch(/SQLITE|\/srv/);
  });

  it("says 'invalid' for a form that does not validate", () => {
    const error = z.object({ name: z.string().min(1) }).safeParse({ name: "" }).error!;
    expect(invalid(error, { name: "" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { name: [expect.any(String)] } });
  });
});
