import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tallyIncrements, mergeIncrements, groupForFilters, groupByProblems, RESPONSES, BASE, ANSWERED, type AggregatableDefinition } from './tally.js';
import { buildResults, groupPattern, partValue, type GroupPattern, type ResultsModel, type TallyRow } from './results.js';
import type { Answers } from '../content/question.js';

const survey: AggregatableDefinition = {
  id: 'annual',
  version: 1,
  kind: 'survey',
  title: 'Annual carers survey',
  pages: [
    {
      questions: [
        { id: 'age', type: 'single', label: 'Age', options: [{ value: 'under-18', label: 'Under 18' }, { value: '18-64', label: '18 to 64' }, { value: '65-plus', label: '65 or over' }] },
        { id: 'break', type: 'likert', label: 'I can take a break', options: [{ value: 'disagree', label: 'Disagree' }, { value: 'neutral', label: 'Neither' }, { value: 'agree', label: 'Agree' }], notApplicable: true },
        { id: 'support', type: 'multiple', label: 'Support used', options: [{ value: 'gp', label: 'GP' }, { value: 'hub', label: 'Carers hub' }, { value: 'none', label: 'None', exclusive: true }] },
        { id: 'hours', type: 'number', label: 'Hours a week' },
        { id: 'life', type: 'rating', label: 'Quality of life', min: 0, max: 10 },
        { id: 'comments', type: 'textarea', label: 'Anything else?' },
      ],
    },
  ],
  indicators: [{ id: 'breaks', label: 'Can take a break', question: 'break', positive: ['agree'] }],
};

function rowsFrom(responses: { year: number; answers: Answers }[], by?: string): TallyRow[] {
  const inc = responses.flatMap(({ year, answers }) =>
    tallyIncrements(survey, answers, { groupBy: by ? [by] : [] }).map((r) => ({ ...r, year })),
  );
  return mergeIncrements(inc, (r) => JSON.stringify([r.year, r.question, r.option, r.groupQuestion, r.groupValue])).map((r) => ({
    year: r.year,
    question: r.question,
    option: r.option,
    group: r.groupValue,
    n: r.n,
    sum: r.sum,
  }));
}

test('one response adds a base row, an answered row per question and one row per choice', () => {
  const inc = tallyIncrements(survey, { age: '18-64', support: ['gp', 'hub'], hours: 35, comments: 'thanks' }, { groupBy: ['age'] });
  const plain = inc.filter((r) => r.groupQuestion === '');
  assert.ok(plain.some((r) => r.question === RESPONSES && r.option === BASE && r.n === 1));
  assert.ok(plain.some((r) => r.question === 'support' && r.option === 'hub'));
  assert.ok(plain.some((r) => r.question === 'hours' && r.option === '_value' && r.sum === 35));
  assert.ok(!plain.some((r) => r.question === 'comments' && r.option === 'thanks'), 'free text is never a tally key');
  assert.equal(inc.filter((r) => r.groupQuestion === 'age' && r.groupValue === '18-64').length, plain.length);
});

test('results show counts, percentages, means and indicators, with small counts hidden', () => {
  const responses: { year: number; answers: Answers }[] = [];
  for (let i = 0; i < 40; i++) responses.push({ year: 2025, answers: { age: '18-64', break: i < 30 ? 'agree' : 'disagree', support: ['gp'], hours: 10, life: 6 } });
  for (let i = 0; i < 3; i++) responses.push({ year: 2025, answers: { age: 'under-18', break: 'agree', support: ['hub'], hours: 20, life: 4 } });
  const r = buildResults(survey, rowsFrom(responses)) as ResultsModel;
  assert.equal(r.suppressed, false);
  assert.equal(r.base, 45);
  const age = r.questions.find((q) => q.id === 'age')!;
  assert.equal(age.options!.find((o) => o.value === 'under-18')!.count, null);
  // 40 alone in the row with 3 hidden would give 3 back from the total: hidden too (its zero neighbour is not enough).
  const shown = age.options!.filter((o) => o.count !== null && o.count > 0);
  assert.equal(shown.length, 0);
  const hours = r.questions.find((q) => q.id === 'hours')!;
  assert.equal(hours.mean, 10.7); // (400 + 60) / 43: means use true sums, shown only when the base is shown
  const comments = r.questions.find((q) => q.id === 'comments')!;
  assert.equal(comments.freeText, true);
  assert.equal(comments.options, undefined);
  assert.equal(r.indicators[0]!.percent, 78); // published 35 of 45, not the true 33 of 43
});

