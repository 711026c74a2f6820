import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionOf } from '@carers-voice/core/content';
import type { CarerLikert } from './carer-likert.js';
import { likertOptions } from './scales.js';
import { $, controlBaseTests, render, text } from '../test-helpers.js';

const question: QuestionOf<'likert'> = {
  id: 'valued',
  type: 'likert',
  label: 'I feel valued as a carer by health services',
  scale: 'agreement',
  notApplicable: true,
};

describe('<carer-likert>', () => {
  controlBaseTests({
    tag: 'carer-likert',
    question,
    sample: 'agree',
    answer: async (el) => $(el, 'label[for="valued"]').click(),
  });

  it('shows the named scale in order, then "Does not apply to me" after "or"', async () => {
    const el = await render<CarerLikert>('carer-likert', question);
    const labels = [...el.shadowRoot!.querySelectorAll('.option label')].map(text);
    expect(labels).to.deep.equal(['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree', 'Does not apply to me']);
    expect(text(el.shadowRoot!.querySelector('.divider'))).to.equal('or');
  });

  it('takes values and wording from core, in Urdu too', () => {
    const ur = likertOptions(question, 'ur');
    expect(ur.map((o) => o.value)).to.deep.equal(['strongly-disagree', 'disagree', 'neither', 'agree', 'strongly-agree', 'not-applicable']);
    expect(ur[3]!.label).to.equal('متفق');
    expect(ur[5]!.dividerBefore).to.equal(true);
  });

  it('uses its own options when given', async () => {
    const el = await render<CarerLikert>('carer-likert', {
      id: 'often',
      type: 'likert',
      label: 'How often do you get a break?',
      options: [
        { value: 'never', label: 'Never' },
        { value: 'weekly', label: 'Every week' },
      ],
    });
    expect([...el.shadowRoot!.querySelectorAll('.option label')].map(text)).to.deep.equal(['Never', 'Every week']);
  });

  it('lays options in a row when wide and stacks them when narrow', async () => {
    const el = await render<CarerLikert>('carer-likert', question);
    const first = $(el, '.option');
    const second = el.shadowRoot!.querySelectorAll('.option')[1] as HTMLElement;
    el.style.inlineSize = '60em';
    expect(first.getBoundingClientRect().top).to.equal(second.getBoundingClientRect().top);
    el.style.inlineSize = '300px';
    expect(second.getBoundingClientRect().top).to.be.greaterThan(first.getBoundingClientRect().top);
  });

  it('is answered with arrow keys', async () => {
    const el = await render<CarerLikert>('carer-likert', question);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(el.value).to.equal('neither');
  });
});
