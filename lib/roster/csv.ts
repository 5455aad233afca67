/**
 * Reading a class roster from CSV (pure; runs on the server for the preview and the import, and
 * its limits are shown in the browser). What teachers actually have: a spreadsheet exported as
 * CSV (comma or, in much of Europe, semicolon), or rows pasted from a spreadsheet (tabs), UTF-8
 * with or without a byte-order mark, a header line or none, names like "Nowak, Eva" in quotes.
 */
import { toCsv } from "@/lib/quiz/csv";
import { rosterEmailSchema, rosterNameSchema } from "@/lib/validation/classes";

/** Students per import: a year group at most; larger lists are split. */
export const MAX_ROSTER_ROWS = 500;
/** Bytes of CSV per import: 500 rows of the longest names and addresses fit with room to spare. */
export const MAX_ROSTER_BYTES = 256 * 1024;

export interface RosterRow {
  /** The line the row starts on in the file (1-based, the header counted). */
  line: number;
  name: string;
  /** Lower-cased, as accounts store it. */
  email: string;
}

export interface RosterProblem {
  line: number;
  message: string;
}

export type ParsedRoster =
  | { ok: true; rows: RosterRow[]; problems: RosterProblem[]; hasHeader: boolean }
  | { ok: false; message: string };

type Delimiter = "," | ";" | "\t";

interface RawRecord {
  line: number;
  cells: string[];
  /** A quote that never closed, or text after a closing quote. */
  malformed?: string;
}

/** Counts each candidate outside quotes on the first line with content; tab, then the more frequent of ; and ,. */
function detectDelimiter(text: string): Delimiter {
  const first = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== "") ?? "";
  let inQuotes = false;
  const counts = { ",": 0, ";": 0, "\t": 0 };
  for (const ch of first) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  if (counts["\t"] > 0) return "\t";
  return counts[";"] > counts[","] ? ";" : ",";
}

/** RFC 4180 records, with the line each starts on; quoted fields may hold delimiters, "" and line breaks. */
function records(text: string, delimiter: Delimiter): RawRecord[] {
  const out: RawRecord[] = [];
  let cells: string[] = [];
  let field = "";
  let inQuotes = false;
  let afterQuote = false;
  let line = 1;
  let startLine = 1;
  let malformed: string | undefined;
  const endField = () => {
    cells.push(field);
    field = "";
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    out.push(malformed ? { line: startLine, cells, malformed } : { line: startLine, cells });
    cells = [];
    malformed = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
      continue;
    }
    if (ch === delimiter) {
      endField();
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      startLine = line;
    } else if (ch === '"' && field.trim() === "" && !afterQuote) {
      inQuotes = true;
      field = "";
    } else {
      if (afterQuote && ch.trim() !== "") malformed ??= "There is text after a closing quote; put the whole field in quotes.";
      field += ch;
    }
  }
  if (inQuotes) malformed = "A quote opened here is never closed.";
  if (inQuotes || field !== "" || cells.length > 0) endRecord();
  return out;
}

const NAME_HEADERS = new Set(["name", "full name", "fullname", "student", "student name", "pupil", "nom", "nombre", "imię i nazwisko", "name des schülers"]);
const EMAIL_HEADERS = new Set(["email", "e-mail", "email address", "e-mail address", "mail", "adresse e-mail", "correo"]);

function headerColumns(cells: string[]): { name: number; email: number } | null {
  const norm = cells.map((c) => c.trim().toLowerCase());
  const email = norm.findIndex((c) => EMAIL_HEADERS.has(c));
  const name = norm.findIndex((c) => NAME_HEADERS.has(c));
  return email >= 0 && name >= 0 ? { name, email } : null;
}

const isBlank = (r: RawRecord) => r.cells.every((c) => c.trim() === "");

export function parseRosterCsv(input: string): ParsedRoster {
  if (input.length > MAX_ROSTER_BYTES) {
    return { ok: false, message: `That is more than one import can take (${MAX_ROSTER_BYTES / 1024} KB). Split the list into several files of at most ${MAX_ROSTER_ROWS} students.` };
  }
  const text = input.replace(/^\uFEFF/, "");
  const all = records(text, detectDelimiter(text)).filter((r) => !isBlank(r));
  if (all.length === 0) return { ok: false, message: "There are no students in it: one line per student, name then e-mail." };

  const columns = headerColumns(all[0]!.cells);
  const data = columns ? all.slice(1) : all;
  const cols = columns ?? { name: 0, email: 1 };
  if (data.length === 0) return { ok: false, message: "There is a header line but no students under it." };
  if (data.length > MAX_ROSTER_ROWS) {
    return { ok: false, message: `At most ${MAX_ROSTER_ROWS} students per import; this list has ${data.length}. Split it into several files.` };
  }

  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  const firstLineOf = new Map<string, number>();
  for (const r of data) {
    const problem = (message: string) => problems.push({ line: r.line, message });
    if (r.malformed) {
      problem(r.malformed);
      continue;
    }
    if (!columns) {
      const filled = r.cells.filter((c) => c.trim() !== "").length;
      if (filled > 2) {
        problem(`Expected two fields (name, e-mail) but found ${filled}. A name with a comma goes in quotes: "Nowak, Eva".`);
        continue;
      }
    }
    const rawName = r.cells[cols.name] ?? "";
    const rawEmail = r.cells[cols.email] ?? "";
    const name = rosterNameSchema.safeParse(rawName);
    const email = rosterEmailSchema.safeParse(rawEmail);
    if (!email.success) {
      problem(rawEmail.trim() === "" ? "The e-mail address is missing." : `“${rawEmail.trim().slice(0, 80)}” is not a valid e-mail address.`);
      continue;
    }
    if (!name.success) {
      problem(name.error.issues[0]?.message ?? "The name is not valid.");
      continue;
    }
    const earlier = firstLineOf.get(email.data);
    if (earlier !== undefined) {
      problem(`${email.data} is already on line ${earlier}.`);
      continue;
    }
    firstLineOf.set(email.data, r.line);
    rows.push({ line: r.line, name: name.data, email: email.data });
  }
  return { ok: true, rows, problems, hasHeader: columns !== null };
}

/** The links for a mail merge: name, email, link; names that look like formulas are defused by toCsv. */
export function rosterLinksCsv(rows: readonly { name: string; email: string; link: string }[]): string {
  return toCsv([["name", "email", "link"], ...rows.map((r) => [r.name, r.email, r.link])]);
}
