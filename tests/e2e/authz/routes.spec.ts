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
      test(`as ${roleLabel[role]} → ${outcomeLabel(expected, row.kind === "page" ? "page" : "handler", row.okRedirect)}`, async ({ authz }) => {
        const before = row.effect ? await observe(authz.as[row.effect.probe.as], row.effect.probe.path) : null;
        const res = await authz.as[role].fetch(row.path, {
          method: row.method,
          maxRedirects: 0,
          ...(row.json ? { data: row.json(role) } : {}),
          ...(row.form ? { form: row.form(role) } : {}),
        });
        const body = await res.text();
        const where = `${row.method} ${row.path} as ${role}`;
        expectNoInternals(body, where);
        expectOutcome(row, expected, { status: res.status(), headers: res.headers(), body }, authz.baseURL, where);
        if (expected === "ok") row.check?.({ status: res.status(), body, headers: res.headers() }, role);
        // The session endpoint answers with one's own email, which is no leak.
        if (row.route !== "/api/auth/[...nextauth]") expect(leaksTo(role, body), `${where}: facts ${role} may not see`).toEqual([]);

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

function expectOutcome(row: RouteRow, expected: Outcome, res: { status: number; headers: Record<string, string>; body: string }, baseURL: string, where: string) {
  const location = res.headers.location ? new URL(res.headers.location, baseURL) : null;
  const target = location ? `${location.pathname}${location.search}${location.hash}` : null;
  switch (expected) {
    case "ok":
      if (row.okRedirect) {
        expect([302, 303, 307, 308], `${where}: redirects`).toContain(res.status);
        expect(target, `${where}: redirects to`).toMatch(row.okRedirect);
      } else expect(res.status, where).toBe(200);
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
      expect(res.status, where).toBe(Number(expected));
      if (row.kind === "handler") expect(JSON.parse(res.body), where).toMatchObject({ error: { code: expected === "403" ? "forbidden" : "not_found" } });
      return;
  }
}
