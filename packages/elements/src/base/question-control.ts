/**
 * What every question control shares: the `question`, `value`, `error`, `easy-read` and `young`
 * properties, the GOV.UK wiring of label, hint and error (`<q>-hint`, `<q>-error`, both in
 * `aria-describedby`, hint first), native-style `input`/`change` events on user action only,
 * conditional reveals, and `focus()` for the error summary.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { AnswerValue, Answers, Option, Question, RevealQuestion } from '@carers-voice/core/content';
import { CarerElement } from './carer-element.js';

/** Anything with the shared question fields (a `Question` or a reveal follow-up). */
type QuestionLike = Pick<Question, 'id' | 'label' | 'hint'> & Partial<Pick<Question, 'easyRead' | 'young'>>;

/**
 * The properties `<carer-question>` and every control share (declared once: each decorated property
 * costs bytes in every widget), and the `data-question` attribute widgets find questions by.
 */
export abstract class QuestionElement<V extends AnswerValue = AnswerValue> extends CarerElement {
  // `static properties` rather than @property decorators: the same properties, without a
  // decorator call per property in every widget's download.
  static override properties = {
    question: { attribute: false },
    value: { attribute: false },
    error: {},
    easyRead: { type: Boolean, attribute: 'easy-read', reflect: true },
    young: { type: Boolean, reflect: true },
    revealValues: { attribute: false },
    revealErrors: { attribute: false },
  };

  /** The question to show (from `@carers-voice/core/content`). Set as a property. */
  declare question?: Question;

  /** The answer. Setting it never fires `input` or `change`. */
  value: V | undefined = undefined;

  /** An error message shown inline, after a visually hidden "Error:". Empty for none. */
  error = '';

  /** Show the easy read wording of the question and options where the definition has it (attribute `easy-read`). */
  easyRead = false;

  /** Use the wording for young carers (`question.young`) where the definition has it. */
  young = false;

  /** Answers to conditional reveal follow-ups, by their own question id. */
  revealValues: Record<string, AnswerValue> = {};

  /** Errors for conditional reveal follow-ups, by their own question id. */
  revealErrors: Record<string, string> = {};

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('question') && this.question) this.setAttribute('data-question', this.question.id);
  }
}

export abstract class QuestionControl<V extends AnswerValue = AnswerValue> extends QuestionElement<V> {
  /** The question id (`''` before a question is set). */
  protected get qid(): string {
    return this.question?.id ?? '';
  }

  /** The question heading in the wording this reader asked for. */
  protected labelText(q: QuestionLike | undefined = this.question): string {
    if (!q) return '';
    const young = this.young ? q.young : undefined;
    if (this.easyRead) {
      const easy = young?.easyRead ?? q.easyRead;
      if (easy) return easy;
    }
    return young?.label ?? q.label;
  }

  /** The heading text, with "(optional)" after it when the question may be left out (GOV.UK). */
  protected renderLabel(): TemplateResult {
    const optional = this.question?.required === false;
    return html`${this.labelText()}${optional ? html` <span class="optional">${msg('(optional)', { id: 'kit.optional' })}</span>` : nothing}`;
  }

  protected hintText(q: QuestionLike | undefined = this.question): string | undefined {
    if (!q) return undefined;
    return (this.young ? q.young?.hint : undefined) ?? q.hint;
  }

  protected optionText(o: Pick<Option, 'label' | 'easyRead'>): string {
    return (this.easyRead && o.easyRead) || o.label;
  }

  /** `aria-describedby` for the question: hint first, then error, then any extras. */
  protected describedBy(...extra: (string | false | undefined)[]): string | typeof nothing {
    const ids = [this.hintText() ? `${this.qid}-hint` : undefined, this.error ? `${this.qid}-error` : undefined, ...extra].filter(
      (x): x is string => Boolean(x),
    );
    return ids.length ? ids.join(' ') : nothing;
  }

  protected renderHint(): TemplateResult | typeof nothing {
    const hint = this.hintText();
    return hint ? html`<div class="hint" id="${this.qid}-hint" part="hint">${hint}</div>` : nothing;
  }

  protected renderError(): TemplateResult | typeof nothing {
    return this.error
      ? html`<p class="error-message" id="${this.qid}-error" part="error">
          <span class="visually-hidden">${msg('Error:', { id: 'kit.error-prefix' })}</span> ${this.error}
        </p>`
      : nothing;
  }

  /**
   * A one-field question (GOV.UK text input, textarea, select): the form group, the label as the
   * question heading (`for` the question id), hint, error, then `field` and anything `after` it.
   */
  protected renderLabelled(field: unknown, after: unknown = nothing): TemplateResult {
    return html`<div class=${this.groupClass()} part="form-group">
      <label class="label" for=${this.qid} part="question">${this.renderLabel()}</label>
      ${this.renderHint()} ${this.renderError()} ${field} ${after}
    </div>`;
  }

