/**
 * The domain events every carers-voice widget fires (survey, quiz, poll, priority check). Each is a
 * typed `CustomEvent` subclass — bubbling and composed, so a partner can listen on the widget, on
 * `<carer-voice>` or on `document` — and is listed in `GlobalEventHandlersEventMap`, so
 * `el.addEventListener('carer-sent', (e) => e.detail.id)` is typed.
 *
 * Widgets fire them on what the carer (or the network) did, never because code set a property.
 *
 * ```js
 * document.addEventListener('carer-error', (e) => console.warn(e.detail.kind, e.detail.message));
 * ```
 */

const init = { bubbles: true, composed: true } as const;

/** Which instrument a widget is showing. */
export interface InstrumentRef {
  id: string;
  version: number;
}

export interface CarerReadyDetail {
  instrument: InstrumentRef;
  kind: string;
  title: string;
}
/** The definition is loaded and checked, and the first screen is showing. */
export class CarerReadyEvent extends CustomEvent<CarerReadyDetail> {
  constructor(detail: CarerReadyDetail) {
    super('carer-ready', { ...init, detail });
  }
}

export interface CarerAnswerDetail {
  /** The question id. */
  question: string;
  /** The new answer (`undefined` when the carer cleared it). */
  value: unknown;
}
/** The carer answered (or changed) a question. Not fired when code sets answers. */
export class CarerAnswerEvent extends CustomEvent<CarerAnswerDetail> {
  constructor(detail: CarerAnswerDetail) {
    super('carer-answer', { ...init, detail });
  }
}

export interface CarerPageDetail {
  /** A page id, or `check-answers` / `confirmation`. */
  page: string;
  /** 1-based position among the pages the carer will see (0 for check-answers and confirmation). */
  number: number;
  /** How many question pages the carer will see, given the answers so far. */
  total: number;
}
/** The carer moved to another page (Continue, Back, Change, or resuming a draft). */
export class CarerPageEvent extends CustomEvent<CarerPageDetail> {
  constructor(detail: CarerPageDetail) {
    super('carer-page', { ...init, detail });
  }
}

export interface CarerSubmitDetail<E = unknown> {
  /** The response envelope (see `@carers-voice/core/response`) about to be stored and sent. */
  envelope: E;
}
/** The carer sent their answers; fired with the envelope before it is stored and sent. */
export class CarerSubmitEvent<E = unknown> extends CustomEvent<CarerSubmitDetail<E>> {
  constructor(detail: CarerSubmitDetail<E>) {
    super('carer-submit', { ...init, detail });
  }
}

export interface CarerSentDetail {
  /** The envelope id. */
  id: string;
  /** What the collector answered. */
  receipt: unknown;
}
/** The collector acknowledged the response (possibly long after submit, once back online). */
export class CarerSentEvent extends CustomEvent<CarerSentDetail> {
  constructor(detail: CarerSentDetail) {
    super('carer-sent', { ...init, detail });
  }
}

/** `definition`: the definition could not be loaded or is not valid; `config`: a bad attribute; `send`: the collector refused the response. */
export type CarerErrorKind = 'definition' | 'config' | 'send';

export interface CarerProblem {
  /** Where in the definition, e.g. `pages[1].questions[3].options`. */
  path: string;
  message: string;
}

export interface CarerErrorDetail {
  kind: CarerErrorKind;
  /** Plain words for a partner's web editor. */
  message: string;
  /** Each problem found, with its path (definition errors). */
  problems?: CarerProblem[];
}
/** Something the partner needs to fix, or a send the collector refused. Never thrown. */
export class CarerErrorEvent extends CustomEvent<CarerErrorDetail> {
  constructor(detail: CarerErrorDetail) {
    super('carer-error', { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'carer-ready': CarerReadyEvent;
    'carer-answer': CarerAnswerEvent;
    'carer-page': CarerPageEvent;
    'carer-submit': CarerSubmitEvent;
    'carer-sent': CarerSentEvent;
    'carer-error': CarerErrorEvent;
  }
}
