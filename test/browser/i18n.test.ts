/**
 * The Urdu translation is complete and the module the elements load matches what translators hold.
 *
 * `pnpm i18n:extract` writes every `msg()` string of packages/elements into the XLIFF file; a
 * translator fills in each `<target>`; `pnpm i18n:build` writes `src/i18n/locales/ur.ts`. These tests
 * notice each step that was skipped: a new string not yet translated, or a translation not yet built.
 * (The axe sweep in stories-axe.test.ts also fails if any control shows an id that has no Urdu.)
 */
import { expect } from '@open-wc/testing';
import { templates } from '../../packages/elements/src/i18n/locales/ur.js';
import { resolveLocale, textDirection } from '../../packages/elements/src/i18n/index.js';
import { urduRequired } from './urdu-scope.js';

interface Unit {
  id: string;
  source: string;
  target: string | undefined;
}

async function readXliff(locale: string): Promise<{ doc: Document; units: Unit[] }> {
  const res = await fetch(`/packages/elements/xliff/${locale}.xlf`);
  expect(res.ok, `packages/elements/xliff/${locale}.xlf should exist (run pnpm i18n:extract)`).to.equal(true);
  const doc = new DOMParser().parseFromString(await res.text(), 'application/xml');
  expect(doc.querySelector('parsererror'), 'the XLIFF file should be well-formed XML').to.equal(null);
  const units = [...doc.getElementsByTagName('trans-unit')].map((u) => ({
    id: u.getAttribute('id') ?? '',
    source: u.getElementsByTagName('source')[0]?.textContent ?? '',
    target: u.getElementsByTagName('target')[0]?.textContent ?? undefined,
  }));
  return { doc, units };
}


describe('Urdu translation', () => {
  it('declares en-GB as the source and ur as the target', async () => {
    const { doc } = await readXliff('ur');
    const file = doc.getElementsByTagName('file')[0]!;
    expect(file.getAttribute('source-language')).to.equal('en-GB');
    expect(file.getAttribute('target-language')).to.equal('ur');
  });

  it('has a translation for every string of the kit and the provider', async () => {
    const { units } = await readXliff('ur');
    const required = units.filter((u) => urduRequired(u.id));
    expect(required.length, 'the kit has strings to translate').to.be.greaterThan(20);
    const missing = required.filter((u) => !u.target || u.target.trim() === '').map((u) => `${u.id}: "${u.source}"`);
    expect(missing, `Untranslated in packages/elements/xliff/ur.xlf:\n${missing.join('\n')}`).to.deep.equal([]);
  });

  it('is written in Urdu script, not left in English', async () => {
    const { units } = await readXliff('ur');
    // A target whose source has words should contain Arabic-script letters (Urdu's script); a
    // source that is only placeholders and punctuation ("${label}: ${n}.") needs none.
    const latinOnly = units
      .filter((u) => /[A-Za-z]/.test(u.source) && u.target && !/[\u0600-\u06FF]/.test(u.target))
      .map((u) => u.id);
    expect(latinOnly, 'translations with no Urdu letters').to.deep.equal([]);
  });

  it('names every string: no auto-generated ids, so translators and tests can tell them apart', async () => {
    const { units } = await readXliff('ur');
    const hashed = units.filter((u) => /^s[0-9a-f]{16}$/.test(u.id)).map((u) => `${u.id}: "${u.source}"`);
    expect(hashed, 'give these msg() calls an { id }').to.deep.equal([]);
  });

  it('matches the generated module the elements load (run pnpm i18n:build after editing the XLIFF)', async () => {
    const { units } = await readXliff('ur');
    // lit-localize writes every extracted id, with the English text where there is no translation yet.
    expect(Object.keys(templates).sort()).to.deep.equal(units.map((u) => u.id).sort());
    // Plain strings (no placeholders) must match character for character.
    for (const u of units) {
      const built = (templates as Record<string, unknown>)[u.id];
      if (typeof built === 'string') expect(built, u.id).to.equal(u.target ?? u.source);
    }
  });
});

describe('locale helpers', () => {
  it('resolves tags to the supported locale of the same language', () => {
    expect(resolveLocale('ur-PK')).to.equal('ur');
    expect(resolveLocale('UR')).to.equal('ur');
    expect(resolveLocale('en')).to.equal('en-GB');
    expect(resolveLocale('en-US')).to.equal('en-GB');
    expect(resolveLocale('pl')).to.equal('en-GB');
    expect(resolveLocale('')).to.equal('en-GB');
  });

  it('knows which languages run right to left', () => {
    expect(textDirection('ur')).to.equal('rtl');
    expect(textDirection('ar-EG')).to.equal('rtl');
    expect(textDirection('he')).to.equal('rtl');
    expect(textDirection('pa-Arab')).to.equal('rtl');
    expect(textDirection('pa')).to.equal('ltr');
    expect(textDirection('en-GB')).to.equal('ltr');
    expect(textDirection('pl')).to.equal('ltr');
  });
});