test('a base below the threshold says so instead of showing data', () => {
  const r = buildResults(survey, rowsFrom([{ year: 2025, answers: { age: '18-64' } }]));
  assert.deepEqual({ suppressed: r.suppressed, reason: 'reason' in r ? r.reason : '' }, { suppressed: true, reason: 'too few responses to show' });
});

test('results cut by a grouping question, and year-on-year trends', () => {
  const responses: { year: number; answers: Answers }[] = [];
  for (let i = 0; i < 30; i++) responses.push({ year: 2024, answers: { age: '18-64', break: i < 10 ? 'agree' : 'disagree' } });
  for (let i = 0; i < 30; i++) responses.push({ year: 2025, answers: { age: i < 20 ? '18-64' : '65-plus', break: i < 20 ? 'agree' : 'disagree' } });
  const r = buildResults(survey, rowsFrom(responses, 'age'), { by: 'age' }) as ResultsModel;
  assert.deepEqual(r.by!.groups.map((g) => [g.value, g.base]), [['under-18', 0], ['18-64', 50], ['65-plus', 10]]);
  assert.deepEqual(r.trends.map((t) => [t.year, t.base, t.indicators[0]!.percent]), [[2024, 30, 33], [2025, 30, 67]]);
  const brk = r.questions.find((q) => q.id === 'break')!;
  assert.deepEqual(brk.groups, [0, 50, 10]);
});

test('property: whatever the answers, no result shows a count from 1 to the threshold, and no shown total betrays one hidden cell', () => {
  const answersArb = fc.record(
    {
      age: fc.constantFrom('under-18', '18-64', '65-plus'),
      break: fc.constantFrom('disagree', 'neutral', 'agree', 'not-applicable'),
      support: fc.subarray(['gp', 'hub'], { minLength: 1 }),
      life: fc.integer({ min: 0, max: 10 }),
    },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(fc.array(fc.record({ year: fc.constantFrom(2024, 2025), answers: answersArb }), { maxLength: 80 }), fc.boolean(), (responses, cut) => {
      const r = buildResults(survey, rowsFrom(responses as { year: number; answers: Answers }[], cut ? 'age' : undefined), cut ? { by: 'age' } : {});
      if (r.suppressed) return;
      const counts: (number | null)[] = [r.base, ...r.trends.map((t) => t.base), ...(r.by?.groups.map((g) => g.base) ?? [])];
      for (const q of r.questions) {
        counts.push(q.answered, ...(q.groups ?? []));
        // Every hidden number says why; no shown one carries a mark.
        assert.equal(q.hidden?.answered !== undefined, q.answered === null, `${q.id} answered`);
        (q.groups ?? []).forEach((g, i) => assert.equal((q.hidden?.groups?.[i] ?? null) !== null, g === null, `${q.id} group ${i}`));
        for (const o of q.options ?? []) {
          counts.push(o.count, ...(o.groups ?? []));
          assert.equal(o.hidden?.count !== undefined, o.count === null, `${q.id}/${o.value} count`);
          (o.groups ?? []).forEach((g, i) => assert.equal((o.hidden?.groups?.[i] ?? null) !== null, g === null, `${q.id}/${o.value} group ${i}`));
        }
        if (q.options && q.answered !== null && q.type !== 'multiple') {
          // Single-answer questions: the option counts add up to the answered count, so never exactly one hidden.
          assert.notEqual(q.options.filter((o) => o.count === null).length, 1, `${q.id}: ${JSON.stringify(q.options)}`);
        }
      }
      for (const c of counts) if (c !== null) assert.ok(c === 0 || c > 7, `published ${c}`);
    }),
    { numRuns: 150 },
  );
});

