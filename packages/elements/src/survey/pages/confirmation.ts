/**
 * The confirmation page: thanks, the short reference, an honest line about where the answers are
 * (sent, waiting to be sent, kept on this device only, refused) and the partner's signposting.
 * Loaded after the first page is up (see ../later.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Survey } from '@carers-voice/core/content';
import type { Delivery } from '../survey-types.js';

export interface ConfirmationPage {
  survey: Survey;
  receipt: string;
  delivery: Delivery | undefined;
  onStartOver: () => void;
}

/** Where the carer's answers are, in plain words. */
export function statusText(d: Delivery | undefined): string {
  switch (d?.status) {
    case 'sent':
      return msg('Sent. Your answers have reached the service.', { id: 'survey.status.sent' });
    case 'local':
      return msg('Saved on this device only. This survey is not connected to a service, so your answers have not been sent anywhere.', {
        id: 'survey.status.local',
      });
    case 'rejected':
      return msg('Saved on this device, but the service could not accept your answers. The organisation running this survey has been told.', {
        id: 'survey.status.rejected',
      });
    case 'pending':
      return d.attempts === 0
        ? msg('Saved on this device. Sending now…', { id: 'survey.status.sending' })
        : msg('Saved on this device. It will be sent when you are back online.', { id: 'survey.status.pending' });
    default:
      return '';
  }
}

export function renderConfirmation(page: ConfirmationPage): TemplateResult {
  const signposts = page.survey.signposting ?? [];
  return html`
    <div class="panel" part="confirmation">
      <h2 class="panel__title" tabindex="-1" data-heading>${msg('Thank you for your answers', { id: 'survey.done.title' })}</h2>
      <p class="panel__body">${msg('Your reference', { id: 'survey.done.reference' })}<br /><strong class="receipt">${page.receipt}</strong></p>
    </div>
    <p class="status" role="status" data-status=${page.delivery?.status ?? ''}>${statusText(page.delivery)}</p>
    ${signposts.length
      ? html`<h3 class="section-heading">${msg('Help and support for carers', { id: 'survey.done.help' })}</h3>
          <ul class="signposting" part="signposting">
            ${signposts.map(
              (p) => html`<li class=${p.kind === 'crisis' ? 'signpost signpost--crisis' : 'signpost'}>
                <h4 class="signpost__title">${p.url ? html`<a class="link" href=${p.url} target="_blank" rel="noopener noreferrer">${p.title}</a>` : p.title}</h4>
                ${p.description ? html`<p>${p.description}</p>` : nothing}
                ${p.phone ? html`<p>${msg('Phone:', { id: 'survey.done.phone' })} <a class="link" href="tel:${p.phone.replace(/[^+0-9]/g, '')}">${p.phone}</a></p>` : nothing}
              </li>`,
            )}
          </ul>`
      : nothing}
    <button type="button" class="button secondary" @click=${page.onStartOver}>${msg('Fill in the survey again', { id: 'survey.done.again' })}</button>
  `;
}
