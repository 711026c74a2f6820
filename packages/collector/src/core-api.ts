/**
 * The one place the collector meets `@carers-voice/core`'s content and response modules, so the rest
 * of the service reads in its own terms.
 */
import { listQuestionsOnce, parseDefinition, resolveOptions, type Definition, type Question } from '@carers-voice/core/content';
import { parseEnvelope, checkAnswers, receiptCode, normaliseReceiptCode, splitContact, type ResponseEnvelope } from '@carers-voice/core/response';
import type { OptionsResolver } from '@carers-voice/core/aggregate';
import { isPlainValidEnvelope } from './envelope-check.js';
import { sha256Hex } from './ingest.js';

export type Envelope = ResponseEnvelope;
export type Problem = { path?: string; question?: string; message: string };

/**
 * `fromJson`: the body is a `JSON.parse` result the caller owns (plain data, not shared). A body that
 * is certainly valid is then used as it is (envelope-check.ts); anything else gets the full check.
 * `jsonLength`: at least the length of the JSON text it was parsed from (e.g. the body limit in bytes).
 */
export function checkEnvelope(body: unknown, options: { fromJson?: boolean; jsonLength?: number } = {}): { ok: true; envelope: Envelope } | { ok: false; problems: Problem[] } {
  if (options.fromJson && isPlainValidEnvelope(body, options.jsonLength)) return { ok: true, envelope: body as Envelope };
  const r = parseEnvelope(body);
  return r.ok ? { ok: true, envelope: r.envelope } : { ok: false, problems: r.problems };
}

export function checkEnvelopeAnswers(definition: unknown, answers: unknown): { ok: true; answers: Record<string, unknown> } | { ok: false; problems: Problem[] } {
  const r = checkAnswers(definition as never, answers as never);
  return r.ok ? { ok: true, answers: r.answers as Record<string, unknown> } : { ok: false, problems: r.problems };
}

export function parseInstrument(input: unknown):
  | { ok: true; definition: { id: string; version: number; kind: string; title?: string } & Record<string, unknown> }
  | { ok: false; problems: Problem[] } {
  const r = parseDefinition(input);
  return r.ok ? { ok: true, definition: r.definition as never } : { ok: false, problems: r.problems as Problem[] };
}

const resolver: OptionsResolver = (q: Question) => resolveOptions(q);
/** One resolver for the process, so per-definition caches in core/aggregate are shared. */
export function optionsResolver(): OptionsResolver {
  return resolver;
}

/** Receipt codes are only stored hashed: the code itself stays with the carer. */
export function hashReceipt(typed: string): string | undefined {
  const code = normaliseReceiptCode(typed);
  return code ? sha256Hex(code) : undefined;
}
export function receiptHash(envelope: Envelope): string {
  // receiptCode already gives the normalised form (8 characters of the alphabet): hashReceipt(code) without the check.
  return sha256Hex(receiptCode(envelope.id));
}

/** Each definition's contact question ids (text questions with `contact: true`, as splitContact moves). */
const contactIds = new WeakMap<object, Set<string>>();

/** Answers to `contact: true` questions, moved out of the anonymous answers. */
export function separateContact(definition: unknown, answers: Record<string, unknown>): { answers: Record<string, unknown>; contact: Record<string, string> } {
  let ids = contactIds.get(definition as object);
  if (!ids) {
    ids = new Set(listQuestionsOnce(definition as Definition).filter((e) => e.question.type === 'text' && e.question.contact).map((e) => e.question.id));
    contactIds.set(definition as object, ids);
  }
  // No contact answer among them (most responses): nothing to move, and no copy of the answers to make.
  // (A lookup per contact question, not per answer: a survey has a few contact questions and dozens of answers.)
  let any = false;
  for (const id of ids) if (Object.hasOwn(answers, id)) any = true;
  if (!any) return { answers, contact: {} };
  return splitContact(definition as never, answers as never);
}
