/**
 * Hostile and malformed requests aimed at server actions (and a few at the route handlers), shared
 * by the e2e test (tests/e2e/malformed-requests.spec.ts) and the measuring script
 * (tests/bench/malformed-requests.mts). Each one is sent with node:http so nothing in between
 * tidies it up: no header normalisation, chunked bodies without a length, broken multipart.
 *
 * A real action id is read from the sign-in page, so variants reach past "unknown action" into
 * body decoding and into the action itself.
 */
import http from "node:http";

export type Variant = {
  name: string;
  path: string;
  method?: string;
  headers?: Record<string, string | string[]>;
  /** A string or bytes (sent with Content-Length), or chunks (sent chunked, without one). */
  body?: string | Buffer | { chunks: number; chunkBytes: number };
};

export type Sent = { variant: Variant; status: number; body: string; error?: string };

/** Body text that would mean an internal error leaked: a stack frame, a file path, an invariant. */
export const LEAK = /\bat [\w.<>$]+ \([^)]*:\d+:\d+\)|node_modules|\.next\/server|Invariant|TypeError|SyntaxError|\bstack\b/;

export async function readActionIds(baseURL: string): Promise<{ signIn: string; signUp: string }> {
  const id = async (path: string) => {
    const html = await (await fetch(new URL(path, baseURL))).text();
    const m = /\$ACTION_1:0" value="\{&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html);
    if (!m?.[1]) throw new Error(`no server action id found on ${path}`);
    return m[1];
  };
  return { signIn: await id("/login"), signUp: await id("/signup") };
}

