import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";

const LIMIT = 1024;
const json = { "content-type": "application/json" };

/** A body that arrives in chunks (no Content-Length), counting how many chunks were pulled. */
function chunkedBody(chunks: number, chunkBytes: number) {
  const counter = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled === chunks) return controller.close();
      counter.pulled++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
    cancel() {
      counter.cancelled = true;
    },
  });
  return { stream, counter };
}

function post(body: BodyInit | null, headers: Record<string, string> = json): Request {
  return new Request("http://localhost/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function failure(request: Request, options = { maxBytes: LIMIT, label: "report" }) {
  try {
    await readJson(request, options);
  } catch (e) {
    if (isAppError(e)) return { status: e.status, code: e.code, message: e.message };
    throw e;
  }
  throw new Error("readJson accepted the body");
}

describe("readJson", () => {
  it("parses a JSON body within the limit, including one of exactly the limit", async () => {
    expect(await readJson(post('{"a":[1,2]}'), { maxBytes: LIMIT, label: "report" })).toEqual({ a: [1, 2] });
    const exact = `"${"x".repeat(LIMIT - 2)}"`;
    expect(await readJson(post(exact), { maxBytes: LIMIT, label: "report" })).toHaveLength(LIMIT - 2);
    expect(await readJson(post("[]", { "Content-Type": "Application/JSON; charset=UTF-8" }), { maxBytes: LIMIT, label: "report" })).toEqual([]);
  });

  it.each([
    ["no content type", {}],
    ["text/plain (what a cross-site form or a plain beacon sends)", { "content-type": "text/plain;charset=UTF-8" }],
    ["form encoding", { "content-type": "application/x-www-form-urlencoded" }],
    ["multipart", { "content-type": "multipart/form-data; boundary=x" }],
    ["a JSON look-alike", { "content-type": "application/jsonp" }],
    ["JSON in UTF-16", { "content-type": "application/json; charset=utf-16" }],
  ])("refuses %s with 415 and says to send JSON", async (_name, headers) => {
    const f = await failure(post('{"a":1}', headers as Record<string, string>));
    expect(f).toMatchObject({ status: 415, code: "unsupported_media_type" });
    expect(f.message).toContain("Content-Type: application/json");
  });

  it("refuses a declared Content-Length above the limit without reading the body", async () => {
    const { stream, counter } = chunkedBody(10, 512);
    const request = new Request("http://localhost/api/x", { method: "POST", body: stream, headers: { ...json, "content-length": String(LIMIT * 64) }, duplex: "half" } as RequestInit);
    expect(await failure(request)).toMatchObject({ status: 413, code: "payload_too_large" });
    expect(counter.pulled).toBeLessThanOrEqual(1); // a stream pulls one chunk ahead by itself
  });

  it("counts a chunked body as it streams and stops reading just past the limit", async () => {
    const { stream, counter } = chunkedBody(64 * 1024, 256); // 16 MB if it were all read
    const f = await failure(post(stream));
    expect(f).toMatchObject({ status: 413, code: "payload_too_large", message: "That report is too large." });
    expect(counter.pulled).toBeLessThanOrEqual(LIMIT / 256 + 2);
    expect(counter.cancelled).toBe(true);
  });

  it("does not trust a Content-Length that understates the body", async () => {
    const { stream } = chunkedBody(20, 256);
    const request = new Request("http://localhost/api/x", { method: "POST", body: stream, headers: { ...json, "content-length": "10" }, duplex: "half" } as RequestInit);
    expect(await failure(request)).toMatchObject({ status: 413 });
  });

  it("uses the caller's message for a body that is too large", async () => {
    const f = await failure(post("x".repeat(LIMIT + 1)), { maxBytes: LIMIT, label: "answer", tooLarge: "That answer is too long to save." } as never);
    expect(f).toMatchObject({ status: 413, message: "That answer is too long to save." });
  });

  it.each([
    ["not JSON", "{not json"],
    ["empty", ""],
    ["a truncated document", '{"a":'],
    ["JavaScript, not JSON", "{a: 1}"],
  ])("answers 400 for a body that is %s", async (_name, body) => {
    expect(await failure(post(body))).toMatchObject({ status: 400, code: "invalid", message: "The report is not valid JSON." });
  });

  it("answers 400 for a missing body and for bytes that are not UTF-8", async () => {
    expect(await failure(post(null))).toMatchObject({ status: 400 });
    expect(await failure(post(new Uint8Array([0x22, 0xff, 0xfe, 0x22])))).toMatchObject({ status: 400, message: expect.stringContaining("UTF-8") });
  });
});
