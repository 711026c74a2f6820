/**
 * The input for a statement heat map: how each organisation (or partner) stands on each priority
 * statement. The collector has no model for this yet, so the dashboard builds it; the shape is kept
 * small so a server model can produce it directly later.
 *
 * - `rows` are organisations or partners; `statements` are the columns, in order.
 * - `rows[i].cells[j]` holds the counts for `statements[j]`: one count per `scale` value, already
 *   suppressed and rounded as everything a dashboard shows is (`null` = that count is hidden).
 * - A whole cell of `null` means nothing can be shown for it: no ratings, or too few to show
 *   (fewer than `suppression.threshold + 1`).
 */
export interface StatementHeatmap {
  /** Shown as the heading, e.g. "Priority statements across organisations". */
  title?: string;
  /** The heading of the first column, e.g. "Organisation". Default "Organisation". */
  rowHeading?: string;
  /** As in a ResultsModel. Default: threshold 7, rounding 5. */
  suppression?: { threshold: number; rounding: number };
  /**
   * The rating scale, ordered best first (e.g. met, partly met, not yet). The first value is the one
   * the colour and the percentage in each cell count. `outside: true` marks an answer that is not on
   * the scale ("does not apply"): it is listed but never part of a percentage.
   */
  scale: { value: string; label: string; outside?: boolean }[];
  statements: { id: string; text: string }[];
  rows: { id: string; label: string; cells: (Record<string, number | null> | null)[] }[];
}

/** What one cell shows: the share rated best among the on-scale ratings shown. */
export interface HeatmapCellView {
  /** Whole-number percentage rated best, or null when it cannot be shown. */
  percent: number | null;
  /** On-scale ratings shown (the base of `percent`). */
  base: number | null;
  /** 0–4: which colour band the percentage falls in; null when nothing is shown. */
  band: number | null;
  counts: { value: string; label: string; count: number | null }[];
  /** True when the whole cell is hidden or empty. */
  empty: boolean;
}

export function heatmapCell(data: StatementHeatmap, cell: Record<string, number | null> | null | undefined): HeatmapCellView {
  const counts = data.scale.map((s) => ({ value: s.value, label: s.label, count: cell ? countIn(cell, s.value) : null }));
  if (!cell) return { percent: null, base: null, band: null, counts, empty: true };
  const onScale = data.scale.filter((s) => !s.outside);
  // A hidden count on the scale means the base is unknown, so no percentage can be shown honestly.
  if (onScale.some((s) => cell[s.value] === null)) return { percent: null, base: null, band: null, counts, empty: false };
  const base = onScale.reduce((sum, s) => sum + (cell[s.value] ?? 0), 0);
  const best = onScale[0] ? (countIn(cell, onScale[0].value) ?? 0) : 0;
  if (base === 0) return { percent: null, base: 0, band: null, counts, empty: false };
  const percent = Math.round((best / base) * 100);
  return { percent, base, band: Math.min(4, Math.floor(percent / 20)), counts, empty: false };
}

/** A rating missing from a cell was given by nobody (0); a null one is hidden and stays null. */
function countIn(cell: Record<string, number | null>, value: string): number | null {
  const count = cell[value];
  return count === undefined ? 0 : count;
}
