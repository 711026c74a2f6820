/**
 * What `<carer-priority-check>` needs only after the first screen: the summary tables and the
 * annual progress report (shown, printed), and sending the ratings through the device's outbox.
 * Loaded lazily (see `stepping/later.ts`), so a host page downloads none of it up front.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { checkAnswers, createEnvelope, type ResponseEnvelope } from '@carers-voice/core/response';
import { sharedOutbox, type DraftStore, type OutboxChangeEvent } from '@carers-voice/core/outbox';
import type { CarerConfigController } from '../provider/config-controller.js';
import { CarerErrorEvent, CarerSentEvent, CarerSubmitEvent } from '../events/events.js';
import { deliveryMode } from '../widget/delivery.js';
import { summarise, type Assessment, type AssessmentExport, type ReportGroup, type ScalePoint } from './report.js';
import type { PriorityCheckMode, StatementSet } from './carer-priority-check.js';

/** The parts of `<carer-priority-check>` this module reads and changes. */
export interface PriorityHost extends HTMLElement {
  readonly set: StatementSet | undefined;
  readonly mode: PriorityCheckMode;
  readonly config: CarerConfigController;
  readonly drafts: DraftStore;
  readonly startedAt: Date;
  readonly assessment: Assessment;
  readonly organisation: string;
  readonly showReport: boolean;
  carerRatings: Record<string, string>;
  sendProblem: string;
  sent: ResponseEnvelope | undefined;
  sending: boolean;
  draftKey(): string;
  exportData(): AssessmentExport;
  reportGroups(): ReportGroup[];
  scaleFor(mode: PriorityCheckMode): ScalePoint[];
}

// ------------------------------------------------------------------ sending

/** Envelope ids each widget sent and still waits to hear about. */
const awaiting = new WeakMap<PriorityHost, { ids: Set<string>; listener: (e: Event) => void }>();

function listen(h: PriorityHost, id: string): void {
  let w = awaiting.get(h);
  if (!w) {
    const ids = new Set<string>();
    const listener = (e: Event): void => {
      const { record } = e as OutboxChangeEvent;
      if (!ids.has(record.id)) return;
      ids.delete(record.id);
      if (ids.size === 0) sharedOutbox().removeEventListener('sent', listener);
      h.dispatchEvent(new CarerSentEvent({ id: record.id, receipt: record.receipt }));
    };
    w = { ids, listener };
    awaiting.set(h, w);
  }
  w.ids.add(id);
  sharedOutbox().addEventListener('sent', w.listener);
}

/** The widget left the page: stop listening for its sent answers. */
export function forget(h: PriorityHost): void {
  const w = awaiting.get(h);
  if (w?.ids.size) sharedOutbox().removeEventListener('sent', w.listener);
}

function missingConfig(h: PriorityHost): string {
  if (!h.config.endpoint) {
    return msg('This page is not set up to send answers yet (it has no collector address). Your answers are kept on this device.', {
      id: 'priority.config.no-endpoint',
    });
  }
  if (!h.config.partner) {
    return msg('This page is not set up to send answers yet (it has no partner id). Your answers are kept on this device.', {
      id: 'priority.config.no-partner',
    });
  }
  return '';
}

export async function send(h: PriorityHost, answers: Record<string, string>): Promise<void> {
  const set = h.set;
  if (!set || h.sending) return;
  const problem = missingConfig(h);
  if (problem) {
    h.sendProblem = problem;
    h.dispatchEvent(new CarerErrorEvent({ kind: 'config', message: problem }));
    return;
  }
  // The same ratings twice must not count twice: they are already in the outbox, so nothing new
  // is sent. Changed ratings are a new, revised response.
  if (h.sent && JSON.stringify(h.sent.answers) === JSON.stringify(answers)) {
    h.sendProblem = '';
    return;
  }
  // The collector runs the same check; a set edited since the draft was saved could fail it.
  const checked = checkAnswers(set, answers);
  if (!checked.ok) {
    h.sendProblem = msg('Some answers no longer match this statement set. Choose them again and send.', { id: 'priority.send.stale' });
    h.dispatchEvent(new CarerErrorEvent({ kind: 'send', message: checked.problems.map((p) => p.message).join(' ') }));
    return;
  }
  h.sending = true;
  h.sendProblem = '';
  try {
    const envelope = createEnvelope({
      instrument: { id: set.id, version: set.version },
      partner: h.config.partner!,
      locale: h.config.lang,
      answers: checked.answers,
      startedAt: h.startedAt,
      meta: { mode: deliveryMode() },
    });
    h.dispatchEvent(new CarerSubmitEvent({ envelope }));
    const outbox = sharedOutbox();
    listen(h, envelope.id);
    await outbox.enqueue(envelope, h.config.endpoint!);
    h.sent = envelope;
    if (h.mode === 'carer') {
      h.carerRatings = {};
      await h.drafts.clear(h.draftKey()).catch(() => undefined);
    }
  } catch {
    h.sendProblem = msg('Your answers could not be stored on this device, so they were not sent. Please try again.', {
      id: 'priority.send.failed',
    });
    h.dispatchEvent(new CarerErrorEvent({ kind: 'send', message: h.sendProblem }));
  } finally {
    h.sending = false;
  }
}