  protected groupClass(): string {
    return this.error ? 'form-group has-error' : 'form-group';
  }

  /** Fires `input` then (unless `inputOnly`) `change`, as a browser does for a user's choice. */
  protected fireUserChange(kind: 'input' | 'change' | 'both' = 'both'): void {
    if (kind !== 'change') this.emit('input');
    if (kind !== 'input') this.emit('change');
  }

  /** Stops a native `input` (which is composed) leaving the shadow root: the host fires its own. */
  protected stopNative(e: Event): void {
    e.stopPropagation();
  }

  /**
   * This question's answers, ready to merge into a response: `{ [question.id]: value }` plus the
   * answers of reveals whose option is chosen now. Empty answers are left out.
   */
  get answers(): Answers {
    const out: Answers = {};
    const v = this.value;
    if (this.question && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)) out[this.question.id] = v;
    const reveal = (this.question as { reveal?: Record<string, RevealQuestion> } | undefined)?.reveal;
    if (reveal) {
      for (const [option, rq] of Object.entries(reveal)) {
        const rv = this.revealValues[rq.id];
        if (this.isChosen(option) && rv !== undefined && rv !== '') out[rq.id] = rv;
      }
    }
    return out;
  }

  /** Whether `optionValue` is chosen now (choice controls override). */
  protected isChosen(_optionValue: string): boolean {
    return false;
  }

  /** Moves keyboard focus to the first input of the question (as a GOV.UK error summary link does). */
  override focus(options?: FocusOptions): void {
    if (!this.focusField(this.qid, options)) super.focus(options);
  }

  /**
   * Focuses the field with this id in the control (the question id, or a reveal's id). Returns
   * false if there is none. Used by widgets when an error summary link is chosen.
   */
  focusField(id: string, options?: FocusOptions): boolean {
    const root = this.renderRoot as ShadowRoot | undefined;
    if (!root || !id) return false;
    const direct = root.getElementById?.(id);
    if (direct instanceof HTMLElement) {
      direct.focus(options);
      return true;
    }
    for (const nested of root.querySelectorAll<QuestionControl>('[data-reveal]')) {
      if (nested.question?.id === id || nested.focusField(id, options)) {
        nested.focus(options);
        return true;
      }
    }
    return false;
  }

  // ---- Conditional reveal (GOV.UK radios/checkboxes "conditional") ----

  protected revealFor(optionValue: string): RevealQuestion | undefined {
    return (this.question as { reveal?: Record<string, RevealQuestion> } | undefined)?.reveal?.[optionValue];
  }

  protected revealId(optionValue: string): string {
    return `${this.qid}-${optionValue}-reveal`;
  }

  /** Each reveal's follow-up control, made once (see `renderReveal`). */
  private readonly nestedControls = new Map<string, QuestionControl>();

  /** The follow-up shown right after its option when that option is chosen. */
  protected renderReveal(optionValue: string, chosen: boolean): TemplateResult | typeof nothing {
    const rq = this.revealFor(optionValue);
    if (!rq) return nothing;
    const tag = rq.type === 'textarea' ? 'carer-textarea' : rq.type === 'number' ? 'carer-number' : 'carer-text-input';
    // Made here rather than in three near-identical templates (Lit cannot bind a dynamic tag).
    // If the follow-up's control is not registered yet, `<carer-question>` is loading it (it upgrades
    // when it comes); not loaded from here, so the priority check's likert never downloads controls.ts.
    let nested = this.nestedControls.get(rq.id);
    if (nested?.localName !== tag) {
      nested = document.createElement(tag) as QuestionControl;
      nested.dataset['reveal'] = '';
      const on = (e: Event) => {
        e.stopPropagation();
        if (e.type === 'input') this.revealValues = { ...this.revealValues, [rq.id]: nested!.value as AnswerValue };
        this.emit(e.type);
      };
      nested.addEventListener('input', on);
      nested.addEventListener('change', on);
      this.nestedControls.set(rq.id, nested);
    }
    // A reveal has the shape of a small question of its own type; the nested control reads it as one.
    nested.question = rq as unknown as Question;
    nested.value = this.revealValues[rq.id];
    nested.error = this.revealErrors[rq.id] ?? '';
    nested.easyRead = this.easyRead;
    nested.young = this.young;
    return html`<div class="reveal" id=${this.revealId(optionValue)} part="reveal" ?hidden=${!chosen}>${nested}</div>`;
  }
}
