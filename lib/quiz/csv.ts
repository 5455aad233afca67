/**
 * CSV that opens cleanly in Excel, LibreOffice and Google Sheets: UTF-8 with a byte-order mark
 * (so "Chloé" and "Wiśniewski" survive Excel), CRLF line ends, every field quoted when it holds
 * the separator, a quote or a line break, and fields that start with = + - @ defused so a name
 * can't run as a formula (CSV injection).
 *
 * Two formats, because a spreadsheet opened in a comma-decimal locale (German, French, Polish…)
 * splits fields on semicolons and reads "3.25" as text or a date:
 * - "standard": comma-separated, decimal point;
 * - "eu": semicolon-separated, decimal comma.
 */
export const csvFormats = ["standard", "eu"] as const;
export type CsvFormat = (typeof csvFormats)[number];

const SEPARATOR: Record<CsvFormat, string> = { standard: ",", eu: ";" };

/** A number as the format writes it: no exponent for the sizes a gradebook holds, and the format's decimal mark. */
function numberText(value: number, format: CsvFormat): string {
  if (!Number.isFinite(value)) return "";
  const s = String(value);
  return format === "eu" ? s.replace(".", ",") : s;
}

export function csvField(value: string | number | null | undefined, format: CsvFormat = "standard"): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return numberText(value, format);
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  const needsQuotes = s.includes(SEPARATOR[format]) || /["\r\n]/.test(s) || s !== s.trim();
  return needsQuotes ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: (string | number | null | undefined)[][], format: CsvFormat = "standard"): string {
  return "\uFEFF" + rows.map((r) => r.map((v) => csvField(v, format)).join(SEPARATOR[format])).join("\r\n") + "\r\n";
}
