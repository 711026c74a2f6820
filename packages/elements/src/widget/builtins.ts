/**
 * Built-in instruments (`instrument="annual-carers-survey"` with no `endpoint`): each is loaded
 * from `@carers-voice/content` only when a page asks for it, so a widget's bundle never carries
 * every content pack. Bundlers need a literal path per import, hence one line per instrument.
 * Widgets for other kinds add theirs with `registerInstrument`.
 */
type Loader = () => Promise<unknown>;

const json = (m: { default: unknown }) => m.default;

const loaders = new Map<string, Loader>([
  ['annual-carers-survey', () => import('@carers-voice/content/instruments/annual-carers-survey.json').then(json)],
]);

/** Makes `id` available as a built-in instrument (its loader should be a lazy `import()`). */
export function registerInstrument(id: string, load: Loader): void {
  loaders.set(id, load);
}

/** The loader for a built-in instrument, if there is one. */
export function builtInInstrument(id: string): Loader | undefined {
  return loaders.get(id);
}

/** Ids of every built-in instrument, for error messages. */
export function builtInInstrumentIds(): string[] {
  return [...loaders.keys()].sort();
}
