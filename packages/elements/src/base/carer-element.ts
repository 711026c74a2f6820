/**
 * The small base every carers-voice element extends: the style reset, a typed `emit` for bubbling,
 * composed events, and re-rendering when the locale changes. Shared behaviour beyond this lives in
 * reactive controllers (see `announcer.ts`, `submit-guard.ts`), not in a deeper class tree.
 */
import { LitElement, type CSSResultGroup } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import { reset } from '../theme/reset.js';

export interface EmitOptions {
  /** Default false: most carers-voice events only report. */
  cancelable?: boolean;
}

export class CarerElement extends LitElement {
  static override styles: CSSResultGroup = [reset];

  constructor() {
    super();
    // What @localized() does, without a class decorator (and its helper) in every widget.
    updateWhenLocaleChanges(this);
  }

  /**
   * Dispatches a bubbling, composed event from this element and returns false if a listener called
   * `preventDefault()`. With a `detail` it is a `CustomEvent`; without, a plain `Event` (as native
   * `input`/`change` are).
   */
  protected emit<T = undefined>(name: string, detail?: T, options: EmitOptions = {}): boolean {
    const init = { bubbles: true, composed: true, cancelable: options.cancelable ?? false };
    const event = detail === undefined ? new Event(name, init) : new CustomEvent<T>(name, { ...init, detail });
    return this.dispatchEvent(event);
  }
}
