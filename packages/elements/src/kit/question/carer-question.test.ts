import { expect, fixture, html } from '@open-wc/testing';
import type { Question } from '@carers-voice/core/content';
import type { CarerQuestion } from './carer-question.js';
import { countEvents, text } from '../test-helpers.js';

const questions: Question[] = [
  { id: 'q-single', type: 'single', label: 'Single', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
  { id: 'q-multiple', type: 'multiple', label: 'Multiple', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
  { id: 'q-select', type: 'select', label: 'Select', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
  { id: 'q-likert', type: 'likert', label: 'Likert', scale: 'frequency' },
  { id: 'q-rating', type: 'rating', label: 'Rating' },
  { id: 'q-text', type: 'text', label: 'Text' },
  { id: 'q-textarea', type: 'textarea', label: 'Textarea' },
  { id: 'q-number', type: 'number', label: 'Number' },
  { id: 'q-ranking', type: 'ranking', label: 'Ranking', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
  { id: 'q-points', type: 'points', label: 'Points', total: 5, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
  { id: 'q-statement', type: 'statement', label: 'Statement' },
];

const tags: Record<Question['type'], string> = {
  single: 'carer-radios',
  multiple: 'carer-checkboxes',
  select: 'carer-select',
  likert: 'carer-likert',
  rating: 'carer-rating',
  text: 'carer-text-input',
  textarea: 'carer-textarea',
  number: 'carer-number',
  ranking: 'carer-ranking',
  points: 'carer-points',
  statement: 'carer-statement',
};

describe('<carer-question>', () => {
  it('renders the right control for every question type, all accessible together', async () => {
    const form = await fixture<HTMLFormElement>(html`<form novalidate>
      ${questions.map((q) => html`<carer-question .question=${q}></carer-question>`)}
    </form>`);
    const els = [...form.querySelectorAll('carer-question')];
    await Promise.all(els.map((el) => el.updateComplete));
    els.forEach((el, i) => {
      const q = questions[i]!;
      const inner = el.shadowRoot!.querySelector('[data-control]')!;
      expect(inner.localName, q.type).to.equal(tags[q.type]);
      expect(text(inner.shadowRoot!.querySelector('legend, label.label')), q.type).to.equal(q.label);
    });
    await expect(form).to.be.accessible();
  });

  it('forwards value, error, easy-read and young, and follows the carer\'s answer', async () => {
    const q: Question = {
      id: 'breaks',
      type: 'single',
      label: 'Do you get breaks?',
      easyRead: 'Do you get time off?',
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ],
    };
    const el = await fixture<CarerQuestion>(
      html`<carer-question easy-read .question=${q} .value=${'yes'} error="Say if you get breaks"></carer-question>`,
    );
    const inner = el.shadowRoot!.querySelector('carer-radios')!;
    await inner.updateComplete;
    expect(inner.value).to.equal('yes');
    expect(inner.easyRead).to.equal(true);
    expect(text(inner.shadowRoot!.querySelector('legend'))).to.equal('Do you get time off?');
    expect(text(inner.shadowRoot!.getElementById('breaks-error'))).to.equal('Error: Say if you get breaks');
    const counts = countEvents(el);
    (inner.shadowRoot!.getElementById('breaks-2') as HTMLInputElement).click();
    counts.stop();
    expect(el.value).to.equal('no');
    expect(el.answers).to.deep.equal({ breaks: 'no' });
    expect(counts.input).to.equal(1);
    expect(counts.change).to.equal(1);
    el.focus();
    expect(inner.shadowRoot!.activeElement?.id).to.equal('breaks');
  });
});
