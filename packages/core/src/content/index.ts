export * from './question.js';
export * from './condition.js';
export * from './instrument.js';
export * from './scales.js';
export * from './walk.js';
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
