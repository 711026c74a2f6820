/**
 * The device's draft store (IndexedDB, through idb), loaded by <carer-survey> with `import()`: at
 * once when the device already has the store (a draft may be waiting), else when the browser is
 * idle after the first page (a first visit has nothing to resume, so its first page never waits).
 */
export { DraftStore } from '@carers-voice/core/outbox/drafts';
export { openDeviceStore } from '@carers-voice/core/outbox/store';
