/**
 * Synthetic sample responses for the demo: several partners, three calendar years, a few thousand
 * annual-survey responses a year, with skews a strategy group would recognise (most carers 45–64,
 * young carers mostly through the school, more hours with age, small improvements year on year).
 * Every envelope is built with core's `createEnvelope` and handed to a `SampleSink`; the demo's sink is
 * the collector's public bulk loader (`EnvelopeLoader` from `@carers-voice/collector`), which checks each
 * one as POST /api/v1/responses does and stores and counts it through the same writer and tallier, so the
 * running tallies are exactly those of real responses. Each one carries `meta.device = "synthetic"` (and
 * the loader marks it `meta.synthetic`); the one-vote-per-device rule does not apply to loaded responses.
 *
 * Deterministic: the same seed gives the same ids and bodies, so loading twice stores nothing twice.
 */
import { createEnvelope, type ResponseEnvelope } from '@carers-voice/core/response';
import { resolveOptions, type Question } from '@carers-voice/core/content';
import { evaluateCondition } from '@carers-voice/core/logic';

export interface SamplePartner {
  id: string;
  /** Relative share of each instrument's responses that come through this partner. */
  weights: Partial<Record<string, number>>;
  /** 0 = an average partner; positive = carers here report a bit more strain. */
  strain: number;
  /** Most respondents are young carers (a school). */
  young?: boolean;
}

export interface SampleSink {
  /** Stores one envelope as if it arrived at `receivedAt`; resolves to the HTTP status. */
  post(envelope: ResponseEnvelope, receivedAt: Date): Promise<{ status: number; body: string }>;
  /** A carer's own statement for a poll (held for moderation). */
  statement?(pollId: string, partner: string, text: string): Promise<void>;
}

export interface SampleInstrument {
  id: string;
  version: number;
  definition: Record<string, unknown>;
}

export interface SampleOptions {
  partners: SamplePartner[];
  instruments: SampleInstrument[];
  now: Date;
  /** 1 = the full demo (about 12,000 responses); tests use less. */
  scale?: number;
  seed?: number;
  onProgress?: (stored: number) => void;
}

/** Responses per calendar year (oldest first) for each instrument at scale 1. */
const YEARLY: Record<string, [number, number, number]> = {
  'annual-carers-survey': [2300, 2800, 3100],
  'carer-awareness-quiz': [500, 650, 700],
  'am-i-a-carer': [420, 520, 600],
  'gm-commitment-to-carers': [150, 180, 210],
  'quick-poll-have-your-say': [120, 160, 220],
  'millbrook-next-priority': [0, 150, 260],
};

