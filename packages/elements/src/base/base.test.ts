import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as lhtml } from 'lit';
import { CarerElement } from './carer-element.js';
import { SubmitGuard } from './submit-guard.js';
import { plural } from './plural.js';
import '../kit/define.js';

class GuardedForm extends LitElement {
  guard = new SubmitGuard(this, 200);
  sent = 0;
  override render() {
    return lhtml`<form novalidate @submit=${(e: Event) => {
      e.preventDefault();
      if (this.guard.attempt()) this.sent++;
    }}><button aria-busy=${this.guard.busy ? 'true' : 'false'}>Send</button></form>`;
  }
}
customElements.define('guarded-form', GuardedForm);

class Emitter extends CarerElement {
  fire() {
    return this.emit('carer-test', { n: 1 });
  }
}
customElements.define('carer-test-emitter', Emitter);

describe('base', () => {
  it('emit dispatches a bubbling, composed CustomEvent', async () => {
    const el = await fixture<Emitter>(html`<carer-test-emitter></carer-test-emitter>`);
    let got: CustomEvent | undefined;
    document.addEventListener('carer-test', (e) => (got = e as CustomEvent), { once: true });
    el.fire();
    expect(got?.bubbles && got.composed).to.equal(true);
    expect(got?.detail).to.deep.equal({ n: 1 });
  });

  it('the reset keeps host-page text styles out but lets direction in', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div
      dir="rtl"
      style="font-size: 8px; color: rgb(255, 0, 0); letter-spacing: 4px; text-transform: uppercase; font-style: italic; text-align: center; line-height: 5"
    >
      <carer-progress current="1" total="2"></carer-progress>
    </div>`);
    const el = wrap.querySelector('carer-progress')!;
    const s = getComputedStyle(el);
    expect(parseFloat(s.fontSize)).to.be.at.least(19);
    expect(s.color).to.equal('rgb(11, 12, 12)');
    expect(s.letterSpacing).to.equal('normal');
    expect(s.textTransform).to.equal('none');
    expect(s.fontStyle).to.equal('normal');
    expect(s.textAlign).to.equal('start');
    expect(s.direction).to.equal('rtl');
  });

  it('takes tokens a partner sets on an ancestor', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="--carer-color-text: rgb(0, 0, 128); --carer-font-size-base: 24px">
      <carer-progress current="1" total="2"></carer-progress>
    </div>`);
    const s = getComputedStyle(wrap.querySelector('carer-progress')!);
    expect(s.color).to.equal('rgb(0, 0, 128)');
    expect(s.fontSize).to.equal('24px');
  });

  it('SubmitGuard ignores a second submit within its window, never disabling the button', async () => {
    const el = await fixture<GuardedForm>(html`<guarded-form></guarded-form>`);
    const button = el.shadowRoot!.querySelector('button')!;
    button.click();
    button.click();
    await el.updateComplete;
    expect(el.sent).to.equal(1);
    expect(button.disabled).to.equal(false);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    await new Promise((r) => setTimeout(r, 250));
    await el.updateComplete;
    expect(button.getAttribute('aria-busy')).to.equal('false');
    button.click();
    expect(el.sent).to.equal(2);
  });

  it('plural picks the category for the locale', () => {
    const forms = { one: () => 'one', other: () => 'other' };
    expect(plural(1, forms, 'en-GB')).to.equal('one');
    expect(plural(0, forms, 'en-GB')).to.equal('other');
    expect(plural(3, forms, 'ar')).to.equal('other');
  });
});
