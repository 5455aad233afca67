/**
 * What the authorization matrix needs to talk to the running app as an attacker would: a signed-in
 * HTTP client per role (Playwright storageState, signed in once per worker over Auth.js's own
 * endpoints), server actions called the way React's client calls them, and readers for what came
 * back (the action's result, the owner's view of the data, stack traces that must not be there).
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { expect, request as playwrightRequest, test as base, type APIRequestContext } from "@playwright/test";
import { LINK_COOKIE, roles, users, WORLD_PASSWORD, type Role, type SignedInRole } from "./world.ts";

const root = path.resolve(__dirname, "../../..");
const require = createRequire(__filename);

type StorageState = Awaited<ReturnType<APIRequestContext["storageState"]>>;

// ---------------------------------------------------------------- sessions

/** Signs in over HTTP (CSRF token, then the credentials callback) and returns the cookies as storageState. */
async function signInOverHttp(baseURL: string, role: SignedInRole, password = WORLD_PASSWORD): Promise<StorageState> {
  const ctx = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders });
  try {
    const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await ctx.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: users[role].email, password, callbackUrl: "/dashboard" },
      maxRedirects: 0,
    });
    expect(res.status(), `signing in as ${role}`).toBe(302);
    expect(res.headers().location ?? "", `signing in as ${role}`).not.toContain("error");
    const session = (await (await ctx.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
    expect(session?.user?.email, `the session after signing in as ${role}`).toBe(users[role].email);
    return await ctx.storageState();
  } finally {
    await ctx.dispose();
  }
}

export interface Authz {
  baseURL: string;
  /** A long-lived client per role (anonymous has no session). Never used for requests that sign in or out. */
  as: Record<Role, APIRequestContext>;
  /**
   * A throwaway client with the role's cookies (and a one-time link's cookie, if given), for
   * requests that may set cookies, sign in or out; the caller disposes it.
   */
  fresh(role: Role, linkToken?: string): Promise<APIRequestContext>;
  /** Signs the role in again (its sessions were ended), with `password` if it changed; `as[role]` is the new session. */
  renew(role: SignedInRole, password?: string): Promise<void>;
}

/**
 * Whose session a client carries now: the email /api/auth/session answers with, or null. The
 * account page must agree (200 signed in, sent to sign in otherwise): the session endpoint may not
 * name an account whose session has ended.
 */
export async function sessionEmail(ctx: APIRequestContext, { crossCheck = true } = {}): Promise<string | null> {
  const res = await ctx.get("/api/auth/session");
  expect(res.status(), "/api/auth/session").toBe(200);
  const session = (await res.json()) as { user?: { email?: string } } | null;
  const email = session?.user?.email ?? null;
  if (crossCheck) {
    const account = await ctx.get("/account", { maxRedirects: 0 });
    expect(account.status(), `/account agrees with /api/auth/session, which names ${email}`).toBe(email ? 200 : 307);
  }
  return email;
}

// Every request on a new connection: Node's server drops idle keep-alive sockets after 5 s, and a
// request that races that drop fails with ECONNRESET, which is no finding about authorization.
const extraHTTPHeaders = { Connection: "close" };

/** `authz`: the per-role clients, made once per worker (the whole matrix, as the config runs one worker). */
export const test = base.extend<object, { authz: Authz }>({
  authz: [
    async ({}, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      if (!baseURL) throw new Error("The authorization matrix needs use.baseURL in playwright.config.ts.");
      const states: Partial<Record<Role, StorageState>> = {};
      for (const role of roles) if (role !== "anonymous") states[role] = await signInOverHttp(baseURL, role);
      const host = new URL(baseURL).hostname;
      const make = (role: Role, linkToken?: string) => {
        const cookies = [...(states[role]?.cookies ?? [])];
        if (linkToken) cookies.push({ name: LINK_COOKIE.name, value: linkToken, domain: host, path: LINK_COOKIE.path, expires: -1, httpOnly: true, secure: false, sameSite: "Lax" });
        return playwrightRequest.newContext({ baseURL, storageState: { cookies, origins: [] }, extraHTTPHeaders });
      };
      const as = Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await make(r)]))) as Record<Role, APIRequestContext>;
      const renew = async (role: SignedInRole, password?: string) => {
        states[role] = await signInOverHttp(baseURL, role, password);
        const old = as[role];
        as[role] = await make(role);
        await old.dispose();
      };
      await use({ baseURL, as, fresh: make, renew });
      await Promise.all(Object.values(as).map((c) => c.dispose()));
    },
    { scope: "worker" },
  ],
});

// ---------------------------------------------------------------- server actions

interface ManifestEntry {
  filename: string;
  exportedName: string;
  workers: Record<string, unknown>;
}

/** Every server action of the build under test, from Next's own manifest: id → file and export. */
export function buildActions(): Map<string, ManifestEntry> {
  const file = path.join(root, ".next/server/server-reference-manifest.json");
  if (!fs.existsSync(file)) throw new Error("No .next build: run `npx next build` before the end-to-end tests.");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  return new Map(Object.entries(manifest.node));
}

const pageSources = new Map<string, Promise<string>>();

