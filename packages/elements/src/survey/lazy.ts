/**
 * What <carer-survey> loads with `import()`, each once per page (a load that fails, e.g. offline,
 * is tried again next time): the part after the first page (later.ts) and the draft store's code
 * (device-store.ts). `laterNow()` gives the later part synchronously once it has loaded, for
 * rendering. (A definition's own translations: ../widget/localise.ts, shared with the other widgets.)
 */

type Later = typeof import('./later.js');
export type { Later };
let later: Later | undefined;
let laterLoading: Promise<Later> | undefined;
let importLater = (): Promise<Later> => import('./later.js');

/** Checking, the check-your-answers page, sending and the confirmation page, once loaded. */
export function laterNow(): Later | undefined {
  return later;
}

/**
 * Checking, the check-your-answers page, sending and the confirmation page (later.ts): fetched at
 * idle after the first page shows, or at once when something needs it sooner.
 */
export function loadLater(): Promise<Later> {
  laterLoading ??= importLater().then(
    (m) => (later = m),
    (err: unknown) => {
      laterLoading = undefined;
      throw err;
    },
  );
  return laterLoading;
}

/**
 * Tests only: how the part after the first page is fetched (e.g. one that fails, as offline), until
 * it has loaded once. Returns a function that puts the real one back.
 * @internal
 */
export function replaceLaterImportForTests(load: () => Promise<Later>): () => void {
  const real = importLater;
  importLater = load;
  return () => {
    importLater = real;
  };
}

type DeviceStore = typeof import('./device-store.js');
let deviceStoreLoading: Promise<DeviceStore> | undefined;

/** The draft store's code (see device-store.ts). */
export function loadDeviceStore(): Promise<DeviceStore> {
  deviceStoreLoading ??= import('./device-store.js').catch((err: unknown) => {
    deviceStoreLoading = undefined;
    throw err;
  });
  return deviceStoreLoading;
}