const boundary = "----dossierBoundary7MA4YWxkTrZu0gW";
const multipart = (fields: [string, string][], b = boundary) =>
  fields.map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${b}--\r\n`;
const mpHeaders = (b = boundary) => ({ "content-type": `multipart/form-data; boundary=${b}` });

export function malformedVariants(ids: { signIn: string; signUp: string }): Variant[] {
  const a = ids.signIn;
  const fetchAction = (extra: Record<string, string> = {}) => ({ "next-action": a, accept: "text/x-component", ...extra });
  const plain = { "content-type": "text/plain;charset=UTF-8" };
  const validReplyForm = multipart([["1_email", "x@y.z"], ["1_password", "pw"], ["0", '[{"ok":false},"$K1"]']]);
  const mb = (n: number) => "x".repeat(n * 1024 * 1024);
  const variants: Variant[] = [
    // The action id itself.
    { name: "garbled action id", path: "/login", headers: { "next-action": "not-an-id", ...plain }, body: "[]" },
    { name: "unknown 42-hex action id", path: "/login", headers: { "next-action": "00" + "ab".repeat(20), ...plain }, body: "[]" },
    { name: "empty action id", path: "/login", headers: { "next-action": "", ...plain }, body: "[]" },
    { name: "very long action id", path: "/login", headers: { "next-action": "a".repeat(8000), ...plain }, body: "[]" },
    { name: "action id with Latin-1 bytes", path: "/login", headers: { "next-action": "\u00e9\u00e8".repeat(21), ...plain }, body: "[]" },
    { name: "two action id headers", path: "/login", headers: { "next-action": [a, a], ...plain }, body: "[]" },
    { name: "action id on the static home page", path: "/", headers: fetchAction(plain), body: "[]" },
    { name: "action id on the cached reading", path: "/readings/mielke-andropov-1981", headers: fetchAction(plain), body: "[]" },
    { name: "action id on a page that does not exist", path: "/no-such-page", headers: fetchAction(plain), body: "[]" },
    { name: "action id with PUT", path: "/login", method: "PUT", headers: fetchAction(plain), body: "[]" },
    // Bodies of a fetch action (text/plain is what React's encodeReply sends for simple arguments).
    { name: "no content type", path: "/login", headers: fetchAction(), body: "garbage" },
    { name: "text body not JSON", path: "/login", headers: fetchAction(plain), body: "{not json" },
    { name: "empty text body", path: "/login", headers: fetchAction(plain), body: "" },
    { name: "JSON string instead of arguments", path: "/login", headers: fetchAction(plain), body: '"hello"' },
    { name: "numbers instead of a form", path: "/login", headers: fetchAction(plain), body: "[1,2]" },
    { name: "nulls instead of a form", path: "/login", headers: fetchAction(plain), body: "[null,null]" },
    { name: "objects instead of a form", path: "/login", headers: fetchAction(plain), body: "[{},{}]" },
    { name: "dangling reference", path: "/login", headers: fetchAction(plain), body: '["$@1","$K9"]' },
    { name: "temporary reference", path: "/login", headers: fetchAction(plain), body: '["$T", "$T"]' },
    { name: "deeply nested arguments", path: "/login", headers: fetchAction(plain), body: "[".repeat(20_000) + "]".repeat(20_000) },
    { name: "1001 arguments", path: "/login", headers: fetchAction(plain), body: JSON.stringify(Array(1001).fill(0)) },
    { name: "invalid UTF-8", path: "/login", headers: fetchAction(plain), body: Buffer.from([0x5b, 0xff, 0xfe, 0xc3, 0x28, 0x5d]) },
    { name: "JSON content type", path: "/login", headers: fetchAction({ "content-type": "application/json" }), body: '{"email":"x"}' },
    { name: "url-encoded body", path: "/login", headers: fetchAction({ "content-type": "application/x-www-form-urlencoded" }), body: "email=x&password=y" },
    { name: "XML content type", path: "/login", headers: fetchAction({ "content-type": "application/xml" }), body: "<a/>" },
    { name: "UTF-16 text", path: "/login", headers: fetchAction({ "content-type": "text/plain;charset=utf-16" }), body: Buffer.from("[]", "utf16le") },
    // Multipart bodies of a fetch action.
    { name: "multipart without boundary", path: "/login", headers: fetchAction({ "content-type": "multipart/form-data" }), body: validReplyForm },
    { name: "multipart with empty boundary", path: "/login", headers: fetchAction({ "content-type": 'multipart/form-data; boundary=""' }), body: validReplyForm },
    { name: "multipart body that is not multipart", path: "/login", headers: fetchAction(mpHeaders()), body: "just text" },
    { name: "multipart truncated", path: "/login", headers: fetchAction(mpHeaders()), body: validReplyForm.slice(0, 60) },
    { name: "multipart without the root field", path: "/login", headers: fetchAction(mpHeaders()), body: multipart([["1_email", "x"]]) },
    { name: "multipart root not JSON", path: "/login", headers: fetchAction(mpHeaders()), body: multipart([["0", "{not json"]]) },
    { name: "multipart root numbers", path: "/login", headers: fetchAction(mpHeaders()), body: multipart([["0", "[1,2]"]]) },
    { name: "multipart form reference to nothing", path: "/login", headers: fetchAction(mpHeaders()), body: multipart([["0", '[{"ok":false},"$K7"]']]) },
    { name: "multipart sign-up with a form of numbers", path: "/signup", headers: { "next-action": ids.signUp, ...mpHeaders() }, body: multipart([["0", '[null,"$K1"]'], ["1_name", "1"]]) },
    { name: "multipart header without a name", path: "/login", headers: fetchAction(mpHeaders()), body: `--${boundary}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${boundary}--\r\n` },
    // Origin (Next's CSRF check).
    { name: "cross-site origin", path: "/login", headers: fetchAction({ ...plain, origin: "https://evil.example" }), body: "[]" },
    { name: "unparseable origin", path: "/login", headers: fetchAction({ ...plain, origin: "not a url" }), body: "[]" },
    { name: "origin null", path: "/login", headers: fetchAction({ ...plain, origin: "null" }), body: "[]" },
    // Form posts without JavaScript (MPA actions): multipart without the Next-Action header.
    { name: "form post, garbage multipart", path: "/login", headers: mpHeaders(), body: "garbage" },
    { name: "form post, multipart without boundary", path: "/login", headers: { "content-type": "multipart/form-data" }, body: "x" },
    { name: "form post, unknown action field", path: "/login", headers: mpHeaders(), body: multipart([["$ACTION_ID_deadbeef", ""]]) },
    { name: "form post, action ref with bad descriptor", path: "/login", headers: mpHeaders(), body: multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", "{bad json"]]) },
    { name: "form post, descriptor with unknown id", path: "/login", headers: mpHeaders(), body: multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"zz","bound":null}']]) },
    { name: "form post, descriptor with bad bound args", path: "/login", headers: mpHeaders(), body: multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", `{"id":"${a}","bound":"$@9"}`]]) },
    // Size.
    { name: "fetch action, 6 MB with a length", path: "/login", headers: fetchAction(plain), body: mb(6) },
    { name: "fetch action, 12 MB chunked", path: "/login", headers: fetchAction(plain), body: { chunks: 12, chunkBytes: 1024 * 1024 } },
    { name: "fetch action, 6 MB multipart", path: "/login", headers: fetchAction(mpHeaders()), body: multipart([["0", '[{"ok":false},"$K1"]'], ["1_email", mb(6)]]) },
    { name: "form post, 6 MB multipart", path: "/login", headers: mpHeaders(), body: multipart([["$ACTION_ID_" + a, ""], ["email", mb(6)]]) },
    { name: "form post, 12 MB chunked", path: "/login", headers: mpHeaders(), body: { chunks: 12, chunkBytes: 1024 * 1024 } },
    // Route handlers.
    { name: "progress API, 64 MB chunked", path: "/api/assignments/x/progress", headers: { "content-type": "application/json" }, body: { chunks: 64, chunkBytes: 1024 * 1024 } },
    { name: "answers API, 6 MB JSON", path: "/api/attempts/x/answers/q1", method: "PUT", headers: { "content-type": "application/json" }, body: `{"response":"${mb(6)}"}` },
  ];
  return variants;
}

export function send(baseURL: string, v: Variant): Promise<Sent> {
  const url = new URL(v.path, baseURL);
  return new Promise((resolve) => {
    const headers: http.OutgoingHttpHeaders = { ...v.headers };
    const chunked = typeof v.body === "object" && !Buffer.isBuffer(v.body) ? v.body : null;
    if (!chunked && v.body !== undefined) headers["content-length"] = Buffer.byteLength(v.body as string | Buffer);
    const req = http.request(url, { method: v.method ?? "POST", headers }, (res) => {
      const parts: Buffer[] = [];
      let size = 0;
      res.on("data", (d: Buffer) => {
        if (size < 200_000) parts.push(d);
        size += d.length;
      });
      res.on("end", () => resolve({ variant: v, status: res.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8") }));
    });
    // A server may answer (413) and close before the whole body is sent: that is not a failure.
    req.on("error", (e) => resolve({ variant: v, status: 0, body: "", error: e.message }));
    if (chunked) {
      const chunk = Buffer.alloc(chunked.chunkBytes, 0x20);
      let n = 0;
      const pump = () => {
        while (n < chunked.chunks) {
          n++;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    } else {
      req.end(v.body);
    }
  });
}

/** Sends every variant one after another (a big body at a time is enough for a small machine). */
export async function sendAll(baseURL: string, variants: Variant[]): Promise<Sent[]> {
  const out: Sent[] = [];
  for (const v of variants) out.push(await send(baseURL, v));
  return out;
}
