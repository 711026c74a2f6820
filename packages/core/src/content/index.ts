export * from './question.js';
export * from './condition.js';
