/**
 * What every instrument kind shares: the header fields, language tags, safe links, signposting and
 * translations. Each kind's schema lives in its own module (survey.ts, quiz.ts, poll.ts,
 * statement-set.ts) so a widget that shows one kind never ships the schemas of the others.
 */
import * as z from 'zod/mini';
import { Id, OptionValue, Text } from './question.js';

export { INSTRUMENT_KINDS, DEFAULT_LOCALE, type InstrumentKind } from './constants.js';

/** A BCP 47 language tag such as `en-GB`, `ur` or `pa-Arab-PK`. */
export const LocaleTag = z.string().check(
  z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    error: 'a language must be a code like "en-GB" or "ur"',
  }),
);

/**
 * Links end up in `href`s on partners' pages, so only web addresses and same-site paths are allowed
 * (never `javascript:` or `data:`).
 */
export const SafeUrl = z.string().check(
  z.refine(
    (s) => {
      if (/^\/(?!\/)/.test(s)) return !/[\s<>"]/.test(s);
      if (!/^https?:\/\//i.test(s)) return false;
      try {
        new URL(s);
        return true;
      } catch {
        return false;
      }
    },
    { error: 'a link must start with https:// (or with / for a page on the same site)' },
  ),
);

export const Phone = z.string().check(
  z.regex(/^\+?[0-9][0-9 ()-]{1,24}$/, {
    error: 'a phone number may use only digits, spaces, "+", "(", ")" and "-"',
  }),
);

export const DateTime = z.iso.datetime({
  offset: true,
  error: 'use a date and time like 2026-03-01T09:00:00Z',
});

export const Signpost = z.strictObject({
  id: Id,
  title: Text,
  description: z.optional(Text),
  url: z.optional(SafeUrl),
  phone: z.optional(Phone),
  kind: z.optional(z.enum(['hub', 'crisis', 'advice', 'gp', 'other'])),
});
export type Signpost = z.infer<typeof Signpost>;

const TextTranslation = z.strictObject({
  label: z.optional(Text),
  hint: z.optional(Text),
  easyRead: z.optional(Text),
});

export const QuestionTranslation = z.strictObject({
  label: z.optional(Text),
  hint: z.optional(Text),
  easyRead: z.optional(Text),
  options: z.optional(z.record(OptionValue, TextTranslation)),
});

export const Translation = z.strictObject({
  title: z.optional(Text),
  intro: z.optional(Text),
  /** By question id (for a statement set: by statement id, `label` translating its text). */
  questions: z.optional(z.record(Id, QuestionTranslation)),
});
export type Translation = z.infer<typeof Translation>;

/** The fields every instrument shares. */
export const header = {
  /** Lets editors such as VS Code validate the file against `schema/*.schema.json`. */
  $schema: z.optional(z.string()),
  /**
   * The fingerprint `carers-voice-check --write` (or the collector) adds to a definition it has
   * checked, so a widget can skip loading the checker (see fingerprint.ts). Never part of the content:
   * the parsers drop it from what they return.
   */
  checked: z.optional(z.string().check(z.maxLength(100))),
  id: Id,
  version: z.int().check(z.positive({ error: 'the version must be a whole number, 1 or more' })),
  title: Text,
  intro: z.optional(Text),
  easyRead: z.optional(z.strictObject({ title: z.optional(Text), intro: z.optional(Text) })),
  /** The language the definition is written in; `en-GB` when left out. */
  locale: z.optional(LocaleTag),
  privacy: z.strictObject({
    anonymous: z.boolean(),
    notice: z.optional(Text),
  }),
  signposting: z.optional(z.array(Signpost)),
  translations: z.optional(z.record(LocaleTag, Translation)),
};
