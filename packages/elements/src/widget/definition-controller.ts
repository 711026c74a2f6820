/**
 * `DefinitionController`: the all-kinds form of `DefinitionSourceController`, checking with core's
 * `parseDefinition` (every kind's schema). Kept for widgets and pages written against it; a widget
 * that shows one kind should use `DefinitionSourceController` with its kind's parser, so its bundle
 * carries only that kind's schema.
 */
import { parseDefinition, type DefinitionOf, type InstrumentKind } from '@carers-voice/core/content';
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

export class DefinitionController<K extends InstrumentKind> extends DefinitionSourceController<K> {
  constructor(host: DefinitionHost, options: DefinitionControllerOptions & { kind: K }) {
    super(host, {
      ...options,
      parse: (input) => {
        const parsed = parseDefinition(input);
        return parsed.ok ? { ok: true, definition: parsed.definition as DefinitionOf<K> } : parsed;
      },
    });
  }
}
