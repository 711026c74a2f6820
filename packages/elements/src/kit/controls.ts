/**
 * Each question type's control, loaded only when a definition uses that type. A widget that never
 * shows a ranking or points question never downloads `<carer-ranking>` or `<carer-points>`.
 * `./define.js` (`@carers-voice/elements/kit/define`) still registers every control up front, for
 * pages and bundlers that want them all.
 *
 * Bundlers need a literal path per `import()`.
 */
import type { QuestionType } from '@carers-voice/core/content';
import { once } from '../base/once.js';

/** The tag that renders each question type. */
export const CONTROL_TAGS: Record<QuestionType, string> = {
  single: 'carer-radios',
  multiple: 'carer-checkboxes',
  select: 'carer-select',
  likert: 'carer-likert',
  rating: 'carer-rating',
  text: 'carer-text-input',
  textarea: 'carer-textarea',
  number: 'carer-number',
  ranking: 'carer-ranking',
  points: 'carer-points',
  statement: 'carer-statement',
};

// Radios and checkboxes come with every widget that shows questions (`./define-choice.js`, also
// inside `./define-core.js` and `./define.js`): wait for them. The others are two small downloads:
// the boxes and scales most surveys show (a survey registers them up front), and the rest.
// Each once per page; a failed load (offline) is tried again by the next call.
const core = once(() => import('./define-core.js'));
const more = once(() => import('./define-more.js'));
const loaders: Partial<Record<QuestionType, () => Promise<unknown>>> = {
  likert: core,
  select: core,
  text: core,
  textarea: core,
  rating: more,
  number: more,
  ranking: more,
  points: more,
  statement: more,
};

/**
 * Starts loading the boxes and scales most surveys show (likert, select, text, textarea) before the
 * definition is known: a survey whose definition is still being fetched (or checked) calls it, so
 * both arrive together instead of one after the other (a round trip less on a phone network). A
 * survey that turns out to use none of them has fetched one small file for nothing.
 */
export function preloadCoreControls(): void {
  core().catch(() => undefined);
}

/** Whether the control for `type` is registered already. */
export function hasControl(type: QuestionType): boolean {
  const tag = CONTROL_TAGS[type];
  return !tag || customElements.get(tag) !== undefined;
}

/**
 * Registers the control for `type`, loading it first if needed. Resolves at once when it is
 * registered already; a failed load (offline) rejects and may be tried again.
 */
export function loadControl(type: QuestionType): Promise<void> {
  if (hasControl(type)) return Promise.resolve();
  const tag = CONTROL_TAGS[type];
  const load = loaders[type];
  return load
    ? load().then(() => {
        if (!customElements.get(tag)) throw new Error(`${tag} was not registered`);
      })
    : customElements.whenDefined(tag).then(() => undefined);
}

/**
 * Loads every control `types` needs; `undefined` when all are registered already, so a caller can
 * render at once instead of waiting a microtask.
 */
export function loadControls(types: Iterable<QuestionType>): Promise<void> | undefined {
  const missing = [...new Set(types)].filter((t) => !hasControl(t));
  return missing.length ? Promise.all(missing.map(loadControl)).then(() => undefined) : undefined;
}