test('a combined grouping counts each response under the pair of its answers', () => {
  const inc = tallyIncrements(survey, { age: '18-64', support: ['gp', 'hub'], break: 'agree' }, { groupBy: ['age', 'age+support'] });
  const plain = inc.filter((r) => r.groupQuestion === '');
  const pairs = inc.filter((r) => r.groupQuestion === 'age+support');
  assert.deepEqual([...new Set(pairs.map((r) => r.groupValue))].sort(), ['18-64+gp', '18-64+hub']);
  assert.equal(pairs.filter((r) => r.groupValue === '18-64+gp').length, plain.length);
  // Unanswered part: no combined rows at all.
  const none = tallyIncrements(survey, { support: ['gp'] }, { groupBy: ['age+support'] });
  assert.equal(none.filter((r) => r.groupQuestion !== '').length, 0);
});

test('two filters resolve to a registered combination (either order); anything else is a plain problem', () => {
  const groupBy = ['age', 'support', 'age+support'];
  assert.deepEqual(groupForFilters(groupBy, [{ question: 'support', value: 'gp' }, { question: 'age', value: '65-plus' }]), {
    ok: true,
    question: 'age+support',
    value: '65-plus+gp',
  });
  assert.deepEqual(groupForFilters(groupBy, [{ question: 'age', value: '18-64' }]), { ok: true, question: 'age', value: '18-64' });
  const notTallied = groupForFilters(['age', 'support'], [{ question: 'age', value: '18-64' }, { question: 'support', value: 'gp' }]);
  assert.equal(notTallied.ok, false);
  assert.match(!notTallied.ok ? notTallied.message : '', /age and support were not counted together/);
  const twice = groupForFilters(groupBy, [{ question: 'age', value: '18-64' }, { question: 'age', value: '65-plus' }]);
  assert.match(!twice.ok ? twice.message : '', /each question once/);
  assert.deepEqual(groupByProblems(['age', 'age+support', 'support+age', 'age+nope', 'age+age'], ['age', 'support']), [
    '"support+age" is listed twice',
    '"nope" is not a question of this instrument',
    '"age+age" names a question twice',
  ]);
});

test('results say why each hidden number is hidden, and never with a number', () => {
  const responses: { year: number; answers: Answers }[] = [];
  for (let i = 0; i < 40; i++) responses.push({ year: 2025, answers: { age: '18-64', break: i < 30 ? 'agree' : 'disagree' } });
  for (let i = 0; i < 3; i++) responses.push({ year: 2025, answers: { age: 'under-18', break: 'agree' } });
  const r = buildResults(survey, rowsFrom(responses)) as ResultsModel;
  const age = r.questions.find((q) => q.id === 'age')!;
  const under = age.options!.find((o) => o.value === 'under-18')!;
  const adult = age.options!.find((o) => o.value === '18-64')!;
  assert.deepEqual(under.hidden, { count: 'primary', percent: 'primary' });
  assert.deepEqual(adult.hidden, { count: 'secondary', percent: 'secondary' });
  assert.equal(age.options!.find((o) => o.value === '65-plus')!.hidden, undefined, 'a shown zero has no mark');
  assert.ok(!JSON.stringify(r).match(/"(count|base|answered)":[1-7][,}]/), 'no small count anywhere');
});

