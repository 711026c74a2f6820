// Quick ingest load against a running collector (not a test): node --conditions=source --import tsx bench/load.ts URL [seconds] [clients]
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { LoadConnection } from './load-client.js';
import { parseDefinition } from '@carers-voice/core/content';
import { randomAnswers, seededRandom } from '../src/answers.js';
const [url, secs = '10', conc = '64'] = process.argv.slice(2);
const survey = (parseDefinition(JSON.parse(readFileSync('/work/main/packages/content/instruments/annual-carers-survey.json', 'utf8'))) as any).definition;
const rnd = seededRandom(7);
const pool: string[] = [];
while (pool.length < 200) { const a = randomAnswers(survey, rnd); if (a) pool.push(JSON.stringify(a)); }
const u = new URL(url!);
const conns = Array.from({ length: Number(conc) }, () => new LoadConnection(u.hostname, Number(u.port)));
let ok = 0, bad = 0; const codes: Record<number, number> = {};
const end = Date.now() + Number(secs) * 1000;
const t0 = Date.now();
let n = 0;
await Promise.all(conns.map(async (c) => {
  while (Date.now() < end) {
    const now = Date.now();
    const partner = n % 2 ? 'council' : 'charity';
    const body = `{"id":"${randomUUID()}","instrument":{"id":"${survey.id}","version":${survey.version}},"partner":"${partner}","locale":"en-GB","startedAt":"${new Date(now - 300000).toISOString()}","submittedAt":"${new Date(now).toISOString()}","answers":${pool[n++ % 200]}}`;
    const r = await c.post('/api/v1/responses', body, `Origin: ${partner === 'council' ? 'https://council.example' : 'https://carers.example'}\r\n`);
    codes[r.status] = (codes[r.status] ?? 0) + 1;
    if (r.status === 201) ok++; else if (bad++ < 3) console.log(r.status, r.body.slice(0, 200));
  }
}));
console.log({ rate: ok / ((Date.now() - t0) / 1000), codes });
for (const c of conns) c.close();
