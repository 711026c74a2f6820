export { ResponseEnvelope, AnswerValueSchema, AnswerKey, parseEnvelope, type EnvelopeResult } from './envelope-schema.js';
export { createEnvelope, splitContact, newId, type CreateEnvelopeInput } from './envelope.js';
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
