export { openDeviceStore, closeDeviceStore, DB_NAME } from './store.js';
export type { DraftRecord, OutboxRecord, OutboxStatus, DeviceStore } from './store.js';
export { DraftStore, DEFAULT_DRAFT_MAX_AGE_MS } from './drafts.js';
export type { DraftOptions } from './drafts.js';
export { Outbox, OutboxChangeEvent, sharedOutbox, retryAfterMs, responsesUrl } from './outbox.js';
export type { OutboxOptions, FlushResult } from './outbox.js';
export { deviceToken, forgetDeviceToken } from './device.js';
