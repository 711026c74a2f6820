/**
 * Seeds a collector database with N responses of the annual carers survey for the results benchmark:
 * raw rows with generate_series (one statement per 100k), and the matching running tallies computed
 * once from a pool of 300 generated answer sets and scaled, as if every response had come in through
 * POST /responses. Usage: seed.ts <count>  (database from DATA_DIR / DATABASE_URL)
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { tallyIncrements, mergeIncrements, type TallyIncrement } from '@carers-voice/core/aggregate';
import { parseDefinition, resolveOptions } from '@carers-voice/core/content';
import { loadConfig } from '../src/config.js';
import { openFromConfig } from '../src/main.js';
import { Store } from '../src/store.js';
import { createUser } from '../src/auth.js';
import { addTallies, type TallyWrite } from '../src/ingest.js';
import { randomAnswers, seededRandom } from '../src/answers.js';
import { resetDatabase } from '../src/testing/databases.js';

const count = Number(process.argv[2] ?? 10000);
const parsed = parseDefinition(JSON.parse(readFileSync(process.env.CV_REGISTER_FILE!, 'utf8')));
if (!parsed.ok) throw new Error('annual survey does not parse');
const survey = parsed.definition;
const groupBy = (process.env.CV_GROUP_BY ?? '').split(',').filter(Boolean);

const partners = [
  { id: 'council', name: 'Borough Council', area: 'north', origins: ['https://council.example'] },
  { id: 'charity', name: 'Carers Centre', area: 'south', origins: ['https://carers.example'] },
  { id: 'nhs-trust', name: 'Hospital Trust', area: 'north', origins: [] },
  { id: 'gp-elm', name: 'Elm GP Practice', area: 'south', origins: [] },
  { id: 'school', name: 'High School', area: 'east', origins: [] },
  { id: 'library', name: 'Libraries', area: 'east', origins: [] },
];
const MONTHS = 24;
const years = [2025, 2026];

const database = await openFromConfig(loadConfig());
const { db } = database;
await resetDatabase(database);
const store = new Store(db);
for (const p of partners) await store.upsertPartner(p);
await store.registerInstrument(survey as never, groupBy);
await createUser(db, { username: 'bench', password: 'bench password 123', role: 'admin' });

const rnd = seededRandom(11);
const pool: Record<string, unknown>[] = [];
while (pool.length < 300) {
  const a = randomAnswers(survey, rnd);
  if (a) pool.push(a);
}

// Raw rows.
const poolJson = JSON.stringify(pool);
for (let start = 0; start < count; start += 100_000) {
  const end = Math.min(count, start + 100_000) - 1;
  await sql`
    insert into responses (id, instrument_id, instrument_version, partner_id, locale, period, started_at, submitted_at,
      received_at, answers, meta, body_hash, receipt_hash, status)
    select gen_random_uuid(), ${survey.id}, ${survey.version},
      (${sql.raw(`array[${partners.map((p) => `'${p.id}'`).join(',')}]`)})[1 + i % ${sql.lit(partners.length)}],
      'en-GB', p.period, now(), now(), now(),
      (${poolJson}::jsonb) -> (i % ${sql.lit(pool.length)})::int, '{}'::jsonb, md5(i::text), null, 'counted'
    from generate_series(${start}::int, ${end}::int) as i
    cross join lateral (select ((2025 + ((i / 6) % ${sql.lit(MONTHS)}) / 12) * 100 + ((i / 6) % 12) + 1) as period) as p`.execute(db);
}

// Tallies: every cell (partner × year) holds r responses; r = w × the whole pool + the first `rest` answer sets.
const perSample = pool.map((a) => tallyIncrements(survey as never, a as never, { groupBy, resolveOptions: (q) => resolveOptions(q) }));
const sumOf = (sets: TallyIncrement[][], times = 1) => mergeIncrements(sets.flat()).map((r) => ({ ...r, n: r.n * times, sum: r.sum * times }));
const whole = sumOf(perSample);
const cells = partners.length * years.length;
const writes: TallyWrite[] = [];
let cell = 0;
for (const p of partners) {
  for (const year of years) {
    const r = Math.floor(count / cells) + (cell++ < count % cells ? 1 : 0);
    const w = Math.floor(r / pool.length);
    const rest = r % pool.length;
    const rows = mergeIncrements([...(w ? whole.map((x) => ({ ...x, n: x.n * w, sum: x.sum * w })) : []), ...sumOf(perSample.slice(0, rest))]);
    for (const x of rows) writes.push({ ...x, instrument_id: survey.id, instrument_version: survey.version, partner_id: p.id, year });
  }
}
for (let i = 0; i < writes.length; i += 50_000) await addTallies(db, writes.slice(i, i + 50_000), 1);
// As after months of steady ingest: vacuumed and analysed (otherwise autovacuum of the fresh rows runs during the timing).
await sql`vacuum analyze`.execute(db);
const tallyRows = await db.selectFrom('tallies').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
console.error(`  seeded ${count.toLocaleString('en-GB')} responses, ${Number(tallyRows.n).toLocaleString('en-GB')} tally rows`);
await database.close();
