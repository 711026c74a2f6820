import { expect, fixture, html } from '@open-wc/testing';
import type { CarerProgress } from './carer-progress.js';
import '../define.js';
import { text } from '../test-helpers.js';

describe('<carer-progress>', () => {
  it('says "Question 3 of 12" in words, with a bar hidden from screen readers', async () => {
    const el = await fixture<CarerProgress>(html`<carer-progress current="3" total="12"></carer-progress>`);
    expect(text(el.shadowRoot!.querySelector('p'))).to.equal('Question 3 of 12');
    const bar = el.shadowRoot!.querySelector('progress')!;
    expect(bar.getAttribute('aria-hidden')).to.equal('true');
    expect(bar.value).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('counts pages and keeps numbers in range', async () => {
    const el = await fixture<CarerProgress>(html`<carer-progress unit="page" current="9" total="5" no-bar></carer-progress>`);
    expect(text(el.shadowRoot!.querySelector('p'))).to.equal('Page 5 of 5');
    expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
  });
});
