import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { suppressSmallCounts, publishCount, roundCount, percentOf, type SuppressedTable } from './suppress.js';

test('counts from 1 to 7 are hidden, others rounded to the nearest 5', () => {
  assert.equal(publishCount(0), 0);
  assert.equal(publishCount(1), null);
  assert.equal(publishCount(7), null);
  assert.equal(publishCount(8), 10);
  assert.equal(publishCount(12), 10);
  assert.equal(publishCount(13), 15);
  assert.equal(publishCount(1234), 1235);
});

test('the threshold and rounding are configurable, and a rounded count never lands inside the threshold', () => {
  assert.equal(publishCount(10, { threshold: 10 }), null);
  assert.equal(publishCount(11, { threshold: 10 }), 15);
  assert.equal(roundCount(11, { threshold: 10, rounding: 10 }), 20);
  assert.equal(publishCount(9, { threshold: 3, rounding: 1 }), 9);
  assert.throws(() => publishCount(9, { rounding: 0 }), /rounding/);
});

test('one hidden cell in a row with a shown total drags a second cell into hiding', () => {
  const t = suppressSmallCounts({ cells: [[3, 40, 57]], rowTotals: [100] });
  assert.deepEqual(t.cells, [[null, null, 55]]);
  assert.deepEqual(t.rowTotals, [100]);
});

test('secondary suppression follows through columns', () => {
  // Hiding 3 forces 20 (smallest in its row) into hiding; its column then has one hidden cell, and so on.
  const t = suppressSmallCounts({
    cells: [
      [3, 20, 30],
      [40, 50, 60],
    ],
    rowTotals: [53, 150],
    columnTotals: [43, 70, 90],
    total: 203,
  });
  for (const line of linesOf(t)) assert.notEqual(line.hidden, 1, `a line with a shown total has one hidden cell: ${JSON.stringify(t)}`);
});

test('percentages come from the published numbers', () => {
  assert.equal(percentOf(10, 40), 25);
  assert.equal(percentOf(null, 40), null);
  assert.equal(percentOf(10, 0), null);
});

function linesOf(t: SuppressedTable): { hidden: number; total: number | null | undefined }[] {
  const lines: { hidden: number; total: number | null | undefined }[] = [];
  const cols = Math.max(0, ...t.cells.map((r) => r.length));
  t.cells.forEach((row, i) => lines.push({ hidden: row.filter((c) => c === null).length, total: t.rowTotals?.[i] }));
  for (let j = 0; j < cols; j++) lines.push({ hidden: t.cells.filter((r) => r[j] === null).length, total: t.columnTotals?.[j] });
  if (t.rowTotals) lines.push({ hidden: t.rowTotals.filter((c) => c === null).length, total: t.total });
  if (t.columnTotals) lines.push({ hidden: t.columnTotals.filter((c) => c === null).length, total: t.total });
  return lines;
}

const tableArb = fc
  .record({
    rows: fc.integer({ min: 1, max: 6 }),
    cols: fc.integer({ min: 1, max: 5 }),
    threshold: fc.integer({ min: 0, max: 12 }),
    rounding: fc.integer({ min: 1, max: 10 }),
  })
  .chain(({ rows, cols, threshold, rounding }) =>
    fc.record({
      cells: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 500 })), { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
      threshold: fc.constant(threshold),
      rounding: fc.constant(rounding),
    }),
  );

test('property: no published count is ever from 1 to the threshold', () => {
  fc.assert(
    fc.property(tableArb, ({ cells, threshold, rounding }) => {
      const rowTotals = cells.map((r) => r.reduce((a, b) => a + b, 0));
      const columnTotals = cells[0]!.map((_, j) => cells.reduce((a, r) => a + r[j]!, 0));
      const total = rowTotals.reduce((a, b) => a + b, 0);
      const t = suppressSmallCounts({ cells, rowTotals, columnTotals, total }, { threshold, rounding });
      const published = [...t.cells.flat(), ...(t.rowTotals ?? []), ...(t.columnTotals ?? []), t.total ?? null];
      for (const v of published) if (v !== null) assert.ok(v === 0 || v > threshold, `published ${v} with threshold ${threshold}`);
    }),
    { numRuns: 400 },
  );
});

test('property: a hidden cell can never be recovered from a shown total in the same table', () => {
  fc.assert(
    fc.property(tableArb, ({ cells, threshold, rounding }) => {
      const rowTotals = cells.map((r) => r.reduce((a, b) => a + b, 0));
      const columnTotals = cells[0]!.map((_, j) => cells.reduce((a, r) => a + r[j]!, 0));
      const total = rowTotals.reduce((a, b) => a + b, 0);
      const t = suppressSmallCounts({ cells, rowTotals, columnTotals, total }, { threshold, rounding: 1 });
      void rounding;
      // Even with rounding off (exact counts), no line with a shown total has exactly one unknown.
      for (const line of linesOf(t)) if (line.total !== null && line.total !== undefined) assert.notEqual(line.hidden, 1);
      // And every true small count is hidden.
      cells.forEach((row, i) => row.forEach((v, j) => v >= 1 && v <= threshold && assert.equal(t.cells[i]![j], null)));
    }),
    { numRuns: 400 },
  );
});
