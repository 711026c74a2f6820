/**
 * `@carers-voice/core/document` — check a document (policy, leaflet, strategy) against a statement
 * set in the browser or Node: matched passages per statement, coverage, and reading level.
 */
export { checkDocument, checkDocumentAsync, yieldToEventLoop } from './check.js';
export type {
  AsyncCheckOptions,
  CheckOptions,
  Coverage,
  DocumentGroup,
  DocumentReport,
  DocumentStatement,
  DocumentStatementSet,
  Passage,
  StatementCoverage,
} from './check.js';
export { porter2, stem } from './stem.js';
export { tokenize, phraseStems, gapEndsSentence, Tokenizer } from './tokenize.js';
export type { Sentence, TokenTable } from './tokenize.js';
export { syllables, readabilityOf, readabilityFromCounts, ReadabilityCounter, PLAIN_ENGLISH } from './readability.js';
export type { Readability } from './readability.js';
/** A 20-statement set and a long made-up document, for tests, stories and benchmarks. */
export { SAMPLE_STATEMENT_SET } from './sample-set.js';
export { longDocument } from './long-document.js';
