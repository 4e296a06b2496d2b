/** Byte-order mark, so Excel reads the file as UTF-8. */
export const BOM = '\uFEFF';

/**
 * One CSV cell: quoted when needed, and a leading `=`, `+`, `-` or `@` (or tab/CR) neutralised
 * with an apostrophe so a spreadsheet never runs it as a formula.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV with a BOM and CRLF line ends (comma-separated). */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
