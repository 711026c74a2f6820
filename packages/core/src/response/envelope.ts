/**
 * The response envelope: what a widget sends to the collector, once per submission. Its `id` is
 * made on the carer's device, so sending twice (retries, two tabs) stores it once.
 */
import * as z from 'zod/mini';
import { DateTime, Id, LocaleTag, type Answers, type Definition } from '../content/index.js';
import { DEFAULT_LIMITS, parseWithSchema, type Limits, type Problem } from '../content/problems.js';
import { listQuestionsOnce } from '../content/walk.js';

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

/** A random version 4 UUID, also where `crypto.randomUUID` is missing (plain-http partner pages). */
export function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      // insecure context: fall through
    }
  }
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface CreateEnvelopeInput {
  instrument: { id: string; version: number };
  partner: string;
  locale: string;
  answers: Answers;
  startedAt: Date | string;
  /** Defaults to now. */
  submittedAt?: Date | string;
  meta?: ResponseEnvelope['meta'];
  contact?: Record<string, string>;
  /** Defaults to a new random UUID; pass one to resend a draft under its first id. */
  id?: string;
}

const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

/** A new envelope ready to store in the outbox and send. */
export function createEnvelope(input: CreateEnvelopeInput): ResponseEnvelope {
  const envelope: ResponseEnvelope = {
    id: input.id ?? newId(),
    instrument: { id: input.instrument.id, version: input.instrument.version },
    partner: input.partner,
    locale: input.locale,
    startedAt: iso(input.startedAt),
    submittedAt: iso(input.submittedAt ?? new Date()),
    answers: input.answers,
  };
  if (input.meta) envelope.meta = input.meta;
  if (input.contact && Object.keys(input.contact).length > 0) envelope.contact = input.contact;
  return envelope;
}

/**
 * Moves answers to `contact: true` questions out of the answers, so they can travel in the
 * envelope's `contact` and be stored apart (and deleted on request) without touching the rest.
 */
export function splitContact(definition: Definition, answers: Answers): { answers: Answers; contact: Record<string, string> } {
  const contactIds = new Set(
    listQuestionsOnce(definition)
      .filter((e) => e.question.type === 'text' && e.question.contact)
      .map((e) => e.question.id),
  );
  const rest: Answers = {};
  const contact: Record<string, string> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (contactIds.has(key)) {
      if (typeof value === 'string' && value.trim() !== '') contact[key] = value;
    } else Object.defineProperty(rest, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { answers: rest, contact };
}
