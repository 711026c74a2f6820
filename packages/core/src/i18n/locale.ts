/**
 * Locales, text direction and plural rules. Plain functions over `Intl`, so they work the same in
 * browsers and Node, and never throw on a malformed tag.
 */

/** The languages the widgets' own wording is written in. */
export const SUPPORTED_LOCALES = ['en-GB', 'ur'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const SOURCE_LOCALE: SupportedLocale = 'en-GB';

/** Languages written right to left: Urdu, Arabic, Persian, Hebrew, Pashto, Uyghur (and kin). */
const RTL_LANGUAGES = new Set(['ur', 'ar', 'fa', 'he', 'iw', 'ps', 'ug', 'yi', 'dv', 'ckb', 'sd']);

function language(locale: string): string {
  return String(locale ?? '').trim().split(/[-_]/)[0]!.toLowerCase();
}

/** `'rtl'` for right-to-left languages (a script subtag wins: `pa-Arab` is rtl, `ur-Latn` is ltr). */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  const parts = String(locale ?? '').split(/[-_]/).map((p) => p.toLowerCase());
  if (parts.some((p) => p === 'arab' || p === 'hebr' || p === 'thaa')) return 'rtl';
  if (parts.some((p) => p === 'latn' || p === 'cyrl')) return 'ltr';
  return RTL_LANGUAGES.has(language(locale)) ? 'rtl' : 'ltr';
}

function canonical(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(String(tag).replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/**
 * The best of `available` for someone who asked for `requested` (most wanted first, e.g.
 * `navigator.languages`): an exact match, else the same language (`ur-PK` → `ur`, `en-US` → `en-GB`),
 * else the first available. Malformed tags are ignored.
 */
export function negotiateLocale(requested: readonly string[], available: readonly string[] = SUPPORTED_LOCALES): string {
  const offered = available.map((a) => ({ tag: a, canon: canonical(a)?.toLowerCase() })).filter((a) => a.canon);
  const fallback = offered[0]?.tag ?? SOURCE_LOCALE;
  for (const want of requested ?? []) {
    const canon = canonical(want)?.toLowerCase();
    if (!canon) continue;
    const exact = offered.find((a) => a.canon === canon);
    if (exact) return exact.tag;
    const lang = language(canon);
    const sameLanguage = offered.find((a) => language(a.canon!) === lang);
    if (sameLanguage) return sameLanguage.tag;
  }
  return fallback;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** `pluralCategory('en-GB', 1)` → `'one'`; `'other'` for anything Intl cannot handle. */
export function pluralCategory(locale: string, n: number): Intl.LDMLPluralRule {
  try {
    let rules = pluralRules.get(locale);
    if (!rules) {
      rules = new Intl.PluralRules(canonical(locale) ?? SOURCE_LOCALE);
      pluralRules.set(locale, rules);
    }
    return rules.select(n);
  } catch {
    return 'other';
  }
}
