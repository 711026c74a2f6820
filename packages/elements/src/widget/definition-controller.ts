/**
 * `DefinitionController`: the name every widget uses for `DefinitionSourceController` with its
 * default checking — a checked definition (matching `checked` fingerprint, every built-in pack) is
 * used at once; anything else is checked by core's `parseDefinition`, loaded on first need. So no
 * widget carries zod or the problem text in its first download.
 */
import type { InstrumentKind } from '@carers-voice/core/content';
import { DefinitionSourceController, type DefinitionControllerOptions, type DefinitionHost } from './definition-source.js';

export {
  DefinitionSourceController,
  newestDefinition,
  type DefinitionStatus,
  type DefinitionProblem,
  type DefinitionHost,
  type DefinitionControllerOptions,
  type DefinitionSourceOptions,
  type DefinitionParser,
} from './definition-source.js';

/** `DefinitionSourceController` itself (no subclass), typed without the `parse` option. */
export const DefinitionController: new <K extends InstrumentKind>(
  host: DefinitionHost,
  options: DefinitionControllerOptions & { kind: K },
) => DefinitionSourceController<K> = DefinitionSourceController;
export type DefinitionController<K extends InstrumentKind> = DefinitionSourceController<K>;
