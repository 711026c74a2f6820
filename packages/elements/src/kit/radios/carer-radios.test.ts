import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionOf } from '@carers-voice/core/content';
import type { CarerRadios } from './carer-radios.js';
import { $, controlBaseTests, countEvents, render, text } from '../test-helpers.js';

const question: QuestionOf<'single'> = {
  id: 'care-hours',
  type: 'single',
  label: 'How many hours a week do you care?',
  hint: 'Count the hours in a usual week.',
  options: [
    { value: '0-19', label: 'Up to 19 hours' },
    { value: '20-49', label: '20 to 49 hours', hint: 'About 3 to 7 hours a day' },
    { value: '50-plus', label: '50 hours or more' },
    { value: 'other', label: 'It changes a lot' },
  ],
  reveal: { other: { id: 'care-hours-other', type: 'text', label: 'Tell us more' } },
};

describe('<carer-radios>', () => {
  controlBaseTests({
    tag: 'carer-radios',
    question,
    sample: '0-19',
    answer: async (el) => $(el, 'label[for="care-hours-2"]').click(),
  });

  it('renders a fieldset with a legend and one radio per option', async () => {
    const el = await render<CarerRadios>('carer-radios', question);
    expect(text($(el, 'fieldset legend'))).to.equal(question.label);
    const radios = el.shadowRoot!.querySelectorAll('input[type=radio]');
    expect(radios.length).to.equal(4);
    expect(radios[0]!.id).to.equal('care-hours');
    expect(text(el.shadowRoot!.getElementById('care-hours-2-item-hint'))).to.equal('About 3 to 7 hours a day');
  });

  it('shows the conditional reveal right after its option, with aria-controls and is accessible', async () => {
    const el = await render<CarerRadios>('carer-radios', question);
    const other = el.shadowRoot!.getElementById('care-hours-4') as HTMLInputElement;
    const reveal = el.shadowRoot!.getElementById(other.getAttribute('aria-controls')!)!;
    expect(reveal.hidden).to.equal(true);
    expect(other.closest('.option')!.nextElementSibling).to.equal(reveal);
    other.click();
    await el.updateComplete;
    expect(reveal.hidden).to.equal(false);
    expect(el.value).to.equal('other');
    await expect(el).to.be.accessible();
  });

  it('takes the answer of a reveal, fires input, and puts it in answers', async () => {
    const el = await render<CarerRadios>('carer-radios', question, { value: 'other' });
    const counts = countEvents(el);
    const nested = el.shadowRoot!.querySelector('carer-text-input')!;
    const input = nested.shadowRoot!.querySelector('input')!;
    input.focus();
    await sendKeys({ type: 'Nights' });
    counts.stop();
    expect(counts.input).to.equal(6);
    expect(el.answers).to.deep.equal({ 'care-hours': 'other', 'care-hours-other': 'Nights' });
    expect(el.focusField('care-hours-other')).to.equal(true);
  });

  it('is answered with the keyboard: Tab in, arrow keys choose', async () => {
    const el = await render<CarerRadios>('carer-radios', question);
    const counts = countEvents(el);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('care-hours');
    await sendKeys({ press: 'Space' });
    expect(el.value).to.equal('0-19');
    await sendKeys({ press: 'ArrowDown' });
    expect(el.value).to.equal('20-49');
    counts.stop();
    expect(counts.change).to.equal(2);
  });

  it('says "(optional)" after the question when it may be left out', async () => {
    const el = await render<CarerRadios>('carer-radios', { ...question, required: false });
    expect(text($(el, 'legend'))).to.equal(`${question.label} (optional)`);
  });

  it('uses young and easy read wording when asked', async () => {
    const q: QuestionOf<'single'> = {
      ...question,
      easyRead: 'How long do you care each week?',
      young: { label: 'How much time do you spend helping at home?' },
      options: [
        { value: 'a', label: 'A few hours', easyRead: 'A little' },
        { value: 'b', label: 'Most days' },
      ],
    };
    const young = await render<CarerRadios>('carer-radios', q, { young: true });
    expect(text($(young, 'legend'))).to.equal('How much time do you spend helping at home?');
    const easy = await render<CarerRadios>('carer-radios', q, { easyRead: true });
    expect(text($(easy, 'legend'))).to.equal('How long do you care each week?');
    expect(text($(easy, 'label[for="care-hours"]'))).to.equal('A little');
  });
});
