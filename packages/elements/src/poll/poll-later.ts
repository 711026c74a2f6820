/**
 * What `<carer-poll>` needs only once the carer votes (or has voted): sending the vote through the
 * device's outbox, the "thank you" panel with their vote, the collector's suppressed results
 * (tables with bars, where carers agree and where they are divided), the form for adding their own
 * statement, and the "You said, we did" list. Loaded lazily (see `stepping/later.ts`), so a host
 * page downloads none of it up front.
 */
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { msg, str } from '@lit/localize';
import { resolveOptions, type AnswerValue, type Answers, type Poll, type Question } from '@carers-voice/core/content';
import { checkAnswers, createEnvelope, newId, type ResponseEnvelope } from '@carers-voice/core/response';
import { deviceToken, type Outbox, type OutboxRecord } from '@carers-voice/core/outbox';
import type { Announcer } from '../base/announcer.js';
import type { SubmitGuard } from '../base/submit-guard.js';
import { plural } from '../base/plural.js';
import { questionBaseStyles } from '../theme/question.styles.js';
import { fieldStyles } from '../theme/field.styles.js';
import type { CarerConfigController } from '../provider/config-controller.js';
import { CarerErrorEvent, CarerPageEvent, CarerSentEvent, CarerSubmitEvent } from '../events/events.js';
import { deliveryMode } from '../widget/delivery.js';
import { lastSent, markSent, store, watchOutbox, type Delivery } from '../stepping/sending.js';
import { STATEMENT_MAX, STATEMENT_MIN, fetchResults, isStatementLists, rememberVote, submitStatement } from './poll-routes.js';
import {
  isCarerStatementKey,
  resultsAllowed,
  type ListedStatement,
  type PollUpdate,
  type PollWindow,
  type PublicQuestion,
  type RememberedVote,
  type ResultsOutcome,
  type StatementLists,
} from './poll-logic.js';

/** Checking answers comes with this module: a press that checks waits for it anyway; results too. */
export { checkAnswers, fetchResults };
/** The words for a problem with an answer: shown only after checking, which comes with this module. */
export { answerProblemText } from '../stepping/answer-problem.js';

export type { Delivery };

export type StatementState =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'pending' }
  | { status: 'offline' }
  | { status: 'refused'; message: string | undefined };

/** The parts of `<carer-poll>` this module reads and changes. */
export interface PollHost extends HTMLElement, ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly poll: Poll | undefined;
  readonly votingPoll: Poll;
  readonly window: PollWindow;
  readonly config: CarerConfigController;
  readonly announcer: Announcer;
  readonly guard: SubmitGuard;
  readonly easyRead: boolean;
  readonly database?: string | undefined;
  answers: Answers;
  vote: RememberedVote | undefined;
  changed: boolean;
  screen: 'vote' | 'voted';
  problems: unknown[];
  delivery: Delivery | undefined;
  results: ResultsOutcome | undefined;
  resultsRequested: boolean;
  updates: PollUpdate[];
  statementText: string;
  statementError: string;
  statementState: StatementState;
  startedAt: string;
  focusAfterUpdate: string | undefined;
  label(q: Question): string;
  formatDate(iso: string, withTime?: boolean): string;
  formatNumber(n: number, digits?: number): string;
  offeredAnswers(answers: Answers): Answers;
  loadResults(): void;
  refuseIfClosed(): boolean;
  onChangeVote(): void;
  renderClosesOn(poll: Poll): TemplateResult | typeof nothing;
}

/** The device's outbox, watched for this poll's votes (opening it also sends anything queued). */
export function watch(h: PollHost): Outbox {
  return watchOutbox(
    h,
    () => h.database,
    (record) => applyRecord(h, record),
  );
}

