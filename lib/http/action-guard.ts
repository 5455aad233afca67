/**
 * Server actions are public POST endpoints on every page. Next 16 answers 500 to many malformed
 * ones (vercel/next.js#86945): its action handler turns every error while decoding the body,
 * every body over `serverActions.bodySizeLimit` and a cross-site Origin into a 500, and an
 * unparseable Origin header throws before any check. This guard runs in proxy.ts, before Next
 * sees the request, and answers those with a 4xx instead. It checks the framing only (sizes,
 * content types, multipart and JSON well-formedness, the Origin); whether the arguments suit the
 * action is each action's own business (lib/actions/form-state.ts requireForm, zod).
 *
 * A request counts as a server action when it is a POST with a `Next-Action` header (a call from
 * the page's JavaScript) or a multipart form post (a form submitted without JavaScript).
 */

/** The most bytes a server action may receive: the GIFT import's 900,000 characters, as UTF-8. */
export const ACTION_BODY_LIMIT_BYTES = 4 * 1024 * 1024;
/** Next refuses more arguments than this, with a 500. */
const MAX_ARGUMENTS = 1000;
/** Deeper than any form, shallower than what makes a recursive decoder overflow its stack. */
const MAX_JSON_DEPTH = 64;
/** Next's action ids are 42 hex digits today; allow some room for a change of length. */
const ACTION_ID = /^[0-9a-f]{2,128}$/i;

type Refusal = { status: number; message: string };

const refuse = (status: number, message: string): Refusal => ({ status, message });

export function refusalResponse({ status, message }: Refusal): Response {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** null when the request may go on to Next; otherwise the 4xx to answer with. */
export async function checkActionRequest(request: Request, maxBytes = ACTION_BODY_LIMIT_BYTES): Promise<Refusal | null> {
  const method = request.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;

  // Pages take no other request bodies, so any body declared longer than an action's limit is
  // refused before it is read. (Chunked bodies have no length: they are counted as they are read.)
  const length = request.headers.get("content-length");
  if (length !== null && !/^\d+$/.test(length.trim())) return refuse(400, "The Content-Length header is not a number.");
  if (length !== null && Number(length) > maxBytes) return tooLarge(maxBytes);

  const actionId = request.headers.get("next-action");
  const { type, params } = mediaType(request.headers.get("content-type"));
  const isMultipart = type === "multipart/form-data";
  if (method !== "POST" || (actionId === null && !isMultipart)) return null;

  if (actionId !== null && !ACTION_ID.test(actionId)) return refuse(400, "Invalid Server Action request.");
  const crossSite = checkOrigin(request.headers);
  if (crossSite) return crossSite;
  if (isMultipart && !params.boundary) return refuse(400, "A multipart body needs a boundary.");

  if (actionId !== null && type !== "text/plain" && !isMultipart) return refuse(415, "Send the action's arguments as multipart/form-data or text/plain.");
  if (type === "text/plain" && params.charset !== undefined && params.charset !== "utf-8") return refuse(415, "Send the action's arguments as UTF-8.");

  // Counted as it arrives, whatever the headers say. Next hands the proxy a copy of the body cut
  // at proxyClientMaxBodySize (next.config.js: the limit plus 1 MB), so a longer body still
  // shows here as more than the limit.
  const body = await readLimited(request, maxBytes);
  if (!body) return tooLarge(maxBytes);

  if (actionId !== null && type === "text/plain") {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      return refuse(400, "The action's arguments are not UTF-8 text.");
    }
    return checkArguments(text);
  }
  const form = await parseForm(body, request.headers.get("content-type")!);
  if (!form) return refuse(400, "The form data could not be read.");
  if (actionId !== null) {
    const root = form.get("0");
    return typeof root === "string" ? checkArguments(root) : refuse(400, "Invalid Server Action request.");
  }

  // A form posted without JavaScript: its action is named in $ACTION_ fields.
  for (const key of form.keys()) {
    if (!key.startsWith("$ACTION_REF_")) continue;
    const n = key.slice("$ACTION_REF_".length);
    const descriptor = parseJson(form.get(`$ACTION_${n}:0`));
    if (!isRecord(descriptor) || typeof descriptor.id !== "string" || !ACTION_ID.test(descriptor.id)) return refuse(400, "Invalid Server Action request.");
    const bound = descriptor.bound;
    if (bound === null || bound === undefined) continue;
    const ref = typeof bound === "string" ? /^\$@(\d{1,4})$/.exec(bound) : null;
    const args = ref ? parseJson(form.get(`$ACTION_${n}:${ref[1]}`)) : undefined;
    if (!Array.isArray(args) || !withinLimits(args)) return refuse(400, "Invalid Server Action request.");
  }
  return null;
}

function checkArguments(json: string): Refusal | null {
  const args = parseJson(json);
  if (!Array.isArray(args)) return refuse(400, "Invalid Server Action request.");
  return withinLimits(args) ? null : refuse(400, "Invalid Server Action request.");
}

function withinLimits(args: unknown[]): boolean {
  if (args.length > MAX_ARGUMENTS) return false;
  const stack: [unknown, number][] = [[args, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (depth > MAX_JSON_DEPTH) return false;
    if (value !== null && typeof value === "object") for (const v of Object.values(value)) stack.push([v, depth + 1]);
  }
  return true;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The body, or null when it has more than `maxBytes` (reading stops there). */
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

async function parseForm(body: Uint8Array<ArrayBuffer>, contentType: string): Promise<FormData | null> {
  try {
    return await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return null;
  }
}

const tooLarge = (maxBytes: number) => refuse(413, `That is too much to send at once (at most ${Math.floor(maxBytes / (1024 * 1024))} MB).`);

/**
 * The same rule as Next's own CSRF check (the Origin's host must be the Host or the first
 * X-Forwarded-Host), answered with 403 rather than Next's 500. No Origin at all is let through,
 * as Next does: browsers always send one with a POST, so only hand-made requests lack it, and
 * those carry no one else's cookies.
 */
function checkOrigin(headers: Headers): Refusal | null {
  const origin = headers.get("origin");
  if (origin === null) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return refuse(403, "Forms on this site can only be sent from this site.");
  }
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (!host || (host !== forwarded && host !== headers.get("host"))) return refuse(403, "Forms on this site can only be sent from this site.");
  return null;
}

function mediaType(header: string | null): { type: string; params: Record<string, string> } {
  const [type = "", ...rest] = (header ?? "").split(";");
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf("=");
    if (eq > 0) params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
  }
  if (params.charset) params.charset = params.charset.toLowerCase();
  return { type: type.trim().toLowerCase(), params };
}
