/**
 * What `<carer-voice>` shares with every carers-voice element inside it. Widgets read these with
 * `@consume({ context, subscribe: true })`, or all at once with `CarerConfigController`.
 */
import type { Context } from '@lit/context';
import type { SupportedLocale } from '../i18n/index.js';
import type { CarerTheme } from './theme.js';

// What `createContext` does, without importing `@lit/context` at run time (see context-value.ts).
const createContext = <V>(key: symbol) => key as unknown as Context<unknown, V>;

/** The collector's base URL, e.g. "https://carers.example.org". */
export const endpointContext = createContext<string | undefined>(Symbol.for('carer-voice/endpoint'));

/** The partner's id, as registered with the collector. */
export const partnerContext = createContext<string | undefined>(Symbol.for('carer-voice/partner'));

/** The locale the provider switched to, and the direction its text runs. */
export interface CarerLocale {
  /** The tag the partner asked for, as written ("ur-PK"). */
  lang: string;
  /** The supported locale it resolved to ("ur"); strings without a translation show in English. */
  locale: SupportedLocale;
  dir: 'ltr' | 'rtl';
}
export const localeContext = createContext<CarerLocale | undefined>(Symbol.for('carer-voice/locale'));

/** The partner's theme, after checking (values that failed the check are left out). */
export const themeContext = createContext<CarerTheme | undefined>(Symbol.for('carer-voice/theme'));
