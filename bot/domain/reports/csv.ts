/** Byte-order mark, so Excel reads the file as UTF-8. */
export const BOM = '\uFEFF';

/**
 * The separator Excel splits on when it opens a CSV in a Norwegian (comma-decimal) locale: a
 * comma-separated file lands there as one column. Files for people use it; RFC 4180's comma is
 * kept for the machine export.
 */
export const EXCEL_SEPARATOR = ';';

/**
 * One CSV cell: quoted when needed, and a leading `=`, `+`, `-` or `@` (or tab/CR) neutralised
 * with an apostrophe so a spreadsheet never runs it as a formula.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV with a BOM and CRLF line ends, comma-separated unless `separator` says otherwise. */
export function toCsv(rows: readonly (readonly (string | number)[])[], separator: ',' | ';' = ','): string {
  return BOM + rows.map((row) => row.map(csvCell).join(separator)).join('\r\n') + '\r\n';
}