// ------------------------------------------------------------------ summary and report

export function renderSummary(h: PriorityHost, inReport: boolean): TemplateResult {
  const scale = h.scaleFor('self-assessment');
  const summary = summarise(h.reportGroups(), scale, h.assessment);
  const id = inReport ? 'report-summary' : 'summary';
  return html`<div class="table-wrap" role="region" aria-labelledby="${id}-caption" tabindex="0">
    <table class="summary" data-summary=${inReport ? 'report' : 'form'}>
      <caption id="${id}-caption">
        ${inReport ? msg('Summary of ratings', { id: 'priority.report.summary-caption' }) : msg('Ratings by group', { id: 'priority.summary.caption' })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Group', { id: 'priority.summary.group' })}</th>
          ${scale.map((p) => html`<th scope="col" class="number">${p.label}</th>`)}
          <th scope="col" class="number">${msg('Not rated', { id: 'priority.summary.unrated' })}</th>
          <th scope="col" class="number">${msg('Statements', { id: 'priority.summary.total' })}</th>
        </tr>
      </thead>
      <tbody>
        ${summary.groups.map(
          (g) => html`<tr data-group=${g.id}>
            <th scope="row">${g.title}</th>
            ${scale.map((p) => html`<td class="number" data-value=${p.value}>${g.counts[p.value]}</td>`)}
            <td class="number" data-value="unrated">${g.unrated}</td>
            <td class="number" data-value="total">${g.total}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr data-group="all">
          <th scope="row">${msg('All groups', { id: 'priority.summary.all' })}</th>
          ${scale.map((p) => html`<td class="number" data-value=${p.value}>${summary.totals[p.value]}</td>`)}
          <td class="number" data-value="unrated">${summary.unrated}</td>
          <td class="number" data-value="total">${summary.total}</td>
        </tr>
      </tfoot>
    </table>
  </div>`;
}

export function renderReport(h: PriorityHost): TemplateResult {
  const set = h.set!;
  const data = h.exportData();
  const byGroup = new Map<string, typeof data.rows>();
  for (const row of data.rows) byGroup.set(row.group, [...(byGroup.get(row.group) ?? []), row]);
  const today = new Intl.DateTimeFormat(h.config.lang, { dateStyle: 'long' }).format(new Date());
  return html`<section class="report" id="report" part="report" ?hidden=${!h.showReport} aria-labelledby="report-title">
    <h2 id="report-title">${msg(str`Annual progress report: ${set.title}`, { id: 'priority.report.title' })}</h2>
    <p>
      ${h.organisation ? html`<strong>${h.organisation}</strong> · ` : nothing}${msg(str`Report date: ${today}`, {
        id: 'priority.report.date',
      })}
    </p>
    ${renderSummary(h, true)}
    ${h.reportGroups().map(
      (g) => html`<h3>${g.title}</h3>
        <div class="table-wrap" role="region" aria-label=${msg(str`${g.title}: report`, { id: 'priority.report.group-region' })} tabindex="0">
          <table>
            <thead>
              <tr>
                <th scope="col">${msg('Statement', { id: 'priority.report.statement' })}</th>
                <th scope="col">${msg('Rating', { id: 'priority.report.rating' })}</th>
                <th scope="col">${msg('Evidence', { id: 'priority.report.evidence' })}</th>
                <th scope="col">${msg('Owner', { id: 'priority.report.owner' })}</th>
                <th scope="col">${msg('Review date', { id: 'priority.report.review' })}</th>
              </tr>
            </thead>
            <tbody>
              ${(byGroup.get(g.id) ?? []).map(
                (r) => html`<tr>
                  <td>${r.text}</td>
                  <td>${r.ratingLabel || msg('Not rated', { id: 'priority.summary.unrated' })}</td>
                  <td>${r.evidence}</td>
                  <td>${r.owner}</td>
                  <td>${r.reviewDate}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`,
    )}
  </section>`;
}

/** Tables (summary and report) and what printing shows. */
export const styles = css`
  table {
    border-collapse: collapse;
    inline-size: 100%;
    margin: 0 0 var(--cv-space-5);
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding: 0 0 var(--cv-space-2);
  }
  th,
  td {
    padding: var(--cv-space-2) var(--cv-space-3) var(--cv-space-2) 0;
    border-block-end: 1px solid var(--cv-color-border-subtle);
    text-align: start;
    vertical-align: top;
  }
  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
  }
  .table-wrap {
    overflow-x: auto;
  }
  /* The annual progress report: shown on screen when asked for, and the only thing printed. */
  .report[hidden] {
    display: none;
  }
  @media print {
    :host {
      max-inline-size: none;
      font-size: 11pt;
      color: #000;
    }
    .no-print,
    form,
    carer-error-summary {
      display: none !important;
    }
    .report,
    .report[hidden] {
      display: block !important;
    }
    .report table {
      page-break-inside: auto;
    }
    .report tr {
      page-break-inside: avoid;
    }
    .report h3 {
      page-break-after: avoid;
    }
  }
`;
