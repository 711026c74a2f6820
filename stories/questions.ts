/**
 * The questions stories show, taken from core's sample definitions (the same fixtures the unit
 * tests use) so a story never drifts from what the content model allows.
 */
import { listQuestions, type Definition, type Question, type QuestionOf, type QuestionType } from '@carers-voice/core/content';
import { fixtures } from '../packages/core/src/content/fixtures/index.js';

const definitions = Object.values(fixtures) as unknown as Definition[];

/** Every question in every fixture, by id (follow-ups included). */
const byId = new Map<string, { question: Question; definition: Definition }>();
for (const definition of definitions) {
  for (const { question } of listQuestions(definition)) {
    if (!byId.has(question.id)) byId.set(question.id, { question, definition });
  }
}

/** A fixture question by id, typed by its question type; throws (failing the story) if it went away. */
export function fixtureQuestion<T extends QuestionType>(id: string, type: T): QuestionOf<T> {
  const found = byId.get(id)?.question;
  if (!found || found.type !== type) {
    throw new Error(`The core fixtures have no ${type} question "${id}" any more: update stories/questions.ts.`);
  }
  return found as QuestionOf<T>;
}

/**
 * The question with the definition's translations for `locale` applied (label, hint, easy read,
 * option labels), as a widget shows it. Untranslated parts stay in English.
 */
export function translated<Q extends Question>(question: Q, locale: string): Q {
  const definition = byId.get(question.id)?.definition as (Definition & { translations?: Record<string, unknown> }) | undefined;
  type OptionText = { label?: string; hint?: string; easyRead?: string };
  const t = (definition?.translations?.[locale] as { questions?: Record<string, OptionText & { options?: Record<string, OptionText> }> } | undefined)
    ?.questions?.[question.id];
  if (!t) return question;
  const { options: optionTexts, ...own } = t;
  const out = { ...question, ...own } as Q & { options?: { value: string }[] };
  if (out.options && optionTexts) {
    out.options = out.options.map((o) => ({ ...o, ...(optionTexts[o.value] ?? {}) }));
  }
  return out;
}

/**
 * Story-only wording for the easy read and young carers' states of controls whose fixture
 * question has none yet (the fixtures keep easy read and young wording on `is-carer` only).
 * Added to a copy; the fixture itself is untouched.
 */
export function withWording<Q extends Question>(question: Q, wording: { easyRead?: string; young?: Question['young'] }): Q {
  return {
    ...question,
    ...(question.easyRead || !wording.easyRead ? {} : { easyRead: wording.easyRead }),
    ...(question.young || !wording.young ? {} : { young: wording.young }),
  };
}

/** The first option's value, for "answered" states. */
export function firstValue(question: { options?: { value: string }[] }): string {
  const value = question.options?.[0]?.value;
  if (!value) throw new Error('This question has no options.');
  return value;
}
