import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { msg, str } from '@lit/localize';
import { resolveLocale, setLocale, textDirection } from '../i18n/index.js';
import { endpointContext, localeContext, partnerContext, themeContext, type CarerLocale } from './contexts.js';
import { applyTheme, checkTheme, type CarerTheme } from './theme.js';
import { CarerErrorEvent } from '../events/events.js';

/** What a `theme` attribute held when it was not JSON; reported, never applied. */
class UnreadableTheme {
  constructor(readonly text: string) {}
}

/**
 * `<carer-voice>` sets up every carers-voice widget inside it once: where answers go (`endpoint`),
 * whose page this is (`partner`), the language (`lang`) and the partner's brand (`theme`).
 * A widget's own attribute always beats the provider's.
 *
 * ```html
 * <carer-voice endpoint="https://carers.example.org" partner="leeds-carers" lang="ur">
 *   <carer-survey instrument="annual-carers-survey"></carer-survey>
 * </carer-voice>
 * ```
 *
 * It sets `dir` on itself from the language, so every shadow root inside reads right to left for
 * Urdu or Arabic, and switches the strings of every carers-voice element on the page (one
 * language per page: @lit/localize keeps a single active locale).
 *
 * @slot - The widgets this provider sets up.
 * @fires carer-error - `kind: 'config'`: a theme value or the language could not be used; `detail.message` says why in plain words.
 * @cssproperty --carer-color-brand - Buttons and selected options. Set by `theme.brand` or your CSS.
 * @cssproperty --carer-color-brand-text - Text on the brand colour (`theme.brandText`).
 * @cssproperty --carer-color-focus - The focus highlight (`theme.focus`).
 * @cssproperty --carer-color-focus-text - Text on the focus highlight (`theme.focusText`).
 * @cssproperty --carer-color-link - Links (`theme.link`).
 * @cssproperty --carer-color-text - Body text (`theme.text`).
 * @cssproperty --carer-color-surface - Background (`theme.background`).
 * @cssproperty --carer-color-error - Errors (`theme.error`).
 * @cssproperty --carer-font-family - Font stack (`theme.fontFamily`).
 * @cssproperty --carer-radius - Corner rounding (`theme.radius`).
 * @cssproperty --carer-font-size-base - Base text size (`theme.baseSize`).
 *
 * A `theme` object is written to these properties on this element (through the CSSOM, so a strict
 * Content-Security-Policy allows it) and so wins over the same properties set in the page's CSS.
 * Every other `--carer-*` token of the kit can be set in CSS on this element.
 */
export class CarerVoice extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  /** The collector's base URL, shared with every widget inside. */
  @provide({ context: endpointContext })
  @property()
  endpoint?: string;

  /** The partner's id, as registered with the collector. */
  @provide({ context: partnerContext })
  @property()
  partner?: string;

  /**
   * The language for every widget inside, as a BCP 47 tag ("en-GB", "ur"). Without it, the nearest
   * `lang` above this element (usually `<html lang>`) is used.
   */
  @property()
  override lang = '';

  /**
   * The partner's brand: `{ brand, brandText, focus, focusText, link, text, background, error, fontFamily, radius, baseSize }`.
   * As an attribute it is JSON: `theme='{"brand":"#1d70b8"}'`.
   */
  @property({
    attribute: 'theme',
    converter: {
      fromAttribute: (text: string | null) => {
        if (text === null || text.trim() === '') return undefined;
        try {
          return JSON.parse(text) as CarerTheme;
        } catch {
          return new UnreadableTheme(text);
        }
      },
    },
  })
  theme?: CarerTheme;

  /** The theme after checking: what widgets inside receive. */
  @provide({ context: themeContext })
  @state()
  protected checkedTheme?: CarerTheme;

  @provide({ context: localeContext })
  @state()
  private localeInfo: CarerLocale = { lang: 'en-GB', locale: 'en-GB', dir: 'ltr' };

  private problems: string[] = [];
  private appliedLocale?: string;

  /** The language asked for: this element's own, else the nearest ancestor's, else the page's. */
  private requestedLang(): string {
    if (this.lang) return this.lang;
    const inherited = this.parentElement?.closest('[lang]')?.getAttribute('lang');
    return inherited || document.documentElement.lang || 'en-GB';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The inherited language may differ where this element now sits.
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const lang = this.requestedLang();
    if (lang !== this.localeInfo.lang) {
      const locale = resolveLocale(lang);
      this.localeInfo = { lang, locale, dir: textDirection(lang) };
    }
    if (changed.has('theme')) {
      this.problems = [];
      let checked: CarerTheme = {};
      if (this.theme instanceof UnreadableTheme) {
        this.problems.push(msg(str`The theme attribute is not valid JSON: ${this.theme.text}`, { id: 'provider.theme.bad-json' }));
      } else {
        const result = checkTheme(this.theme);
        checked = result.theme;
        this.problems.push(...result.problems);
      }
      applyTheme(this, checked);
      this.checkedTheme = this.theme === undefined ? undefined : checked;
    }
  }

  protected override updated(changed: PropertyValues): void {
    const { lang, locale, dir } = this.localeInfo;
    // Direction inherits into every shadow root below; `lang` is mirrored only when set here.
    if (this.getAttribute('dir') !== dir) this.setAttribute('dir', dir);
    if (this.lang && this.getAttribute('lang') !== this.lang) this.setAttribute('lang', this.lang);
    if (this.appliedLocale !== locale) {
      this.appliedLocale = locale;
      setLocale(locale).catch(() => {
        this.report(msg(str`The language "${lang}" could not be loaded, so English is shown.`, { id: 'provider.locale.failed' }));
      });
    }
    if (changed.has('theme') && this.problems.length) {
      this.report(this.problems.join(' '), this.problems.map((message) => ({ path: 'theme', message })));
    }
  }

  /** Partner set-up problems: fired, never thrown, so the carer still sees the questions. */
  private report(message: string, problems?: { path: string; message: string }[]): void {
    this.dispatchEvent(new CarerErrorEvent({ kind: 'config', message, ...(problems ? { problems } : {}) }));
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
