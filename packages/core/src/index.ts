/**
 * @carers-voice/core: the content model, responses, show-if logic and i18n helpers.
 * Each area is also its own entry point (`@carers-voice/core/content`, `/response`, `/logic`,
 * `/i18n`, `/aggregate`, `/outbox`, `/document`) so a widget bundles only what it uses.
 */
export * from './content/index.js';
export * from './response/index.js';
export * from './logic/index.js';
export * from './i18n/index.js';
