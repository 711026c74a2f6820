export * from './question.js';
export * from './condition.js';
export * from './common.js';
export * from './survey.js';
export * from './quiz.js';
export * from './poll.js';
export * from './statement-set.js';
export { Definition, type DefinitionInput, type DefinitionOf } from './instrument.js';
export * from './scales.js';
export * from './walk.js';
export { CHECKED_KEY, canonicalJson, fnv1a64, definitionFingerprint, withFingerprint, hasValidFingerprint } from './fingerprint.js';
export {
  parseDefinition,
  parseSurvey,
  parseQuiz,
  parsePoll,
  parseStatementSet,
  crossCheck,
  walkCondition,
  type ParseResult,
  type ParseResultOf,
  type ParseOptions,
} from './parse.js';
export { formatProblems, formatPath, toPlainData, DEFAULT_LIMITS, type Problem, type Limits, type PathSegment } from './problems.js';
