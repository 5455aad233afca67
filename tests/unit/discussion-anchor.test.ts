import { describe, expect, it } from "vitest";
import { checkSpan, describeSpan, reanchor } from "@/lib/discussion/anchor";
import { parsePostBody, wordCount } from "@/lib/discussion/format";

const text = "They are not afraid of a military invasion. Now they believe we will not embark on this road. A military invasion is not discussed.";
const at = (words: string, from = 0) => {
  const s = text.indexOf(words, from);
  return describeSpan(text, s, s + words.length);
};

describe("checkSpan", () => {
  it("accepts a selector built from the text and rebuilds it from the text", () => {
    const span = at("military invasion");
    expect(checkSpan(text, span)).toEqual({ ok: true, span });
  });
  it("refuses offsets out of range, empty spans, a wrong quote and wrong context", () => {
    const span = at("military invasion");
    expect(checkSpan(text, { ...span, end: text.length + 1 }).ok).toBe(false);
    expect(checkSpan(text, { ...span, end: span.start }).ok).toBe(false);
    expect(checkSpan(text, { ...span, start: -1 }).ok).toBe(false);
    expect(checkSpan(text, { ...span, exact: "naval blockade!!!" }).ok).toBe(false);
    expect(checkSpan(text, { ...span, prefix: "xx" }).ok).toBe(false);
    expect(checkSpan(text, { ...span, suffix: "yy" }).ok).toBe(false);
    expect(checkSpan(text, { ...span, start: 1.5 }).ok).toBe(false);
  });
});

describe("reanchor", () => {
  it("keeps an unchanged anchor", () => {
    const span = at("embark on this road");
    expect(reanchor(text, span)).toEqual({ status: "anchored", start: span.start, end: span.end });
  });
  it("follows the quote when text is inserted before it", () => {
    const span = at("embark on this road");
    const changed = "Andropov said: " + text;
    expect(reanchor(changed, span)).toEqual({ status: "anchored", start: span.start + 15, end: span.end + 15 });
  });
  it("picks the occurrence whose context still matches when the quote is repeated", () => {
    const second = at("military invasion", 50);
    const changed = "NEW. " + text;
    const r = reanchor(changed, second);
    expect(r).toEqual({ status: "anchored", start: second.start + 5, end: second.end + 5 });
    const first = at("military invasion");
    expect(reanchor(changed, first)).toEqual({ status: "anchored", start: first.start + 5, end: first.end + 5 });
  });
  it("survives whitespace being reflowed", () => {
    const span = at("we will not embark");
    const changed = text.replace("we will not embark", "we  will\nnot embark");
    const r = reanchor(changed, span);
    expect(r.status).toBe("anchored");
    if (r.status === "anchored") expect(changed.slice(r.start, r.end)).toBe("we  will\nnot embark");
  });
  it("reports an orphan when the words are gone", () => {
    expect(reanchor("Completely rewritten paragraph.", at("embark on this road"))).toEqual({ status: "orphaned" });
  });
});

describe("post formatting", () => {
  it("parses paragraphs, emphasis and paragraph links, and nothing else", () => {
    expect(parsePostBody("First *line* see ¶ 53.\n\n<b>bold</b> ¶12")).toEqual([
      [{ t: "text", text: "First " }, { t: "em", text: "line" }, { t: "text", text: " see " }, { t: "para", n: 53, text: "¶ 53" }, { t: "text", text: "." }],
      [{ t: "text", text: "<b>bold</b> " }, { t: "para", n: 12, text: "¶12" }],
    ]);
  });
  it("counts words", () => {
    expect(wordCount("It’s 1981 – Kania, Jaruzelski and co-workers.")).toBe(6);
  });
});
