import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as lhtml } from 'lit';
import { customElement } from 'lit/decorators.js';

@customElement('smoke-el')
class SmokeEl extends LitElement {
  override render() { return lhtml`<button type="button">Continue</button>`; }
}

it('renders a Lit element in real Chromium and passes axe', async () => {
  const el = await fixture<SmokeEl>(html`<smoke-el></smoke-el>`);
  expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Continue');
  await expect(el).to.be.accessible();
});
