import { expect, oneEvent } from '@open-wc/testing';
import type { CarerSurvey } from '../../packages/elements/src/survey/carer-survey.js';
import { branchingSurvey, freshDatabase, heading, seen, settle } from './survey-helpers.js';

async function mount(setup: (el: CarerSurvey) => void): Promise<{ el: CarerSurvey; detail: { kind: string; message: string; problems?: { path: string; message: string }[] } }> {
  const el = document.createElement('carer-survey');
  el.database = freshDatabase();
  setup(el);
  const error = oneEvent(el, 'carer-error');
  document.body.append(el);
  const { detail } = await error;
  await settle(el);
  return { el, detail };
}

const json = (value: unknown) => URL.createObjectURL(new Blob([typeof value === 'string' ? value : JSON.stringify(value)], { type: 'application/json' }));

describe('<carer-survey> definitions', () => {
  afterEach(() => document.querySelectorAll('carer-survey').forEach((e) => e.remove()));

  it('loads a definition from src', async () => {
    const el = document.createElement('carer-survey');
    el.database = freshDatabase();
    el.src = json(branchingSurvey);
    const ready = oneEvent(el, 'carer-ready');
    document.body.append(el);
    await ready;
    await settle(el);
    expect(heading(el)).to.equal('About you');
  });

  it('src that is not there (404): the partner sees what is wrong in place', async () => {
    const { el, detail } = await mount((e) => (e.src = '/test/browser/no-such-survey.json'));
    expect(detail.kind).to.equal('definition');
    expect(detail.message).to.contain('404');
    const shown = seen(el.shadowRoot!);
    expect(shown).to.contain('Sorry, this form is not working at the moment');
    expect(shown).to.contain('no-such-survey.json');
    await expect(el).to.be.accessible();
  });

  it('src that is not JSON', async () => {
    const { el, detail } = await mount((e) => (e.src = json('{ "kind": "survey", oops')));
    expect(detail.message).to.contain('not valid JSON');
    expect(seen(el.shadowRoot!)).to.contain('not valid JSON');
  });

  it('src that cannot be reached', async () => {
    const { detail } = await mount((e) => (e.src = 'http://127.0.0.1:9/survey.json'));
    expect(detail.message).to.contain('could not be loaded');
  });

  it('an invalid definition lists each problem with its path', async () => {
    const broken = structuredClone(branchingSurvey) as Record<string, unknown> & { pages: { questions: Record<string, unknown>[] }[] };
    broken.pages[0]!.questions[0]!['options'] = [{ value: 'only', label: 'Only one' }];
    broken['colour'] = 'blue';
    const { el, detail } = await mount((e) => (e.src = json(broken)));
    expect(detail.problems!.length).to.be.greaterThan(1);
    const paths = detail.problems!.map((p) => p.path);
    expect(paths.some((p) => p.startsWith('pages[0].questions[0].options'))).to.equal(true);
    const items = [...el.shadowRoot!.querySelectorAll('.definition-problem__list li')].map((li) => seen(li));
    expect(items.length).to.equal(detail.problems!.length);
    expect(items.join(' ')).to.contain('pages[0].questions[0].options');
    await expect(el).to.be.accessible();
  });

  it('a definition of another kind says which element to use', async () => {
    const { detail } = await mount((e) => (e.definition = { ...branchingSurvey, kind: 'poll', questions: [], showResults: 'never', pages: undefined }));
    expect(detail.kind).to.equal('definition');
  });

  it('an unknown built-in instrument names the ones there are', async () => {
    const { detail } = await mount((e) => (e.instrument = 'no-such-thing'));
    expect(detail.message).to.contain('annual-carers-survey');
  });

  it('loads the built-in annual carers survey', async () => {
    const el = document.createElement('carer-survey');
    el.database = freshDatabase();
    el.instrument = 'annual-carers-survey';
    const ready = oneEvent(el, 'carer-ready');
    document.body.append(el);
    expect((await ready).detail.instrument.id).to.equal('annual-carers-survey');
    await settle(el);
    expect(seen(el.shadowRoot!)).to.contain('How old are you?');
  });
});

describe('<carer-survey> set-up', () => {
  it('with nothing to show, tells the partner (carer-error, kind config)', async () => {
    const el = document.createElement('carer-survey');
    el.database = freshDatabase();
    const error = oneEvent(el, 'carer-error');
    document.body.append(el);
    expect((await error).detail.kind).to.equal('config');
    expect(seen(el.shadowRoot!)).to.contain('set the src attribute');
    el.remove();
  });

  it('one question per page when the definition says so, with "Question n of N"', async () => {
    const el = document.createElement('carer-survey');
    el.database = freshDatabase();
    el.definition = { ...branchingSurvey, oneQuestionPerPage: true };
    document.body.append(el);
    await el.ready;
    await settle(el);
    expect(seen(el.shadowRoot!)).to.contain('Question 1 of');
    expect(el.shadowRoot!.querySelectorAll('carer-question').length).to.equal(1);
    el.remove();
  });

  it('the young attribute uses the young carers wording', async () => {
    const el = document.createElement('carer-survey');
    el.database = freshDatabase();
    el.young = true;
    el.definition = { ...branchingSurvey, pages: [{ ...branchingSurvey.pages[2]!, showIf: undefined }] };
    document.body.append(el);
    await el.ready;
    await settle(el);
    expect(seen(el.shadowRoot!)).to.contain('Do your teachers know');
    el.remove();
  });
});

describe('<carer-survey> in the carer’s language', () => {
  it('applies the definition’s own translations for the widget’s lang', async () => {
    const el = document.createElement('carer-survey');
    el.database = freshDatabase();
    el.setAttribute('lang', 'ur');
    el.definition = {
      ...branchingSurvey,
      translations: { ur: { questions: { age: { label: 'آپ کی عمر کیا ہے؟', options: { 'under-18': { label: '18 سال سے کم' } } } } } },
    };
    document.body.append(el);
    await el.ready;
    await settle(el);
    const shown = seen(el.shadowRoot!);
    expect(shown).to.contain('آپ کی عمر کیا ہے؟');
    expect(shown).to.contain('18 سال سے کم');
    expect(getComputedStyle(el).direction).to.equal('rtl');
    el.remove();
  });
});
