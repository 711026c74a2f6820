import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionOf } from '@carers-voice/core/content';
import type { CarerPoints } from './carer-points.js';
import { $, controlBaseTests, countEvents, render, text } from '../test-helpers.js';

const question: QuestionOf<'points'> = {
  id: 'budget',
  type: 'points',
  label: 'Share 10 points between what matters most to you',
  hint: 'Give more points to what matters more.',
  total: 10,
  options: [
    { value: 'breaks', label: 'Breaks from caring' },
    { value: 'info', label: 'Information' },
    { value: 'groups', label: 'Carers groups' },
  ],
};

const status = (el: Element) => text($(el, '.status'));
const spoken = (el: Element) => text(el.shadowRoot!.querySelector('[aria-live]'));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('<carer-points>', () => {
  controlBaseTests({
    tag: 'carer-points',
    question,
    sample: { breaks: 6, info: 4 },
    answer: async (el) => {
      const plus = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.stepper button')[1]!;
      plus.click();
    },
  });

  it('shows a labelled box per option and the points left', async () => {
    const el = await render<CarerPoints>('carer-points', question);
    const inputs = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')];
    expect(inputs.map((i) => i.labels![0]!.textContent!.trim())).to.deep.equal(['Breaks from caring', 'Information', 'Carers groups']);
    expect(inputs[0]!.id).to.equal('budget');
    expect(status(el)).to.equal('10 points left');
    expect($(el, 'fieldset').getAttribute('aria-describedby')).to.equal('budget-hint budget-rule budget-status');
    expect(text($(el, '#budget-rule'))).to.equal('Share out up to 10 points.');
  });

  it('adds and takes points with + and − from the keyboard, announced politely', async () => {
    const el = await render<CarerPoints>('carer-points', question);
    const counts = countEvents(el);
    await sendKeys({ press: 'Tab' }); // − for Breaks
    await sendKeys({ press: 'Tab' }); // box
    await sendKeys({ press: 'Tab' }); // +
    expect(text(el.shadowRoot!.activeElement)).to.equal('+Add a point to Breaks from caring');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value).to.deep.equal({ breaks: 3 });
    expect(status(el)).to.equal('7 points left');
    await wait(600);
    expect(spoken(el)).to.equal('Breaks from caring: 3. 7 points left');
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Space' });
    counts.stop();
    expect(el.value).to.deep.equal({ breaks: 2 });
    expect(counts.change).to.equal(4);
  });

  it('accepts typing, shows "too many" in words and never blocks it', async () => {
    const el = await render<CarerPoints>('carer-points', question, { value: { breaks: 6 } });
    const box = el.shadowRoot!.getElementById('budget-2') as HTMLInputElement;
    box.focus();
    box.select();
    await sendKeys({ type: '5' });
    await el.updateComplete;
    expect(el.value).to.deep.equal({ breaks: 6, info: 5 });
    expect(status(el)).to.equal('1 point too many');
    expect($(el, '.status').classList.contains('over')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('never takes a box below 0', async () => {
    const el = await render<CarerPoints>('carer-points', question);
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.stepper button')[0]!.click();
    expect(el.value).to.deep.equal({ breaks: 0 });
  });
});
