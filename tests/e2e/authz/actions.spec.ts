/**
 * The authorization matrix for server actions: one test per row of matrix.ts and role. Each
 * action's id is read from the page that renders its form, as anyone who loads that page can, and
 * the action is then called the way React's client calls it, with realistic, valid arguments, so
 * only authorization can stop it. A refused call must say why (its code) and change nothing the
 * data's owner can see; an allowed call must take effect.
 */
import { expect } from "@playwright/test";
import { actionIdOn, callAction, expectNoInternals, formData, observe, test, type ActionResult, type Authz } from "./harness.ts";
import { actionRows, type ActionArgs, type ActionRow, type Outcome } from "./matrix.ts";
import { leaksTo, outcomeLabel } from "./verdicts.ts";
import { roleLabel, roles, type Role } from "./world.ts";

function encodeArgs(args: ActionArgs): unknown[] {
  if ("raw" in args) return args.raw;
  return args.prevState === false ? [formData(args.form)] : [{ ok: false }, formData(args.form)];
}

const postPath = (row: ActionRow) => row.foundOn.path.split("?")[0]!;

/**
 * What each probe showed after the last refused call. A refused call must change nothing, so that
 * is also what the next test's "before" would read, and the matrix skips one page load per refusal.
 * Any allowed call may change anything: it clears the lot. (A failed test restarts the worker, and
 * with it this map.)
 */
const seen = new Map<string, string>();
async function look(authz: Authz, probe: { as: Role; path: string }): Promise<string> {
  const text = await observe(authz.as[probe.as], probe.path);
  seen.set(`${probe.as} ${probe.path}`, text);
  return text;
}

for (const row of actionRows) {
  const [file, name] = row.action.split("#");
  test.describe(`action ${name} (${file})${row.what ? ` · ${row.what}` : ""}`, () => {
    roles.forEach((role, i) => {
      const expected = row.expect[i]!;
      test(`as ${roleLabel[role]} → ${outcomeLabel(expected, "action")}`, async ({ authz }) => {
        const id = await actionIdOn(authz.as[row.foundOn.as], row.foundOn.as, row.foundOn.path, row.action);
        const probe = row.effect?.probe;
        const before = probe ? (seen.get(`${probe.as} ${probe.path}`) ?? (await look(authz, probe))) : null;

        // A client of its own, so an action that signs in or out changes no other test's cookies.
        const client = await authz.fresh(role);
        const result = await callAction(client, authz.baseURL, postPath(row), id, encodeArgs(row.args(role))).finally(() => client.dispose());
        const where = `${name}${row.what ? ` (${row.what})` : ""} as ${role}`;
        expectNoInternals(result.body, where);
        if (expected === "ok") seen.clear();
        expectActionOutcome(row, expected, result, where);
        if (expected === "ok") row.allowed?.(result, role);
        // A refusal says why and nothing more. (An allowed call answers with its page for whoever it made the caller, which routes.spec covers.)
        else expect(leaksTo(role, result.body), `${where}: facts ${role} may not see`).toEqual([]);

        if (probe && before !== null) {
          const after = await look(authz, probe);
          const marker = row.effect?.marker?.(role);
          if (expected !== "ok") {
            expect(after, `${where} was refused, so ${probe.path} is as it was`).toBe(before);
          } else if (marker) {
            expect(after, `${where}: ${probe.path} shows the change`).toContain(marker);
          } else if (row.effect?.allowedWithoutChange?.includes(role)) {
            expect(after, `${where}: changes nothing`).toBe(before);
          } else {
            expect(after, `${where}: ${probe.path} changed`).not.toBe(before);
          }
        }
      });
    });
  });
}

/** The code a refusing action returns, or the redirect that stands for it. */
function expectActionOutcome(row: ActionRow, expected: Outcome, r: ActionResult, where: string) {
  expect(r.status, `${where}: the action answered`).toBe(200);
  const value = r.value as { ok?: boolean; code?: string } | undefined;
  const summary = r.redirect ? `redirect to ${r.redirect}` : JSON.stringify(value);
  if (expected === "ok") {
    if (r.redirect) {
      expect(r.redirect, `${where}: allowed, but sent to sign in`).not.toMatch(/^\/login/);
      if (row.refusalRedirect) expect(r.redirect, `${where}: allowed, but refused`).not.toMatch(row.refusalRedirect);
    } else expect(value?.ok, `${where}: allowed, but got ${summary}`).toBe(true);
    return;
  }
  if (r.redirect) {
    if (expected === "login") expect(r.redirect, where).toMatch(/^\/login\?/);
    else expect(r.redirect, `${where}: refused by redirecting`).toMatch(row.refusalRedirect ?? /^$/);
    return;
  }
  const code = { login: "unauthorized", "403": "forbidden", "404": "not_found" }[expected];
  expect(value, `${where}: expected a refusal with code "${code}", got ${summary}`).toMatchObject({ ok: false, code });
}

test.describe("server actions from another site", () => {
  test("a cross-origin call with the owner's cookies is refused and changes nothing", async ({ authz }) => {
    const row = actionRows.find((r) => r.action.endsWith("#updateQuizSettingsAction"))!;
    const id = await actionIdOn(authz.as.owner, "owner", row.foundOn.path, row.action);
    const args = row.args("owner");
    if (!("form" in args)) throw new Error("updateQuizSettingsAction takes a form");
    const title = "Renamed from another site";
    const probe = row.effect!.probe;
    const before = await observe(authz.as.owner, probe.path);
    const result = await callAction(authz.as.owner, authz.baseURL, postPath(row), id, encodeArgs({ ...args, form: { ...args.form, title } }), "https://evil.example");
    // Next refuses a Server Action whose Origin is not the app's own host (its CSRF check).
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.redirect).toBeNull();
    expectNoInternals(result.body, "a cross-origin action");
    const after = await observe(authz.as.owner, probe.path);
    expect(after).toBe(before);
    expect(after).not.toContain(title);
  });
});
