/**
 * @carers-voice/elements — the Lit web components carers see.
 * Classes and helpers only; registration lives in the `define` modules (`./kit/define`, `./provider/define`).
 */
export * from './kit/index.js';
export * from './theme/index.js';