test('a filtered view hides each number that the same view without the filter would give away by subtraction', () => {
  // Filter: aged 18 to 64 (60 carers). Left out: 4 under 18 (in 2024, all agreeing) and 30 aged 65 or
  // over (in 2025, all neutral), 34 in all, so the view is shown, but some of its numbers differ from
  // the whole view's by those 4 alone.
  const responses: { year: number; answers: Answers }[] = [];
  for (let i = 0; i < 60; i++)
    responses.push({ year: i < 20 ? 2024 : 2025, answers: { age: '18-64', break: i % 3 === 0 ? 'agree' : i % 3 === 1 ? 'neutral' : 'disagree', support: ['gp'] } });
  for (let i = 0; i < 4; i++) responses.push({ year: 2024, answers: { age: 'under-18', break: 'agree', support: ['gp'] } });
  for (let i = 0; i < 30; i++) responses.push({ year: 2025, answers: { age: '65-plus', break: 'neutral', support: ['hub'] } });
  const whole = rowsFrom(responses);
  const filtered = buildResults(survey, rowsFrom(responses.filter((r) => r.answers['age'] === '18-64')), { wider: [whole] }) as ResultsModel;
  const plain = buildResults(survey, rowsFrom(responses.filter((r) => r.answers['age'] === '18-64'))) as ResultsModel;
  assert.equal(filtered.suppressed, false);
  const breakQ = filtered.questions.find((q) => q.id === 'break')!;
  const count = (value: string, r: ResultsModel = filtered) => r.questions.find((q) => q.id === 'break')!.options!.find((o) => o.value === value)!;
  // "agree": 20 here, 24 in the whole view; the 4 left out all agreed. Hidden, with another count of
  // the same line (one hidden count under a shown total would be given back).
  assert.equal(count('agree', plain).count, 20, 'shown when there is no wider view to compare with');
  assert.equal(count('agree').count, null);
  assert.equal(count('agree').hidden?.count, 'secondary');
  assert.equal(breakQ.answered, 60);
  assert.equal(breakQ.options!.filter((o) => o.count === null).length, 2);
  // "neutral" differs by 30 carers: shown. The mean differs by 34 answers: shown.
  assert.equal(count('neutral').count, 20);
  assert.notEqual(breakQ.mean, null);
  // "GP" 60 vs 64: hidden.
  const support = filtered.questions.find((q) => q.id === 'support')!;
  assert.equal(support.options!.find((o) => o.value === 'gp')!.hidden?.count, 'secondary');
  // The indicator ("agree") and the 2024 trend point (20 vs 24) would give the 4 away too.
  assert.equal(filtered.indicators.find((i) => i.id === 'breaks')!.percent, null);
  const y2024 = filtered.trends.find((t) => t.year === 2024)!;
  assert.deepEqual({ base: y2024.base, hidden: y2024.hidden }, { base: null, hidden: { base: 'secondary' } });
  assert.ok(!JSON.stringify(filtered).match(/"(count|base|answered)":[1-7][,}]/), 'no small count anywhere');
  // When the responses left out are few in all, the view says too few.
  const most = buildResults(survey, rowsFrom(responses.filter((r) => r.answers['age'] !== 'under-18')), { wider: [whole] });
  assert.deepEqual({ suppressed: most.suppressed, reason: (most as { reason?: string }).reason }, { suppressed: true, reason: 'too few responses to show' });
});

