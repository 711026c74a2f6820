/**
 * `OutboxStatusController`: a widget's view of the device's outbox for the one response it is
 * waiting on. `watch()` opens the shared outbox (which starts delivering anything queued) and
 * listens to its `change` notifications; each change for the response the host says it is
 * watching is handed to `onRecord`. The listener comes off when the host leaves the page and goes
 * back on when it returns while a response is still being watched.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sharedOutbox, type Outbox, type OutboxChangeEvent, type OutboxRecord } from '@carers-voice/core/outbox';

export interface OutboxStatusOptions {
  /** The IndexedDB database the outbox lives in (`undefined`: the default one). */
  database: () => string | undefined;
  /** The id of the response being watched now (`''`: none). */
  watching: () => string;
  /** Called with each change to the watched response's record. */
  onRecord: (record: OutboxRecord) => void;
}

export class OutboxStatusController implements ReactiveController {
  private outbox?: Outbox;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: OutboxStatusOptions,
  ) {
    host.addController(this);
  }

  /** The device's outbox for the host's database, listened to from now on. */
  watch(): Outbox {
    const database = this.options.database();
    const outbox = sharedOutbox(database ? { database } : {});
    if (this.outbox !== outbox) {
      this.outbox?.removeEventListener('change', this.onChange);
      this.outbox = outbox;
      outbox.addEventListener('change', this.onChange);
    }
    return outbox;
  }

  hostConnected(): void {
    if (this.options.watching()) this.outbox?.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.outbox?.removeEventListener('change', this.onChange);
  }

  private readonly onChange = (e: Event): void => {
    const record = (e as OutboxChangeEvent).record;
    if (record.id === this.options.watching()) this.options.onRecord(record);
  };
}