/** A page's HTML and every script it loads: where a browser, or an attacker, finds the action ids. `who` names the client (its role, and any link cookie). */
async function pageAndScripts(ctx: APIRequestContext, who: string, pagePath: string): Promise<string> {
  const key = `${who} ${pagePath}`;
  if (!pageSources.has(key)) {
    pageSources.set(
      key,
      (async () => {
        const res = await ctx.get(pagePath, { maxRedirects: 0 });
        expect(res.status(), `${pagePath} as ${who}, the page the action is found on`).toBe(200);
        const html = await res.text();
        const scripts = [...new Set([...html.matchAll(/\/_next\/static\/chunks\/[\w.-]+\.js/g)].map((m) => m[0]))];
        const bodies = await Promise.all(scripts.map(async (s) => (await ctx.get(s)).text()));
        return [html, ...bodies].join("\n");
      })(),
    );
  }
  return pageSources.get(key)!;
}

/**
 * The id of `file#exportName` as the given page carries it: the build's manifest says which id
 * belongs to the export, and the page (HTML, or one of its scripts) must carry that id, so the
 * request below is one anybody who can load the page can make.
 */
export async function actionIdOn(ctx: APIRequestContext, who: string, pagePath: string, action: string): Promise<string> {
  const [file, exportName] = action.split("#");
  const ids = [...buildActions()].filter(([, e]) => e.filename === file && e.exportedName === exportName).map(([id]) => id);
  expect(ids, `${action} in .next/server/server-reference-manifest.json`).toHaveLength(1);
  const id = ids[0]!;
  expect((await pageAndScripts(ctx, who, pagePath)).includes(id), `${action}'s id (${id}) on ${pagePath} as ${who}`).toBe(true);
  return id;
}

// React's own encoder for server action arguments (FormData travels as "_1_<field>" parts plus
// the root "0"), so the request is byte for byte what the browser sends.
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as { encodeReply: (value: unknown[]) => Promise<string | FormData> };

export type Fields = Record<string, string | readonly string[]>;

export function formData(fields: Fields): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of typeof v === "string" ? [v] : v) fd.append(k, one);
  return fd;
}

export interface ActionResult {
  status: number;
  /** Where the action redirected (Next's x-action-redirect), or null. */
  redirect: string | null;
  /** What the action returned (a FormState and the like), when it returned rather than redirected. */
  value: unknown;
  body: string;
}

/** Calls a server action as React's client does: POST to the page with the Next-Action header. */
export async function callAction(ctx: APIRequestContext, baseURL: string, pagePath: string, actionId: string, args: unknown[], origin = baseURL): Promise<ActionResult> {
  const encoded = await encodeReply(args);
  const headers = { "Next-Action": actionId, Accept: "text/x-component", Origin: origin };
  const res =
    typeof encoded === "string"
      ? await ctx.post(pagePath, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: encoded, maxRedirects: 0 })
      : await ctx.post(pagePath, { headers, multipart: encoded, maxRedirects: 0 });
  const body = await res.text();
  // "/path;push" or "http://host/path;replace": kept as the path on this site.
  const target = res.headers()["x-action-redirect"]?.split(";")[0];
  const url = target ? new URL(target, baseURL) : null;
  const redirect = url ? (url.origin === new URL(baseURL).origin ? `${url.pathname}${url.search}${url.hash}` : url.href) : null;
  return { status: res.status(), redirect, value: redirect ? undefined : flightResult(body), body };
}

/** The action's return value from the RSC payload: row 0 is {"a": "$@<row>"}, that row holds the value. */
function flightResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  try {
    const head = rows.get("0");
    if (!head) return undefined;
    const ref = (JSON.parse(head) as { a?: unknown }).a;
    if (typeof ref !== "string" || !ref.startsWith("$@")) return ref;
    const row = rows.get(ref.slice(2));
    if (row === undefined) return undefined;
    if (row.startsWith("E")) return { thrown: JSON.parse(row.slice(1)) as unknown };
    return JSON.parse(row) as unknown;
  } catch {
    // Not an RSC payload (an error page, say): the caller reports the status and the body.
    return undefined;
  }
}

// ---------------------------------------------------------------- reading responses

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'", nbsp: " " };

/** The words inside <main> (or a non-HTML body as it is): what a person sees, without markup or scripts. */
export function visibleText(body: string): string {
  const main = /<main[\s>][\s\S]*<\/main>/.exec(body)?.[0];
  if (!main) return body;
  return main
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&([a-z0-9#]+);/gi, (m, e: string) => entities[e.toLowerCase()] ?? m)
    .replace(/\s+/g, " ")
    .trim();
}

/** The owner's (or the student's) view of the data a request might have changed. */
export async function observe(ctx: APIRequestContext, path: string): Promise<string> {
  const res = await ctx.get(path, { maxRedirects: 0 });
  expect(res.status(), `probing ${path}`).toBe(200);
  const body = await res.text();
  expectNoInternals(body, `probing ${path}`);
  return visibleText(body);
}

/** No stack frames, file paths with line numbers, database errors or this machine's paths in anything sent back. */
export function expectNoInternals(body: string, what: string) {
  const leaks = [
    /^\s*at [^\n]*\(?(?:\/|file:|node:|webpack)[^\n]*:\d+:\d+\)?\s*$/m,
    /\w*Error: [^\n<"]*(?:\/[\w.@-]+)+\.(?:[cm]?[jt]sx?):\d+/,
    /Invalid `prisma\.|PrismaClient\w*Error|SQLITE_\w+|duplicate key value violates/,
  ];
  for (const leak of leaks) expect(leak.exec(body)?.[0] ?? null, `${what}: internals in the response`).toBeNull();
  expect(body.includes(root), `${what}: the server's file paths in the response`).toBe(false);
}