test('property: a count published in a filtered view and in the view without the filter never differ by 1 to the threshold', () => {
  const answersArb = fc.record({
    age: fc.constantFrom('under-18', '18-64', '65-plus'),
    break: fc.constantFrom('disagree', 'neutral', 'agree', 'not-applicable'),
    support: fc.subarray(['gp', 'hub'], { minLength: 1 }),
    life: fc.integer({ min: 0, max: 10 }),
  });
  fc.assert(
    fc.property(
      fc.array(fc.record({ year: fc.constantFrom(2024, 2025), answers: answersArb }), { minLength: 8, maxLength: 160 }),
      fc.constantFrom('under-18', '18-64', '65-plus'),
      (responses, keep) => {
        const wholeRows = rowsFrom(responses);
        const partRows = rowsFrom(responses.filter((r) => r.answers.age === keep));
        const whole = buildResults(survey, wholeRows);
        const part = buildResults(survey, partRows, { wider: [wholeRows] });
        if (whole.suppressed || part.suppressed) return;
        const trueN = (rows: TallyRow[], question: string, option: string, year?: number) =>
          rows.filter((r) => r.question === question && r.option === option && (year === undefined || r.year === year)).reduce((n, r) => n + r.n, 0);
        const check = (shownWhole: number | null | undefined, shownPart: number | null | undefined, question: string, option: string, year?: number) => {
          if (shownWhole == null || shownPart == null) return;
          const left = trueN(wholeRows, question, option, year) - trueN(partRows, question, option, year);
          assert.ok(left === 0 || left > 7, `${question}/${option}${year ? ` in ${year}` : ''}: both shown, ${left} left out`);
        };
        for (const q of part.questions) {
          const w = whole.questions.find((x) => x.id === q.id)!;
          check(w.answered, q.answered, q.id, '_answered');
          for (const o of q.options ?? []) check(w.options!.find((x) => x.value === o.value)?.count, o.count, q.id, o.value);
          if (q.mean != null && w.mean != null && q.type === 'likert') {
            const inScale = ['disagree', 'neutral', 'agree'];
            const left = inScale.reduce((n, v) => n + trueN(wholeRows, q.id, v) - trueN(partRows, q.id, v), 0);
            assert.ok(left === 0 || left > 7, `${q.id} mean: both shown, ${left} left out`);
          }
        }
        for (const t of part.trends) check(whole.trends.find((x) => x.year === t.year)?.base, t.base, RESPONSES, BASE, t.year);
      },
    ),
    { numRuns: 300 },
  );
});

/** Responses with these answers, `n` times over (year 2025). */
function many(n: number, answers: Answers, year = 2025): { year: number; answers: Answers }[] {
  return Array.from({ length: n }, () => ({ year, answers }));
}

test('a by= table and a where= view of one group hide the same counts, so together they cannot pin a hidden one', () => {
  // "Can take a break" by age. Agree: 1 under 18, 13 aged 18 to 64, 13 aged 65 or over (27 in all).
  // The by=age table hides the 1 and, so that the row total cannot give it back, the 13 aged 18 to 64.
  // The where=age:18-64 view used to show that 13 (rounded: 15), since its own column needs no
  // hiding. A reader then had: agree in all 25 (true 23–27), 65 or over 15 (13–17), 18 to 64 15
  // (13–17), so under 18 = 23 − 17 − 17 … 27 − 13 − 13 = −11 … 1: exactly 1, despite the rounding.
  const responses = [
    ...many(1, { age: 'under-18', break: 'agree' }),
    ...many(20, { age: 'under-18', break: 'disagree' }),
    ...many(13, { age: '18-64', break: 'agree' }),
    ...many(20, { age: '18-64', break: 'disagree' }),
    ...many(13, { age: '65-plus', break: 'agree' }),
    ...many(20, { age: '65-plus', break: 'disagree' }),
  ];
  const byRows = rowsFrom(responses, 'age');
  const whole = rowsFrom(responses);
  const byAge = buildResults(survey, byRows, { by: 'age' }) as ResultsModel;
  const pattern = groupPattern(survey, byRows, 'age');
  const ages = byAge.by!.groups.map((g) => g.value);
  const agreeOf = (r: ResultsModel) => r.questions.find((q) => q.id === 'break')!.options!.find((o) => o.value === 'agree')!;
  const row = agreeOf(byAge);
  assert.equal(row.groups![ages.indexOf('under-18')], null);
  assert.equal(row.hidden?.groups?.[ages.indexOf('18-64')], 'secondary', 'the by table hides 18 to 64 to protect under 18');

  const whereView = (age: string) =>
    buildResults(survey, rowsFrom(responses.filter((r) => r.answers['age'] === age)), {
      wider: [whole],
      group: { pattern, value: age },
    }) as ResultsModel;
  // The reader's best range for "under 18 and agree", from every number the three views publish.
  const spread = (shown: number) => (shown === 0 ? [0, 0] : [Math.max(8, shown - 2), shown + 2]);
  const [totalLow, totalHigh] = spread(agreeOf(buildResults(survey, whole) as ResultsModel).count!);
  let low = totalLow!;
  let high = totalHigh!;
  for (const age of ['18-64', '65-plus']) {
    const shown = row.groups![ages.indexOf(age)] ?? agreeOf(whereView(age)).count;
    if (shown === null || shown === undefined) {
      low = -Infinity; // two unknowns in the row: nothing to narrow
      continue;
    }
    const [a, b] = spread(shown);
    low -= b!;
    high -= a!;
  }
  assert.ok(Math.min(7, high) - Math.max(1, low) >= 1, `under 18 and agree narrowed to ${Math.max(1, low)}–${Math.min(7, high)}`);
  const adults = whereView('18-64');
  assert.equal(agreeOf(adults).count, null, 'where=age:18-64 hides what by=age hides in its column');
  assert.equal(agreeOf(adults).hidden?.count, 'secondary');
});

