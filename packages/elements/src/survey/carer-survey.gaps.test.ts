/**
 * Issue #4's survey gaps: the definition's own `youngCarer` rule, the confirmation shown again
 * after a reload, and Enter in a one-line text field submitting the page.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CarerSurvey } from './carer-survey.js';
import {
  branchingSurvey,
  choose,
  field,
  freshDatabase,
  heading,
  press,
  renderSurvey,
  seen,
  send,
  settle,
  waitFor,
} from '../../../../test/browser/survey-helpers.js';

/** One page: an age band whose id does not say "age", so only `youngCarer` can name it. */
const bandSurvey = (youngCarer?: unknown) => ({
  kind: 'survey',
  id: 'test-young-rule',
  version: 1,
  title: 'Young rule',
  privacy: { anonymous: true },
  ...(youngCarer ? { youngCarer } : {}),
  pages: [
    {
      id: 'p1',
      title: 'About you',
      questions: [
        {
          id: 'band',
          type: 'single',
          label: 'Which group are you in?',
          options: [
            { value: 'school', label: 'At school' },
            { value: 'grown-up', label: 'Grown up' },
          ],
        },
      ],
    },
    {
      id: 'p2',
      title: 'Help',
      questions: [
        {
          id: 'helped',
          type: 'single',
          label: 'Has anyone offered you a carer’s assessment?',
          young: { label: 'Has anyone asked how you are doing with helping at home?' },
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ],
        },
      ],
    },
  ],
});

const textSurvey = {
  kind: 'survey',
  id: 'test-enter',
  version: 1,
  title: 'Enter key',
  privacy: { anonymous: true },
  pages: [
    {
      id: 'name',
      title: 'Your area',
      questions: [
        { id: 'town', type: 'text', label: 'Which town do you live in?' },
        { id: 'more', type: 'textarea', label: 'Anything else?', required: false },
      ],
    },
    { id: 'next', title: 'Next page', questions: [{ id: 'ok', type: 'single', label: 'OK?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] }] },
  ],
};

describe('<carer-survey> young carers rule from the definition', () => {
  it('uses the definition’s youngCarer rule to switch to young wording', async () => {
    const el = await renderSurvey({ definition: bandSurvey({ question: 'band', values: ['school'] }), database: freshDatabase() });
    await choose(el, 'band', 'school');
    await press(el, /Continue/);
    expect(heading(el)).to.equal('Help');
    expect(seen(el.shadowRoot!)).to.contain('Has anyone asked how you are doing with helping at home?');
    await expect(el).to.be.accessible();
  });

  it('without the rule (and no "age" question) the usual wording stays', async () => {
    const el = await renderSurvey({ definition: bandSurvey(), database: freshDatabase() });
    await choose(el, 'band', 'school');
    await press(el, /Continue/);
    expect(seen(el.shadowRoot!)).to.contain('Has anyone offered you a carer’s assessment?');
  });

  it('the youngCarer property still wins over the definition', async () => {
    const el = await renderSurvey({
      definition: bandSurvey({ question: 'band', values: ['school'] }),
      youngCarer: { question: 'band', values: ['grown-up'] },
      database: freshDatabase(),
    });
    await choose(el, 'band', 'school');
    await press(el, /Continue/);
    expect(seen(el.shadowRoot!)).to.contain('Has anyone offered you a carer’s assessment?');
  });

  it('a rule naming an option that does not exist is a plain-words problem for the partner', async () => {
    const el = await renderSurvey({ definition: bandSurvey({ question: 'band', values: ['under-18'] }), database: freshDatabase() });
    const text = seen(el.shadowRoot!);
    expect(text).to.contain('youngCarer.values[0]');
    expect(text).to.contain('"under-18" is not an option of "band"');
  });
});

describe('<carer-survey> after sending, a reload', () => {
  async function sendAll(el: CarerSurvey): Promise<string> {
    await choose(el, 'age', '18-64');
    await choose(el, 'cares-for', 'parent');
    await press(el, /Continue/);
    await choose(el, 'works', 'no');
    await press(el, /Continue/);
    await choose(el, 'coping', 'agree');
    await press(el, /Continue/);
    await choose(el, 'consent', 'no');
    await press(el, /Continue/);
    await send(el);
    return el.shadowRoot!.querySelector('.receipt')!.textContent!.trim();
  }

  it('shows the confirmation again — same reference and signposting — not an empty survey', async () => {
    const database = freshDatabase();
    const first = await renderSurvey({ definition: branchingSurvey, database });
    const receipt = await sendAll(first);
    expect(receipt).to.match(/\S{4}/);
    first.remove();

    const again = await renderSurvey({ definition: branchingSurvey, database });
    await waitFor(() => Boolean(again.shadowRoot!.querySelector('[data-status]')), 3000, 'the confirmation after reload');
    await settle(again);
    expect(heading(again)).to.equal('Thank you for your answers');
    expect(again.shadowRoot!.querySelector('.receipt')!.textContent!.trim()).to.equal(receipt);
    expect(seen(again.shadowRoot!)).to.contain('Crisis line');
    expect(seen(again.shadowRoot!)).to.contain('Saved on this device only');
    await expect(again).to.be.accessible();
  });

  it('"Fill in the survey again" starts a new response, and a reload then shows the survey', async () => {
    const database = freshDatabase();
    const first = await renderSurvey({ definition: branchingSurvey, database });
    await sendAll(first);
    await press(first, /Fill in the survey again/);
    expect(heading(first)).to.equal('About you');
    first.remove();

    const again = await renderSurvey({ definition: branchingSurvey, database });
    expect(heading(again)).to.equal('About you');
    expect(again.shadowRoot!.querySelector('[data-status]')).to.equal(null);
  });
});

describe('<carer-survey> Enter in a text field', () => {
  it('Enter in a one-line text field continues, as in a plain form', async () => {
    const el = await renderSurvey({ definition: textSurvey, database: freshDatabase() });
    const input = field(el, 'town');
    input.focus();
    await sendKeys({ type: 'Bury' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => heading(el) === 'Next page', 3000, 'the next page');
    expect(heading(el)).to.equal('Next page');
  });

  it('Enter with the text field empty checks the page and shows the error', async () => {
    const el = await renderSurvey({ definition: textSurvey, database: freshDatabase() });
    field(el, 'town').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await waitFor(() => seen(el.shadowRoot!).includes('There is a problem'), 3000, 'the error summary');
    expect(heading(el)).to.equal('Your area');
  });

  it('Enter in a textarea is a new line, not Continue', async () => {
    const el = await renderSurvey({ definition: textSurvey, database: freshDatabase() });
    const area = field(el, 'more', 'textarea') as unknown as HTMLTextAreaElement;
    area.focus();
    await sendKeys({ type: 'one' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'two' });
    await settle(el);
    expect(heading(el)).to.equal('Your area');
    expect(area.value).to.equal('one\ntwo');
    expect(seen(el.shadowRoot!)).not.to.contain('There is a problem');
  });
});
