/**
 * The authorization matrix for server actions: one test per row of matrix.ts and role. Each
 * action's id is read from the page that renders its form, as anyone who loads that page can, and
 * the action is then called the way React's client calls it, with realistic, valid arguments, so
 * only authorization can stop it. A refused call must say why (its code) and change nothing the
 * data's owner can see; an allowed call must take effect.
 */
import { expect } from "@playwright/test";
import { actionIdOn, callAction, expectNoInternals, formData, observe, sessionEmail, test, type ActionResult, type Authz } from "./harness.ts";
import { actionRows, type ActionArgs, type ActionRow, type Outcome } from "./matrix.ts";
import { leaksTo, outcomeLabel } from "./verdicts.ts";
import { roleLabel, roles, users, WORLD_PASSWORD, type Role, type SignedInRole } from "./world.ts";

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
        const id = await actionId(authz, row);
        const probe = row.effect?.probe;
        const before = probe ? (seen.get(`${probe.as} ${probe.path}`) ?? (await look(authz, probe))) : null;

        // A client of its own, so an action that signs in or out changes no other test's cookies.
        const client = await authz.fresh(role, row.linkToken?.(role));
        const result = await callAction(client, authz.baseURL, postPath(row), id, encodeArgs(row.args(role))).finally(() => client.dispose());
        const where = `${name}${row.what ? ` (${row.what})` : ""} as ${role}`;
        expectNoInternals(result.body, where);
        if (expected === "ok") seen.clear();
        expectActionOutcome(row, expected, result, where);
        if (expected === "ok") row.allowed?.(result, role);
        else {
          // A refusal says why and nothing more (an allowed call answers with its page for whoever it made the caller, which routes.spec covers)...
          expect(leaksTo(role, result.body), `${where}: facts ${role} may not see`).toEqual([]);
          // ...and never carries a one-time link.
          expect(result.body, `${where}: a one-time link in a refusal`).not.toMatch(/\/link\/[\w-]{43}/);
        }
        if (expected === "ok" && row.sessions && role !== "anonymous") await afterSessionsEnded(authz, row, role, id);

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

/** The id from the page the row names, opened as its rightful user would (with a one-time link's cookie, if the row says so). */
async function actionId(authz: Authz, row: ActionRow): Promise<string> {
  const { as, path, linkToken } = row.foundOn;
  if (!linkToken) return actionIdOn(authz.as[as], as, path, row.action);
  const ctx = await authz.fresh(as, linkToken);
  return actionIdOn(ctx, `${as} with a one-time link`, path, row.action).finally(() => ctx.dispose());
}

/**
 * The caller signed out, or changed their password: their session is over and everyone else's
 * is not. Then the caller signs in again (and a changed password is changed back), so the next
 * tests find the world as it was.
 */
async function afterSessionsEnded(authz: Authz, row: ActionRow, role: SignedInRole, id: string) {
  expect(await sessionEmail(authz.as[role]), `${row.action} as ${role}: the caller's session has ended`).toBeNull();
  for (const other of roles) {
    if (other === "anonymous" || other === role) continue;
    // The session endpoint alone (it checks the session row, as the pages do): four page loads fewer per call.
    expect(await sessionEmail(authz.as[other], { crossCheck: false }), `${row.action} as ${role}: ${other} is still signed in`).toBe(users[other].email);
  }
  const { password, undo } = row.sessions!;
  await authz.renew(role, password);
  if (!undo) return;
  const client = await authz.fresh(role);
  const back = await callAction(client, authz.baseURL, postPath(row), id, encodeArgs(undo(role))).finally(() => client.dispose());
  expectActionOutcome(row, "ok", back, `${row.action} as ${role}, undone`);
  await authz.renew(role, WORLD_PASSWORD);
}

/** The code a refusing action returns, or the redirect that stands for it. */
function expectActionOutcome(row: ActionRow, expected: Outcome, r: ActionResult, where: string) {
  expect(r.status, `${where}: the action answered`).toBe(200);
  const value = r.value as { ok?: boolean; code?: string } | undefined;
  const summary = r.redirect ? `redirect to ${r.redirect}` : JSON.stringify(value);
  if (expected === "ok") {
    if (row.okRedirect) expect(r.redirect, `${where}: allowed, so sent on`).toMatch(row.okRedirect);
    else if (r.redirect) {
      expect(r.redirect, `${where}: allowed, but sent to sign in`).not.toMatch(/^\/login/);
      if (row.refusalRedirect) expect(r.redirect, `${where}: allowed, but refused`).not.toMatch(row.refusalRedirect);
    } else expect(value?.ok, `${where}: allowed, but got ${summary}`).toBe(true);
    return;
  }
  if (r.redirect) {
    if (row.okRedirect) expect(r.redirect, `${where}: refused, but sent on as if allowed`).not.toMatch(row.okRedirect);
    if (expected === "login") expect(r.redirect, where).toMatch(/^\/login(?:\?|$)/);
    else expect(r.redirect, `${where}: refused by redirecting`).toMatch(row.refusalRedirect ?? /^$/);
    return;
  }
  const code = { login: "unauthorized", "403": "forbidden", "404": "not_found", "409": "conflict", "410": "gone" }[expected];
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
