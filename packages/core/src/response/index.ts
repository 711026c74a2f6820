export {
  ResponseEnvelope,
  AnswerValueSchema,
  parseEnvelope,
  createEnvelope,
  splitContact,
  newId,
  type EnvelopeResult,
  type CreateEnvelopeInput,
} from './envelope.js';
export {
  checkAnswers,
  DEFAULT_MAX_LENGTH,
  type AnswerProblem,
  type AnswerProblemCode,
  type CheckResult,
  type CheckOptions,
} from './check.js';
export { pruneHidden } from '../logic/visibility.js';
export { receiptCode, formatReceiptCode, normaliseReceiptCode } from './receipt.js';
