import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CarerErrorSummary, CarerFocusFieldEvent } from './carer-error-summary.js';
import '../define.js';
import { text } from '../test-helpers.js';

const errors = [
  { id: 'care-hours', message: 'Select how many hours you care' },
  { id: 'postcode', message: 'Enter the first part of your postcode' },
];

describe('<carer-error-summary>', () => {
  it('renders nothing without errors', async () => {
    const el = await fixture<CarerErrorSummary>(html`<carer-error-summary></carer-error-summary>`);
    expect(el.shadowRoot!.querySelector('.summary')).to.equal(null);
  });

  it('shows "There is a problem" and a link per error, as an alert, and is accessible', async () => {
    const el = await fixture<CarerErrorSummary>(html`<carer-error-summary .errors=${errors}></carer-error-summary>`);
    const box = el.shadowRoot!.querySelector('.summary')!;
    expect(box.getAttribute('role')).to.equal('alert');
    expect(text(box.querySelector('[role=heading]'))).to.equal('There is a problem');
    expect([...box.querySelectorAll('a')].map(text)).to.deep.equal(errors.map((e) => e.message));
    await expect(el).to.be.accessible();
  });

  it('takes focus when errors appear', async () => {
    const el = await fixture<CarerErrorSummary>(html`<carer-error-summary></carer-error-summary>`);
    el.errors = errors;
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('.summary'));
  });

  it('a chosen link fires carer-focus-field and calls focusTarget with the field id', async () => {
    const el = await fixture<CarerErrorSummary>(html`<carer-error-summary .errors=${errors}></carer-error-summary>`);
    const asked: string[] = [];
    el.focusTarget = (id) => asked.push(id);
    await sendKeys({ press: 'Tab' });
    const heard = oneEvent(el, 'carer-focus-field');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const event = (await heard) as unknown as CarerFocusFieldEvent;
    expect(event.id).to.equal('postcode');
    expect(asked).to.deep.equal(['postcode']);
    expect(location.hash).to.equal('');
  });

  it('lets a widget focus a field inside another shadow root', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <carer-error-summary .errors=${errors.slice(1)}></carer-error-summary>
      <carer-text-input .question=${{ id: 'postcode', type: 'text', label: 'Postcode' }}></carer-text-input>
    </div>`);
    const summary = wrapper.querySelector('carer-error-summary')!;
    const field = wrapper.querySelector('carer-text-input')!;
    await field.updateComplete;
    summary.addEventListener('carer-focus-field', (e) => field.focusField(e.id));
    summary.shadowRoot!.querySelector('a')!.click();
    expect(field.shadowRoot!.activeElement?.id).to.equal('postcode');
  });
});
