/**
 * CSV for spreadsheets: RFC 4180 quoting (CRLF line ends, fields with comma, quote or line break
 * quoted, quotes doubled) and formula-safe cells — a cell starting with = + - @, tab or CR is prefixed
 * with a single quote so a spreadsheet shows it as text instead of running it.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(s) && !(typeof value === 'number')) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return csvLine(header) + rows.map(csvLine).join('');
}
