/**
 * `once(load)`: a lazy load (usually `() => import('./x.js')`) made at most once per page. The
 * function it returns gives the same promise while the load is pending or has succeeded; a load
 * that fails (offline, say) is forgotten, so the next call tries again. `.value` is what it
 * loaded, once it has (for code that must render synchronously).
 *
 * ```ts
 * const loadChecker = once(() => import('./definition-check.js'));
 * loadChecker.value?.checkDefinition(raw) ?? …
 * ```
 */
export interface Once<T> {
  (): Promise<T>;
  /** The loaded value, once the load has succeeded. */
  value?: T;
}

export function once<T>(load: () => Promise<T>): Once<T> {
  let pending: Promise<T> | undefined;
  const get: Once<T> = () =>
    (pending ??= load().then(
      (value) => (get.value = value),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  return get;
}
