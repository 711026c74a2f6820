/**
 * CSV for spreadsheets: RFC 4180 quoting (CRLF line ends, fields with comma, quote or line break
 * quoted, quotes doubled) and formula-safe cells — a cell starting with = + - @, tab or CR is prefixed
 * with a single quote so a spreadsheet shows it as text instead of running it.
 */
import { hiddenReasonText, type HiddenReason, type ResultsModel, type SuppressedResults } from '@carers-voice/core/aggregate';

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

/** The results export's columns: `hidden` says why a blank count is blank, never with its number. */
export const RESULTS_CSV_HEADER = ['question', 'question_label', 'option', 'option_label', 'group', 'count', 'percent', 'mean', 'hidden'];

/**
 * Suppressed results as CSV rows (the same numbers and marks as the results JSON): a hidden count is
 * blank, and its `hidden` cell reads "fewer than N" (small itself) or "hidden to protect a small
 * group" (hidden so a small one cannot be worked out).
 */
export function resultsToRows(r: ResultsModel | SuppressedResults): unknown[][] {
  const threshold = r.suppression.threshold;
  const why = (reason: HiddenReason | null | undefined) => (reason ? hiddenReasonText(reason, threshold) : '');
  if (r.suppressed) return [['', '', '', '', '', '', '', r.reason, `fewer than ${threshold + 1} responses`]];
  const rows: unknown[][] = [['_responses', 'Responses', '', '', '', r.base, '', '', why(r.hidden?.base)]];
  const groups = r.by?.groups ?? [];
  groups.forEach((g) => rows.push(['_responses', 'Responses', '', '', `${r.by!.question}=${g.value}`, g.base, '', '', why(g.hidden?.base)]));
  for (const q of r.questions) {
    rows.push([q.id, q.label, '_answered', 'Answered', '', q.answered, '', q.mean ?? '', why(q.hidden?.answered)]);
    if (q.groups) groups.forEach((g, i) => rows.push([q.id, q.label, '_answered', 'Answered', `${r.by!.question}=${g.value}`, q.groups![i] ?? null, '', '', why(q.hidden?.groups?.[i])]));
    for (const o of q.options ?? []) {
      rows.push([q.id, q.label, o.value, o.label, '', o.count, o.percent ?? '', o.mean ?? '', why(o.hidden?.count)]);
      if (o.groups) groups.forEach((g, i) => rows.push([q.id, q.label, o.value, o.label, `${r.by!.question}=${g.value}`, o.groups![i] ?? null, '', '', why(o.hidden?.groups?.[i])]));
    }
  }
  for (const ind of r.indicators) rows.push([`indicator:${ind.id}`, ind.label, '', '', '', ind.base, ind.percent ?? '', '', why(ind.hidden?.base ?? ind.hidden?.percent)]);
  for (const t of r.trends) rows.push(['_responses', 'Responses', '', '', `year=${t.year}`, t.base, '', '', why(t.hidden?.base)]);
  return rows;
}
