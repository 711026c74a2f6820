/**
 * Notes which strings were asked for in each target locale, so tests can prove every string a
 * control shows has been translated (lit-localize's build fills untranslated ids with the English
 * text, so a miss is not visible from the module alone) and notice strings added since the last
 * `pnpm i18n:extract`. Loaded with the first translation (./index.ts): an English page never
 * downloads it.
 */
type Templates = Record<string, unknown>;

/** Message ids looked up in each target locale, and those the built module lacked entirely. */
const requestedIds = new Map<string, Set<string>>();
const unknownIds = new Map<string, Set<string>>();

function note(map: Map<string, Set<string>>, locale: string, id: string): void {
  let set = map.get(locale);
  if (!set) map.set(locale, (set = new Set()));
  set.add(id);
}

export function watchLookups(locale: string, templates: Templates): Templates {
  return new Proxy(templates, {
    get(target, id, receiver) {
      const found = Reflect.get(target, id, receiver);
      if (typeof id === 'string') {
        note(requestedIds, locale, id);
        if (found === undefined) note(unknownIds, locale, id);
      }
      return found;
    },
  });
}

export const requested = (locale: string): string[] => [...(requestedIds.get(locale) ?? [])].sort();
export const unknown = (locale: string): string[] => [...(unknownIds.get(locale) ?? [])].sort();
