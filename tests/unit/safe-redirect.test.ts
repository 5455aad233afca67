import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "@/lib/http/safe-redirect";

describe("safeReturnPath", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/classes/abc123", "/classes/abc123"],
    ["/attempts/a1/review?saved=1#q2", "/attempts/a1/review?saved=1#q2"],
    ["/readings/mielke-andropov-1981#p-12", "/readings/mielke-andropov-1981#p-12"],
    ["/quizzes?q=a%20b", "/quizzes?q=a%20b"],
    // Dot segments are resolved, so what was checked is what is redirected to.
    ["/classes/../dashboard", "/dashboard"],
    ["/a/./b", "/a/b"],
  ])("keeps the same-site path %s", (raw, expected) => {
    expect(safeReturnPath(raw)).toBe(expected);
  });

  it.each([
    ["another site", "https://evil.example/"],
    ["a protocol-relative URL", "//evil.example"],
    ["a protocol-relative URL with three slashes", "///evil.example"],
    ["a backslash the browser reads as a slash", "/\\evil.example"],
    ["backslashes only", "\\\\evil.example"],
    ["a backslash later in the path", "/classes\\..\\..\\evil"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "dashboard"],
    ["a newline (would split the Location header)", "/dashboard\nSet-Cookie: x=1"],
    ["a carriage return and line feed", "/dashboard\r\nLocation: https://evil.example"],
    ["an encoded CR LF", "/dashboard%0d%0aSet-Cookie:%20x=1"],
    ["an encoded CR LF in the query", "/dashboard?x=%0D%0ALocation:%20//evil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["an encoded slash making //", "/%2Fevil.example"],
    ["a tab browsers strip out of URLs", "/\t/evil.example"],
    ["a leading tab", "\t//evil.example"],
    ["a space", "/ /evil.example"],
    ["a NUL", "/dashboard\u0000"],
    ["a DEL", "/dashboard\u007f"],
    ["full-width solidi", "／／evil.example"],
    ["a full-width solidus after a slash", "/／evil.example"],
    ["a full-width character in the path", "/dashboard／"],
    ["an ideographic full stop", "/evil。example"],
    ["a bidi override", "/dashboard\u202e"],
    ["a zero-width space", "/\u200b/evil.example"],
    ["a non-breaking space", "/\u00a0/evil.example"],
    ["a stray percent sign", "/100%"],
    ["a very long path", `/${"a".repeat(5000)}`],
    ["an empty string", ""],
  ])("falls back for %s", (_name, raw) => {
    expect(safeReturnPath(raw)).toBe(DEFAULT_RETURN_PATH);
  });

  it("falls back for anything that is not a string (a file, a missing field, an array)", () => {
    expect(safeReturnPath(null)).toBe(DEFAULT_RETURN_PATH);
    expect(safeReturnPath(undefined)).toBe(DEFAULT_RETURN_PATH);
    expect(safeReturnPath(["/classes/a", "/dashboard"])).toBe(DEFAULT_RETURN_PATH);
    expect(safeReturnPath(new Blob(["/classes/a"]))).toBe(DEFAULT_RETURN_PATH);
  });

  it("uses the caller's fallback", () => {
    expect(safeReturnPath("//evil.example", "/")).toBe("/");
  });

  it("never returns something that leaves the site or breaks a header, whatever it is given", () => {
    const pieces = ["/", "//", "\\", "%2F", "%5C", "%0d", "\n", "evil.example", "..", "／", "@", ":", "?", "#", "http:", " ", "%"];
    for (let i = 0; i < 4000; i++) {
      const raw = Array.from({ length: 1 + (i % 6) }, (_, k) => pieces[(i * 7 + k * 13 + (i >> k)) % pieces.length]).join("");
      const out = safeReturnPath(raw);
      expect(out.startsWith("/") && !out.startsWith("//"), `${JSON.stringify(raw)} → ${out}`).toBe(true);
      expect(/[^\x21-\x7e]|\\/.test(out), `${JSON.stringify(raw)} → ${out}`).toBe(false);
      expect(new URL(out, "https://dossier.example").origin).toBe("https://dossier.example");
    }
  });
});
