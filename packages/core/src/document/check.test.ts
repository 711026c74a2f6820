import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument, checkDocumentAsync, type Coverage } from './check.js';
import { SAMPLE_STATEMENT_SET } from './sample-set.js';
import { stem } from './stem.js';
import { tokenize } from './tokenize.js';
import { longDocument } from './long-document.js';

const set = SAMPLE_STATEMENT_SET;

/** Sample texts written for these tests, with the coverage each must get. Unlisted ids: not mentioned. */
const SAMPLES: { name: string; text: string; expect: Record<string, Coverage> }[] = [
  {
    name: 'leaflet that addresses breaks, information and money',
    text:
      'Caring can be tiring. We offer short breaks so you can have a break from caring.\n\n' +
      'Our Carers Hub gives clear information and advice. Ask us about Carer’s Allowance and benefits advice.',
    expect: { breaks: 'addressed', information: 'addressed', money: 'addressed' },
  },
  {
    name: 'negation before the match is partly at most',
    text: 'We do not offer breaks for carers at the moment. We never give financial advice.',
    expect: { breaks: 'partly', money: 'partly' },
  },
  {
    name: 'negation forms: no, cannot, without, unable, won’t, after the match',
    text:
      "There is no respite in the area. Carers cannot stay in work here. Staff work without carer awareness training. " +
      "We are unable to identify carers. We won't keep a carers register. Online support is not available.",
    expect: {
      breaks: 'partly',
      work: 'partly',
      'awareness-training': 'partly',
      'identified-early': 'partly',
      'gp-register': 'partly',
      digital: 'partly',
    },
  },
  {
    name: 'one plain mention outweighs a negated one',
    text: 'We did not offer respite last year. This year every carer can book respite.',
    expect: { breaks: 'addressed' },
  },
  {
    name: 'a clause break or "but" ends the negation',
    text: 'We do not charge for anything, and we offer short breaks. Nothing is perfect but our carers champion helps.',
    expect: { breaks: 'addressed', 'carers-champion': 'addressed' },
  },
  {
    name: '"not only" is not a negation',
    text: 'We offer not only short breaks but also a carers assessment.',
    expect: { breaks: 'addressed', assessment: 'addressed' },
  },
  {
    name: 'stems: breaks / break / breaking; case and punctuation',
    text: 'BREAKING: Short-Break vouchers! YOUNG CARERS, come along.',
    expect: { breaks: 'addressed', 'young-carers': 'addressed' },
  },
  {
    name: 'a small gap inside a phrase is allowed',
    text: 'Every carer may ask for a break from their caring role.',
    expect: { breaks: 'addressed' },
  },
  {
    name: 'no match across a sentence boundary',
    text: 'We run a cafe with short. Breaks are discussed elsewhere. Young. Carers matter to us.',
    expect: {},
  },
  {
    name: 'no match across a paragraph or heading',
    text: 'Carers\n\nAssessment dates are on the website.\n\nEmergency\nPlan your journey in advance.',
    expect: {},
  },
  {
    name: 'a wrapped line is still one sentence',
    text: 'If you look after someone you can ask for a carers\nassessment at any time.',
    expect: { assessment: 'addressed' },
  },
  {
    name: 'organisation statements from a strategy extract',
    text:
      'Our Partnership Board meets every quarter. We publish an annual report and say "you said, we did". ' +
      'All staff complete carer awareness training. Leaflets come in community languages and easy read.',
    expect: {
      partnership: 'addressed',
      'progress-report': 'addressed',
      feedback: 'addressed',
      'awareness-training': 'addressed',
      translation: 'addressed',
    },
  },
  {
    name: 'empty text mentions nothing',
    text: '   \n ',
    expect: {},
  },
];

for (const sample of SAMPLES) {
  test(`coverage: ${sample.name}`, () => {
    const report = checkDocument(sample.text, set);
    for (const st of report.statements) {
      const want = sample.expect[st.id] ?? 'not-mentioned';
      assert.equal(st.coverage, want, `${st.id}: expected ${want}, got ${st.coverage}`);
      if (want === 'partly') assert.ok(st.passages.every((p) => p.negated && p.cue), `${st.id} passages negated`);
    }
    assert.equal(
      report.addressed.length + report.partly.length + report.notMentioned.length,
      report.statements.length,
    );
  });
}