const POLL_STATEMENTS = [
  'Please hold some carers group meetings in the evening, after work.',
  'A text message reminder before the carers cafe would help me remember.',
  'More help for young carers at secondary school please.',
  'Put the carers leaflet in the pharmacy as well as the GP surgery.',
  'I would like a phone number I can call at the weekend.',
];

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(rnd: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Math.floor(rnd() * 4) + 8) as number).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function weighted<T>(rnd: () => number, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rnd() * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i]!;
    if (x < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

const OFF_SCALE = /^(not-sure|prefer-not|not-looked|not-applicable|more-info|too-early|waiting)$/;

/** Options are written best first in our content, so strain moves answers down the list. */
function pickOrdered(rnd: () => number, values: string[], strain: number): string {
  const onScale = values.filter((v) => !OFF_SCALE.test(v));
  const centre = strain * (onScale.length - 1);
  const weights = values.map((v) => (OFF_SCALE.test(v) ? 0.25 : Math.exp(-1.3 * Math.abs(onScale.indexOf(v) - centre))));
  return weighted(rnd, values, weights);
}

const AGE_ADULT = { values: ['under-18', '18-25', '26-44', '45-64', '65-74', '75-plus', 'prefer-not'], weights: [2, 5, 19, 41, 19, 10, 4] };
const AGE_SCHOOL = { values: ['under-18', '18-25', '26-44', '45-64', 'prefer-not'], weights: [80, 3, 8, 7, 2] };

interface Person {
  strain: number;
  age: string;
}

/** A plausible answer to one survey question (or undefined for optional free text). */
function surveyAnswer(q: Question, p: Person, rnd: () => number): unknown {
  const values = resolveOptions(q).map((o) => o.value);
  switch (q.id) {
    case 'age-band':
      return p.age;
    case 'caring-hours': {
      const older = ['65-74', '75-plus'].includes(p.age);
      const young = p.age === 'under-18';
      const w = young ? [45, 30, 15, 5, 2, 3] : older ? [8, 12, 18, 17, 40, 5] : [14, 20, 22, 14, 25, 5];
      return weighted(rnd, ['0-9', '10-19', '20-34', '35-49', '50-plus', 'not-sure'], w);
    }
    case 'cared-for': {
      if (p.age === 'under-18') return [weighted(rnd, ['parent', 'sibling', 'grandparent'], [60, 30, 10])];
      if (['65-74', '75-plus'].includes(p.age)) return [weighted(rnd, ['partner', 'adult-child', 'sibling', 'friend'], [75, 12, 8, 5])];
      const first = weighted(rnd, ['parent', 'child', 'partner', 'adult-child', 'friend', 'other-relative'], [40, 22, 22, 8, 4, 4]);
      return rnd() < 0.15 && first !== 'parent' ? [first, 'parent'] : [first];
    }
    case 'contact-consent':
      return 'no';
    case 'anything-else':
      return undefined;
    case 'coping':
      return Math.max(0, Math.min(10, Math.round(10 * (1 - p.strain) + (rnd() - 0.5) * 4)));
  }
  if (q.type === 'text' || q.type === 'textarea') return q.required === false ? undefined : 'synthetic';
  if (q.type === 'rating') return Math.round(((q as { min?: number }).min ?? 0) + rnd() * (((q as { max?: number }).max ?? 10) - ((q as { min?: number }).min ?? 0)));
  if (q.type === 'multiple') {
    const options = (q as { options: { value: string; exclusive?: boolean }[] }).options;
    const exclusive = options.find((o) => o.exclusive);
    if (exclusive && rnd() < 0.08 * (1 - p.strain)) return [exclusive.value];
    const max = (q as { maxSelected?: number }).maxSelected ?? options.length;
    const picks = options.filter((o) => !o.exclusive && rnd() < 0.12 + 0.35 * (q.id === 'health-effects' ? p.strain : 0.4)).map((o) => o.value);
    while (picks.length > max) picks.splice(Math.floor(rnd() * picks.length), 1);
    return picks.length ? picks : [options.find((o) => !o.exclusive)!.value];
  }
  if (values.length) return pickOrdered(rnd, values, p.strain);
  return undefined;
}

type Page = { questions: Question[]; showIf?: unknown };

function surveyAnswers(definition: Record<string, unknown>, p: Person, rnd: () => number) {
  const answers: Record<string, unknown> = {};
  for (const page of definition.pages as Page[]) {
    if (page.showIf && !evaluateCondition(page.showIf as never, answers as never)) continue;
    for (const q of page.questions) {
      if (q.showIf && !evaluateCondition(q.showIf as never, answers as never)) continue;
      const a = surveyAnswer(q, p, rnd);
      if (a !== undefined) answers[q.id] = a;
    }
  }
  return answers;
}

function quizAnswers(definition: Record<string, unknown>, p: Person, rnd: () => number, knowledge: number) {
  const answers: Record<string, unknown> = {};
  for (const q of definition.questions as (Question & { answer?: { correct: string[] } })[]) {
    if (q.showIf && !evaluateCondition(q.showIf as never, answers as never)) continue;
    const values = resolveOptions(q).map((o) => o.value);
    if (q.answer) {
      const right = rnd() < knowledge;
      if (q.type === 'multiple') answers[q.id] = right ? [...q.answer.correct] : values.filter(() => rnd() < 0.45).slice(0, 3).concat(values.length && rnd() < 0.5 ? [] : [values[0]!]).filter((v, i, a) => a.indexOf(v) === i);
      else answers[q.id] = right ? q.answer.correct[0] : weighted(rnd, values, values.map((v) => (q.answer!.correct.includes(v) ? 0.2 : 1)));
      if (Array.isArray(answers[q.id]) && (answers[q.id] as string[]).length === 0) answers[q.id] = [values[0]];
    } else if (q.id === 'age-band') {
      answers[q.id] = p.age === 'under-18' ? 'under-18' : p.age === '18-25' ? '18-25' : ['65-74', '75-plus'].includes(p.age) ? '65-plus' : weighted(rnd, values, values.map((v) => (v === '26-64' ? 6 : 1)));
    } else {
      answers[q.id] = weighted(rnd, values, values.map((_, i) => (i === 0 ? 2.2 : 1)));
    }
  }
  return answers;
}

function selfAssessment(definition: Record<string, unknown>, strain: number, rnd: () => number) {
  const scale = (definition.scale as { value: string }[]).map((s) => s.value);
  const answers: Record<string, string> = {};
  for (const g of definition.groups as { audience: string; statements: { id: string }[] }[]) {
    if (g.audience !== 'organisation') continue;
    g.statements.forEach((s, i) => {
      answers[s.id] = pickOrdered(rnd, scale.filter((v) => v !== 'not-applicable'), Math.min(1, Math.max(0, strain + (i % 3) * 0.12 - 0.1)));
    });
  }
  return answers;
}

/** Fills the database; returns how many responses were stored (or found already stored). */
export async function loadDemoSample(sink: SampleSink, options: SampleOptions): Promise<{ stored: number; refused: { status: number; body: string }[] }> {
  const rnd = seededRandom(options.seed ?? 2026);
  const scale = options.scale ?? 1;
  const thisYear = options.now.getUTCFullYear();
  const lastMonth = options.now.getUTCMonth(); // months 0..lastMonth of this year are in the past or now
  let stored = 0;
  const refused: { status: number; body: string }[] = [];
  const pending: Promise<void>[] = [];

  const jobs: { envelope: ResponseEnvelope; at: Date }[] = [];
  for (const inst of options.instruments) {
    const yearly = YEARLY[inst.id];
    if (!yearly) continue;
    const def0 = inst.definition;
    const partners = options.partners.filter((p) => (p.weights[inst.id] ?? 0) > 0);
    if (!partners.length) continue;
    yearly.forEach((perYear, y) => {
      const year = thisYear - 2 + y;
      const months = year === thisYear ? lastMonth + 1 : 12;
      // Team self-assessments are few whatever the scale; below 8 a heat-map cell could not show.
      const count = Math.round(perYear * (def0.kind === 'statement-set' ? Math.max(1, scale) : scale) * (year === thisYear ? months / 12 : 1));
      for (let i = 0; i < count; i++) {
        const partner = weighted(rnd, partners, partners.map((p) => p.weights[inst.id]!));
        const month = Math.floor(rnd() * months);
        const day = 1 + Math.floor(rnd() * 27);
        let submitted = new Date(Date.UTC(year, month, day, 8 + Math.floor(rnd() * 13), Math.floor(rnd() * 60)));
        if (submitted > options.now) submitted = new Date(options.now.getTime() - 3_600_000);
        const started = new Date(submitted.getTime() - (4 + Math.floor(rnd() * 20)) * 60_000);
        const age = partner.young ? weighted(rnd, AGE_SCHOOL.values, AGE_SCHOOL.weights) : weighted(rnd, AGE_ADULT.values, AGE_ADULT.weights);
        // Year on year things get a little better; some partners' carers report more strain.
        const strain = Math.min(1, Math.max(0, 0.45 + partner.strain - 0.05 * y + (rnd() - 0.5) * 0.6 + (['65-74', '75-plus'].includes(age) ? 0.05 : 0)));
        const person = { strain, age };
        const def = inst.definition;
        let answers: Record<string, unknown>;
        if (def.kind === 'survey') answers = surveyAnswers(def, person, rnd);
        else if (def.kind === 'quiz') answers = quizAnswers(def, person, rnd, 0.45 + 0.08 * y + (partner.id.includes('surgery') ? 0.1 : 0));
        else if (def.kind === 'statement-set') answers = selfAssessment(def, Math.max(0, partner.strain + 0.3 - 0.08 * y), rnd);
        else if (def.kind === 'poll') answers = quizAnswers(def, person, rnd, 0);
        else continue;
        const envelope = createEnvelope({
          id: uuidFrom(rnd),
          instrument: { id: inst.id, version: inst.version },
          partner: partner.id,
          locale: 'en-GB',
          startedAt: started,
          submittedAt: submitted,
          answers: answers as never,
          meta: { device: 'synthetic', mode: 'inline' },
        } as never);
        jobs.push({ envelope, at: new Date(submitted.getTime() + 60_000) });
      }
    });
  }
  // Oldest first, as they would have arrived.
  jobs.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const job of jobs) {
    pending.push(
      sink.post(job.envelope, job.at).then((r) => {
        if (r.status === 200 || r.status === 201) stored++;
        else if (refused.length < 5) refused.push(r);
      }),
    );
    if (pending.length >= 500) {
      await Promise.all(pending.splice(0));
      options.onProgress?.(stored);
    }
  }
  await Promise.all(pending);
  const poll = options.instruments.find((i) => i.definition.kind === 'poll' && (i.definition as { allowStatements?: boolean }).allowStatements);
  if (poll && sink.statement) {
    for (const [i, text] of POLL_STATEMENTS.entries()) await sink.statement(poll.id, options.partners[i % options.partners.length]!.id, text);
  }
  return { stored, refused };
}
