export { tokens, tokenDefaults, type TokenName } from './tokens.js';
export { reset } from './reset.js';
export { buttonStyles } from './button.styles.js';
import type { CSSResultGroup } from 'lit';
import { choiceStyles, questionBaseStyles } from './question.styles.js';
import { fieldStyles } from './field.styles.js';

export { questionBaseStyles, choiceStyles, fieldStyles };
/** Every question sheet: base, choice and field. */
export const questionStyles: CSSResultGroup = [questionBaseStyles, choiceStyles, fieldStyles];
