/**
 * CSV that opens cleanly in Excel, LibreOffice and Google Sheets: UTF-8 with a byte-order mark
 * (so "Chloé" and "Wiśniewski" survive Excel), CRLF line ends, every field quoted when it holds
 * a comma, quote or line break, and fields that start with = + - @ defused so a name can't run
 * as a formula (CSV injection).
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value;
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