test('passages point at the matched words and their sentence', () => {
  const text = 'Hello there. We offer Short Breaks, every week!\nAnd more.';
  const report = checkDocument(text, set);
  const breaks = report.statements.find((s) => s.id === 'breaks')!;
  assert.equal(breaks.passages.length, 1);
  const [p] = breaks.passages;
  assert.equal(text.slice(p!.start, p!.end), 'Short Breaks');
  assert.equal(p!.sentenceText, 'We offer Short Breaks, every week!');
  assert.equal(p!.phrase, 'short breaks');
  assert.equal(p!.kind, 'phrase');
  assert.equal(p!.negated, false);
});

test('a negated passage names its cue', () => {
  const text = 'We do not offer breaks for carers.';
  const p = checkDocument(text, set).statements.find((s) => s.id === 'breaks')!.passages[0]!;
  assert.equal(p.negated, true);
  assert.equal(p.cue, 'not');
  assert.equal(text.slice(p.start, p.end), 'breaks for carers');
});

test('overlapping phrases of one statement count once', () => {
  const report = checkDocument('Young adult carers meet on Fridays.', set);
  const yc = report.statements.find((s) => s.id === 'young-carers')!;
  assert.equal(yc.matches, 1);
  assert.equal(yc.passages[0]!.phrase, 'young adult carers');
});

test('stems: breaks, break and breaking share one stem', () => {
  assert.equal(stem('breaks'), 'break');
  assert.equal(stem('breaking'), 'break');
  assert.equal(stem('break'), 'break');
  assert.equal(stem("carer's"), 'carer');
  assert.equal(stem('carers'), 'carer');
});

test('tokeniser keeps offsets, apostrophes and Unicode letters', () => {
  const text = "Don’t panic: café-owners' rights, naïve Zoë.";
  const t = tokenize(text, (w) => w);
  assert.deepEqual(t.words, ["don't", 'panic', 'café', 'owners', 'rights', 'naïve', 'zoë']);
  for (let i = 0; i < t.count; i++) {
    assert.equal(text.slice(t.start[i]!, t.end[i]!).toLowerCase().replace('’', "'"), t.words[i]);
  }
  assert.equal(t.sentences.length, 1);
});

test('abbreviations do not end a sentence, full stops and list items do', () => {
  const t = tokenize('Help, e.g. short breaks. Next one\n- item one\n- item two', (w) => w);
  assert.equal(t.sentences.length, 4);
});

test('50,000 words against a 20-statement set completes well under a second', () => {
  const text = longDocument(50_000);
  // CPU time, best of three: the first run includes JIT warm-up, and wall time on a shared test
  // machine measures the other processes too. (scripts/bench-document.mjs reports wall time.)
  let best = Infinity;
  let report = checkDocument(text, set);
  for (let run = 0; run < 3; run++) {
    const cpu0 = process.cpuUsage();
    report = checkDocument(text, set);
    const cpu = process.cpuUsage(cpu0);
    best = Math.min(best, (cpu.user + cpu.system) / 1000);
  }
  assert.ok(report.words >= 50_000, `words ${report.words}`);
  assert.ok(best < 1000, `took ${best.toFixed(0)} ms of CPU`);
  assert.equal(report.statements.length, 20);
  assert.ok(report.addressed.includes('breaks'));
});

test('async check gives the same report, reports progress and yields', async () => {
  const text = longDocument(20_000);
  const progress: number[] = [];
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const report = await checkDocumentAsync(text, set, { onProgress: (f) => progress.push(f), sliceMs: 4 });
  clearInterval(timer);
  assert.deepEqual(report, checkDocument(text, set));
  assert.ok(progress.length > 2, `progress ${progress.length}`);
  assert.equal(progress.at(-1), 1);
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i]! >= progress[i - 1]!);
  assert.ok(ticks > 0, 'the event loop ran during the check');
});

test('async check stops when aborted', async () => {
  const controller = new AbortController();
  const promise = checkDocumentAsync(longDocument(50_000), set, {
    signal: controller.signal,
    sliceMs: 1,
    onProgress: (f) => {
      if (f > 0.1) controller.abort();
    },
  });
  await assert.rejects(promise, (e: unknown) => (e as Error).name === 'AbortError');
});
