/**
 * Sending, as the quiz and the poll share it (both in their lazy chunks): what the carer is told
 * about their answers, and the device's outbox watched for the one response each widget waits on.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Outbox, OutboxRecord } from '@carers-voice/core/outbox';
import type { ResponseEnvelope } from '@carers-voice/core/response';
import { OutboxStatusController } from '../widget/outbox-status-controller.js';

/** What the carer is told about their sent answers (as in the survey). */
export type Delivery =
  | { status: 'local' }
  | { status: 'pending'; attempts: number; lastError?: string | undefined }
  | { status: 'sent' }
  | { status: 'rejected'; lastError?: string | undefined };

/** The id of the response each widget sent last, whose outbox changes it shows. */
const sentIds = new WeakMap<object, string>();
const statuses = new WeakMap<object, OutboxStatusController>();

/** The id of the response `host` sent last and still shows ('' before any). */
export function lastSent(host: object): string {
  return sentIds.get(host) ?? '';
}

/** From now on, changes to the response `id` are the ones `host` shows. */
export function markSent(host: object, id: string): void {
  sentIds.set(host, id);
}

/**
 * The device's outbox for `host` (opening it also sends anything queued), listened to for the
 * response last marked sent: each change to it goes to `onRecord`. One watch per host.
 */
export function watchOutbox(
  host: ReactiveControllerHost & object,
  database: () => string | undefined,
  onRecord: (record: OutboxRecord) => void,
): Outbox {
  let status = statuses.get(host);
  if (!status) {
    status = new OutboxStatusController(host, { database, watching: () => lastSent(host), onRecord });
    statuses.set(host, status);
  }
  return status.watch();
}

export interface StoreOptions {
  /** The collector; without one nothing leaves the device ("local" mode). */
  endpoint: string | undefined;
  database: () => string | undefined;
  /** What the carer is told now. */
  setDelivery: (delivery: Delivery) => void;
  /** Each change to the stored response (sent, refused, waiting). */
  onRecord: (record: OutboxRecord) => void;
  /** Whether the response is still the one on screen (the carer may have started again). */
  current: () => boolean;
}

/** Stores `envelope` durably in the device's outbox, which sends it (now, or when back online). */
export async function store(host: ReactiveControllerHost & object, envelope: ResponseEnvelope, o: StoreOptions): Promise<void> {
  if (!o.endpoint) {
    o.setDelivery({ status: 'local' });
    return;
  }
  o.setDelivery({ status: 'pending', attempts: 0 });
  try {
    const outbox = watchOutbox(host, o.database, o.onRecord);
    const record = await outbox.enqueue(envelope, o.endpoint);
    if (!o.current()) return;
    o.onRecord((await outbox.get(envelope.id)) ?? record);
  } catch {
    if (o.current()) o.setDelivery({ status: 'pending', attempts: 1, lastError: 'storage' });
  }
}
