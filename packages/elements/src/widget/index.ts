/**
 * Plumbing every widget shares (survey, quiz, poll, priority check): loading and checking the
 * definition, and showing a partner what is wrong with it in plain words.
 */
export { DefinitionController } from './definition-controller.js';
export {
  DefinitionSourceController,
  newestDefinition,
  type DefinitionSourceOptions,
  type DefinitionParser,
  type DefinitionStatus,
  type DefinitionProblem,
  type DefinitionHost,
  type DefinitionControllerOptions,
} from './definition-source.js';
export { renderDefinitionProblem, renderLoading, definitionProblemStyles } from './definition-problem.js';
export { registerInstrument, builtInInstrument, builtInInstrumentIds } from './builtins.js';
export { deliveryMode } from './delivery.js';
export { OutboxStatusController, type OutboxStatusOptions } from './outbox-status-controller.js';
