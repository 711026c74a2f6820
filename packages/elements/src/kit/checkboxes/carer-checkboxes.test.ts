import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionOf } from '@carers-voice/core/content';
import type { CarerCheckboxes } from './carer-checkboxes.js';
import { $, controlBaseTests, countEvents, render, text } from '../test-helpers.js';

const question: QuestionOf<'multiple'> = {
  id: 'support',
  type: 'multiple',
  label: 'Which support have you used in the last year?',
  hint: 'Select all that apply.',
  options: [
    { value: 'respite', label: 'A break from caring' },
    { value: 'advice', label: 'Advice about money' },
    { value: 'other', label: 'Something else' },
    { value: 'none', label: 'None of these', exclusive: true },
  ],
  reveal: { other: { id: 'support-other', type: 'textarea', label: 'What else have you used?' } },
};

const live = (el: Element) => text(el.shadowRoot!.querySelector('[aria-live]'));

describe('<carer-checkboxes>', () => {
  controlBaseTests({
    tag: 'carer-checkboxes',
    question,
    sample: ['advice'],
    answer: async (el) => $(el, 'label[for="support"]').click(),
  });

  it('renders an "or" divider before the exclusive option', async () => {
    const el = await render<CarerCheckboxes>('carer-checkboxes', question);
    const none = el.shadowRoot!.getElementById('support-4')!;
    expect(text(none.closest('.option')!.previousElementSibling)).to.equal('or');
  });

  it('reveals a follow-up with aria-expanded and stays accessible', async () => {
    const el = await render<CarerCheckboxes>('carer-checkboxes', question);
    const other = el.shadowRoot!.getElementById('support-3') as HTMLInputElement;
    expect(other.getAttribute('aria-expanded')).to.equal('false');
    other.click();
    await el.updateComplete;
    expect(other.getAttribute('aria-expanded')).to.equal('true');
    expect(el.shadowRoot!.getElementById(other.getAttribute('aria-controls')!)!.hidden).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('"None of these" clears the others, another box clears it, and both are announced', async () => {
    const el = await render<CarerCheckboxes>('carer-checkboxes', question, { value: ['respite', 'advice'] });
    $(el, 'label[for="support-4"]').click();
    await el.updateComplete;
    expect(el.value).to.deep.equal(['none']);
    expect((el.shadowRoot!.getElementById('support') as HTMLInputElement).checked).to.equal(false);
    expect(live(el)).to.contain('unticked');
    $(el, 'label[for="support-2"]').click();
    await el.updateComplete;
    expect(el.value).to.deep.equal(['advice']);
    expect(live(el)).to.equal('"None of these" has been unticked.');
  });

  it('is answered with the keyboard: Tab and Space tick boxes', async () => {
    const el = await render<CarerCheckboxes>('carer-checkboxes', question);
    const counts = countEvents(el);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    counts.stop();
    expect(el.value).to.deep.equal(['respite', 'advice']);
    expect(counts.change).to.equal(2);
  });

  it('keeps values in option order', async () => {
    const el = await render<CarerCheckboxes>('carer-checkboxes', question);
    $(el, 'label[for="support-2"]').click();
    $(el, 'label[for="support"]').click();
    expect(el.value).to.deep.equal(['respite', 'advice']);
  });
});