export async function castVote(h: PollHost): Promise<void> {
  if (!h.guard.attempt()) return;
  const poll = h.poll!;
  const offered = h.offeredAnswers(h.answers);
  const checked = checkAnswers(h.votingPoll, offered);
  const answers = checked.ok ? checked.answers : offered;
  const endpoint = h.config.endpoint;
  const isChange = Boolean(h.vote);
  const id = newId();
  let device: string | undefined;
  try {
    device = await deviceToken(h.database);
  } catch {
    device = undefined; // No IndexedDB: the vote still counts, it just cannot be matched to this device.
  }
  const envelope: ResponseEnvelope = createEnvelope({
    id,
    instrument: { id: poll.id, version: poll.version },
    partner: h.config.partner ?? '',
    locale: h.config.lang,
    startedAt: h.startedAt,
    answers,
    meta: device ? { device, mode: deliveryMode() } : { mode: deliveryMode() },
  });
  h.dispatchEvent(new CarerSubmitEvent({ envelope }));
  const vote: RememberedVote = { id, answers, at: envelope.submittedAt, version: poll.version };
  await rememberVote(poll.id, vote, h.database);
  h.vote = vote;
  h.changed = isChange;
  h.screen = 'voted';
  h.problems = [];
  markSent(h, id);
  h.focusAfterUpdate = 'confirmation';
  h.announcer.announce(isChange ? msg('Your vote has been changed.', { id: 'poll.changed.announce' }) : msg('Thank you. Your vote has been saved.', { id: 'poll.voted.announce' }));
  h.dispatchEvent(new CarerPageEvent({ page: 'voted', number: 0, total: h.votingPoll.questions.length }));
  h.guard.release();
  h.loadResults();
  await store(h, envelope, {
    endpoint,
    database: () => h.database,
    setDelivery: (d) => (h.delivery = d),
    onRecord: (record) => applyRecord(h, record),
    current: () => lastSent(h) === id,
  });
}

function applyRecord(h: PollHost, record: OutboxRecord): void {
  const before = h.delivery?.status;
  if (before === 'sent' || before === 'rejected') return;
  if (record.status === 'sent') {
    h.delivery = { status: 'sent' };
    h.dispatchEvent(new CarerSentEvent({ id: record.id, receipt: record.receipt }));
    // Results after voting include this vote once the collector has it.
    if (h.results) {
      h.resultsRequested = false;
      h.loadResults();
    }
  } else if (record.status === 'rejected') {
    h.delivery = { status: 'rejected', lastError: record.lastError };
    h.dispatchEvent(new CarerErrorEvent({ kind: 'send', message: record.lastError ?? msg('The server refused the vote.', { id: 'poll.error.refused' }) }));
  } else {
    h.delivery = { status: 'pending', attempts: record.attempts, lastError: record.lastError };
  }
}


function onStatementInput(h: PollHost, e: Event): void {
  h.statementText = (e.target as HTMLTextAreaElement).value;
  if (h.statementState.status !== 'sending') h.statementState = { status: 'idle' };
}

async function onStatementSubmit(h: PollHost, e: Event): Promise<void> {
  e.preventDefault();
  if (h.statementState.status === 'sending') return;
  const text = h.statementText.trim();
  const error = !text
    ? msg('Enter your statement', { id: 'poll.statement.error.empty' })
    : text.length < STATEMENT_MIN
      ? msg(str`Your statement must be at least ${STATEMENT_MIN} characters`, { id: 'poll.statement.error.short' })
      : text.length > STATEMENT_MAX
        ? msg(str`Your statement must be ${STATEMENT_MAX} characters or fewer`, { id: 'poll.statement.error.long' })
        : '';
  h.statementError = error;
  if (error) {
    h.focusAfterUpdate = 'statement-summary';
    return;
  }
  const endpoint = h.config.endpoint;
  if (!endpoint) return;
  if (h.refuseIfClosed()) return;
  h.statementState = { status: 'sending' };
  const outcome = await submitStatement(endpoint, h.poll!.id, h.config.partner ?? '', text);
  if (outcome.status === 'pending') {
    h.statementText = '';
    h.statementState = { status: 'pending' };
  } else if (outcome.status === 'refused') {
    h.statementState = { status: 'refused', message: outcome.problems[0]?.message ?? outcome.message };
    h.dispatchEvent(new CarerErrorEvent({ kind: 'send', message: outcome.message ?? msg('The server refused the statement.', { id: 'poll.statement.refused-event' }) }));
  } else {
    h.statementState = { status: 'offline' };
  }
  h.focusAfterUpdate = 'statement-status';
}


