/**
 * What the benchmarks need to act as a browser over plain HTTP: sign in through Auth.js's
 * credentials flow (CSRF token, then the callback), carrying cookies.
 */

/** Cookies as a browser keeps them: set by responses, sent back on every request. */
export class CookieJar {
  readonly #cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      this.#cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  has(predicate: (name: string) => boolean): boolean {
    return [...this.#cookies.keys()].some(predicate);
  }
  header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export class SignInFailed extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`sign-in failed: HTTP ${status} ${detail}`);
  }
}

/** Signs in with email and password as the login form does; returns the Cookie header to send from then on. */
export async function signIn(base: string, email: string, password: string, jar = new CookieJar()): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  if (!csrfRes.ok) throw new SignInFailed(csrfRes.status, "(csrf)");
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  jar.take(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/dashboard` }),
  });
  await res.arrayBuffer();
  jar.take(res);
  if (!jar.has((k) => k.includes("session-token"))) throw new SignInFailed(res.status, res.headers.get("location") ?? "");
  return jar.header();
}
