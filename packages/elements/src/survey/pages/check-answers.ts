/**
 * The "Check your answers" page: every answer the carer's route keeps, grouped by page, each with a
 * "Change" link back to its question, then "Send my answers". Loaded after the first page is up
 * (see ../later.ts), so a carer on the first page never waits for it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { resolveOptions, type Question, type Survey } from '@carers-voice/core/content';
import { isAnswered, type Route, type Step } from '../steps.js';
import { ignoreDoubleClick } from '../survey-types.js';

export interface CheckAnswersPage {
  /** The survey in the carer's language. */
  survey: Survey;
  /** The carer's route and the answers it keeps. */
  route: Route;
  easyRead: boolean;
  /** Use the young carers' wording. */
  young: boolean;
  /** For option labels of named scales. */
  locale: string;
  /** "Send my answers" is being acted on. */
  busy: boolean;
  /** The Back link and the easy read toggle, as on every page. */
  topBar: TemplateResult;
  onChange: (e: Event, stepKey: string, questionId: string) => void;
  onSend: (e: Event) => void;
}

export function renderCheckAnswers(page: CheckAnswersPage): TemplateResult {
  const groups = new Map<string, { title: string | undefined; rows: { step: Step; q: Question }[] }>();
  for (const step of page.route.steps) {
    let g = groups.get(step.page.id);
    if (!g) groups.set(step.page.id, (g = { title: step.page.title, rows: [] }));
    for (const q of step.questions) g.rows.push({ step, q });
  }
  return html`
    ${page.topBar}
    <h2 class="heading" part="heading" tabindex="-1" data-heading>${msg('Check your answers before sending them', { id: 'survey.check.title' })}</h2>
    ${[...groups.values()].map(
      (g) => html`${g.title ? html`<h3 class="section-heading">${g.title}</h3>` : nothing}
        <dl class="summary-list" part="summary-list">
          ${g.rows.map(({ step, q }) => summaryRow(page, step, q))}
        </dl>`,
    )}
    <h3 class="section-heading">${msg('Now send your answers', { id: 'survey.check.send-heading' })}</h3>
    <p>
      ${page.survey.privacy.anonymous
        ? msg('Your answers are anonymous: we do not ask who you are unless you chose to give contact details.', { id: 'survey.check.anonymous' })
        : msg('By sending, you agree to the privacy notice at the start of this survey.', { id: 'survey.check.privacy' })}
    </p>
    <form novalidate @submit=${page.onSend}>
      <button class="button" part="button" type="submit" aria-busy=${page.busy ? 'true' : 'false'} @click=${ignoreDoubleClick}>
        ${msg('Send my answers', { id: 'survey.send' })}
      </button>
    </form>
  `;
}

function summaryRow(page: CheckAnswersPage, step: Step, q: Question): TemplateResult {
  const label = questionLabel(page, q);
  return html`<div class="summary-list__row">
    <dt class="summary-list__key">${label}</dt>
    <dd class="summary-list__value">${answerText(page, q)}</dd>
    <dd class="summary-list__actions">
      <a href="#${q.id}" class="link" @click=${(e: Event) => page.onChange(e, step.key, q.id)}
        >${msg('Change', { id: 'survey.change' })}<span class="visually-hidden"> ${label}</span></a
      >
    </dd>
  </div>`;
}

function questionLabel(page: CheckAnswersPage, q: Question): string {
  const young = page.young ? q.young : undefined;
  if (page.easyRead) {
    const easy = young?.easyRead ?? q.easyRead;
    if (easy) return easy;
  }
  return young?.label ?? q.label;
}

function answerText(page: CheckAnswersPage, q: Question): TemplateResult | string {
  const kept = page.route.kept;
  const value = kept[q.id];
  if (!isAnswered(value)) return msg('Not answered', { id: 'survey.not-answered' });
  const options = resolveOptions(q, page.locale);
  const label = (v: string) => {
    const o = options.find((x) => x.value === v);
    return o ? (page.easyRead && o.easyRead) || o.label : v;
  };
  const withReveal = (v: string) => {
    const r = (q.type === 'single' || q.type === 'multiple') && q.reveal?.[v];
    const rv = r ? kept[r.id] : undefined;
    return isAnswered(rv) ? `${label(v)}: ${String(rv)}` : label(v);
  };
  if (Array.isArray(value)) {
    if (q.type === 'ranking') return html`<ol class="answer-list">${value.map((v) => html`<li>${label(v)}</li>`)}</ol>`;
    return value.length === 1 ? withReveal(value[0]!) : html`<ul class="answer-list">${value.map((v) => html`<li>${withReveal(v)}</li>`)}</ul>`;
  }
  if (typeof value === 'object') {
    return html`<ul class="answer-list">
      ${Object.entries(value).map(([k, n]) => html`<li>${label(k)}: ${n}</li>`)}
    </ul>`;
  }
  if (typeof value === 'number') return String(value);
  return options.length ? withReveal(value) : value;
}
