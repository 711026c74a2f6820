export { CarerPoll } from './carer-poll.js';
export { pollWindow, isStatementPoll, resultsAllowed, type PollWindow, type RememberedVote, type PollUpdate, type PublicResults } from './poll-logic.js';
