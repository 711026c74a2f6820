/**
 * The self-assessment's data, summary and downloads, kept apart from rendering so the numbers in
 * the printed report, the JSON and the CSV all come from one place.
 */

export interface ScalePoint {
  value: string;
  label: string;
}

export interface ReportStatement {
  id: string;
  text: string;
}

export interface ReportGroup {
  id: string;
  title: string;
  statements: readonly ReportStatement[];
}

/** What an organisation records against one statement. Only `rating` is ever sent. */
export interface AssessmentEntry {
  rating?: string;
  evidence?: string;
  owner?: string;
  /** yyyy-mm-dd */
  reviewDate?: string;
}

export type Assessment = Record<string, AssessmentEntry>;

export interface GroupSummary {
  id: string;
  title: string;
  /** Count per scale value, in scale order. */
  counts: Record<string, number>;
  unrated: number;
  total: number;
}

export interface AssessmentSummary {
  groups: GroupSummary[];
  totals: Record<string, number>;
  unrated: number;
  total: number;
}

export function summarise(groups: readonly ReportGroup[], scale: readonly ScalePoint[], assessment: Assessment): AssessmentSummary {
  const zero = (): Record<string, number> => Object.fromEntries(scale.map((p) => [p.value, 0]));
  const totals = zero();
  let unratedAll = 0;
  let totalAll = 0;
  const out = groups.map((g): GroupSummary => {
    const counts = zero();
    let unrated = 0;
    for (const st of g.statements) {
      const rating = assessment[st.id]?.rating;
      if (rating !== undefined && rating in counts) {
        counts[rating]!++;
        totals[rating]!++;
      } else unrated++;
    }
    unratedAll += unrated;
    totalAll += g.statements.length;
    return { id: g.id, title: g.title, counts, unrated, total: g.statements.length };
  });
  return { groups: out, totals, unrated: unratedAll, total: totalAll };
}

export interface AssessmentRow {
  group: string;
  groupTitle: string;
  statement: string;
  text: string;
  rating: string;
  ratingLabel: string;
  evidence: string;
  owner: string;
  reviewDate: string;
}

export interface AssessmentExport {
  format: 'carers-voice/self-assessment';
  instrument: { id: string; version: number; title: string };
  organisation: string;
  exportedAt: string;
  rows: AssessmentRow[];
  summary: AssessmentSummary;
}

export function assessmentRows(groups: readonly ReportGroup[], scale: readonly ScalePoint[], assessment: Assessment): AssessmentRow[] {
  const label = new Map(scale.map((p) => [p.value, p.label]));
  return groups.flatMap((g) =>
    g.statements.map((st): AssessmentRow => {
      const e = assessment[st.id] ?? {};
      return {
        group: g.id,
        groupTitle: g.title,
        statement: st.id,
        text: st.text,
        rating: e.rating ?? '',
        ratingLabel: e.rating ? (label.get(e.rating) ?? e.rating) : '',
        evidence: e.evidence ?? '',
        owner: e.owner ?? '',
        reviewDate: e.reviewDate ?? '',
      };
    }),
  );
}

export const CSV_COLUMNS: readonly (keyof AssessmentRow)[] = [
  'group', 'groupTitle', 'statement', 'text', 'rating', 'ratingLabel', 'evidence', 'owner', 'reviewDate',
];

/**
 * One CSV cell, safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading `'` so it is never run as a formula (OWASP CSV injection advice);
 * every cell is quoted, quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly AssessmentRow[]): string {
  const lines = [CSV_COLUMNS.map((c) => csvCell(c)).join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Reads CSV as written by `toCsv` (RFC 4180 quoting), undoing the formula guard. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  const endCell = (): void => {
    row.push(wasQuoted && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (c === ',') endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** Turns parsed CSV back into rows (header row first). */
export function rowsFromCsv(text: string): AssessmentRow[] {
  const [header, ...body] = parseCsv(text);
  if (!header) return [];
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])) as unknown as AssessmentRow);
}
