/**
 * The response envelope's schema and `parseEnvelope`, for the collector (and anyone reading an
 * envelope they did not make). Widgets only build envelopes (`createEnvelope` in envelope.ts), so
 * this module — zod and the plain-words problem text — stays out of their download.
 */
import * as z from 'zod/mini';
import { DateTime, LocaleTag } from '../content/common.js';
import { Id } from '../content/question.js';
import { DEFAULT_LIMITS, parseWithSchema, type Limits, type Problem } from '../content/problems.js';

/** One answer: text or one option value, a number, a list of option values, or points by option. */
export const AnswerValueSchema = z.union([
  z.string().check(z.maxLength(10000)),
  z.number(),
  z.array(z.string().check(z.maxLength(200))).check(z.maxLength(200)),
  z.record(z.string().check(z.maxLength(200)), z.number()),
]);

/**
 * An answer's key: a question id, or — in a poll — `s:<statement id>`, a vote on a carer's own
 * statement that a moderator approved (the collector checks it against the poll's approved statements).
 */
export const AnswerKey = z.string().check(
  z.regex(/^(?:[A-Za-z][A-Za-z0-9_-]{0,63}|s:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, {
    error: 'an answer is keyed by a question id (a letter, then letters, digits, "-" or "_"), or s:<statement id> for a carer\'s statement',
  }),
);

export const ResponseEnvelope = z.strictObject({
  /** Made by the widget (`crypto.randomUUID()`); the collector stores each id once. */
  id: z.uuid(),
  instrument: z.strictObject({ id: Id, version: z.int().check(z.positive()) }),
  partner: Id,
  locale: LocaleTag,
  startedAt: DateTime,
  submittedAt: DateTime,
  answers: z.record(AnswerKey, AnswerValueSchema),
  meta: z.optional(
    z.strictObject({
      /** A field people never see; bots fill it in. */
      honeypot: z.optional(z.string().check(z.maxLength(1000))),
      device: z.optional(z.string().check(z.maxLength(40))),
      mode: z.optional(z.enum(['inline', 'frame'])),
    }),
  ),
  /** Answers to `contact: true` questions, kept apart from the anonymous answers. */
  contact: z.optional(z.record(Id, z.string().check(z.maxLength(500)))),
});
export type ResponseEnvelope = z.infer<typeof ResponseEnvelope>;

export type EnvelopeResult = { ok: true; envelope: ResponseEnvelope } | { ok: false; problems: Problem[] };

const unionMessages = {
  answers: 'an answer must be text, a number, a list of option values, or points by option (like { "breaks": 5 })',
};

/** Reads an envelope (object or JSON string). Never throws; problems are in plain words. */
export function parseEnvelope(input: unknown, options: { limits?: Partial<Limits> } = {}): EnvelopeResult {
  const limits = { ...DEFAULT_LIMITS, maxSize: 500_000, ...options.limits };
  const result = parseWithSchema(ResponseEnvelope, input, { rootNoun: 'a response', what: 'the response', limits, unionMessages });
  return result.ok ? { ok: true, envelope: result.value } : result;
}
