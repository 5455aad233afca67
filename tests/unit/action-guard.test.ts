import { describe, expect, it } from "vitest";
import { checkActionRequest } from "@/lib/http/action-guard";

const ID = "60620860257742c66398d75afe92c3b6f22d155312";
const LIMIT = 64 * 1024;
const HOST = { host: "dossier.test", "x-forwarded-host": "dossier.test" };

function request(init: { method?: string; headers?: Record<string, string>; body?: BodyInit | null }) {
  return new Request("http://dossier.test/login", { method: init.method ?? "POST", headers: { ...HOST, ...init.headers }, body: init.body ?? null, duplex: "half" } as RequestInit);
}
const fetchAction = (body: BodyInit, headers: Record<string, string> = {}) =>
  request({ headers: { "next-action": ID, "content-type": "text/plain;charset=UTF-8", ...headers }, body });

function multipart(fields: [string, string][], boundary = "b0undary") {
  return {
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body: fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`,
  };
}

const check = (r: Request) => checkActionRequest(r, LIMIT).then((x) => x?.status ?? "passed");

describe("checkActionRequest lets real requests through", () => {
  it("reads, and requests that are not actions", async () => {
    expect(await check(request({ method: "GET" }))).toBe("passed");
    expect(await check(request({ method: "HEAD" }))).toBe("passed");
    expect(await check(request({ headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" }))).toBe("passed");
  });

  it("a fetch action with JSON arguments (what encodeReply sends for simple values)", async () => {
    expect(await check(fetchAction("[]"))).toBe("passed");
    expect(await check(fetchAction('["cm1abc"]', { origin: "http://dossier.test" }))).toBe("passed");
  });

  it("a fetch action with a form (useActionState: the previous state and the form)", async () => {
    const { headers, body } = multipart([["1_email", "ben@dossier.test"], ["1_password", "x"], ["0", '[{"ok":false},"$K1"]']]);
    expect(await check(request({ headers: { "next-action": ID, ...headers }, body }))).toBe("passed");
  });

  it("a form posted without JavaScript, with and without bound arguments", async () => {
    const bound = multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", `{"id":"${ID}","bound":"$@1"}`], ["$ACTION_1:1", '[{"ok":false}]'], ["$ACTION_KEY", "k1"], ["email", "x"]]);
    expect(await check(request(bound))).toBe("passed");
    const plain = multipart([[`$ACTION_ID_${ID}`, ""], ["quizAssignmentId", "abc"]]);
    expect(await check(request(plain))).toBe("passed");
  });

  it("a body of exactly the limit", async () => {
    expect(await check(fetchAction(`["${"x".repeat(LIMIT - 4)}"]`))).toBe("passed");
  });
});

describe("checkActionRequest refuses malformed ones with a 4xx", () => {
  it.each([
    ["a garbled action id", { "next-action": "not-an-id" }, 400],
    ["an empty action id", { "next-action": "" }, 400],
    ["two action ids", { "next-action": `${ID}, ${ID}` }, 400],
    ["an action from another site", { origin: "https://evil.example" }, 403],
    ["an Origin that is not a URL", { origin: "not a url" }, 403],
    ["Origin: null (a sandboxed frame)", { origin: "null" }, 403],
    ["a JSON body", { "content-type": "application/json" }, 415],
    ["no content type", { "content-type": "" }, 415],
    ["UTF-16 text", { "content-type": "text/plain; charset=utf-16" }, 415],
    ["multipart without a boundary", { "content-type": "multipart/form-data" }, 400],
    ["a Content-Length that is not a number", { "content-length": "12abc" }, 400],
  ])("%s", async (_name, headers, status) => {
    expect(await check(fetchAction("[]", headers as Record<string, string>))).toBe(status);
  });

  it.each([
    ["not JSON", "{not json"],
    ["empty", ""],
    ["a string, not a list of arguments", '"hello"'],
    ["1001 arguments", JSON.stringify(Array(1001).fill(0))],
    ["nested deeper than any form", "[".repeat(100) + "]".repeat(100)],
  ])("arguments that are %s: 400", async (_name, body) => {
    expect(await check(fetchAction(body))).toBe(400);
  });

  it("bytes that are not UTF-8: 400", async () => {
    expect(await check(fetchAction(new Uint8Array([0x5b, 0xff, 0x5d])))).toBe(400);
  });

  it.each([
    ["a body that is not multipart", { body: "just text" }],
    ["no root field", multipart([["1_email", "x"]])],
    ["a root that is not JSON", multipart([["0", "{nope"]])],
    ["a truncated body", { body: multipart([["0", "[]"]]).body.slice(0, 30) }],
  ])("a fetch action's form with %s: 400", async (_name, { body }) => {
    expect(await check(request({ headers: { "next-action": ID, "content-type": "multipart/form-data; boundary=b0undary" }, body }))).toBe(400);
  });

  it.each([
    ["garbage", { body: "garbage" }],
    ["a descriptor that is not JSON", multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", "{bad"]])],
    ["a descriptor without an id", multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"bound":null}']])],
    ["bound arguments that are not there", multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", `{"id":"${ID}","bound":"$@9"}`]])],
    ["bound arguments that are not a list", multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", `{"id":"${ID}","bound":"$@1"}`], ["$ACTION_1:1", '"x"']])],
  ])("a form posted without JavaScript with %s: 400", async (_name, { body }) => {
    expect(await check(request({ headers: { "content-type": "multipart/form-data; boundary=b0undary" }, body }))).toBe(400);
  });

  it("a declared length over the limit: 413 before reading", async () => {
    expect(await check(fetchAction("[]", { "content-length": String(LIMIT + 1) }))).toBe(413);
  });

  it("a body without a length that turns out too long: 413, counted as it streams", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulled++ === 1000) return c.close();
        c.enqueue(new Uint8Array(1024).fill(0x20));
      },
    });
    expect(await check(fetchAction(stream))).toBe(413);
    expect(pulled).toBeLessThan(LIMIT / 1024 + 3);
  });
});