/**
 * Every count a reader can ask for about the same carers — the whole view, by=age, by=break, each
 * where=age:x, where=break:y, and where=age:x&where=break:y — each named by what it counts, so the
 * numbers of different views can be compared. `rounding: 1` publishes true counts: the strictest case.
 */
test('property: a count hidden in any view is shown in no other view, and cannot be worked out by subtraction from the shown ones', () => {
  const ages = ['under-18', '18-64', '65-plus'];
  const breaks = ['disagree', 'neutral', 'agree', 'not-applicable'];
  const answersArb = fc.record(
    { age: fc.constantFrom(...ages), break: fc.constantFrom(...breaks), support: fc.subarray(['gp', 'hub'], { minLength: 1 }), life: fc.integer({ min: 0, max: 3 }) },
    { requiredKeys: ['age', 'break'] },
  );
  const groupBy = ['age', 'break', 'age+break'];
  const singleAnswer = ['age', 'break', 'life'];
  fc.assert(
    fc.property(
      fc.array(fc.record({ year: fc.constantFrom(2024, 2025), answers: answersArb }), { minLength: 8, maxLength: 200, size: 'max' }),
      fc.constantFrom(1, 5),
      (responses, rounding) => {
        const inc = (responses as { year: number; answers: Answers }[]).flatMap(({ year, answers }) => tallyIncrements(survey, answers, { groupBy }).map((r) => ({ ...r, year })));
        const merged = mergeIncrements(inc, (r) => JSON.stringify([r.year, r.question, r.option, r.groupQuestion, r.groupValue]));
        /** The rows a by= view of `by` reads (group '' and each group of `by`), or the whole view's. */
        const read = (by = ''): TallyRow[] =>
          merged.filter((r) => r.groupQuestion === '' || r.groupQuestion === by).map((r) => ({ year: r.year, question: r.question, option: r.option, group: r.groupValue, n: r.n, sum: r.sum }));
        const only = (rows: TallyRow[], value: string) => rows.filter((r) => r.group === value).map((r) => ({ ...r, group: '' }));
        const opts = { rounding };
        const specOf = (grouping: string, value: string) => {
          const parts = grouping.split('+');
          const values = value.split('+');
          return parts.map((p, i) => `${p}=${values[i]}`).join('&');
        };

        // What each view publishes: name → shown number, or 'hidden'.
        const shown = new Map<string, number>();
        const shownIn = new Map<string, string>();
        const hidden = new Map<string, string>();
        const listed = new Map<string, Set<string>>(); // spec|question → options a view lists
        const publish = (name: string, value: number | null | undefined, view: string) => {
          if (value === undefined) return;
          if (value === null) hidden.set(name, view);
          else {
            const before = shown.get(name);
            assert.ok(before === undefined || before === value, `${name}: ${before} in one view, ${value} in ${view}`);
            shown.set(name, value);
            shownIn.set(name, view);
          }
        };
        const record = (r: ReturnType<typeof buildResults>, spec: string, view: string) => {
          const id = (s: string, q: string, o: string, year?: number) => `${s}|${q}|${o}${year ? `|${year}` : ''}`;
          if (r.suppressed) {
            // "Too few": nothing shown at all, its base included.
            hidden.set(id(spec, RESPONSES, BASE), view);
            return;
          }
          const groupSpec = (i: number) => [spec, `${r.by!.question}=${r.by!.groups[i]!.value}`].filter(Boolean).join('&');
          publish(id(spec, RESPONSES, BASE), r.base, view);
          for (const t of r.trends) publish(id(spec, RESPONSES, BASE, t.year), t.base, view);
          r.by?.groups.forEach((g, i) => publish(id(groupSpec(i), RESPONSES, BASE), g.base, view));
          for (const q of r.questions) {
            publish(id(spec, q.id, ANSWERED), q.answered, view);
            q.groups?.forEach((g, i) => publish(id(groupSpec(i), q.id, ANSWERED), g, view));
            if (q.options) {
              const specs = [spec, ...(r.by?.groups.map((_, i) => groupSpec(i)) ?? [])];
              for (const s of specs) listed.set(`${s}|${q.id}`, new Set(q.options.map((o) => o.value)));
            }
            for (const o of q.options ?? []) {
              publish(id(spec, q.id, o.value), o.count, view);
              o.groups?.forEach((g, i) => publish(id(groupSpec(i), q.id, o.value), g, view));
            }
          }
        };

        const whole = read();
        record(buildResults(survey, whole, opts), '', 'whole');
        for (const by of ['age', 'break']) record(buildResults(survey, read(by), { ...opts, by }), '', `by=${by}`);
        const patterns = new Map<string, { pattern: GroupPattern; rows: TallyRow[] }>();
        for (const grouping of groupBy) {
          const rows = read(grouping);
          const parts = grouping.includes('+') ? grouping.split('+').map((p) => patterns.get(p)!) : [];
          const widerOf = (value: string) => parts.map((p) => only(p.rows, partValue(grouping, p.pattern.by, value)!));
          const pattern = groupPattern(survey, rows, grouping, { ...opts, parts });
          patterns.set(grouping, { pattern, rows });
          for (const value of new Set(rows.filter((r) => r.group !== '').map((r) => r.group))) {
            const view = `where=${specOf(grouping, value)}`;
            record(buildResults(survey, only(rows, value), { ...opts, wider: [whole, ...widerOf(value)], group: { pattern, value } }), specOf(grouping, value), view);
          }
        }

        // 1. Nothing hidden in one view is shown in another. (Zeros aside: a zero names nobody, and the
        // suppression already assumes a reader knows which hidden cells are zero — see pinsASmallCount.)
        for (const [name, view] of hidden) assert.ok(!shown.get(name), `${name} hidden in ${view}, shown (${shown.get(name)}) in ${shownIn.get(name)}`);
        if (rounding !== 1) return;

        // 2. Nothing hidden can be worked out from the shown numbers, line by line: a count of the whole
        // = the sum of its groups' counts (everyone answers age and break), and a group's = the sum of
        // its pairs'; a single-answer question's answered = the sum of its options; a base = the sum of
        // its years.
        const known = new Map(shown);
        const lines: { total: string; members: string[] }[] = [];
        const names = new Set([...shown.keys(), ...hidden.keys()]);
        const years = [2024, 2025];
        for (const name of names) {
          const [s, q, o, year] = name.split('|') as [string, string, string, string | undefined];
          if (s === '') {
            for (const grouping of groupBy) {
              const values = grouping === 'age' ? ages.map((a) => `age=${a}`) : grouping === 'break' ? breaks.map((b) => `break=${b}`) : ages.flatMap((a) => breaks.map((b) => `age=${a}&break=${b}`));
              lines.push({ total: name, members: values.map((v) => [v, q, o, ...(year ? [year] : [])].join('|')) });
            }
          }
          // Across groupings: the pairs age x and break … add up to age x, and likewise for break y.
          if (/^age=[^&]+$/.test(s)) lines.push({ total: name, members: breaks.map((v) => [`${s}&break=${v}`, q, o, ...(year ? [year] : [])].join('|')) });
          if (/^break=[^&]+$/.test(s)) {
            const v = s.slice('break='.length);
            lines.push({ total: name, members: ages.map((a) => [`age=${a}&break=${v}`, q, o, ...(year ? [year] : [])].join('|')) });
          }
          if (o === ANSWERED && singleAnswer.includes(q)) {
            const values = q === 'age' ? ages : q === 'break' ? breaks : ['0', '1', '2', '3'];
            lines.push({ total: name, members: values.map((v) => `${s}|${q}|${v}`) });
          }
          if (q === RESPONSES && !year) lines.push({ total: name, members: years.map((y) => `${s}|${q}|${o}|${y}`) });
        }
        // An option a view does not list has a count of 0 there; anything else no view shows is unknown.
        for (const line of lines) {
          for (const name of [line.total, ...line.members]) {
            const [s, q, o, year] = name.split('|');
            if (!known.has(name) && !year && o !== ANSWERED && listed.get(`${s}|${q}`)?.has(o!) === false) known.set(name, 0);
          }
        }
        const value = (n: string) => known.get(n);
        let changed = true;
        while (changed) {
          changed = false;
          for (const line of lines) {
            const total = value(line.total);
            const unknown = line.members.filter((m) => value(m) === undefined);
            if (total !== undefined && unknown.length === 1) {
              known.set(unknown[0]!, total - line.members.reduce((a, m) => a + (value(m) ?? 0), 0));
              changed = true;
            } else if (total === undefined && unknown.length === 0) {
              known.set(line.total, line.members.reduce((a, m) => a + value(m)!, 0));
              changed = true;
            }
          }
        }
        for (const [name, view] of hidden) assert.ok(!known.get(name), `${name} hidden in ${view}, but worked out as ${known.get(name)}`);
      },
    ),
    {
      numRuns: 60,
      // Cases found before: a group of 8 with another of 1, in one year.
      examples: [
        [[...many(8, { age: 'under-18', break: 'disagree' }, 2024), ...many(1, { age: '65-plus', break: 'disagree' }, 2024)], 1],
        [[...many(8, { age: 'under-18', break: 'disagree' }, 2024), ...many(1, { age: 'under-18', break: 'not-applicable' }, 2024)], 1],
      ],
    },
  );
});

