/**
 * The authorization matrix for pages and route handlers: one test per row of matrix.ts and role,
 * asked over HTTP with that role's cookies against the running app.
 */
import { expect } from "@playwright/test";
import { expectNoInternals, observe, test } from "./harness.ts";
import { routeRows, type Outcome, type RouteRow } from "./matrix.ts";
import { roleLabel, roles } from "./world.ts";
import { leaksTo, outcomeLabel } from "./verdicts.ts";

for (const row of routeRows) {
  test.describe(`${row.method} ${row.route}${row.what ? ` · ${row.what}` : ""}`, () => {
    roles.forEach((role, i) => {
      const expected = row.expect[i]!;
      const okRedirect = typeof row.okRedirect === "function" ? row.okRedirect(role) : row.okRedirect;
      test(`as ${roleLabel[role]} → ${outcomeLabel(expected, row.kind === "page" ? "page" : "handler", okRedirect, row.okStatus)}`, async ({ authz }) => {
        const before = row.effect ? await observe(authz.as[row.effect.probe.as], row.effect.probe.path) : null;
        // A client of its own, so cookies a response sets (a one-time link's) reach no other test.
        const client = await authz.fresh(role);
        const { res, body } = await client
          .fetch(row.path, {
            method: row.method,
            maxRedirects: 0,
            ...(row.json ? { data: row.json(role) } : {}),
            ...(row.form ? { form: row.form(role) } : {}),
            ...(row.csv ? { data: row.csv(role), headers: { "Content-Type": "text/csv; charset=utf-8" } } : {}),
          })
          .then(async (res) => ({ res, body: await res.text() }))
          .finally(() => client.dispose());
        const where = `${row.method} ${row.path} as ${role}`;
        expectNoInternals(body, where);
        expectOutcome(row, okRedirect, expected, { status: res.status(), headers: res.headers(), body }, authz.baseURL, where);
        if (expected === "ok") row.check?.({ status: res.status(), body, headers: res.headers() }, role);
        // The session endpoint answers with one's own email, which is no leak.
        if (row.route !== "/api/auth/[...nextauth]") expect(leaksTo(role, body), `${where}: facts ${role} may not see`).toEqual([]);
        if (expected !== "ok") expect(body, `${where}: a one-time link in a refusal`).not.toMatch(/\/link\/[\w-]{43}/);

        if (row.effect && before !== null) {
          const after = await observe(authz.as[row.effect.probe.as], row.effect.probe.path);
          const marker = row.effect.marker?.(role);
          if (expected === "ok") {
            if (marker) expect(after, `${where}: ${row.effect.probe.path} shows what was sent`).toContain(marker);
            else expect(after, `${where}: ${row.effect.probe.path} changed`).not.toBe(before);
          } else {
            expect(after, `${where} was refused, so ${row.effect.probe.path} is as it was`).toBe(before);
            if (marker) expect(after).not.toContain(marker);
          }
        }
      });
    });
  });
}

function expectOutcome(row: RouteRow, okRedirect: RegExp | undefined, expected: Outcome, res: { status: number; headers: Record<string, string>; body: string }, baseURL: string, where: string) {
  const location = res.headers.location ? new URL(res.headers.location, baseURL) : null;
  const target = location ? `${location.pathname}${location.search}${location.hash}` : null;
  switch (expected) {
    case "ok":
      if (okRedirect) {
        expect([302, 303, 307, 308], `${where}: redirects`).toContain(res.status);
        expect(target, `${where}: redirects to`).toMatch(okRedirect);
      } else expect(res.status, where).toBe(row.okStatus ?? 200);
      return;
    case "login":
      if (row.kind === "page") {
        expect(res.status, `${where}: redirects to sign in`).toBe(307);
        expect(target, `${where}: redirects to sign in, then back`).toBe(`/login?callbackUrl=${encodeURIComponent(row.path)}`);
      } else {
        expect(res.status, where).toBe(401);
        expect(JSON.parse(res.body), where).toMatchObject({ error: { code: "unauthorized" } });
      }
      return;
    case "403":
    case "404":
    case "409":
    case "410":
      expect(res.status, where).toBe(Number(expected));
      if (row.kind !== "handler") return;
      if (row.htmlRefusals) expect(res.headers["content-type"], `${where}: a page saying why`).toMatch(/^text\/html/);
      else expect(JSON.parse(res.body), where).toMatchObject({ error: { code: { "403": "forbidden", "404": "not_found", "409": "conflict", "410": "gone" }[expected] } });
      return;
  }
}
