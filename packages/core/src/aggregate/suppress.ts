/**
 * Small-number suppression. Every count a dashboard or export shows passes through here, so the rule
 * lives in one place:
 *
 * 1. primary: a count from 1 to `threshold` is hidden (null). Zero is shown: it names nobody.
 * 2. secondary: in every line (a row or a column, and the line of margins) whose total is shown, there
 *    are never exactly one hidden cell — otherwise `total − shown cells` gives it back. When a line has
 *    one, the smallest shown cell in that line is hidden as well, and this repeats until nothing changes.
 *    A line whose total is hidden never shows all its cells either (their sum would be the total).
 * 3. rounding: every shown count is rounded to the nearest `rounding` (default 5), and never published
 *    as a value from 1 to `threshold` (a rounded 10 under a threshold of 10 becomes 15).
 *
 * Percentages must be computed from the published (rounded) numbers, never from the true ones — see
 * `percentOf`.
 *
 * Each hidden cell says why (`HiddenReason`): 'primary' (the count itself is from 1 to the threshold:
 * a reader is told "fewer than N", N = threshold + 1) or 'secondary' (hidden only so that a primary
 * one cannot be worked out; it may be any size, zero included). The reason never carries a number.
 * Because the reasons are published, step 2 also counts what they tell a reader: in a line whose
 * total is shown, a primary cell must never be narrowed to a single value by "the hidden cells add up
 * to H, primary ones are 1 to threshold, secondary ones are 0 or above it" (`pinsASmallCount`); when
 * it would be, one more cell of that line is hidden.
 *
 * Between views: a filtered view and the same results without the filter differ by the responses the
 * filter leaves out. A count whose counterpart in the wider view is 1 to threshold more is hidden
 * too (`CountTable.protect`, reason 'secondary'), so subtracting one view from the other never gives
 * a small number (see `BuildOptions.wider` in results.ts).
 *
 * Between a by= table and the filtered views of its groups: they share one pattern (`groupPattern`
 * in results.ts), so they hide the same cells. Its margins are the whole view's own numbers, passed as
 * `CountTable.fixed`: hidden exactly as the whole view hides them, never more.
 */

export interface SuppressionOptions {
  /** Counts from 1 to this are hidden. Default 7. */
  threshold?: number;
  /** Shown counts are rounded to a multiple of this. Default 5; 1 turns rounding off. */
  rounding?: number;
}

export const DEFAULT_THRESHOLD = 7;
export const DEFAULT_ROUNDING = 5;
export const TOO_FEW = 'too few responses to show';

/** Why a count is hidden: small itself ('primary'), or hidden to protect a small one ('secondary'). */
export type HiddenReason = 'primary' | 'secondary';

/** The words the CSV export (and any English reader) uses for a hidden count. Never a number but N. */
export function hiddenReasonText(reason: HiddenReason | null | undefined, threshold: number): string {
  if (reason === 'primary') return `fewer than ${threshold + 1}`;
  if (reason === 'secondary') return 'hidden to protect a small group';
  return 'hidden';
}

/** A table of true counts: `cells[row][column]`, with the totals that will be shown beside it. */
export interface CountTable {
  cells: number[][];
  /** One per row (e.g. an option's count across every group). Omit when the rows have no totals. */
  rowTotals?: number[];
  /** One per column (e.g. each group's base). Omit when the columns have no totals. */
  columnTotals?: number[];
  /** The grand total (e.g. the overall base). */
  total?: number;
  /**
   * Counts to hide although they are not small, in the same shape (true = hide): those a reader could
   * subtract from a published count of a wider view (the same results without a filter) to get a
   * number from 1 to the threshold. They start hidden as 'secondary', and the lines they are in are
   * protected like any other.
   */
  protect?: {
    cells?: boolean[][];
    rowTotals?: boolean[];
    columnTotals?: boolean[];
    total?: boolean;
  };
  /**
   * Margins another view publishes as they are (a by= table's row totals and total are the whole
   * view's own counts): each is hidden exactly when the reason given here says so (null = shown), and
   * this table never hides one more. Hiding a number here that the other view shows would protect
   * nothing, and showing one it hides would give that one away.
   */
  fixed?: {
    rowTotals?: (HiddenReason | null)[];
    total?: HiddenReason | null;
  };
  /**
   * More lines whose totals another view publishes, hidden there as `reason` says (null = shown):
   * some cells of a row, or some column totals, that add up to `total` — e.g. the pairs "65-74 and
   * 50+ hours", "65-74 and under 20 hours"… add up to "65-74" of the table by age alone. They are
   * protected like the table's own lines; their totals are never hidden here.
   */
  lines?: { members: { row?: number; column: number }[]; total: number; reason: HiddenReason | null }[];
}

