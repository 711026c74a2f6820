import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextValue } from './context-value.js';
import { getLocale, resolveLocale, setLocale, textDirection, type SupportedLocale } from '../i18n/index.js';
import { endpointContext, localeContext, partnerContext, themeContext } from './contexts.js';
import type { CarerTheme } from './theme.js';

/** A widget that may carry its own `endpoint`, `partner` and `lang`. */
export type ConfigurableHost = ReactiveControllerHost &
  HTMLElement & {
    endpoint?: string | undefined;
    partner?: string | undefined;
  };

/**
 * Reads a widget's settings the way partners expect: the widget's own attribute, else the nearest
 * `<carer-voice>`, else the page. Re-renders the widget when the provider's values change.
 *
 * ```ts
 * class CarerSurvey extends LitElement {
 *   @property() endpoint?: string;
 *   @property() partner?: string;
 *   private config = new CarerConfigController(this);
 *   // this.config.endpoint, this.config.partner, this.config.locale, this.config.dir
 * }
 * ```
 *
 * A widget with its own `lang` (and no provider deciding for it) switches the page's strings to
 * that language and sets its own `dir`.
 */
export class CarerConfigController implements ReactiveController {
  private readonly endpointFromProvider: ContextValue<typeof endpointContext>;
  private readonly partnerFromProvider: ContextValue<typeof partnerContext>;
  private readonly localeFromProvider: ContextValue<typeof localeContext>;
  private readonly themeFromProvider: ContextValue<typeof themeContext>;
  private appliedLang?: string;

  constructor(private readonly host: ConfigurableHost) {
    this.endpointFromProvider = new ContextValue(host, endpointContext);
    this.partnerFromProvider = new ContextValue(host, partnerContext);
    this.localeFromProvider = new ContextValue(host, localeContext);
    this.themeFromProvider = new ContextValue(host, themeContext);
    host.addController(this);
  }

  /** The collector's base URL, or undefined when neither the widget nor a provider says. */
  get endpoint(): string | undefined {
    return this.host.endpoint || this.endpointFromProvider.value || undefined;
  }

  get partner(): string | undefined {
    return this.host.partner || this.partnerFromProvider.value || undefined;
  }

  /** The language tag in force: the widget's `lang`, the provider's, the page's, else "en-GB". */
  get lang(): string {
    const own = this.host.getAttribute('lang');
    if (own) return own;
    const provided = this.localeFromProvider.value?.lang;
    if (provided) return provided;
    return this.host.parentElement?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en-GB';
  }

  /** The supported locale the strings are in ("en-GB" or "ur"). */
  get locale(): SupportedLocale {
    return resolveLocale(this.lang);
  }

  get dir(): 'ltr' | 'rtl' {
    return textDirection(this.lang);
  }

  /** The provider's checked theme, for widgets that draw with colours (charts). */
  get theme(): CarerTheme | undefined {
    return this.themeFromProvider.value;
  }

  hostUpdate(): void {
    const own = this.host.getAttribute('lang');
    if (!own || own === this.appliedLang) return;
    this.appliedLang = own;
    const dir = textDirection(own);
    if (this.host.getAttribute('dir') !== dir) this.host.setAttribute('dir', dir);
    if (resolveLocale(own) !== getLocale()) void setLocale(own).catch(() => undefined);
  }
}
