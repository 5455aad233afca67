/**
 * The guard on the matrix: a route in app/ (page.tsx, route.ts and each HTTP method it exports),
 * an exported server action in lib/actions, or any server action in the build that has no row in
 * matrix.ts fails here, and so does a row for something that no longer exists.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { buildActions, expectNoInternals } from "./harness.ts";
import { actionRows, routeRows } from "./matrix.ts";
import { leaksTo } from "./verdicts.ts";
import { users, W } from "./world.ts";

const root = path.resolve(__dirname, "../../..");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** The HTTP methods a route handler exports, however it spells the export. */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s+(\w+)\s*=/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}\s*=/g)) for (const name of m[1]!.split(",")) found.add(name.split(":").pop()!.trim());
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const name of m[1]!.split(",")) found.add(name.split(/\s+as\s+/).pop()!.trim());
  return HTTP_METHODS.filter((method) => found.has(method));
}

/** "app/(app)/classes/[classId]/page.tsx" → "/classes/[classId]": route groups and parallel-route slots leave no trace in the URL. */
function routeOf(file: string): string {
  const segments = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).filter((s) => s !== "" && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

/** Every page and every route handler method in app/, as "METHOD /route". */
function appRoutes(): Map<string, "page" | "handler"> {
  const routes = new Map<string, "page" | "handler">();
  for (const file of walk(path.join(root, "app"))) {
    const base = path.basename(file);
    if (/^page\.[jt]sx?$/.test(base)) routes.set(`GET ${routeOf(file)}`, "page");
    if (/^route\.[jt]sx?$/.test(base)) {
      const methods = exportedMethods(fs.readFileSync(file, "utf8"));
      expect(methods, `${path.relative(root, file)} exports no HTTP method the guard can see`).not.toEqual([]);
      for (const method of methods) routes.set(`${method} ${routeOf(file)}`, "handler");
    }
  }
  return routes;
}

/** Every exported function of a "use server" file in lib/actions, as "lib/actions/x.ts#name". */
function exportedActions(): string[] {
  const dir = path.join(root, "lib/actions");
  return fs
    .readdirSync(dir)
    .filter((f) => /\.[jt]sx?$/.test(f))
    .flatMap((f) => {
      const source = fs.readFileSync(path.join(dir, f), "utf8");
      if (!/^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source)) return [];
      // Every value a "use server" file exports is a server action: `async function`, or a const
      // holding one (an async arrow, or what formAction() returns).
      const names = [...source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)|export\s+const\s+(\w+)\s*=/g)].map((m) => m[1] ?? m[2]!);
      return names.map((name) => `lib/actions/${f}#${name}`);
    });
}

const patternOf = (route: string) => new RegExp(`^${route.replace(/\[\.\.\.[^\]]+\]/g, ".+").replace(/\[[^\]]+\]/g, "[^/?#]+")}(?:[?#].*)?$`);

test.describe("the authorization matrix covers the app", () => {
  test("every page and route handler method in app/ has a row, and every row a route", () => {
    const inApp = appRoutes();
    const inTable = new Set(routeRows.map((r) => `${r.method} ${r.route}`));
    expect([...inApp.keys()].filter((r) => !inTable.has(r)), "routes in app/ without a row in tests/e2e/authz/matrix.ts").toEqual([]);
    expect([...inTable].filter((r) => !inApp.has(r)), "rows in tests/e2e/authz/matrix.ts for routes that are not in app/").toEqual([]);
    for (const row of routeRows) {
      expect(row.kind, `${row.method} ${row.route}: page or route handler`).toBe(inApp.get(`${row.method} ${row.route}`));
      expect(row.path, `${row.method} ${row.route}: the address asked for is one of this route's`).toMatch(patternOf(row.route));
    }
  });

  test("every server action exported from lib/actions has a row, and every row an action", () => {
    const exported = exportedActions();
    expect(exported.length, "the guard found the actions").toBeGreaterThan(10);
    const inTable = new Set(actionRows.map((r) => r.action));
    expect(exported.filter((a) => !inTable.has(a)), "server actions in lib/actions without a row in tests/e2e/authz/matrix.ts").toEqual([]);
    expect([...inTable].filter((a) => !exported.includes(a)), "rows in tests/e2e/authz/matrix.ts for actions that are not exported from lib/actions").toEqual([]);
  });

  test("every server action in the build has a row (inline ones and any outside lib/actions too)", () => {
    const inBuild = [...buildActions().values()].map((e) => `${e.filename}#${e.exportedName}`);
    expect(inBuild.length, "the build's server actions").toBeGreaterThan(10);
    const inTable = new Set(actionRows.map((r) => r.action));
    expect(inBuild.filter((a) => !inTable.has(a)), "server actions of .next without a row in tests/e2e/authz/matrix.ts (rebuild if you just removed one)").toEqual([]);
  });

  test("the guard sees route handler exports however they are written", () => {
    expect(exportedMethods("export async function GET() {}\nexport function PUT() {}")).toEqual(["GET", "PUT"]);
    expect(exportedMethods("export const { GET, POST } = handlers;")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export const DELETE = async () => {};")).toEqual(["DELETE"]);
    expect(exportedMethods("export { handler as GET, handler as HEAD };")).toEqual(["GET", "HEAD"]);
    expect(exportedMethods("export const dynamic = 'force-dynamic';")).toEqual([]);
  });

  test("the leak check recognises stack traces, file paths and database errors", () => {
    const leaky = [
      "Error: boom\n    at loadQuiz (/srv/dossier/lib/data/quizzes.ts:12:5)\n    at async Page (/srv/dossier/.next/server/app/page.js:1:200)",
      "    at Object.<anonymous> (file:///srv/dossier/lib/x.mjs:3:9)",
      '{"message":"TypeError: x is undefined (/srv/dossier/lib/quiz/snapshot.ts:40)"}',
      "Invalid `prisma.quiz.findUnique()` invocation: the database is locked",
      `the app lives in ${path.resolve(__dirname, "../../..")}`,
    ];
    for (const body of leaky) expect(() => expectNoInternals(body, "a sample"), body).toThrow();
    expectNoInternals("<main><h1>Forbidden</h1><p>This quiz belongs to another instructor. Look at what they are teaching.</p></main>", "a plain refusal");
  });

  test("the private-facts check knows who may see what", () => {
    const rosterPage = `<main><p>${W.classCode}</p><td>${users.student.email}</td><a>${W.quizTitle}</a></main>`;
    expect(leaksTo("owner", rosterPage)).toEqual([]);
    expect(leaksTo("classmate", rosterPage)).toEqual(["the class's join code", "the student's email"]);
    expect(leaksTo("student", rosterPage)).toEqual(["the class's join code"]);
    // Facts are found as substrings: no one's email may contain another's (one's own page would "leak" it).
    const emails = Object.values(users).map((u) => u.email);
    for (const a of emails) for (const b of emails) if (a !== b) expect(a.includes(b), `${a} contains ${b}`).toBe(false);
    expect(leaksTo("otherInstructor", rosterPage)).toEqual(["the class's join code", "the student's email", "the class's quiz"]);
  });
});
