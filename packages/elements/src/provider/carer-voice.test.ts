import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement, html as lhtml } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { CarerConfigController } from './config-controller.js';
import { themeContext, type CarerTheme } from './index.js';
import { getLocale, localeReady, setLocale } from '../i18n/index.js';
import type { CarerVoice } from './carer-voice.js';
import type { Question } from '@carers-voice/core/content';

/** A select question: its placeholder ("Choose an answer") and "(optional)" are kit strings. */
const ageQuestion: Question = {
  id: 'age',
  type: 'select',
  label: 'How old are you?',
  required: false,
  options: [
    { value: 'under-18', label: 'Under 18' },
    { value: '18-plus', label: '18 or over' },
  ],
};

/** A widget as the survey/quiz widgets will be: own attributes, falling back to the provider. */
class TestWidget extends LitElement {
  @property() endpoint?: string;
  @property() partner?: string;
  readonly config = new CarerConfigController(this);
  override render() {
    return lhtml`<p>${this.config.endpoint ?? 'none'} | ${this.config.partner ?? 'none'} | ${this.config.locale} | ${this.config.dir}</p>`;
  }
}
customElements.define('test-config-widget', TestWidget);

/** A widget that consumes one context directly, as the brief promises widgets can. */
class TestThemeReader extends LitElement {
  @consume({ context: themeContext, subscribe: true }) theme?: CarerTheme;
  override render() {
    return lhtml`<p>${this.theme?.brand ?? 'no brand'}</p>`;
  }
}
customElements.define('test-theme-reader', TestThemeReader);

// Registered after the widgets above on purpose: a page may load its scripts in either order.
await import('./define.js');
await import('../kit/define.js');

const shown = (el: Element) => el.shadowRoot!.querySelector('p')!.textContent!.trim();

afterEach(async () => {
  await setLocale('en-GB');
});

