/**
 * Sending: the response envelope (contact details apart from the answers), its short reference,
 * and the device's outbox, which stores the response first and sends it until the collector
 * acknowledges it. Loaded after the first page is up (see later.ts); the outbox is opened then too,
 * so responses queued on an earlier visit are sent without waiting for this one.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Answers, Survey } from '@carers-voice/core/content';
import { createEnvelope, formatReceiptCode, receiptCode, splitContact, type ResponseEnvelope } from '@carers-voice/core/response';
import { OutboxStatusController, type OutboxStatusOptions } from '../widget/outbox-status-controller.js';
import { deliveryMode } from '../widget/delivery.js';

export interface EnvelopeInput {
  survey: Survey;
  /** The answers the carer's route keeps (already checked). */
  kept: Answers;
  partner: string;
  locale: string;
  startedAt: string;
  /** What a bot typed in the hidden field. */
  honeypot: string;
}

export function buildEnvelope({ survey, kept, partner, locale, startedAt, honeypot }: EnvelopeInput): ResponseEnvelope {
  // Contact details travel apart from the answers, so the collector can store them separately.
  const { answers, contact } = splitContact(survey, kept);
  return createEnvelope({
    instrument: { id: survey.id, version: survey.version },
    partner,
    locale,
    startedAt,
    answers,
    ...(Object.keys(contact).length ? { contact } : {}),
    meta: { honeypot, mode: deliveryMode() },
  });
}

/** The short reference the carer is shown for a response id. */
export function receiptFor(id: string): string {
  return formatReceiptCode(receiptCode(id));
}

/** The host's view of the device's outbox (see OutboxStatusController). */
export function outboxWatcher(host: ReactiveControllerHost, options: OutboxStatusOptions): OutboxStatusController {
  return new OutboxStatusController(host, options);
}
