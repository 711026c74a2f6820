import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { suppressSmallCounts, publishCount, roundCount, percentOf, hiddenReasonText, pinsASmallCount, type SuppressedTable } from './suppress.js';

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

test('each hidden cell says why: small itself (primary) or hidden to protect one (secondary)', () => {
  const t = suppressSmallCounts({ cells: [[3, 40, 57]], rowTotals: [100] });
  assert.deepEqual(t.reasons.cells, [['primary', 'secondary', null]]);
  assert.deepEqual(t.reasons.rowTotals, [null]);
  assert.equal(hiddenReasonText('primary', 7), 'fewer than 8');
  assert.equal(hiddenReasonText('secondary', 7), 'hidden to protect a small group');
});

test('the reasons never pin a small count: a primary and a secondary that add up to threshold + 2 hide a third cell', () => {
  // 1 + 8 = 9 hidden: "primary is 1–7, secondary is 8 or more" would give the primary back as 1.
  const t = suppressSmallCounts({ cells: [[1, 8, 30, 40]], rowTotals: [79] }, { rounding: 1 });
  assert.deepEqual(t.cells, [[null, null, null, 40]]);
  assert.deepEqual(t.reasons.cells, [['primary', 'secondary', 'secondary', null]]);
  // Two primaries adding up to 2 would both be 1.
  const two = suppressSmallCounts({ cells: [[1, 1, 30, 40]], rowTotals: [72] }, { rounding: 1 });
  assert.deepEqual(two.reasons.cells, [['primary', 'primary', 'secondary', null]]);
  assert.equal(pinsASmallCount([{ value: 3, reason: 'primary' }, { value: 40, reason: 'secondary' }], 7), false);
});

/** Every value a primary cell of this line could have, to a reader who knows H and each cell's reason. */
function feasiblePrimaryValues(hidden: { value: number; reason: 'primary' | 'secondary' | null }[], threshold: number, index: number): number[] {
  const sum = hidden.reduce((a, c) => a + c.value, 0);
  const others = hidden.filter((_, i) => i !== index);
  // Brute force over the other cells' possible values (small: at most a few cells).
  const ranges = others.map((c) => (c.reason === 'primary' ? range(1, threshold) : c.value === 0 ? [0] : range(threshold + 1, sum)));
  const reachable = new Set<number>([0]);
  let sums = new Set<number>([0]);
  for (const r of ranges) {
    const next = new Set<number>();
    for (const s of sums) for (const v of r) if (s + v <= sum) next.add(s + v);
    sums = next;
  }
  for (const s of sums) reachable.add(s);
  return range(1, threshold).filter((x) => sums.has(sum - x));
}
function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

test('property: knowing which hidden cells are small never narrows a small count to one value, in any line with a shown total', () => {
  fc.assert(
    fc.property(tableArb, ({ cells, threshold }) => {
      const rowTotals = cells.map((r) => r.reduce((a, b) => a + b, 0));
      const columnTotals = cells[0]!.map((_, j) => cells.reduce((a, r) => a + r[j]!, 0));
      const total = rowTotals.reduce((a, b) => a + b, 0);
      const t = suppressSmallCounts({ cells, rowTotals, columnTotals, total }, { threshold, rounding: 1 });
      // Reasons match what is hidden, and "primary" exactly when the true count is from 1 to the threshold.
      cells.forEach((row, i) =>
        row.forEach((v, j) => {
          const reason = t.reasons.cells[i]![j];
          assert.equal(reason !== null, t.cells[i]![j] === null);
          assert.equal(reason === 'primary', v >= 1 && v <= threshold);
        }),
      );
      const lines: { values: number[]; reasons: ('primary' | 'secondary' | null)[]; totalShown: boolean }[] = [];
      cells.forEach((row, i) => lines.push({ values: row, reasons: t.reasons.cells[i]!, totalShown: t.rowTotals![i] !== null }));
      cells[0]!.forEach((_, j) =>
        lines.push({ values: cells.map((r) => r[j]!), reasons: t.reasons.cells.map((r) => r[j]!), totalShown: t.columnTotals![j] !== null }),
      );
      lines.push({ values: rowTotals, reasons: t.reasons.rowTotals!, totalShown: t.total !== null });
      lines.push({ values: columnTotals, reasons: t.reasons.columnTotals!, totalShown: t.total !== null });
      for (const line of lines) {
        if (!line.totalShown) continue;
        const hidden = line.values.map((value, i) => ({ value, reason: line.reasons[i]! })).filter((c) => c.reason !== null);
        if (hidden.length > 5) continue; // brute force stays small; the rule is the same
        hidden.forEach((c, i) => {
          if (c.reason !== 'primary') return;
          const feasible = feasiblePrimaryValues(hidden, threshold, i);
          assert.ok(feasible.includes(c.value), 'the true value is possible');
          assert.ok(feasible.length >= 2, `a small count ${c.value} is pinned by ${JSON.stringify(hidden)} (threshold ${threshold})`);
        });
      }
    }),
    { numRuns: 400 },
  );
});

test('a protected count (a wider view would give it away) starts hidden as secondary, and its line protects it', () => {
  const t = suppressSmallCounts({ cells: [], rowTotals: [50, 30, 20], total: 100, protect: { rowTotals: [true, false, false] } });
  assert.deepEqual(t.rowTotals, [null, 30, null]);
  assert.deepEqual(t.reasons.rowTotals, ['secondary', null, 'secondary']);
  assert.equal(t.total, 100);
  // A small count stays primary even when also protected.
  const small = suppressSmallCounts({ cells: [[3, 40, 57]], rowTotals: [100], protect: { cells: [[true, false, false]] } });
  assert.deepEqual(small.reasons.cells, [['primary', 'secondary', null]]);
});
