/**
 * Small helpers of <carer-survey> that know nothing about surveys: waiting for nested Lit elements
 * to render, comparing answer records, HTML's implicit submission, idle time, and whether the
 * device already has the draft store.
 */

/** Waits until every Lit element under `root` (through shadow roots) has rendered. */
export async function settleTree(root: ShadowRoot | Element, depth = 0): Promise<void> {
  const pending: Promise<unknown>[] = [];
  const visit = (scope: ShadowRoot | Element) => {
    for (const node of scope.querySelectorAll('*')) {
      const lit = node as Element & { updateComplete?: Promise<unknown>; isUpdatePending?: boolean; hasUpdated?: boolean };
      if (lit.updateComplete && (lit.isUpdatePending || lit.hasUpdated === false)) pending.push(lit.updateComplete);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
  };
  visit(root);
  if (pending.length && depth < 10) {
    await Promise.all(pending);
    await settleTree(root, depth + 1);
  }
}

/** Same keys with the same values (answers compared by identity: they are replaced, never changed in place). */
export function sameRecord<T>(a: Record<string, T>, b: Record<string, T>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** Input types whose Enter key submits a form (HTML's implicit submission). */
export const IMPLICIT_SUBMIT = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', 'date', 'month', 'week', 'time', 'datetime-local']);

/**
 * The device store's database name when none is given: core's DB_NAME (core/outbox/store.ts),
 * written out so that asking whether it exists loads none of the store's code (a test checks they match).
 */
export const DEVICE_DB = 'carers-voice';

/**
 * Whether the device has the draft store's database at all (asked before it is opened, which would
 * create it). None: a first visit, no draft to wait for. Where the browser cannot say, assume yes.
 */
export function storeExists(name: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return Promise.resolve(true);
  return indexedDB.databases().then(
    (list) => list.some((db) => db.name === name),
    () => true,
  );
}

/** Runs `task` when the browser is idle (soon, at the latest). */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 1500 });
  else setTimeout(task, 200);
}
