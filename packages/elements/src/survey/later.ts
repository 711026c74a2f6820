/**
 * Everything <carer-survey> needs only after its first page is showing, in one lazily loaded
 * chunk: checking answers at Continue (and their error messages) and where Continue goes, the
 * "Check your answers" page, sending (envelope, outbox) and the confirmation page. The element starts loading it when the
 * browser is idle after the first page is up, so it is normally there before the carer presses
 * Continue; if not, Continue shows its busy state until it is.
 */
export { problemText } from './checking.js';
export { continueFrom } from './continuing.js';
export { renderCheckAnswers } from './pages/check-answers.js';
export { renderConfirmation } from './pages/confirmation.js';
export { buildEnvelope, receiptFor, outboxWatcher, send, showSent, startOver, watchOutbox } from './sending.js';
export { laterStyles } from './pages/later.styles.js';