describe('<carer-voice>', () => {
  it('shares endpoint, partner and language with a nested widget, and updates it', async () => {
    const provider = await fixture<CarerVoice>(html`
      <carer-voice endpoint="https://collector.example" partner="leeds-carers">
        <section><test-config-widget></test-config-widget></section>
      </carer-voice>
    `);
    const widget = provider.querySelector<TestWidget>('test-config-widget')!;
    await widget.updateComplete;
    expect(shown(widget)).to.equal('https://collector.example | leeds-carers | en-GB | ltr');

    provider.partner = 'bradford-carers';
    provider.lang = 'ur';
    await provider.updateComplete;
    await widget.updateComplete;
    expect(shown(widget)).to.equal('https://collector.example | bradford-carers | ur | rtl');
  });

  it("lets a widget's own attribute beat the provider's", async () => {
    const provider = await fixture<CarerVoice>(html`
      <carer-voice endpoint="https://collector.example" partner="leeds-carers">
        <test-config-widget partner="gp-practice-12" lang="en-GB"></test-config-widget>
      </carer-voice>
    `);
    const widget = provider.querySelector<TestWidget>('test-config-widget')!;
    await widget.updateComplete;
    expect(shown(widget)).to.equal('https://collector.example | gp-practice-12 | en-GB | ltr');
  });

  it('gives a widget with no provider nothing rather than guessing', async () => {
    const widget = await fixture<TestWidget>(html`<test-config-widget></test-config-widget>`);
    expect(shown(widget)).to.equal('none | none | en-GB | ltr');
  });

  it('reaches a widget defined before the provider (late upgrade)', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    // Parse markup with an unknown tag, then upgrade it, as a page whose provider script loads last.
    container.innerHTML = '<carer-voice-late partner="late-partner"><test-config-widget></test-config-widget></carer-voice-late>';
    const widget = container.querySelector<TestWidget>('test-config-widget')!;
    await widget.updateComplete;
    expect(shown(widget)).to.contain('none');
    const { CarerVoice } = await import('./carer-voice.js');
    customElements.define('carer-voice-late', class extends CarerVoice {});
    await (container.firstElementChild as CarerVoice).updateComplete;
    await widget.updateComplete;
    expect(shown(widget)).to.equal('none | late-partner | en-GB | ltr');
  });

  it('sets lang and dir on itself from the locale and switches the strings', async () => {
    const provider = await fixture<CarerVoice>(html`<carer-voice lang="ur-PK"><p>text</p></carer-voice>`);
    await localeReady();
    expect(provider.getAttribute('dir')).to.equal('rtl');
    expect(provider.getAttribute('lang')).to.equal('ur-PK');
    expect(getLocale()).to.equal('ur');
    expect(getComputedStyle(provider.querySelector('p')!).direction).to.equal('rtl');

    provider.lang = 'en-GB';
    await provider.updateComplete;
    await localeReady();
    expect(provider.getAttribute('dir')).to.equal('ltr');
    expect(getLocale()).to.equal('en-GB');
  });

  it('re-renders a kit control in Urdu, right to left, when the language switches, and stays accessible', async () => {
    const provider = await fixture<CarerVoice>(html`
      <carer-voice lang="en-GB"><carer-select .question=${ageQuestion}></carer-select></carer-voice>
    `);
    const control = provider.querySelector('carer-select')!;
    await control.updateComplete;
    const placeholder = () => control.shadowRoot!.querySelector('option')!.textContent!.trim();
    expect(placeholder()).to.equal('Choose an answer');
    expect(getComputedStyle(control.shadowRoot!.querySelector('select')!).direction).to.equal('ltr');

    provider.lang = 'ur';
    await provider.updateComplete;
    await localeReady();
    await control.updateComplete;
    expect(placeholder()).to.equal('ایک جواب منتخب کریں');
    expect(control.shadowRoot!.textContent).to.contain('(اختیاری)');
    expect(getComputedStyle(control.shadowRoot!.querySelector('select')!).direction).to.equal('rtl');
    await expect(provider).to.be.accessible();

    provider.lang = 'en-GB';
    await provider.updateComplete;
    await localeReady();
    await control.updateComplete;
    expect(placeholder()).to.equal('Choose an answer');
  });

  it('follows the page language when it has none of its own', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ur"><carer-voice></carer-voice></div>`);
    const provider = wrapper.querySelector('carer-voice')!;
    await provider.updateComplete;
    expect(provider.getAttribute('dir')).to.equal('rtl');
    expect(provider.hasAttribute('lang'), 'does not invent a lang attribute').to.equal(false);
  });

  it('applies a theme object as --carer-* custom properties and shares the checked theme', async () => {
    const provider = await fixture<CarerVoice>(html`
      <carer-voice .theme=${{ brand: '#6f2c91', focus: 'rgb(255 221 0)', radius: '6px', baseSize: '20px', fontFamily: 'Georgia, serif' }}>
        <test-theme-reader></test-theme-reader>
      </carer-voice>
    `);
    const style = getComputedStyle(provider);
    expect(style.getPropertyValue('--carer-color-brand').trim()).to.equal('#6f2c91');
    expect(style.getPropertyValue('--carer-color-focus').trim()).to.equal('rgb(255 221 0)');
    expect(style.getPropertyValue('--carer-radius').trim()).to.equal('6px');
    expect(style.getPropertyValue('--carer-font-size-base').trim()).to.equal('20px');
    expect(style.getPropertyValue('--carer-font-family').trim()).to.equal('Georgia, serif');
    const reader = provider.querySelector<TestThemeReader>('test-theme-reader')!;
    await reader.updateComplete;
    expect(shown(reader)).to.equal('#6f2c91');

    provider.theme = { brand: '#005eb8' };
    await provider.updateComplete;
    await reader.updateComplete;
    expect(getComputedStyle(provider).getPropertyValue('--carer-color-brand').trim()).to.equal('#005eb8');
    expect(getComputedStyle(provider).getPropertyValue('--carer-radius').trim(), 'a removed setting is cleared').to.equal('');
    expect(shown(reader)).to.equal('#005eb8');
  });

  it('reports a bad theme value in plain words and does not apply it', async () => {
    const provider = document.createElement('carer-voice');
    provider.theme = { brand: 'bleu', radius: '4px' };
    const heard = oneEvent(provider, 'carer-error');
    document.body.append(provider);
    const event = await heard;
    expect(event.detail.kind).to.equal('config');
    expect(event.detail.message).to.contain('"brand"').and.to.contain('colour').and.to.contain('"bleu"');
    expect(getComputedStyle(provider).getPropertyValue('--carer-color-brand').trim()).to.equal('');
    expect(getComputedStyle(provider).getPropertyValue('--carer-radius').trim()).to.equal('4px');
    provider.remove();
  });

  it('reads a theme from a JSON attribute, and says so when the JSON is broken', async () => {
    const good = await fixture<CarerVoice>(html`<carer-voice theme='{"brand":"#00703c"}'></carer-voice>`);
    expect(getComputedStyle(good).getPropertyValue('--carer-color-brand').trim()).to.equal('#00703c');

    const bad = document.createElement('carer-voice');
    bad.setAttribute('theme', '{brand: green}');
    const heard = oneEvent(bad, 'carer-error');
    document.body.append(bad);
    const event = await heard;
    expect(event.detail.message).to.contain('not valid JSON');
    bad.remove();
  });

  it('puts no style attribute in markup until a theme is set', async () => {
    const provider = await fixture<CarerVoice>(html`<carer-voice></carer-voice>`);
    expect(provider.getAttribute('style') ?? '').to.equal('');
  });
});

declare global {
  interface HTMLElementTagNameMap {
    'test-config-widget': TestWidget;
    'test-theme-reader': TestThemeReader;
  }
}
