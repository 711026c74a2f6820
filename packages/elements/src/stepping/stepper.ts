/**
 * One question at a time, as `<carer-quiz>` and `<carer-poll>` (statement polls) show them: which
 * step is on screen, moving to another (firing `carer-page` and putting focus on the new
 * question's own heading, as on a GOV.UK one-question page), Back, and a guard against the second
 * click of a double-click landing on the button that has just replaced the one clicked.
 *
 * ```ts
 * private readonly stepper = new Stepper(this, { steps: () => this.route.questions, onMove: () => (this.problems = []) });
 * html`<button type="submit" @click=${this.stepper.guardClick}>Continue</button>`
 * ```
 */
import type { LitElement, ReactiveController, ReactiveControllerHost } from 'lit';
import { CarerPageEvent } from '../events/events.js';

export interface StepperOptions {
  /** The steps as they stand now (the route may change as answers change). */
  steps: () => readonly { id: string }[];
  /** Called on every move, before the page event (e.g. to clear the error summary). */
  onMove?: () => void;
}

export class Stepper implements ReactiveController {
  /** The step on screen (0-based). */
  index = 0;
  private focusPending: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: StepperOptions,
  ) {
    host.addController(this);
  }

  /** The step on screen, kept within the steps there are now. */
  get at(): number {
    return Math.min(this.index, Math.max(0, this.options.steps().length - 1));
  }

  get isLast(): boolean {
    return this.at === this.options.steps().length - 1;
  }

  /** Back to the first step, with no page event (a new attempt or vote). */
  reset(): void {
    this.index = 0;
    this.host.requestUpdate();
  }

  /** Shows step `index`, tells the page, and moves focus to its question once rendered. */
  go(index: number): void {
    const steps = this.options.steps();
    this.index = index;
    this.options.onMove?.();
    this.host.requestUpdate();
    const step = steps[index];
    if (!step) return;
    this.focusPending = step.id;
    this.host.dispatchEvent(new CarerPageEvent({ page: step.id, number: index + 1, total: steps.length }));
  }

  /**
   * On from the step with id `from` (default: the one on screen) — looked up again, since its answer
   * may have changed the route — to the next step, or `finish()` after the last.
   */
  next(finish: () => void, from?: string): void {
    const steps = this.options.steps();
    const at = from === undefined ? this.at : steps.findIndex((s) => s.id === from);
    if (at + 1 < steps.length) this.go(at + 1);
    else finish();
  }

  back(): void {
    if (this.index > 0) this.go(this.index - 1);
  }

  /** Focus goes to this question's heading after the next render (e.g. "Start again"). */
  focusAfterUpdate(id: string): void {
    this.focusPending = id;
  }

  /**
   * For every button that moves the carer on (`@click`): the second click of a double-click
   * (`detail` 2 or more) would land on the button that replaced the one clicked — "Next question"
   * after "Check answer", or the next statement's Continue — and skip a step the carer never saw.
   * It is ignored. Keyboard presses (`detail` 0) and separate clicks always count.
   */
  readonly guardClick = (e: MouseEvent): void => {
    if (e.detail > 1) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  };

  hostUpdated(): void {
    const id = this.focusPending;
    if (!id) return;
    this.focusPending = undefined;
    void focusQuestionHeading(this.host, id);
  }
}

/**
 * Moves focus to a question's own heading (the fieldset's legend, or a text question's label) so
 * a screen reader reads the new question first; the question element itself when it has none.
 */
export async function focusQuestionHeading(host: HTMLElement, qid: string): Promise<void> {
  const root = host.shadowRoot;
  const question = root?.querySelector<LitElement>(`carer-question[data-qid="${CSS.escape(qid)}"]`);
  if (!question) return;
  await question.updateComplete;
  const control = question.shadowRoot?.querySelector<LitElement>('[data-control]');
  await control?.updateComplete;
  const heading = control?.shadowRoot?.querySelector<HTMLElement>('legend, label');
  if (!heading) return question.focus();
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
}
