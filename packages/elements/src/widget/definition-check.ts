/**
 * The full definition checker, in its own chunk: `DefinitionSourceController` loads it with
 * `import()` only when a definition is not already checked (no matching `checked` fingerprint), so
 * zod, the parsers and the plain-words problem text stay out of every widget's first download.
 */
import { parseDefinition } from '@carers-voice/core/content/parse';

/** Checks any definition completely (core's `parseDefinition`). Never throws. */
export const checkDefinition = (input: unknown) => parseDefinition(input);

/** The failure wording comes with the checker, so a definition it rejects is described at once. */
export { describe, renderProblemPanel, problemPanelStyles } from './definition-wording.js';
