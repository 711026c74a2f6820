/**
 * The contract with core/aggregate: results built by `buildResults` from real tallies (not
 * hand-written fixtures) come out in the tables with the same numbers, hidden cells stay hidden,
 * and the scale is split the right way round.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { buildResults, mergeIncrements, tallyIncrements, type AggregatableDefinition, type ResultsModel, type TallyRow } from '@carers-voice/core/aggregate';
import type { Answers } from '@carers-voice/core/content';
import '../define.js';
import type { CarerResults } from '../results/carer-results.js';
import { splitScale } from './describe.js';

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
        { id: 'life', type: 'rating', label: 'Quality of life', min: 0, max: 10 },
      ],
    },
  ],
  indicators: [{ id: 'breaks', label: 'Can take a break', question: 'break', positive: ['agree'] }],
} as AggregatableDefinition;

/** 63 synthetic carers over two years: 3 young carers (a small group), 6 "does not apply". */
function responses(): { year: number; answers: Answers }[] {
  const out: { year: number; answers: Answers }[] = [];
  for (let i = 0; i < 63; i++) {
    const age = i < 3 ? 'under-18' : i % 3 === 0 ? '65-plus' : '18-64';
    const brk = i < 6 ? 'not-applicable' : i % 5 === 0 ? 'disagree' : i % 4 === 0 ? 'neutral' : 'agree';
    out.push({ year: i % 2 ? 2024 : 2025, answers: { age, break: brk, life: i % 11 } });
  }
  return out;
}

function rows(by?: string): TallyRow[] {
  const inc = responses().flatMap(({ year, answers }) =>
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

/** What a hidden count reads as, by its reason. */
const hiddenWords = (reason: string | null | undefined) => (reason === 'primary' ? 'fewer than 8' : reason === 'secondary' ? 'hidden to protect a small group' : 'hidden');
const text = (n: Element | ShadowRoot | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('results built by core/aggregate', () => {
  it('show the model’s numbers in every table, and hidden ones as hidden, never 0', async function () {
    this.timeout(20000);
    const model = buildResults(survey, rows('age'), { by: 'age' }) as ResultsModel;
    expect(model.suppressed).to.be.false;
    const el = await fixture<CarerResults>(html`<carer-results .results=${model}></carer-results>`);
    const sections = [...el.shadowRoot!.querySelectorAll('section.figure')];
    for (const q of model.questions) {
      const section = sections.find((s) => text(s.querySelector('.heading')) === q.label)!;
      const got = [...section.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => text(td)));
      const want = q.options!.map((o) => [
        o.count === null ? hiddenWords(o.hidden?.count) : o.count.toLocaleString('en-GB'),
        o.percent === null ? 'hidden' : `${o.percent}%`,
        ...(o.groups ?? []).map((c, g) => (c === null ? hiddenWords(o.hidden?.groups?.[g]) : c.toLocaleString('en-GB'))),
      ]);
      expect(got, q.id).to.deep.equal(want);
      // Every hidden count says why; none is just "hidden", and no small number is shown.
      expect(got.flat().filter((c) => c === 'hidden').length, `${q.id}: only percentages read "hidden"`).to.equal(
        q.options!.filter((o) => o.percent === null).length,
      );
    }
    expect(text(el.shadowRoot!), 'no small number in any sentence').not.to.match(/(^|[^\d.,])[1-7] (people|responses|answers)\b/);
    // The under-18 group is small (3), so its cells are hidden, never shown as 0.
    const age = model.questions.find((q) => q.id === 'age')!;
    expect(age.options![0]!.count).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps "does not apply" off the diverging bar', () => {
    const model = buildResults(survey, rows()) as ResultsModel;
    const split = splitScale(model.questions.find((q) => q.id === 'break')!.options!);
    expect(split.negative.map((s) => s.option.value)).to.deep.equal(['disagree']);
    expect(split.neutral?.option.value).to.equal('neutral');
    expect(split.positive.map((s) => s.option.value)).to.deep.equal(['agree']);
    expect(split.outside.map((o) => o.value)).to.deep.equal(['not-applicable']);
  });

  it('turns a best-first statement scale round so "met" is on the positive side', () => {
    const opt = (value: string) => ({ value, label: value, count: 10, percent: 25 });
    const split = splitScale(['met', 'partly-met', 'not-yet', 'not-applicable'].map(opt));
    expect(split.positive.map((s) => s.option.value)).to.deep.equal(['met']);
    expect(split.negative.map((s) => s.option.value)).to.deep.equal(['not-yet']);
    expect(split.neutral?.option.value).to.equal('partly-met');
  });
});