test('a where= view hides its base when the by= table hides that group\'s base, and says why', () => {
  // 3 under 18, 50 aged 18 to 64, 60 aged 65 or over: by=age hides the 3 and, so the overall base
  // cannot give it back, the 50. The view of the 50 alone keeps its answers but not that number.
  const responses = [...many(3, { age: 'under-18', break: 'agree' }), ...many(50, { age: '18-64', break: 'agree' }), ...many(60, { age: '65-plus', break: 'disagree' })];
  const byRows = rowsFrom(responses, 'age');
  const byAge = buildResults(survey, byRows, { by: 'age' }) as ResultsModel;
  assert.deepEqual(byAge.by!.groups.map((g) => [g.base, g.hidden?.base]), [[null, 'primary'], [null, 'secondary'], [60, undefined]]);
  const pattern = groupPattern(survey, byRows, 'age');
  const adults = buildResults(survey, rowsFrom(responses.filter((r) => r.answers['age'] === '18-64')), { wider: [rowsFrom(responses)], group: { pattern, value: '18-64' } }) as ResultsModel;
  assert.deepEqual({ base: adults.base, hidden: adults.hidden }, { base: null, hidden: { base: 'secondary' } });
  assert.equal(adults.suppressed, false);
  // Everyone in it answered age and break, so neither answered count may show the 50 either.
  for (const id of ['age', 'break']) assert.equal(adults.questions.find((q) => q.id === id)!.answered, null, id);
});
