/**
 * Sending: the response envelope (contact details apart from the answers), its short reference,
 * and the device's outbox, which stores the response first and sends it until the collector
 * acknowledges it. Loaded after the first page is up (see later.ts); the outbox is opened then too,
 * so responses queued on an earlier visit are sent without waiting for this one.
 */
import type { ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { Answers, Survey } from '@carers-voice/core/content';
import type { Outbox } from '@carers-voice/core/outbox';
import type { OutboxRecord } from '@carers-voice/core/outbox/store';
import { createEnvelope, formatReceiptCode, receiptCode, splitContact, type ResponseEnvelope } from '@carers-voice/core/response';
import { OutboxStatusController, type OutboxStatusOptions } from '../widget/outbox-status-controller.js';
import { deliveryMode } from '../widget/delivery.js';
import { CarerErrorEvent, CarerPageEvent, CarerSentEvent, CarerSubmitEvent } from '../events/events.js';
import { firstFailingStep } from './checking.js';
import { DONE, type SentRecord } from './survey-types.js';
import { route } from './steps.js';
import type { CarerSurvey } from './carer-survey.js';

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

/** The device's outbox, listened to for the response being watched (opening it starts sending anything queued). */
export function watchOutbox(host: CarerSurvey): Outbox {
  host.outboxStatus ??= outboxWatcher(host, {
    database: () => host.database,
    watching: () => host.envelopeId,
    onRecord: (record) => applyRecord(host, record),
  });
  return host.outboxStatus.watch();
}

/** The confirmation of a response sent on an earlier visit (kept for `draft-days`). */
export function showSent(host: CarerSurvey, sent: SentRecord): void {
  host.position = DONE;
  host.receipt = sent.receipt;
  host.envelopeId = sent.id;
  if (!sent.endpoint) {
    host.delivery = { status: 'local' };
    return;
  }
  host.delivery = { status: 'pending', attempts: 1 };
  void watchOutbox(host)
    .get(sent.id)
    .then(
      (record) => {
        if (record && host.envelopeId === sent.id) applyRecord(host, record);
      },
      () => undefined,
    );
}

/**
 * "Send my answers": checks, builds the envelope, stores it in the outbox (or on the device in
 * local mode) and shows the confirmation.
 */
export async function send(host: CarerSurvey): Promise<void> {
  const survey = host.survey!;
  const { steps, kept } = host.route;
  const failing = firstFailingStep(survey, steps, kept);
  if (failing) {
    // Cannot normally happen (every page was checked), but never send an incomplete response.
    host.guard.release();
    if (failing.step) {
      host.problems = failing.problems;
      host.returnToCheck = survey.checkAnswers !== false;
      host.goTo(failing.step.key, 'summary');
    }
    return;
  }
  const endpoint = host.config.endpoint;
  const envelope = buildEnvelope({
    survey,
    kept,
    partner: host.config.partner ?? '',
    locale: host.config.lang,
    startedAt: host.startedAt,
    honeypot: host.honeypot,
  });
  host.envelopeId = envelope.id;
  host.dispatchEvent(new CarerSubmitEvent({ envelope }));
  try {
    if (endpoint) {
      const outbox = watchOutbox(host);
      const record = await outbox.enqueue(envelope, endpoint);
      // The outbox may already have delivered it.
      applyRecord(host, (await outbox.get(envelope.id)) ?? record);
    } else {
      await (await host.drafts()).save(`local|${envelope.id}`, envelope as unknown as Answers, 'local');
      host.delivery = { status: 'local' };
    }
  } catch {
    // IndexedDB unusable: in local mode the answers cannot be kept; say so rather than pretend.
    host.delivery = endpoint ? { status: 'pending', attempts: 1, lastError: 'storage' } : { status: 'local' };
  }
  host.receipt = receiptFor(envelope.id);
  await host.saving;
  host.answers = {};
  host.resumed = false;
  const sent: SentRecord = { id: envelope.id, receipt: host.receipt, ...(endpoint ? { endpoint } : {}) };
  try {
    const store = await host.drafts();
    await store.clear(host.draftKey);
    await store.save(host.doneKey, sent as unknown as Answers, DONE);
  } catch {
    // Storage unavailable: the confirmation shows now, but not again after a reload.
  }
  host.position = DONE;
  host.focusAfterUpdate = 'heading';
  host.guard.release();
  host.dispatchEvent(new CarerPageEvent({ page: DONE, number: 0, total: steps.length }));
}

/** What the outbox says of the watched response, as the carer is told it. */
export function applyRecord(host: CarerSurvey, record: OutboxRecord): void {
  const before = host.delivery?.status;
  if (before === 'sent') return;
  if (record.status === 'sent') {
    host.delivery = { status: 'sent' };
    host.announcer.announce(msg('Your answers have been sent.', { id: 'survey.status.sent-announce' }));
    host.dispatchEvent(new CarerSentEvent({ id: record.id, receipt: record.receipt }));
  } else if (record.status === 'rejected') {
    host.delivery = { status: 'rejected', lastError: record.lastError };
    if (before !== 'rejected') {
      host.dispatchEvent(new CarerErrorEvent({ kind: 'send', message: record.lastError ?? msg('The server refused the answers.', { id: 'survey.error.refused' }) }));
    }
  } else {
    host.delivery = { status: 'pending', attempts: record.attempts, lastError: record.lastError };
  }
}

/** "Fill in the survey again" on the confirmation page: forgets the confirmation on this device. */
export function startOver(host: CarerSurvey): void {
  const survey = host.survey!;
  const doneKey = host.doneKey;
  host
    .drafts()
    .then((store) => store.clear(doneKey))
    .catch(() => undefined);
  host.envelopeId = '';
  host.receipt = '';
  host.delivery = undefined;
  host.startedAt = new Date().toISOString();
  host.goTo(route(survey, {}).steps[0]?.key ?? '');
}
