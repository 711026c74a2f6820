/**
 * Reading results: two filters at once (a combination registered in groupBy), and the marks that say
 * why each hidden number is hidden — in the results JSON and the CSV export — on PGlite and PostgreSQL.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from './server.js';
import { createUser } from './auth.js';
import { openBackends, resetDatabase } from './testing/databases.js';
import { envelope, partnerA, testConfig, testSurvey } from './testing/fixtures.js';
import { sql } from 'kysely';
import { groupingFor, partsOf, rowsDigest, talliesVersion, widerFilters } from './results.js';

const backends = await openBackends();
after(async () => {
  for (const b of backends) await b.stop();
});

test('rowsDigest (what a cached grouping pattern is checked against): any order gives the same digest, any changed count another', () => {
  const rows = [
    { year: 2026, question: 'break', option: 'agree', group: '18-64', n: 13, sum: 0 },
    { year: 2026, question: 'break', option: 'agree', group: 'under-18', n: 1, sum: 0 },
    { year: 2025, question: 'break', option: 'disagree', group: '', n: 27, sum: 0 },
  ];
  assert.equal(rowsDigest([...rows].reverse()), rowsDigest(rows));
  const moved = rows.map((r, i) => (i === 0 ? { ...r, n: 12 } : i === 1 ? { ...r, n: 2 } : r));
  assert.notEqual(rowsDigest(moved), rowsDigest(rows), 'one count down and another up is still a change');
  assert.notEqual(rowsDigest(rows.slice(1)), rowsDigest(rows));
  assert.notEqual(rowsDigest(rows.map((r) => ({ ...r, group: r.group === '18-64' ? 'under-18' : r.group === 'under-18' ? '18-64' : r.group }))), rowsDigest(rows), 'the same counts in other groups');
});

test('widerFilters: the whole view, and each part of a combined filter the instrument counts', () => {
  assert.deepEqual(widerFilters(['age-band'], { question: 'age-band', value: '65-plus' }), [undefined]);
  assert.deepEqual(widerFilters(['age-band', 'break', 'age-band+break'], { question: 'age-band+break', value: '65-plus+agree' }), [
    undefined,
    { question: 'age-band', value: '65-plus' },
    { question: 'break', value: 'agree' },
  ]);
  // A part that is not counted on its own cannot be asked for, so there is nothing to compare with.
  assert.deepEqual(widerFilters(['break', 'age-band+break'], { question: 'age-band+break', value: '65-plus+agree' }), [undefined, { question: 'break', value: 'agree' }]);
  assert.deepEqual(partsOf(['a', 'b', 'c', 'a+c', 'a+b+c'], 'a+b+c'), ['a', 'b', 'c', 'a+c']);
  assert.deepEqual(partsOf(['a', 'b'], 'a'), []);
});

test('groupingFor: by, one filter, two filters in either order, and the problems in plain words', () => {
  const groupBy = ['age-band', 'break', 'age-band+break'];
  assert.deepEqual(groupingFor(groupBy, undefined, ['break:agree', 'age-band:65-plus']), {
    ok: true,
    by: undefined,
    where: { question: 'age-band+break', value: '65-plus+agree' },
    filters: [
      { question: 'break', value: 'agree' },
      { question: 'age-band', value: '65-plus' },
    ],
  });
  assert.deepEqual(groupingFor(groupBy, 'age-band', undefined), { ok: true, by: 'age-band', where: undefined, filters: [] });
  assert.deepEqual(groupingFor(groupBy, 'age-band+break', undefined), { ok: false, message: 'results can be grouped or filtered only by: age-band, break' });
  assert.match(JSON.stringify(groupingFor(['age-band', 'break'], undefined, ['age-band:18-64', 'break:agree'])), /age-band and break were not counted together/);
});

for (const backend of backends) {
  describe(`results on ${backend.name}`, () => {
    let app: App;
    let cookie = '';
    const get = (url: string) => app.app.inject({ method: 'GET', url, headers: { cookie } });
    /** Posts `n` responses with these answers to an instrument (version 1). */
    const postTo = (instrument: string) => async (n: number, answers: Record<string, unknown>) => {
      for (let i = 0; i < n; i++) {
        const r = await app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: envelope({ instrument: { id: instrument, version: 1 } }, answers) });
        assert.equal(r.statusCode, 201, r.body);
      }
    };

    before(async () => {
      await resetDatabase(backend.database);
      app = await buildApp({ config: testConfig(), database: backend.database });
      await app.store.upsertPartner(partnerA);
      await app.store.registerInstrument(testSurvey as never, ['age-band', 'break', 'age-band+break']);
      await createUser(backend.database.db, { username: 'admin', password: 'a long enough password', role: 'admin' });
      const r = await app.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'x-requested-with': 'carers-voice' },
        payload: { username: 'admin', password: 'a long enough password' },
      });
      cookie = `cv_session=${r.cookies.find((c) => c.name === 'cv_session')!.value}`;
      const groups: [string, string, number][] = [
        ['18-64', 'agree', 20],
        ['18-64', 'disagree', 10],
        ['65-plus', 'agree', 12],
        ['65-plus', 'disagree', 8],
        ['under-18', 'agree', 2],
      ];
      for (const [age, brk, n] of groups) {
        for (let i = 0; i < n; i++) {
          const posted = await app.app.inject({ method: 'POST', url: '/api/v1/responses', payload: envelope({}, { 'age-band': age, break: brk }) });
          assert.equal(posted.statusCode, 201, posted.body);
        }
      }
    });
    after(async () => {
      await app.close();
    });

    test('two filters at once read the combined group, with its own base; a small combination says too few', async () => {
      const both = await get('/api/v1/results/test-survey?where=age-band:65-plus&where=break:agree');
      assert.equal(both.statusCode, 200, both.body);
      assert.equal(both.json().suppressed, false);
      // 12 carers aged 65 or over who can take a break. Hidden: the pairs within "can take a break" add
      // up to its 34, so with the 20 aged 18 to 64 that 12 would give back the 2 under 18 who can.
      assert.deepEqual([both.json().base, both.json().hidden?.base], [null, 'secondary']);
      const brk = both.json().questions.find((q: { id: string }) => q.id === 'break');
      assert.equal(brk.options.find((o: { value: string }) => o.value === 'disagree').count, 0, 'only the combined group is counted');
      const reversed = await get('/api/v1/results/test-survey?where=break:agree&where=age-band:under-18');
      assert.equal(reversed.statusCode, 200, reversed.body);
      assert.deepEqual({ suppressed: reversed.json().suppressed, reason: reversed.json().reason }, { suppressed: true, reason: 'too few responses to show' });
    });

    test('a combination that was not counted, a question twice, or too many filters is a 400 naming the problem', async () => {
      for (const [url, re] of [
        ['/api/v1/results/test-survey?where=age-band:18-64&where=support:gp', /age-band and support were not counted together.*age-band\+break/],
        ['/api/v1/results/test-survey?where=age-band:18-64&where=age-band:65-plus', /each question once/],
        ['/api/v1/results/test-survey?where=age-band:a&where=break:b&where=support:c&where=hours:d', /at most 3/],
        ['/api/v1/results/test-survey?where=age-band+break:18-64', /question:value/],
        ['/api/v1/results/test-survey?by=age-band&where=break:agree', /either/],
        // A value the question does not offer is a mistake, not an empty group ("too few responses").
        ['/api/v1/results/test-survey?where=age-band:18-25', /18-25\\" is not an answer to age-band: use one of under-18, 18-64, 65-plus"/],
        ['/api/v1/results/test-survey?where=age-band:65-plus&where=break:maybe', /maybe\\" is not an answer to break: use one of [a-z-]+(, [a-z-]+)+"/],
        ['/api/v1/export/test-survey.csv?where=age-band:18-25', /not an answer to age-band/],
      ] as const) {
        const r = await get(url);
        assert.equal(r.statusCode, 400, `${url}: ${r.body}`);
        assert.match(JSON.stringify(r.json()), re, url);
      }
    });

    test('registering a combination checks each question in it', async () => {
      const h = { cookie, 'x-requested-with': 'carers-voice' };
      const bad = await app.app.inject({ method: 'POST', url: '/api/v1/instruments', headers: h, payload: { definition: testSurvey, groupBy: ['age-band+nope'] } });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.match(bad.json().error, /"nope" is not a question/);
    });

    test('a filter that leaves out only a few responses says too few, and hides each count the whole view would give away', async () => {
      await app.store.registerInstrument({ ...testSurvey, id: 'diff-survey' } as never, ['age-band', 'break']);
      const post = postTo('diff-survey');
      await post(20, { 'age-band': '18-64', break: 'agree' });
      await post(3, { 'age-band': '65-plus', break: 'agree' });
      const whole = await get('/api/v1/results/diff-survey');
      assert.equal(whole.json().suppressed, false, whole.body);
      // 20 of 23: the 3 left out are the difference between this view and the whole.
      const most = await get('/api/v1/results/diff-survey?where=age-band:18-64');
      assert.equal(most.statusCode, 200, most.body);
      assert.deepEqual({ suppressed: most.json().suppressed, reason: most.json().reason }, { suppressed: true, reason: 'too few responses to show' });
      // A filter that every response meets leaves nobody out: it is the whole view.
      const all = await get('/api/v1/results/diff-survey?where=break:agree');
      assert.equal(all.json().suppressed, false, all.body);
      // Once the ones left out are more than the threshold, the filtered view shows.
      await post(5, { 'age-band': '65-plus', break: 'disagree' });
      const now = await get('/api/v1/results/diff-survey?where=age-band:18-64');
      assert.equal(now.json().suppressed, false, now.body);
      // But "agree" is 20 here and 23 in the whole view: the 3 carers aged 65 or over who agreed.
      // That count is hidden here, as protecting a small group (without the whole view beside it, 20 would show).
      const agree = now.json().questions.find((q: { id: string }) => q.id === 'break').options.find((o: { value: string }) => o.value === 'agree');
      assert.deepEqual({ count: agree.count, hidden: agree.hidden?.count }, { count: null, hidden: 'secondary' });
    });

    test('a combined filter is compared with each part of it too: one that leaves out only a few of a part says too few', async () => {
      await app.store.registerInstrument({ ...testSurvey, id: 'combo-survey' } as never, ['age-band', 'break', 'age-band+break']);
      const post = postTo('combo-survey');
      await post(20, { 'age-band': '18-64', break: 'agree' });
      await post(3, { 'age-band': '18-64', break: 'disagree' });
      await post(30, { 'age-band': '65-plus', break: 'agree' });
      // Aged 18 to 64 and agreeing: 20 of 53 (33 left out), but 20 of the 23 aged 18 to 64: the
      // view "aged 18 to 64" minus this one would be the 3 who disagreed.
      const both = await get('/api/v1/results/combo-survey?where=age-band:18-64&where=break:agree');
      assert.equal(both.statusCode, 200, both.body);
      assert.deepEqual({ suppressed: both.json().suppressed, reason: both.json().reason }, { suppressed: true, reason: 'too few responses to show' });
      await post(5, { 'age-band': '18-64', break: 'disagree' });
      const now = await get('/api/v1/results/combo-survey?where=age-band:18-64&where=break:agree');
      assert.equal(now.json().suppressed, false, now.body);
    });

    test('by= and where= of one grouping hide the same counts, in the JSON and the CSV export', async () => {
      await app.store.registerInstrument({ ...testSurvey, id: 'pattern-survey' } as never, ['age-band']);
      const post = postTo('pattern-survey');
      // Agree: 1 under 18, 13 aged 18 to 64, 13 aged 65 or over. by=age-band hides the 1 and, for its
      // row, the 13 aged 18 to 64; where=age-band:18-64 used to show that 13 (as 15), which with the
      // whole view's 25 and the 15 aged 65 or over pinned the 1 (25+2 − 13 − 13 = 1 at most).
      for (const age of ['under-18', '18-64', '65-plus']) {
        await post(age === 'under-18' ? 1 : 13, { 'age-band': age, break: 'agree' });
        await post(20, { 'age-band': age, break: 'disagree' });
      }
      const by = (await get('/api/v1/results/pattern-survey?by=age-band')).json();
      const ages: string[] = by.by.groups.map((g: { value: string }) => g.value);
      const option = (r: { questions: { id: string; options: { value: string }[] }[] }, v: string) =>
        r.questions.find((q) => q.id === 'break')!.options.find((o) => o.value === v) as unknown as { count: number | null; groups?: (number | null)[]; hidden?: { count?: string; groups?: (string | null)[] } };
      assert.deepEqual(option(by, 'agree').groups, [null, null, 15]);
      assert.deepEqual(option(by, 'agree').hidden?.groups, ['primary', 'secondary', null]);
      for (const age of ages.slice(1)) {
        const where = await get(`/api/v1/results/pattern-survey?where=age-band:${age}`);
        assert.equal(where.statusCode, 200, where.body);
        // Every option count of this group is the by= table's cell for it, hidden or shown alike.
        for (const v of ['agree', 'disagree']) {
          assert.equal(option(where.json(), v).count, option(by, v).groups![ages.indexOf(age)], `${age} ${v}`);
        }
        // Asked again, with the grouping's pattern from the cache: the same answer.
        const again = await get(`/api/v1/results/pattern-survey?where=age-band:${age}`);
        assert.deepEqual(again.json(), where.json());
      }
      const csv = await get('/api/v1/export/pattern-survey.csv?where=age-band:18-64');
      assert.equal(csv.statusCode, 200, csv.body);
      const agreeLine = csv.body.split('\r\n').find((l) => l.startsWith('break,') && l.split(',')[2] === 'agree');
      assert.match(agreeLine ?? '', /,,,,hidden to protect a small group$/, csv.body);
      const byCsv = await get('/api/v1/export/pattern-survey.csv?by=age-band');
      assert.ok(byCsv.body.split('\r\n').some((l) => l.startsWith('break,') && l.includes(',agree,') && l.includes('age-band=18-64') && l.endsWith('hidden to protect a small group')), byCsv.body);
    });

    test('a filtered view kept from before is never used once the tallies change: the tallies version moves with every write', async () => {
      await app.store.registerInstrument({ ...testSurvey, id: 'version-survey' } as never, ['age-band', 'break', 'age-band+break']);
      const post = postTo('version-survey');
      // Agree: 3 under 18 (hidden), so 18-64's agree is hidden too (the second smallest in its row).
      for (const age of ['under-18', '18-64', '65-plus']) {
        await post(age === 'under-18' ? 3 : 13, { 'age-band': age, break: 'agree' });
        await post(20, { 'age-band': age, break: 'disagree' });
      }
      const agree = (r: { questions: { id: string; options: { value: string; count: number | null }[] }[] }) =>
        r.questions.find((q) => q.id === 'break')!.options.find((o) => o.value === 'agree')!.count;
      const view = async (url: string) => {
        const r = await get(url);
        assert.equal(r.statusCode, 200, r.body);
        return r.json();
      };
      const before = await talliesVersion(backend.database.db);
      const first = await view('/api/v1/results/version-survey?where=age-band:18-64');
      assert.equal(agree(first), null);
      assert.deepEqual(await view('/api/v1/results/version-survey?where=age-band:18-64'), first, 'asked again at the same version');
      const pair = await view('/api/v1/results/version-survey?where=age-band:65-plus&where=break:disagree');
      assert.deepEqual(await view('/api/v1/results/version-survey?where=age-band:65-plus&where=break:disagree'), pair);
      assert.equal(await talliesVersion(backend.database.db), before, 'reading does not move the version');

      // Five more under-18s agree: 8 is shown, so 18-64's 13 needs no hiding any more.
      await post(5, { 'age-band': 'under-18', break: 'agree' });
      assert.notEqual(await talliesVersion(backend.database.db), before);
      assert.equal(agree(await view('/api/v1/results/version-survey?where=age-band:18-64')), 15);
      assert.equal(agree(await view('/api/v1/results/version-survey?where=age-band:under-18')), 10);

      // Any write to the tallies moves it, whoever makes it.
      const v = await talliesVersion(backend.database.db);
      await sql`update tallies set n = n where false`.execute(backend.database.db);
      assert.notEqual(await talliesVersion(backend.database.db), v);
    });

    test('a filtered view read the long way (the whole grouping, after a change) and the short way (only its own rows and wider views, at the same version) is the same, over random data', async () => {
      // The two ways build the wider views a view is compared with differently (computeResults): taken
      // from the grouping's rows, or read on their own. Small random counts make the comparisons matter.
      const ages = ['under-18', '18-64', '65-plus'];
      const breaks = ['strongly-disagree', 'disagree', 'neither', 'agree', 'strongly-agree'];
      let seed = 7;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      for (let k = 0; k < 3; k++) {
        const id = `paths-survey-${k}`;
        await app.store.registerInstrument({ ...testSurvey, id } as never, ['age-band', 'break', 'age-band+break']);
        const post = postTo(id);
        for (const age of ages) for (const brk of breaks) await post(random(3) === 0 ? 0 : random(14), { 'age-band': age, break: brk, hours: random(60) });
        const filters = [...ages.map((a) => [`age-band:${a}`]), ...breaks.map((b) => [`break:${b}`]), ...ages.flatMap((a) => breaks.map((b) => [`age-band:${a}`, `break:${b}`]))];
        for (const where of filters) {
          const url = `/api/v1/results/${id}?${where.map((w) => `where=${w}`).join('&')}`;
          await sql`update tallies set n = n where false`.execute(backend.database.db); // a new version: the long way
          const long = await get(url);
          assert.equal(long.statusCode, 200, long.body);
          const short = await get(url);
          assert.deepEqual(short.json(), long.json(), `${id} ${where.join(' & ')}`);
        }
      }
    });

    test('each hidden number says why, in the JSON and the CSV export, and no count from 1 to 7 appears', async () => {
      const r = await get('/api/v1/results/test-survey');
      assert.equal(r.statusCode, 200, r.body);
      const age = r.json().questions.find((q: { id: string }) => q.id === 'age-band');
      const option = (v: string) => age.options.find((o: { value: string }) => o.value === v);
      assert.deepEqual([option('under-18').count, option('under-18').hidden?.count], [null, 'primary']);
      assert.deepEqual([option('65-plus').count, option('65-plus').hidden?.count], [null, 'secondary']);
      assert.equal(option('18-64').hidden, undefined);

      const csv = await get('/api/v1/export/test-survey.csv');
      assert.equal(csv.statusCode, 200, csv.body);
      const lines = csv.body.trim().split('\r\n');
      assert.equal(lines[0], 'question,question_label,option,option_label,group,count,percent,mean,hidden');
      assert.ok(lines.includes('age-band,How old are you?,under-18,Under 18,,,,,fewer than 8'), csv.body);
      assert.ok(lines.includes('age-band,How old are you?,65-plus,65 or over,,,,,hidden to protect a small group'), csv.body);
      for (const line of lines.slice(1)) {
        const count = line.split(',')[5];
        if (count) assert.ok(Number(count) === 0 || Number(count) > 7, line);
      }
    });
  });
}
