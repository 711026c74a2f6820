/**
 * What `<carer-text-input>` and `<carer-textarea>` share: the labelled form group, the GOV.UK
 * character count when the question has `maxLength`, and `input`/`change` from the box. Each
 * subclass draws only its box.
 */
import { nothing, type CSSResultGroup, type TemplateResult } from 'lit';
import type { QuestionOf } from '@carers-voice/core/content';
import { CarerElement } from '../../base/carer-element.js';
import { QuestionControl } from '../../base/question-control.js';
import { questionBaseStyles } from '../../theme/question.styles.js';
import { fieldStyles } from '../../theme/field.styles.js';
import { CharacterCount } from './character-count.js';

export type TextQuestion = QuestionOf<'text'> | QuestionOf<'textarea'>;

export abstract class TextControl extends QuestionControl<string> {
  static override styles: CSSResultGroup = [CarerElement.styles, questionBaseStyles, fieldStyles];
  private readonly count = new CharacterCount(this);

  /** The box itself, given the question, its text and its `aria-describedby`. */
  protected abstract renderBox(q: TextQuestion, text: string, describedBy: string | typeof nothing): TemplateResult;

  protected onInput(e: Event): void {
    e.stopPropagation();
    this.value = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.count.typed(this.value.length, (this.question as TextQuestion | undefined)?.maxLength);
    this.emit('input');
  }

  protected onChange(): void {
    this.emit('change');
  }

  override render() {
    const q = this.question as TextQuestion | undefined;
    if (!q) return nothing;
    const text = this.value ?? '';
    const max = q.maxLength;
    const describedBy = this.describedBy(max ? CharacterCount.infoId(q.id) : undefined);
    return this.renderLabelled(this.renderBox(q, text, describedBy), this.count.render(q.id, text.length, max));
  }
}
