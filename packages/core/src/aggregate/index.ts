export * from './suppress.js';
export * from './tally.js';
export * from './results.js';
export * from './statement-lists.js';