function statusText(h: PollHost): string {
  const d = h.delivery;
  switch (d?.status) {
    case 'sent':
      return msg('Your vote has been counted, without your name.', { id: 'poll.status.sent' });
    case 'local':
      return msg('Your vote has not been sent anywhere: this poll is not connected to a service that collects votes.', { id: 'poll.status.local' });
    case 'rejected': {
      const reason = d.lastError ?? '';
      return reason
        ? msg(str`Your vote could not be counted. The service said: ${reason}`, { id: 'poll.status.rejected-reason' })
        : msg('Your vote could not be counted. The organisation running this poll has been told.', { id: 'poll.status.rejected' });
    }
    case 'pending':
      return d.attempts === 0
        ? msg('Sending your vote, without your name…', { id: 'poll.status.sending' })
        : msg('Your vote is saved on this device but has not been sent yet. It will be sent when you are back online.', { id: 'poll.status.pending' });
    default:
      return '';
  }
}

export function renderVoted(h: PollHost, poll: Poll): TemplateResult {
  const vote = h.vote;
  const title = h.delivery
    ? h.changed
      ? msg('Your vote has been changed', { id: 'poll.changed.title' })
      : msg('Thank you for voting', { id: 'poll.voted.title' })
    : msg('You have already voted in this poll', { id: 'poll.already.title' });
  return html`
    <div class="panel" part="confirmation">
      <h3 class="panel__title" tabindex="-1" data-focus="confirmation">${title}</h3>
      ${vote ? html`<p class="panel__body">${msg(str`Your vote on ${h.formatDate(vote.at)}`, { id: 'poll.voted.when' })}</p>` : nothing}
    </div>
    <p class="status" role="status" data-status=${h.delivery?.status ?? ''}>${statusText(h)}</p>
    ${vote ? renderYourVote(h, poll, vote.answers) : nothing}
    <p>${msg('You can change your vote until the poll closes. Each device has one vote: a new vote replaces the one before.', { id: 'poll.change-explained' })}</p>
    ${h.renderClosesOn(poll)}
    <button class="button secondary" part="button" type="button" data-action="change" @click=${() => h.onChangeVote()}>${msg('Change my vote', { id: 'poll.change' })}</button>
    ${renderResults(h, poll)} ${renderAddStatement(h, poll)} ${renderUpdates(h)}
  `;
}

function optionLabel(h: PollHost, q: Question, value: string): string {
  const o = resolveOptions(q, h.config.lang).find((x) => x.value === value);
  return o ? (h.easyRead && o.easyRead) || o.label : value;
}

function renderAnswer(h: PollHost, q: Question, value: AnswerValue | undefined): TemplateResult | string {
  if (value === undefined) return msg('Not answered', { id: 'poll.not-answered' });
  if (q.type === 'ranking' && Array.isArray(value)) return html`<ol class="answer-list">${value.map((v) => html`<li>${optionLabel(h, q, v)}</li>`)}</ol>`;
  if (Array.isArray(value)) return html`<ul class="answer-list">${value.map((v) => html`<li>${optionLabel(h, q, v)}</li>`)}</ul>`;
  if (q.type === 'points' && typeof value === 'object') {
    return html`<ul class="answer-list">
      ${Object.entries(value)
        .filter(([, n]) => n > 0)
        .map(([v, n]) => {
          const count = h.formatNumber(n);
          const words = plural(n, { one: () => msg(str`${count} point`, { id: 'poll.points.one' }), other: () => msg(str`${count} points`, { id: 'poll.points.other' }) });
          return html`<li>${optionLabel(h, q, v)}: ${words}</li>`;
        })}
    </ul>`;
  }
  if (typeof value === 'string') return optionLabel(h, q, value);
  return String(value);
}

export function renderYourVote(h: PollHost, poll: Poll, answers: Answers): TemplateResult {
  return html`<h3 class="section-heading">${msg('Your vote', { id: 'poll.your-vote' })}</h3>
    <dl class="your-vote" part="your-vote">
      ${poll.questions.filter((q) => !isCarerStatementKey(q.id) || answers[q.id] !== undefined).map(
        (q) => html`<div class="your-vote__row">
          <dt>${h.label(q)}</dt>
          <dd data-answer=${q.id}>${renderAnswer(h, q, answers[q.id])}</dd>
        </div>`,
      )}
    </dl>`;
}

// ---- results

