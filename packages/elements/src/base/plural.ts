/**
 * Plural categories for counts shown in the kit ("1 point left", "3 points left"), via
 * `Intl.PluralRules` in the locale @lit/localize last switched to. Tracked from lit-localize's own
 * status event, so the kit needs no import from whoever configures localisation.
 */
let activeLocale = 'en-GB';

if (typeof window !== 'undefined') {
  window.addEventListener('lit-localize-status', (event) => {
    const detail = (event as CustomEvent<{ status: string; readyLocale?: string }>).detail;
    if (detail.status === 'ready' && detail.readyLocale) activeLocale = detail.readyLocale;
  });
}

const rules = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) {
    try {
      r = new Intl.PluralRules(locale);
    } catch {
      r = new Intl.PluralRules('en-GB');
    }
    rules.set(locale, r);
  }
  return r;
}

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, () => string>> & { other: () => string };

/**
 * Picks the message for `count`: `plural(n, { one: () => msg(...), other: () => msg(...) })`.
 * Categories a locale needs but the caller did not give ("few", "many") fall back to `other`.
 * Messages are functions so only the chosen `msg()` runs.
 */
export function plural(count: number, forms: PluralForms, locale = activeLocale): string {
  const category = pluralRules(locale).select(count);
  return (forms[category] ?? forms.other)();
}

/** The locale @lit/localize last switched to (`'en-GB'` until then). */
export function currentLocale(): string {
  return activeLocale;
}
