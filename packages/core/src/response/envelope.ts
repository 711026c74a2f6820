/**
 * The response envelope: what a widget sends to the collector, once per submission. Its `id` is
 * made on the carer's device, so sending twice (retries, two tabs) stores it once.
 *
 * Building one needs no zod: the schema and `parseEnvelope` are in envelope-schema.ts, which only
 * the collector (and other readers of envelopes) load.
 */
import type { Answers, Definition } from '../content/index.js';
import { listQuestionsOnce } from '../content/walk.js';
import type { ResponseEnvelope } from './envelope-schema.js';

export type { ResponseEnvelope } from './envelope-schema.js';

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
