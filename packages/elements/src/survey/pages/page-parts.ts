/**
 * Parts of <carer-survey>'s question pages that depend only on what they are given: the easy read
 * toggle, the survey's introduction and privacy notice, and the note about answers kept on this
 * device with "Start again and clear my answers".
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Survey } from '@carers-voice/core/content';
import { plural } from '../../base/plural.js';

/** "Easy read", when the survey has easy read wording anywhere. */
export function renderEasyReadToggle(survey: Survey, easyRead: boolean, onToggle: () => void): TemplateResult | typeof nothing {
  const has = Boolean(survey.easyRead) || survey.pages.some((p) => p.questions.some((q) => q.easyRead));
  if (!has) return nothing;
  return html`<button type="button" class="toggle" aria-pressed=${easyRead ? 'true' : 'false'} @click=${onToggle}>
    ${msg('Easy read', { id: 'survey.easy-read' })}
  </button>`;
}

/** The survey's introduction (easy read where asked) and its privacy notice, on the first page. */
export function renderIntro(view: Survey, easyRead: boolean): TemplateResult {
  const intro = (easyRead && view.easyRead?.intro) || view.intro;
  return html`${intro ? html`<p class="intro">${intro}</p>` : nothing}
  ${view.privacy.notice
    ? html`<details class="details">
        <summary>${msg('How we use your answers', { id: 'survey.privacy' })}</summary>
        <p>${view.privacy.notice}</p>
      </details>`
    : nothing}`;
}

/** Where the answers are kept, for how long, how to clear them on a shared device; local mode said plainly. */
export function renderDeviceNote(days: number, connected: boolean, onClear: () => void): TemplateResult {
  return html`<div class="device-note">
    <p>
      ${connected
        ? nothing
        : html`<strong>${msg('Your answers stay on this device: this survey is not connected to a service that collects them.', { id: 'survey.local-mode' })}</strong> `}
      ${plural(days, {
        one: () => msg(str`Your answers are saved on this device as you go, for ${days} day, so you can come back to them.`, { id: 'survey.draft-note-one' }),
        other: () => msg(str`Your answers are saved on this device as you go, for ${days} days, so you can come back to them.`, { id: 'survey.draft-note' }),
      })}
      ${msg('If you share this device or are using a public computer, clear your answers when you stop.', { id: 'survey.shared-device' })}
    </p>
    <button type="button" class="button secondary" @click=${onClear}>${msg('Start again and clear my answers', { id: 'survey.clear' })}</button>
  </div>`;
}
