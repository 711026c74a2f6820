import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionOf } from '@carers-voice/core/content';
import type { CarerStatement } from './carer-statement.js';
import { $, controlBaseTests, render, text } from '../test-helpers.js';

const question: QuestionOf<'statement'> = {
  id: 'st-1',
  type: 'statement',
  label: 'GP practices should ask every patient if they look after someone',
};

describe('<carer-statement>', () => {
  controlBaseTests({
    tag: 'carer-statement',
    question,
    sample: 'pass',
    answer: async (el) => $(el, 'label[for="st-1"]').click(),
  });

  it('offers agree, disagree and pass as one group of radios', async () => {
    const el = await render<CarerStatement>('carer-statement', question);
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.value)).to.deep.equal(['agree', 'disagree', 'pass']);
    expect(new Set(radios.map((r) => r.name)).size).to.equal(1);
    expect([...el.shadowRoot!.querySelectorAll('.option label')].map(text)).to.deep.equal(['Agree', 'Disagree', 'Pass (skip this one)']);
  });

  it('is answered with the keyboard', async () => {
    const el = await render<CarerStatement>('carer-statement', question);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    expect(el.value).to.equal('disagree');
  });
});