export function renderResults(h: PollHost, poll: Poll): TemplateResult | typeof nothing {
  const endpoint = h.config.endpoint;
  if (!resultsAllowed(poll, h.window, Boolean(h.vote))) {
    if (poll.showResults === 'after-close' && h.window !== 'closed' && h.vote) {
      return html`<p class="results-later">${msg('Results will be shown here when the poll closes.', { id: 'poll.results.after-close' })}</p>`;
    }
    return nothing;
  }
  if (!endpoint) return nothing;
  const r = h.results;
  const heading = html`<h3 class="section-heading">${msg('What carers said so far', { id: 'poll.results.heading' })}</h3>`;
  if (!r) return html`<section class="results" part="results" aria-busy="true">${heading}<p>${msg('Loading results…', { id: 'poll.results.loading' })}</p></section>`;
  if (r.status === 'unavailable') {
    return html`<section class="results" part="results">${heading}<p>${msg('The results cannot be shown at the moment.', { id: 'poll.results.unavailable' })}</p></section>`;
  }
  const results = r.results;
  const { threshold, rounding } = results.suppression;
  const note = html`<p class="results-note">
    ${msg(str`To protect people's privacy, numbers of ${threshold} or fewer are not shown, nor any number that would let someone work them out. Other numbers are rounded to the nearest ${rounding}.`, { id: 'poll.results.privacy' })}
  </p>`;
  if (results.suppressed) {
    return html`<section class="results" part="results" data-suppressed>
      ${heading}
      <p>${msg('Not enough people have voted yet to show results without risking that someone could be identified.', { id: 'poll.results.too-few' })}</p>
      ${note}
    </section>`;
  }
  const byId = new Map(poll.questions.map((q) => [q.id, q]));
  return html`<section class="results" part="results">
    ${heading}
    ${results.base !== null ? html`<p>${msg(str`Based on about ${h.formatNumber(results.base)} votes.`, { id: 'poll.results.base' })}</p>` : nothing}
    ${results.questions.map((rq) => renderResultTable(h, rq, byId.get(rq.id)))}
    ${isStatementLists(results.statementLists) && results.statementLists.considered + results.statementLists.tooFew > 0
      ? renderStatementLists(h, results.statementLists, byId)
      : nothing}
    ${note}
  </section>`;
}

// ---- where carers agree, where they are divided

function percent(h: PollHost, n: number | null): string {
  return n === null ? msg('not shown (small number)', { id: 'poll.results.hidden' }) : `${h.formatNumber(n)}%`;
}

function renderListed(h: PollHost, entry: ListedStatement, divided: boolean, byId: Map<string, Question>): TemplateResult {
  // The poll's own statements in the carer's language (and easy read); carers' statements as written.
  const own = entry.source === 'poll' ? byId.get(entry.id) : undefined;
  const agree = percent(h, entry.agree);
  const disagree = percent(h, entry.disagree);
  const figures = divided ? msg(str`${agree} agree, ${disagree} disagree`, { id: 'poll.lists.agree-disagree' }) : msg(str`${agree} agree`, { id: 'poll.lists.agree' });
  const why =
    entry.reason === 'differs' && entry.lowestAgree !== null && entry.highestAgree !== null
      ? msg(str`Agreement ranges from ${percent(h, entry.lowestAgree)} to ${percent(h, entry.highestAgree)} between areas and organisations.`, { id: 'poll.lists.differs' })
      : '';
  return html`<li class="listed" data-statement=${entry.id}>
    <p class="listed__text">${own ? h.label(own) : entry.text}</p>
    <p class="listed__figures">
      ${figures}${entry.source === 'carer' ? html` · ${msg('written by a carer', { id: 'poll.lists.by-carer' })}` : nothing}
    </p>
    ${why ? html`<p class="listed__why">${why}</p>` : nothing}
  </li>`;
}

function renderStatementLists(h: PollHost, lists: StatementLists, byId: Map<string, Question>): TemplateResult {
  const { broadAgree, dividedEach, dividedSpread } = lists.rules;
  const tooFew = h.formatNumber(lists.tooFew);
  return html`<div class="statement-lists" data-lists>
    <h4 class="section-heading" id="broad-heading">${msg('Where most carers agree', { id: 'poll.lists.broad' })}</h4>
    <p class="hint">${msg(str`Statements at least ${broadAgree}% of carers agree with, in every area and organisation with enough votes.`, { id: 'poll.lists.broad-rule' })}</p>
    ${lists.broad.length
      ? html`<ul class="listed-list" data-list="broad" aria-labelledby="broad-heading">${lists.broad.map((e) => renderListed(h, e, false, byId))}</ul>`
      : html`<p data-list="broad">${msg('No statement yet.', { id: 'poll.lists.none' })}</p>`}
    <h4 class="section-heading" id="divided-heading">${msg('Where carers are divided', { id: 'poll.lists.divided' })}</h4>
    <p class="hint">
      ${msg(str`Statements where at least ${dividedEach}% agree and at least ${dividedEach}% disagree, or where agreement differs by ${dividedSpread} points or more between areas or organisations.`, { id: 'poll.lists.divided-rule' })}
    </p>
    ${lists.divided.length
      ? html`<ul class="listed-list" data-list="divided" aria-labelledby="divided-heading">${lists.divided.map((e) => renderListed(h, e, true, byId))}</ul>`
      : html`<p data-list="divided">${msg('No statement yet.', { id: 'poll.lists.none' })}</p>`}
    ${lists.tooFew > 0
      ? html`<p class="results-note" data-too-few>
          ${plural(lists.tooFew, {
            one: () => msg(str`${tooFew} statement has too few votes to be included yet.`, { id: 'poll.lists.too-few.one' }),
            other: () => msg(str`${tooFew} statements have too few votes to be included yet.`, { id: 'poll.lists.too-few.other' }),
          })}
        </p>`
      : nothing}
  </div>`;
}

function hiddenCount(): TemplateResult {
  return html`<span class="hidden-count">${msg('not shown (small number)', { id: 'poll.results.hidden' })}</span>`;
}

function renderResultTable(h: PollHost, rq: PublicQuestion, q: Question | undefined): TemplateResult | typeof nothing {
  const options = rq.options ?? [];
  if (!options.length) return nothing;
  const label = q ? h.label(q) : rq.label;
  const optionText = (o: { value: string; label: string }) => (q ? optionLabel(h, q, o.value) : o.label);
  if (rq.type === 'ranking' || rq.type === 'points') {
    const ranking = rq.type === 'ranking';
    const sorted = [...options].sort((a, b) => {
      const am = a.mean ?? null;
      const bm = b.mean ?? null;
      if (am === null) return 1;
      if (bm === null) return -1;
      return ranking ? am - bm : bm - am;
    });
    const max = ranking ? options.length : Math.max(1, ...options.map((o) => o.mean ?? 0));
    return html`<table class="results-table" part="results-table" data-question=${rq.id}>
      <caption>${label}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Answer', { id: 'poll.results.answer' })}</th>
          <th scope="col">${ranking ? msg('Average place (1 is most important)', { id: 'poll.results.mean-place' }) : msg('Average points', { id: 'poll.results.mean-points' })}</th>
        </tr>
      </thead>
      <tbody>
        ${sorted.map((o) => {
          const mean = o.mean ?? null;
          // Bars for ranking grow with importance: place 1 is the longest bar.
          const share = mean === null ? 0 : ranking ? ((max - mean + 1) / max) * 100 : (mean / max) * 100;
          return html`<tr>
            <th scope="row">${optionText(o)}</th>
            <td>${mean === null ? hiddenCount() : html`${renderBar(share)}<span class="figure">${h.formatNumber(mean, 1)}</span>`}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
  return html`<table class="results-table" part="results-table" data-question=${rq.id}>
    <caption>${label}</caption>
    <thead>
      <tr>
        <th scope="col">${msg('Answer', { id: 'poll.results.answer' })}</th>
        <th scope="col">${msg('People', { id: 'poll.results.people' })}</th>
        <th scope="col">${msg('Share', { id: 'poll.results.share' })}</th>
      </tr>
    </thead>
    <tbody>
      ${options.map(
        (o) => html`<tr>
          <th scope="row">${optionText(o)}</th>
          <td>${o.count === null ? hiddenCount() : h.formatNumber(o.count)}</td>
          <td>${o.percent === null ? hiddenCount() : html`${renderBar(o.percent)}<span class="figure">${h.formatNumber(o.percent)}%</span>`}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/** A bar for sighted readers; the number beside it says the same in words. */
function renderBar(percent: number): TemplateResult {
  const width = `${Math.max(0, Math.min(100, percent))}%`;
  return html`<span class="bar" part="bar" aria-hidden="true"><span class="bar__fill" style=${styleMap({ inlineSize: width })}></span></span>`;
}


function renderAddStatement(h: PollHost, poll: Poll): TemplateResult | typeof nothing {
  if (!poll.allowStatements || !h.config.endpoint) return nothing;
  const s = h.statementState;
  const left = STATEMENT_MAX - h.statementText.length;
  const describedBy = ['statement-hint', h.statementError ? 'statement-error' : '', 'statement-count'].filter(Boolean).join(' ');
  return html`<section class="add-statement" part="add-statement" aria-labelledby="add-statement-heading">
    <h3 class="section-heading" id="add-statement-heading">${msg('Add your own statement', { id: 'poll.statement.heading' })}</h3>
    ${h.statementError
      ? html`<div class="error-summary" role="alert" tabindex="-1" data-focus="statement-summary">
          <h4 class="error-summary__title">${msg('There is a problem', { id: 'poll.statement.problem' })}</h4>
          <a class="link" href="#statement-text" @click=${(e: Event) => {
            e.preventDefault();
            (h.renderRoot as ShadowRoot).querySelector<HTMLElement>('#statement-text')?.focus();
          }}>${h.statementError}</a>
        </div>`
      : nothing}
    ${s.status === 'pending'
      ? html`<div class="panel panel--small" role="status" tabindex="-1" data-focus="statement-status" data-statement-status="pending">
          <p>${msg('Thank you — a moderator will check it before others see it.', { id: 'poll.statement.pending' })}</p>
        </div>`
      : s.status === 'offline'
        ? html`<p class="statement-status" role="status" tabindex="-1" data-focus="statement-status" data-statement-status="offline">
            ${msg('Your statement was not sent: this device seems to be offline, or the service is busy. Your words are still in the box; try again in a moment.', { id: 'poll.statement.offline' })}
          </p>`
        : s.status === 'refused'
          ? html`<p class="statement-status statement-status--refused" role="status" tabindex="-1" data-focus="statement-status" data-statement-status="refused">
              ${s.message
                ? msg(str`Your statement could not be accepted. The service said: ${s.message}`, { id: 'poll.statement.refused-reason' })
                : msg('Your statement could not be accepted.', { id: 'poll.statement.refused' })}
            </p>`
          : nothing}
    <form novalidate @submit=${(e: Event) => void onStatementSubmit(h, e)}>
      <div class=${h.statementError ? 'form-group has-error' : 'form-group'}>
        <label class="label" for="statement-text">${msg('Your statement', { id: 'poll.statement.label' })}</label>
        <div class="hint" id="statement-hint">
          ${msg('Write one short sentence that other carers can agree or disagree with. Do not include names, addresses or phone numbers. A moderator checks every statement before others see it.', { id: 'poll.statement.hint' })}
        </div>
        ${h.statementError
          ? html`<p class="error-message" id="statement-error"><span class="visually-hidden">${msg('Error:', { id: 'poll.error-prefix' })}</span> ${h.statementError}</p>`
          : nothing}
        <textarea
          class="textarea"
          id="statement-text"
          name="statement"
          rows="3"
          aria-describedby=${describedBy}
          aria-invalid=${h.statementError ? 'true' : 'false'}
          .value=${h.statementText}
          @input=${(e: Event) => onStatementInput(h, e)}
        ></textarea>
        <p class=${left < 0 ? 'count over' : 'count'} id="statement-count">
          ${countText(h, left)}
        </p>
      </div>
      <button class="button secondary" part="button" type="submit" data-action="add-statement" aria-busy=${s.status === 'sending' ? 'true' : 'false'}>
        ${msg('Send my statement', { id: 'poll.statement.send' })}
      </button>
    </form>
  </section>`;
}

/** "You have 12 characters remaining" / "You have 3 characters too many", as GOV.UK's character count. */
function countText(h: PollHost, left: number): string {
  const n = h.formatNumber(Math.abs(left));
  return left >= 0
    ? plural(left, {
        one: () => msg(str`You have ${n} character remaining`, { id: 'poll.statement.left.one' }),
        other: () => msg(str`You have ${n} characters remaining`, { id: 'poll.statement.left.other' }),
      })
    : plural(-left, {
        one: () => msg(str`You have ${n} character too many`, { id: 'poll.statement.over.one' }),
        other: () => msg(str`You have ${n} characters too many`, { id: 'poll.statement.over.other' }),
      });
}


export function renderUpdates(h: PollHost): TemplateResult | typeof nothing {
  if (!h.updates.length) return nothing;
  return html`<section class="updates" part="updates" aria-labelledby="updates-heading">
    <h3 class="section-heading" id="updates-heading">${msg('You said, we did', { id: 'poll.updates.heading' })}</h3>
    <ol class="updates__list">
      ${h.updates.map(
        (u) => html`<li class="update">
          <p class="update__date"><time datetime=${u.date}>${h.formatDate(u.date, false)}</time></p>
          <h4 class="update__label">${msg('You said', { id: 'poll.updates.you-said' })}</h4>
          <p>${u.youSaid}</p>
          <h4 class="update__label">${msg('We did', { id: 'poll.updates.we-did' })}</h4>
          <p>${u.weDid}</p>
        </li>`,
      )}
    </ol>
  </section>`;
}

/** Styles for the thank-you panel, the results, adding a statement (with the theme's field styles) and the updates. */
export const styles = [questionBaseStyles, fieldStyles, css`
  .panel {
    margin-block-end: var(--cv-space-4);
    padding: var(--cv-space-4);
    color: var(--cv-color-brand-text);
    background: var(--cv-color-success);
    text-align: center;
  }
  .panel__title {
    margin: 0 0 var(--cv-space-2);
    font-size: var(--cv-font-size-xlarge);
    font-weight: 700;
  }
  .panel__body,
  .panel p {
    margin: 0;
  }
  .panel--small {
    text-align: start;
  }
  .status {
    margin: 0 0 var(--cv-space-4);
    font-weight: 700;
  }
  .your-vote {
    margin: 0 0 var(--cv-space-4);
  }
  .your-vote__row {
    padding-block: var(--cv-space-2);
    border-block-end: 1px solid var(--cv-color-border-subtle);
  }
  .your-vote dt {
    font-weight: 700;
  }
  .your-vote dd {
    margin: 0;
  }
  .answer-list {
    margin: 0;
    padding-inline-start: var(--cv-space-5);
  }

  /* Results: a real table; the bars only repeat the numbers beside them. */
  .results-table {
    inline-size: 100%;
    margin-block-end: var(--cv-space-5);
    border-collapse: collapse;
  }
  .results-table caption {
    margin-block-end: var(--cv-space-2);
    font-weight: 700;
    text-align: start;
  }
  .results-table th,
  .results-table td {
    padding: var(--cv-space-2) var(--cv-space-2) var(--cv-space-2) 0;
    border-block-end: 1px solid var(--cv-color-border-subtle);
    text-align: start;
    vertical-align: top;
  }
  .results-table thead th {
    font-weight: 700;
  }
  .results-table tbody th {
    font-weight: 400;
  }
  .bar {
    display: block;
    inline-size: 100%;
    min-inline-size: 6em;
    block-size: 0.75em;
    margin-block-end: var(--cv-space-1);
    background: var(--cv-color-border-subtle);
  }
  .bar__fill {
    display: block;
    block-size: 100%;
    background: var(--cv-color-brand);
    forced-color-adjust: none;
  }
  @media (forced-colors: active) {
    .bar__fill {
      background: CanvasText;
    }
  }
  .hidden-count {
    font-style: italic;
    color: var(--cv-color-hint);
  }
  .results-note,
  .results-later {
    color: var(--cv-color-hint);
    font-size: var(--cv-font-size-small);
  }

  /* Add your own statement: the label, hint, error, box and count come from the theme. */
  .error-summary {
    margin-block-end: var(--cv-space-4);
    padding: var(--cv-space-4);
    border: 5px solid var(--cv-color-error);
  }
  .error-summary__title {
    margin: 0 0 var(--cv-space-2);
    font-size: var(--cv-font-size-large);
  }
  .statement-status {
    font-weight: 700;
  }

  /* You said, we did */
  .updates__list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .update {
    margin-block-end: var(--cv-space-4);
    padding-inline-start: var(--cv-space-4);
    border-inline-start: 5px solid var(--cv-color-border-subtle);
  }
  .update p {
    margin: 0 0 var(--cv-space-2);
  }
  .update__date {
    color: var(--cv-color-hint);
  }
  .update__label {
    margin: 0;
    font-size: 1em;
    font-weight: 700;
  }

  /* Where carers agree, where they are divided */
  .listed-list {
    margin: 0 0 var(--cv-space-4);
    padding: 0;
    list-style: none;
  }
  .listed {
    margin-block-end: var(--cv-space-3);
    padding-inline-start: var(--cv-space-3);
    border-inline-start: 5px solid var(--cv-color-border-subtle);
  }
  .listed p {
    margin: 0 0 var(--cv-space-1);
  }
  .listed__text {
    font-weight: 700;
  }
  .listed__why {
    color: var(--cv-color-hint);
  }
`];
