/**
 * What <carer-survey> loads with `import()`, each once per page (a load that fails, e.g. offline,
 * is tried again next time; see ../base/once.ts): the part after the first page (later.ts) and the
 * draft store's code (device-store.ts). `laterNow()` gives the later part synchronously once it has
 * loaded, for rendering. (A definition's own translations: ../widget/localise.ts, shared with the
 * other widgets.)
 */
import { once } from '../base/once.js';

type Later = typeof import('./later.js');
export type { Later };
let importLater = (): Promise<Later> => import('./later.js');

/**
 * Checking, the check-your-answers page, sending and the confirmation page (later.ts): fetched at
 * idle after the first page shows, or at once when something needs it sooner.
 */
export const loadLater = once(() => importLater());

/** Checking, the check-your-answers page, sending and the confirmation page, once loaded. */
export function laterNow(): Later | undefined {
  return loadLater.value;
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

/** The draft store's code (see device-store.ts). */
export const loadDeviceStore = once(() => import('./device-store.js'));
