import { css, html, nothing, type CSSResultGroup } from 'lit';
import type { Answers, QuestionType } from '@carers-voice/core/content';
import { CarerElement } from '../../base/carer-element.js';
import { QuestionElement, type QuestionControl } from '../../base/question-control.js';
import { CONTROL_TAGS, hasControl, loadControl } from '../controls.js';

/**
 * Renders the right control for any `question` (single → `<carer-radios>`, multiple →
 * `<carer-checkboxes>`, select, likert, rating, text, textarea, number, ranking, points,
 * statement), so a widget can render one tag per question. `value`, `error`, `easy-read`, `young`,
 * `revealValues` and `revealErrors` are passed down; the inner control's `input` and `change`
 * events come out of this element, and `.value` / `.answers` here follow the carer's answer.
 *
 * @fires input - The carer changed the answer. Read `.value` (or `.answers` with reveals).
 * @fires change - The carer committed a change.
 *
 * The control for a type is loaded the first time a question of that type shows (unless the page
 * registered it already, e.g. with `@carers-voice/elements/kit/define`); until then the question
 * keeps some space (`part="pending"`), so the page does not jump much when it appears.
 *
 * @csspart pending - The space kept while the control for this question type loads.
 * @cssproperty --carer-font-size-base - Every size in the control scales from this (all `--carer-*` tokens pass through).
 * @cssproperty --carer-question-pending-size - Space kept while the control loads (default 6em).
 *
 * @tag carer-question
 */
export class CarerQuestion extends QuestionElement {
  static override styles: CSSResultGroup = [
    CarerElement.styles,
    css`
      .pending {
        min-block-size: var(--carer-question-pending-size, 6em);
      }
    `,
  ];

  /** The control now shown, kept while the question type stays the same. */
  private control?: QuestionControl | undefined;

  /** The control's download, while it is on its way. */
  private controlLoad?: Promise<void> | undefined;

  /** Also waits for the control to load and render, so `updateComplete` means the question shows. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.controlLoad) return done;
    await this.controlLoad;
    return super.getUpdateComplete();
  }

  /** This question's answers with those of chosen reveals (see the inner control). */
  get answers(): Answers {
    return this.control?.answers ?? {};
  }

  /** Focuses the first input of the question. */
  override focus(options?: FocusOptions): void {
    this.control ? this.control.focus(options) : super.focus(options);
  }

  /** Focuses the field with this id (the question or a reveal); false if it is not here. */
  focusField(id: string, options?: FocusOptions): boolean {
    return typeof this.control?.focusField === 'function' ? this.control.focusField(id, options) : false;
  }

  // Keeps `.value` in step with the carer's answer; the event itself carries on outwards untouched.
  private sync(e: Event): void {
    const c = e.currentTarget as QuestionControl;
    this.value = c.value;
    this.revealValues = c.revealValues;
  }

  override render() {
    const q = this.question;
    if (!q || !hasControl(q.type)) this.control = undefined;
    if (!q) return nothing;
    if (!hasControl(q.type)) {
      // Loaded on first use; a failed load (offline) is tried again on the next render.
      this.controlLoad ??= loadControl(q.type).then(
        () => {
          this.controlLoad = undefined;
          this.requestUpdate();
        },
        () => {
          this.controlLoad = undefined;
        },
      );
      return html`<div class="pending" part="pending" aria-busy="true"></div>`;
    }
    // A reveal's follow-up may need a control loaded on first use too (it upgrades when it comes).
    for (const r of Object.values((q as { reveal?: Record<string, { type: QuestionType }> }).reveal ?? {}))
      if (!hasControl(r.type)) loadControl(r.type).catch(() => undefined);
    // One element per question type, made here rather than in a template: Lit cannot bind a
    // dynamic tag name (without `unsafeStatic`), and eleven copies of the same template cost bytes.
    const tag = CONTROL_TAGS[q.type];
    let c = this.control;
    if (c?.localName !== tag) {
      c = this.control = document.createElement(tag) as QuestionControl;
      c.dataset['control'] = '';
      const on = (e: Event) => this.sync(e);
      c.addEventListener('input', on);
      c.addEventListener('change', on);
    }
    // As property bindings would: the control re-renders only for what changed.
    c.question = q;
    c.value = this.value;
    c.error = this.error;
    c.easyRead = this.easyRead;
    c.young = this.young;
    c.revealValues = this.revealValues;
    c.revealErrors = this.revealErrors;
    return c;
  }
}
