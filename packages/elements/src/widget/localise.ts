/**
 * A definition in the carer's language, with its own `translations` applied. The code that applies
 * them (core/i18n/localise) is loaded only for a definition that has translations: widgets call
 * `loadLocalise` when a definition arrives and wait for it with their controls, so the first
 * screen never shows in the wrong language.
 */
import type { Definition } from '@carers-voice/core/content';
import { once } from '../base/once.js';

// Once per page; after a failed load (offline) the next definition tries again.
const load = once(() => import('@carers-voice/core/i18n/localise'));

/** Starts loading the translation code if `definition` needs it; undefined when nothing to wait for. */
export function loadLocalise(definition: Definition): Promise<unknown> | undefined {
  return definition.translations && !load.value ? load() : undefined;
}

/** Whether `definition` can be shown in the carer's language now. */
export function localiseReady(definition: Definition): boolean {
  return !definition.translations || load.value !== undefined;
}

/**
 * `definition` in `lang` (the source language when it has no translation for it, or until the
 * translation code has loaded).
 */
export function localised<D extends Definition>(definition: D, lang: string): D {
  const loaded = load.value;
  return definition.translations && loaded ? loaded.localiseDefinition(definition, lang) : definition;
}