export interface SuppressedTable {
  cells: (number | null)[][];
  rowTotals?: (number | null)[];
  columnTotals?: (number | null)[];
  total?: number | null;
  /** Why each null above is hidden, in the same shape (null where the number is shown). */
  reasons: {
    cells: (HiddenReason | null)[][];
    rowTotals?: (HiddenReason | null)[];
    columnTotals?: (HiddenReason | null)[];
    total?: HiddenReason | null;
  };
}

export function resolveSuppression(options: SuppressionOptions = {}): Required<SuppressionOptions> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const rounding = options.rounding ?? DEFAULT_ROUNDING;
  if (!Number.isInteger(threshold) || threshold < 0) throw new RangeError('threshold must be a whole number, 0 or more');
  if (!Number.isInteger(rounding) || rounding < 1) throw new RangeError('rounding must be a whole number, 1 or more');
  return { threshold, rounding };
}

/** Rounds one count that is allowed to be shown (0 or above the threshold). */
export function roundCount(value: number, options: SuppressionOptions = {}): number {
  const { threshold, rounding } = resolveSuppression(options);
  if (value === 0) return 0;
  let rounded = Math.round(value / rounding) * rounding;
  if (rounded <= threshold) rounded = (Math.floor(threshold / rounding) + 1) * rounding;
  return rounded;
}

/** Hides one count on its own (no table around it): null when from 1 to the threshold. */
export function publishCount(value: number, options: SuppressionOptions = {}): number | null {
  const { threshold } = resolveSuppression(options);
  if (value >= 1 && value <= threshold) return null;
  return roundCount(value, options);
}

/** A whole-number percentage from published counts; null when either is hidden or the base is 0. */
export function percentOf(count: number | null, base: number | null): number | null {
  if (count === null || base === null || base === 0) return null;
  return Math.round((count / base) * 100);
}

type Cell = { value: number; hidden: boolean; reason: HiddenReason | null; fixed?: true };

function smallest(cells: Cell[]): Cell | undefined {
  return cells.reduce<Cell | undefined>((best, c) => (best === undefined || c.value < best.value ? c : best), undefined);
}

/**
 * Whether a reader who knows the hidden cells of one line add up to H (its shown total minus its shown
 * cells), and why each is hidden, could narrow a primary cell to one value. The reader is assumed to
 * know as much as possible: which secondary cells are zero, and that the others exceed the threshold.
 */
export function pinsASmallCount(hidden: readonly { value: number; reason: HiddenReason | null }[], threshold: number): boolean {
  const primaries = hidden.filter((c) => c.reason === 'primary').length;
  if (primaries === 0) return false;
  const sum = hidden.reduce((a, c) => a + c.value, 0);
  const largeSecondaries = hidden.filter((c) => c.reason !== 'primary' && c.value > 0).length;
  // The other hidden cells of the line add up to somewhere in [low, high].
  const low = primaries - 1 + largeSecondaries * (threshold + 1);
  const high = largeSecondaries > 0 ? Infinity : (primaries - 1) * threshold;
  const from = Math.max(1, sum - high);
  const to = Math.min(threshold, sum - low);
  return to - from < 1;
}

/**
 * Applies primary and secondary suppression and rounding to a table of counts. Pure; never changes
 * its input.
 */
