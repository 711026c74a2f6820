/**
 * What the survey element and its lazily loaded parts (check answers, confirmation, sending) share:
 * the two positions that are not question pages, what the carer is told about their sent answers,
 * and what is kept on the device about a sent response.
 */

/** The "Check your answers" page's position. */
export const CHECK = 'check-answers';

/** The confirmation page's position. */
export const DONE = 'confirmation';

/** What the carer is told about their sent answers. */
export type Delivery =
  | { status: 'local' }
  | { status: 'pending'; attempts: number; lastError?: string | undefined }
  | { status: 'sent' }
  | { status: 'rejected'; lastError?: string | undefined };

/** What is kept on the device about a sent response, so a reload shows its confirmation. */
export interface SentRecord {
  id: string;
  receipt: string;
  /** Set when it went to the outbox (then its delivery status is looked up there). */
  endpoint?: string;
}

/** The second click of a double click does not press Continue again (GOV.UK button.mjs does the same). */
export function ignoreDoubleClick(e: MouseEvent): void {
  if (e.detail > 1) e.preventDefault();
}
