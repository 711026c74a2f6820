/**
 * Localisation for every carers-voice element: @lit/localize in runtime mode.
 *
 * The English (en-GB) strings live in the templates as `msg()` calls; `pnpm i18n:extract` writes them
 * to `packages/elements/xliff/<locale>.xlf` for translators, and `pnpm i18n:build` turns the
 * translated XLIFF into `./locales/<locale>.ts`. A string with no translation falls back to English.
 *
 * @lit/localize keeps one active locale per page (it can be configured only once), so this module is
 * the single place that configures it. Elements re-render on a switch through `@localized()` /
 * `updateWhenLocaleChanges()`; `<carer-voice lang="ur">` calls `setLocale` for its subtree.
 */
import { configureLocalization } from '@lit/localize';
import { allLocales, sourceLocale, targetLocales } from './locale-codes.js';

export { msg, str, localized, updateWhenLocaleChanges } from '@lit/localize';
export { allLocales, sourceLocale, targetLocales };

export type SupportedLocale = (typeof allLocales)[number];

type Templates = Record<string, unknown>;

type Lookups = typeof import('./lookups.js');
/** Which strings were looked up in each locale (loaded with the first translation; see lookups.ts). */
let lookups: Lookups | undefined;

// Explicit imports (not a template-string import) so Vite, esbuild and @web/test-runner all see them.
const loaders: Record<string, () => Promise<{ templates: Templates }>> = {
  ur: () => import('./locales/ur.js'),
};

function configure() {
  try {
    return configureLocalization({
      sourceLocale,
      targetLocales,
      loadLocale: async (locale) => {
        const load = loaders[locale];
        if (!load) throw new Error(`No translations are bundled for "${locale}".`);
        const [mod, watch] = await Promise.all([load(), import('./lookups.js')]);
        lookups = watch;
        // The generated module's type says `templates` holds only this locale's ids; the cast keeps
        // runtime mode's contract (an object of templates) while noting lookups.
        return { templates: watch.watchLookups(locale, mod.templates) as never };
      },
    });
  } catch {
    // A second copy of this module on the page (two bundles sharing one @lit/localize): the first
    // copy already configured it and keeps control of the language; this copy shows English.
    console.warn('carers-voice: localisation was already configured on this page by another copy; this one shows English.');
    return { getLocale: () => sourceLocale as string, setLocale: async (_locale: string) => undefined };
  }
}

const runtime = configure();

let ready: Promise<void> = Promise.resolve();

/**
 * The supported locale closest to a BCP 47 tag: an exact match, then the same language
 * ("ur-PK" → "ur", "en-US" → "en-GB"), else English.
 */
export function resolveLocale(tag: string | null | undefined): SupportedLocale {
  if (!tag) return sourceLocale;
  const wanted = tag.trim().toLowerCase().replace(/_/g, '-');
  const exact = allLocales.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0];
  return allLocales.find((l) => l.toLowerCase().split('-')[0] === language) ?? sourceLocale;
}

/** Languages written right to left (ISO 639-1/-3 primary subtags). */
/** `'rtl'` for a right-to-left language (Urdu, Arabic, Farsi, Hebrew …), otherwise `'ltr'`. */
export function textDirection(tag: string | null | undefined): 'ltr' | 'rtl' {
  // Each subtag between dashes, e.g. "-pa-arab-". An explicit script wins: "pa-Arab" is right to
  // left, "ku-Latn" is not; otherwise the language decides.
  const t = `-${(tag ?? '').toLowerCase().replace(/_/g, '-')}-`;
  return /-(arab|hebr|thaa|syrc)-/.test(t)
    ? 'rtl'
    : /-(latn|cyrl)-/.test(t)
      ? 'ltr'
      : /^-(ar|arc|ckb|dv|fa|he|iw|ks|ps|sd|ug|ur|yi)-/.test(t)
        ? 'rtl'
        : 'ltr';
}

/**
 * Switch every carers-voice element on the page to `tag` (resolved to a supported locale).
 * Resolves when the new strings are loaded and elements have been asked to re-render.
 */
export function setLocale(tag: string | null | undefined): Promise<void> {
  const locale = resolveLocale(tag);
  ready = runtime.setLocale(locale);
  return ready;
}

/** The locale whose strings are showing now (`'en-GB'` until a switch completes). */
export function getLocale(): SupportedLocale {
  return resolveLocale(runtime.getLocale());
}

/** Resolves once the most recently requested locale is ready (tests and stories await this). */
export function localeReady(): Promise<void> {
  return ready;
}

/** Every message id shown so far in `locale` (for tests: compare with the translated ids). */
export function requestedMessageIds(locale: string): string[] {
  return lookups?.requested(locale) ?? [];
}

/**
 * Message ids shown in `locale` that the built module does not have at all: strings added to the
 * code since the last `pnpm i18n:extract` / `pnpm i18n:build` (English was shown).
 */
export function unextractedMessageIds(locale: string): string[] {
  return lookups?.unknown(locale) ?? [];
}
