/** CSV (RFC 4180) from table rows, for the "Download CSV" buttons. */

/** A cell: text, a number (written in full precision), or null (written empty). */
export type CsvCell = string | number | null | undefined;

/** Quotes a cell when it holds a comma, quote or line break; formulas are neutralised for spreadsheets. */
export function escapeCsvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : cell > 0 ? 'Infinity' : '';
  const text = /^[=+\-@]/.test(cell) && !/^-?\d/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Joins a header and rows into CSV text with CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(escapeCsvCell).join(',')).join('\r\n') + '\r\n';
}
