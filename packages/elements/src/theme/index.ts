export { tokens, tokenDefaults, type TokenName } from './tokens.js';
export { reset } from './reset.js';
export { buttonStyles } from './button.styles.js';
export { questionStyles, questionBaseStyles, choiceStyles, fieldStyles } from './question.styles.js';
