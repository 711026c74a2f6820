import { css, type CSSResultGroup } from 'lit';
import { resolveOptions, type StatementValue } from '@carers-voice/core/content';
import { currentLocale } from '../../base/plural.js';
import { CarerElement } from '../../base/carer-element.js';
import { choiceStyles, questionBaseStyles } from '../../theme/question.styles.js';
import { ChoiceGroup, type ChoiceOption } from '../choice/choice-group.js';
import { scaleStyles } from '../choice/choice.styles.js';

/**
 * One statement to agree with, disagree with or pass on (a "have your say" poll).
 *
 * Built as radios drawn as large tiles, not as toggle buttons with `aria-pressed`: the three
 * answers are one choice, and radios say so to every assistive technology ("Agree, radio button,
 * 1 of 3, selected"), keep the group and its legend together, move with arrow keys, and need no
 * script to keep three pressed states consistent. Toggle buttons would announce three independent
 * on/off switches and let a screen reader user believe two could be pressed at once. Voice control
 * users can still say "click Agree" because each tile is the label of its radio.
 *
 * The answer is `'agree'`, `'disagree'` or `'pass'`.
 *
 * @fires input - The carer chose an answer. Read `.value`.
 * @fires change - As `input`.
 *
 * @csspart form-group - Wraps the whole question.
 * @csspart question - The fieldset.
 * @csspart legend - The statement.
 * @csspart hint - The hint.
 * @csspart error - The inline error message.
 * @csspart options - The three answers.
 * @csspart option - One answer tile.
 * @csspart option-label - One answer's words.
 *
 * @cssproperty --carer-color-border - Tile borders (thicker when chosen).
 * @cssproperty --carer-color-surface-alt - Background of the chosen tile.
 *
 * @tag carer-statement
 */
export class CarerStatement extends ChoiceGroup<StatementValue> {
  static override styles: CSSResultGroup = [
    CarerElement.styles,
    questionBaseStyles,
    choiceStyles,
    scaleStyles,
    css`
      .options.row .option {
        border: var(--cv-border-width) solid var(--cv-color-border);
        padding: var(--cv-space-2) var(--cv-space-3);
        min-block-size: calc(var(--cv-target-size) * 1.25);
        font-weight: 700;
      }
      .options.row .option:has(input:checked) {
        border-width: 4px;
        background: var(--cv-color-surface-alt);
      }
    `,
  ];
  protected readonly inputType = 'radio' as const;

  protected choices(): ChoiceOption[] {
    // Core's wording, so the poll and its results say the same thing in every language.
    return this.question ? resolveOptions(this.question, currentLocale()) : [];
  }

  protected override optionsClass(): string {
    return 'row';
  }

  protected checked(optionValue: string): boolean {
    return this.value === optionValue;
  }

  protected choose(optionValue: string, checked: boolean): void {
    if (checked) this.value = optionValue as StatementValue;
  }
}