export function suppressSmallCounts(table: CountTable, options: SuppressionOptions = {}): SuppressedTable {
  const opts = resolveSuppression(options);
  const small = (v: number) => v >= 1 && v <= opts.threshold;
  const mark = (v: number, protect?: boolean): Cell =>
    small(v) ? { value: v, hidden: true, reason: 'primary' } : { value: v, hidden: Boolean(protect), reason: protect ? 'secondary' : null };
  const p = table.protect;

  const cells = table.cells.map((row, i) => row.map((v, j) => mark(v, p?.cells?.[i]?.[j])));
  const fix = (v: number, reason: HiddenReason | null | undefined, otherwise: () => Cell): Cell =>
    reason === undefined ? otherwise() : { value: v, hidden: reason !== null, reason, fixed: true };
  const rowTotals = table.rowTotals?.map((v, i) => fix(v, table.fixed?.rowTotals?.[i], () => mark(v, p?.rowTotals?.[i])));
  const columnTotals = table.columnTotals?.map((v, j) => mark(v, p?.columnTotals?.[j]));
  const total = table.total === undefined ? undefined : fix(table.total, table.fixed?.total, () => mark(table.total!, p?.total));
  const columnCount = Math.max(0, ...table.cells.map((r) => r.length));

  // Every line: the cells in it, and the total it adds up to (when there is one).
  const lines: { members: Cell[]; total: Cell | undefined }[] = [];
  cells.forEach((row, i) => lines.push({ members: row, total: rowTotals?.[i] }));
  for (let j = 0; j < columnCount; j++) {
    lines.push({ members: cells.map((row) => row[j]).filter((c): c is Cell => c !== undefined), total: columnTotals?.[j] });
  }
  if (rowTotals) lines.push({ members: rowTotals, total });
  if (columnTotals) lines.push({ members: columnTotals, total });
  for (const extra of table.lines ?? []) {
    const members = extra.members
      .map((m) => (m.row === undefined ? columnTotals?.[m.column] : cells[m.row]?.[m.column]))
      .filter((c): c is Cell => c !== undefined);
    lines.push({ members, total: { value: extra.total, hidden: extra.reason !== null, reason: extra.reason, fixed: true } });
  }

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (line.total?.hidden && line.members.length && line.members.every((c) => !c.hidden)) {
        // A hidden total whose cells are all shown is their sum: hide one of them too.
        const pick = smallest(line.members.filter((c) => !c.fixed && c.value > 0));
        if (pick) {
          pick.hidden = true;
          pick.reason = 'secondary';
          changed = true;
        }
        continue;
      }
      if (!line.total || line.total.hidden) continue;
      const hidden = line.members.filter((c) => c.hidden);
      if (hidden.length === 0 || (hidden.length > 1 && !pinsASmallCount(hidden, opts.threshold))) continue;
      const shown = line.members.filter((c) => !c.hidden && !c.fixed);
      // Prefer hiding the smallest non-zero cell (hiding a zero still leaves the reader two unknowns).
      const candidates = shown.filter((c) => c.value > 0);
      const pick = smallest(candidates.length ? candidates : shown);
      if (pick) {
        pick.hidden = true;
        pick.reason = 'secondary';
      } else if (!line.total.fixed) {
        line.total.hidden = true;
        line.total.reason = 'secondary';
      } else continue; // the other view publishes this total and these cells as they are: nothing left to hide here
      changed = true;
    }
  }

  const out = (c: Cell): number | null => (c.hidden ? null : roundCount(c.value, opts));
  const why = (c: Cell): HiddenReason | null => (c.hidden ? c.reason : null);
  const result: SuppressedTable = { cells: cells.map((row) => row.map(out)), reasons: { cells: cells.map((row) => row.map(why)) } };
  if (rowTotals) {
    result.rowTotals = rowTotals.map(out);
    result.reasons.rowTotals = rowTotals.map(why);
  }
  if (columnTotals) {
    result.columnTotals = columnTotals.map(out);
    result.reasons.columnTotals = columnTotals.map(why);
  }
  if (total) {
    result.total = out(total);
    result.reasons.total = why(total);
  }
  return result;
}
