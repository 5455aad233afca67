// Reading a roster from what teachers actually have: exports with and without a header, BOM,
// semicolons, rows pasted from a spreadsheet, names with commas in quotes; and writing the links
// back out for a mail merge without letting a name run as a formula.
import { describe, expect, it } from "vitest";

import { MAX_ROSTER_BYTES, MAX_ROSTER_ROWS, parseRosterCsv, rosterLinksCsv, type ParsedRoster } from "@/lib/roster/csv";

function ok(parsed: ParsedRoster) {
  if (!parsed.ok) throw new Error(`expected a parsed roster, got: ${parsed.message}`);
  return parsed;
}

describe("parseRosterCsv", () => {
  it("reads name,email lines without a header; e-mails lower-cased, names trimmed", () => {
    const r = ok(parseRosterCsv("Eva Nowak,Eva.Nowak@School.test\n  Jan Wiśniewski , jan@school.test \n"));
    expect(r.hasHeader).toBe(false);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { line: 1, name: "Eva Nowak", email: "eva.nowak@school.test" },
      { line: 2, name: "Jan Wiśniewski", email: "jan@school.test" },
    ]);
  });

  it("skips a header line and takes the columns in the header's order; other columns are ignored", () => {
    const r = ok(parseRosterCsv("Email,Class,Name\r\nanna@school.test,11B,Anna Keller\r\n"));
    expect(r.hasHeader).toBe(true);
    expect(r.rows).toEqual([{ line: 2, name: "Anna Keller", email: "anna@school.test" }]);
  });

  it("drops a UTF-8 byte-order mark (Excel's 'CSV UTF-8') so the header is still recognised", () => {
    const r = ok(parseRosterCsv("\uFEFFname,e-mail\nChloé Dubois,chloe@school.test\n"));
    expect(r.hasHeader).toBe(true);
    expect(r.rows).toEqual([{ line: 2, name: "Chloé Dubois", email: "chloe@school.test" }]);
  });

  it("keeps commas, doubled quotes and semicolons inside quoted fields", () => {
    const r = ok(parseRosterCsv('"Nowak, Eva",eva@school.test\n"Ben ""the reader"" Ortiz",ben@school.test\n'));
    expect(r.rows.map((x) => x.name)).toEqual(["Nowak, Eva", 'Ben "the reader" Ortiz']);
  });

  it("reads semicolon files (European Excel) and tab-separated rows pasted from a spreadsheet", () => {
    expect(ok(parseRosterCsv('"Nowak, Eva";eva@school.test\nDawit Bekele;dawit@school.test')).rows.map((x) => x.email)).toEqual([
      "eva@school.test",
      "dawit@school.test",
    ]);
    expect(ok(parseRosterCsv("Name\tEmail\nEva Nowak\teva@school.test\n")).rows).toEqual([{ line: 2, name: "Eva Nowak", email: "eva@school.test" }]);
  });

  it("skips blank lines but reports every problem with the line it is on", () => {
    const text = [
      "name,email", // 1
      "Eva Nowak,eva@school.test", // 2
      "", // 3
      "Jan,not-an-email", // 4
      "Anna Keller,", // 5
      ",nameless@school.test", // 6
      "Eva again,EVA@school.test", // 7
      "Ben Ortiz,ben@school.test", // 8
    ].join("\n");
    const r = ok(parseRosterCsv(text));
    expect(r.rows.map((x) => [x.line, x.email])).toEqual([
      [2, "eva@school.test"],
      [8, "ben@school.test"],
    ]);
    expect(r.problems.map((p) => p.line)).toEqual([4, 5, 6, 7]);
    expect(r.problems[0]!.message).toContain("not-an-email");
    expect(r.problems[1]!.message).toMatch(/e-mail address is missing/);
    expect(r.problems[2]!.message).toMatch(/name is missing/);
    expect(r.problems[3]!.message).toBe("eva@school.test is already on line 2.");
  });

  it("explains an unquoted comma in a name (three fields) rather than guessing", () => {
    const r = ok(parseRosterCsv("Nowak, Eva, eva@school.test\n"));
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([{ line: 1, message: expect.stringContaining('A name with a comma goes in quotes: "Nowak, Eva"') }]);
  });

  it("reports a quote that is never closed, and text after a closing quote, without crashing", () => {
    const unclosed = ok(parseRosterCsv('Eva Nowak,eva@school.test\n"Jan Wiśniewski,jan@school.test\nBen,ben@school.test\n'));
    expect(unclosed.rows.map((x) => x.line)).toEqual([1]);
    expect(unclosed.problems).toEqual([{ line: 2, message: "A quote opened here is never closed." }]);
    const trailing = ok(parseRosterCsv('"Eva" Nowak,eva@school.test\n'));
    expect(trailing.problems[0]).toMatchObject({ line: 1, message: expect.stringMatching(/after a closing quote/) });
  });

  it("counts lines inside a quoted field, and refuses a name with a line break", () => {
    const r = ok(parseRosterCsv('"Eva\nNowak",eva@school.test\nBen Ortiz,ben@school.test\n'));
    expect(r.problems).toEqual([{ line: 1, message: expect.stringMatching(/line break/) }]);
    expect(r.rows).toEqual([{ line: 3, name: "Ben Ortiz", email: "ben@school.test" }]);
  });

  it("refuses an empty file, a header alone, too many rows and too many bytes as a whole", () => {
    expect(parseRosterCsv("")).toMatchObject({ ok: false, message: expect.stringMatching(/no students/) });
    expect(parseRosterCsv("\uFEFF\n\n  \n")).toMatchObject({ ok: false });
    expect(parseRosterCsv("name,email\n")).toMatchObject({ ok: false, message: expect.stringMatching(/header line but no students/) });
    const many = Array.from({ length: MAX_ROSTER_ROWS + 1 }, (_, i) => `Student ${i},s${i}@school.test`).join("\n");
    expect(parseRosterCsv(many)).toMatchObject({ ok: false, message: expect.stringContaining(`this list has ${MAX_ROSTER_ROWS + 1}`) });
    const exactly = Array.from({ length: MAX_ROSTER_ROWS }, (_, i) => `Student ${i},s${i}@school.test`).join("\n");
    expect(ok(parseRosterCsv(exactly)).rows).toHaveLength(MAX_ROSTER_ROWS);
    expect(parseRosterCsv("x".repeat(MAX_ROSTER_BYTES + 1))).toMatchObject({ ok: false, message: expect.stringMatching(/Split/) });
  });

  it("handles 10 MB of one-line garbage quickly and as a whole-file refusal", () => {
    const started = performance.now();
    expect(parseRosterCsv("a".repeat(10 * 1024 * 1024)).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("rosterLinksCsv", () => {
  it("writes name,email,link with a BOM and CRLF, quoting commas", () => {
    const csv = rosterLinksCsv([{ name: "Nowak, Eva", email: "eva@school.test", link: "https://school.test/link/abc" }]);
    expect(csv).toBe('\uFEFFname,email,link\r\n"Nowak, Eva",eva@school.test,https://school.test/link/abc\r\n');
  });

  it("defuses names that a spreadsheet would run as formulas", () => {
    const csv = rosterLinksCsv([
      { name: '=HYPERLINK("http://evil.test","Click")', email: "a@school.test", link: "https://school.test/link/a" },
      { name: "+1+1", email: "b@school.test", link: "https://school.test/link/b" },
      { name: "@SUM(A1)", email: "c@school.test", link: "https://school.test/link/c" },
      { name: "-2+3", email: "d@school.test", link: "https://school.test/link/d" },
    ]);
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n").slice(1);
    expect(lines).toEqual([
      `"'=HYPERLINK(""http://evil.test"",""Click"")",a@school.test,https://school.test/link/a`,
      "'+1+1,b@school.test,https://school.test/link/b",
      "'@SUM(A1),c@school.test,https://school.test/link/c",
      "'-2+3,d@school.test,https://school.test/link/d",
    ]);
  });
});
