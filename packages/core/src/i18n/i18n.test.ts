import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtures } from '../content/fixtures/index.js';
import { parseDefinition, resolveOptions, type Survey } from '../content/index.js';
import { SUPPORTED_LOCALES, localiseDefinition, negotiateLocale, pluralCategory, textDirection } from './index.js';

test('SUPPORTED_LOCALES lists English (UK) and Urdu', () => {
  assert.deepEqual([...SUPPORTED_LOCALES], ['en-GB', 'ur']);
});

test('textDirection: rtl for Urdu, Arabic, Persian, Hebrew, Pashto, Uyghur; ltr otherwise', () => {
  for (const l of ['ur', 'ur-PK', 'ar', 'fa-IR', 'he', 'ps', 'ug', 'pa-Arab']) assert.equal(textDirection(l), 'rtl', l);
  for (const l of ['en-GB', 'pl', 'pa', 'pa-Guru', 'ur-Latn', '', 'not a tag']) assert.equal(textDirection(l), 'ltr', l);
});

test('negotiateLocale: exact, then same language, then the first available', () => {
  assert.equal(negotiateLocale(['ur-PK', 'en-GB'], ['en-GB', 'ur']), 'ur');
  assert.equal(negotiateLocale(['en-US'], ['en-GB', 'ur']), 'en-GB');
  assert.equal(negotiateLocale(['pl', 'UR'], ['en-GB', 'ur']), 'ur');
  assert.equal(negotiateLocale(['pl'], ['en-GB', 'ur']), 'en-GB');
  assert.equal(negotiateLocale(['!!', ''], ['en-GB']), 'en-GB');
  assert.equal(negotiateLocale([], []), 'en-GB');
  assert.equal(negotiateLocale(['ur']), 'ur', 'defaults to SUPPORTED_LOCALES');
});

test('pluralCategory uses Intl.PluralRules and never throws', () => {
  assert.equal(pluralCategory('en-GB', 1), 'one');
  assert.equal(pluralCategory('en-GB', 2), 'other');
  assert.equal(pluralCategory('ur', 1), 'one');
  assert.equal(pluralCategory('cy', 2), 'two', 'Welsh has a dual');
  assert.equal(pluralCategory('not a locale!', 1), 'one', 'falls back to English rules');
});

test('localiseDefinition applies translations and falls back per field', () => {
  const parsed = parseDefinition(fixtures.survey);
  assert.ok(parsed.ok);
  const survey = parsed.definition as Survey;
  const ur = localiseDefinition(survey, 'ur-PK');
  assert.equal(ur.locale, 'ur');
  assert.equal(ur.title, 'ہمیں دیکھ بھال کے بارے میں بتائیں');
  assert.equal(ur.intro, survey.intro, 'no Urdu intro: the English stays');
  const first = ur.pages[0]!.questions[0]!;
  assert.equal(first.label, 'کیا آپ کسی ایسے شخص کی دیکھ بھال کرتے ہیں جو آپ کے بغیر گزارا نہیں کر سکتا؟');
  assert.equal(first.hint, survey.pages[0]!.questions[0]!.hint, 'untranslated hint falls back');
  assert.deepEqual(resolveOptions(first, 'ur').map((o) => o.label), ['ہاں', 'نہیں', 'I am not sure']);
  assert.equal(ur.pages[0]!.questions[1]!.label, 'How old are you?');
  assert.equal(survey.title, 'Tell us about caring', 'the original is not changed');
  assert.equal(localiseDefinition(survey, 'en-GB'), survey, 'the source locale comes back as is');
  assert.equal(localiseDefinition(survey, 'pl'), survey, 'no translation: as is');
  assert.equal(parseDefinition(ur).ok, true, 'a localised definition is still valid');
});

test('localiseDefinition turns a named scale into options when its labels are translated', () => {
  const parsed = parseDefinition({
    kind: 'poll', id: 'p', version: 1, title: 'T', privacy: { anonymous: true }, showResults: 'never',
    questions: [{ id: 'q', type: 'likert', scale: 'frequency', label: 'How often?', notApplicable: true }],
    translations: { ur: { questions: { q: { label: 'کتنی بار؟', options: { often: { label: 'اکثر اوقات' } } } } } },
  });
  assert.ok(parsed.ok);
  const ur = localiseDefinition(parsed.definition, 'ur');
  assert.ok(ur.kind === 'poll');
  const q = ur.questions[0]!;
  assert.ok(q.type === 'likert' && !q.scale && q.options);
  assert.deepEqual(resolveOptions(q, 'ur').map((o) => o.label), ['کبھی نہیں', 'بہت کم', 'کبھی کبھی', 'اکثر اوقات', 'ہمیشہ', 'مجھ پر لاگو نہیں ہوتا']);
  assert.equal(parseDefinition(ur).ok, true);
});
