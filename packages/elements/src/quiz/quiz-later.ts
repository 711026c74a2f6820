/**
 * What `<carer-quiz>` needs only after the first question is answered: the feedback on each
 * answer (right or wrong, why, the source and the running score), the score, review and outcome
 * screens with the partner's signposting, and sending the attempt through the device's outbox.
 * Loaded lazily (see `stepping/later.ts`), so a host page downloads none of it up front.
 */
import { css, html, nothing, svg, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Answers, Outcome, Quiz, QuizQuestion, Signpost } from '@carers-voice/core/content';
import { scoreQuiz, identifyOutcome, type QuestionScore, type QuizScore } from '@carers-voice/core/logic';
import { checkAnswers, createEnvelope, type ResponseEnvelope } from '@carers-voice/core/response';
import type { Outbox, OutboxRecord } from '@carers-voice/core/outbox';
import type { Announcer } from '../base/announcer.js';
import type { CarerConfigController } from '../provider/config-controller.js';
import { CarerErrorEvent, CarerPageEvent, CarerSentEvent, CarerSubmitEvent } from '../events/events.js';
import { deliveryMode } from '../widget/delivery.js';
import { panelStyles } from '../theme/panel.styles.js';
import { lastSent, markSent, store, watchOutbox, type Delivery } from '../stepping/sending.js';
import type { Stepper } from '../stepping/stepper.js';
import { formatScore } from './quiz-logic.js';

/** Checking answers comes with this module: a press that checks waits for it anyway. */
export { checkAnswers };
/** The words for a problem with an answer: shown only after checking, which comes with this module. */
export { answerProblemText } from '../stepping/answer-problem.js';

export type { Delivery };

export type Screen = 'questions' | 'result' | 'review' | 'outcome';
type Verdict = 'right' | 'partly' | 'wrong';

/** The parts of `<carer-quiz>` this module reads and changes. */
export interface QuizHost extends HTMLElement, ReactiveControllerHost {
  readonly quiz: Quiz | undefined;
  readonly localQuiz: Quiz;
  readonly route: { questions: QuizQuestion[]; kept: Answers };
  readonly isYoung: boolean;
  readonly easyRead: boolean;
  readonly config: CarerConfigController;
  readonly announcer: Announcer;
  readonly stepper: Stepper;
  readonly attemptId: string;
  readonly database?: string | undefined;
  answers: Answers;
  checked: string[];
  screen: Screen;
  delivery: Delivery | undefined;
  finalScore: QuizScore | undefined;
  finalOutcome: Outcome | undefined;
  startedAt: string;
  focusAfterUpdate: string | undefined;
  label(q: QuizQuestion): string;
  questionNumber(n: number): string;
  /** Clears the attempt for "Try again". */
  reset(): void;
  readonly showAll: boolean;
}

// ------------------------------------------------------------------ marks

const scoreText = (h: QuizHost, n: number): string => formatScore(n, h.config.lang);

/** Score mode: the marks for the questions checked so far. */
function checkedScore(h: QuizHost): QuizScore {
  const answered: Answers = {};
  for (const id of h.checked) if (h.answers[id] !== undefined) answered[id] = h.answers[id]!;
  return scoreQuiz(h.quiz!, answered);
}

const markFor = (h: QuizHost, id: string): QuestionScore | undefined => checkedScore(h).perQuestion.find((p) => p.id === id);

function runningScore(h: QuizHost): string {
  const done = new Set(h.checked);
  const score = checkedScore(h)
    .perQuestion.filter((p) => done.has(p.id))
    .reduce((sum, p) => sum + p.credit, 0);
  const total = h.checked.length;
  const have = scoreText(h, Math.round(score * 100) / 100);
  return msg(str`You have ${have} out of ${total} so far.`, { id: 'quiz.running-score' });
}

function verdictOf(mark: QuestionScore | undefined): Verdict {
  if (!mark) return 'wrong';
  if (mark.correct) return 'right';
  return mark.credit > 0 ? 'partly' : 'wrong';
}

function verdictText(v: Verdict): string {
  switch (v) {
    case 'right':
      return msg('Right.', { id: 'quiz.verdict.right' });
    case 'partly':
      return msg('Partly right.', { id: 'quiz.verdict.partly' });
    default:
      return msg('Wrong.', { id: 'quiz.verdict.wrong' });
  }
}

function scoreSentence(h: QuizHost, s: QuizScore): string {
  const score = scoreText(h, s.score);
  const max = s.max;
  return msg(str`You scored ${score} out of ${max}.`, { id: 'quiz.result.sentence' });
}

/** Score mode, after "Check answer" found an answer: mark it, say so, show the feedback. */
export function check(h: QuizHost, q: QuizQuestion): void {
  if (h.checked.includes(q.id)) return;
  h.checked = [...h.checked, q.id];
  h.announcer.announce(`${verdictText(verdictOf(markFor(h, q.id)))} ${runningScore(h)}`);
  h.focusAfterUpdate = `feedback:${q.id}`;
}

// ------------------------------------------------------------------ the end of an attempt

/** Score or outcome, the end screen, and the one envelope for this attempt. */
export async function finish(h: QuizHost): Promise<void> {
  const quiz = h.quiz!;
  const { kept } = h.route;
  if (quiz.mode === 'score') {
    h.finalScore = scoreQuiz(quiz, kept);
    h.screen = 'result';
  } else {
    h.finalOutcome = identifyOutcome(quiz, kept);
    h.screen = 'outcome';
  }
  h.focusAfterUpdate = 'heading';
  h.dispatchEvent(new CarerPageEvent({ page: h.screen, number: 0, total: h.route.questions.length }));
  if (h.finalScore) h.announcer.announce(scoreSentence(h, h.finalScore));
  await send(h, kept);
}

/** The device's outbox, watched for this quiz's attempts (opening it also sends anything queued). */
export function watch(h: QuizHost): Outbox {
  return watchOutbox(
    h,
    () => h.database,
    (record) => applyRecord(h, record),
  );
}

/** One envelope per attempt, whatever the carer clicks. */
async function send(h: QuizHost, kept: Answers): Promise<void> {
  const quiz = h.quiz!;
  const attempt = h.attemptId;
  if (lastSent(h) === attempt) return;
  markSent(h, attempt);
  const checkedAnswers = checkAnswers(quiz, kept);
  const envelope: ResponseEnvelope = createEnvelope({
    id: attempt,
    instrument: { id: quiz.id, version: quiz.version },
    partner: h.config.partner ?? '',
    locale: h.config.lang,
    startedAt: h.startedAt,
    answers: checkedAnswers.ok ? checkedAnswers.answers : kept,
    meta: { mode: deliveryMode() },
  });
  h.dispatchEvent(new CarerSubmitEvent({ envelope }));
  // Without an endpoint nothing is stored or sent; the quiz still teaches.
  await store(h, envelope, {
    endpoint: h.config.endpoint,
    database: () => h.database,
    setDelivery: (d) => (h.delivery = d),
    onRecord: (record) => applyRecord(h, record),
    current: () => attempt === h.attemptId,
  });
}

function applyRecord(h: QuizHost, record: OutboxRecord): void {
  // A "change" for an attempt the carer has since restarted still tells the partner it arrived.
  const current = record.id === h.attemptId;
  const before = current ? h.delivery?.status : undefined;
  if (before === 'sent') return;
  if (record.status === 'sent') {
    if (current) h.delivery = { status: 'sent' };
    h.dispatchEvent(new CarerSentEvent({ id: record.id, receipt: record.receipt }));
  } else if (record.status === 'rejected') {
    if (current) h.delivery = { status: 'rejected', lastError: record.lastError };
    if (before !== 'rejected') {
      h.dispatchEvent(new CarerErrorEvent({ kind: 'send', message: record.lastError ?? msg('The server refused the answers.', { id: 'quiz.error.refused' }) }));
    }
  } else if (current) {
    h.delivery = { status: 'pending', attempts: record.attempts, lastError: record.lastError };
  }
}

function onTryAgain(h: QuizHost): void {
  h.reset();
  const first = h.route.questions[0];
  if (first && !h.showAll) h.stepper.focusAfterUpdate(first.id);
  else h.focusAfterUpdate = 'heading';
  h.announcer.announce(msg('Your answers have been cleared. Starting again.', { id: 'quiz.try-again.announce' }));
  h.dispatchEvent(new CarerPageEvent({ page: first?.id ?? '', number: 1, total: h.route.questions.length }));
}

function show(h: QuizHost, screen: 'review' | 'result'): void {
  h.screen = screen;
  h.focusAfterUpdate = 'heading';
  h.dispatchEvent(new CarerPageEvent({ page: screen, number: 0, total: h.quiz!.questions.length }));
}

// ------------------------------------------------------------------ feedback

function icon(v: Verdict): TemplateResult {
  // Shape as well as colour and words: a tick, a half-filled circle or a cross.
  const path =
    v === 'right'
      ? svg`<path d="M6 12.5l4 4 8-9" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>`
      : v === 'partly'
        ? svg`<path d="M12 4a8 8 0 0 1 0 16z" fill="currentColor"/>`
        : svg`<path d="M7 7l10 10M17 7L7 17" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round"/>`;
  return html`<svg class="icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
    <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" stroke-width="2" />${path}
  </svg>`;
}

function verdictWord(v: Verdict): string {
  switch (v) {
    case 'right':
      return msg('Right', { id: 'quiz.verdict.right-word' });
    case 'partly':
      return msg('Partly right', { id: 'quiz.verdict.partly-word' });
    default:
      return msg('Wrong', { id: 'quiz.verdict.wrong-word' });
  }
}

function chosenValues(h: QuizHost, q: QuizQuestion): string[] {
  const v = h.answers[q.id];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
}

function optionLabel(h: QuizHost, q: QuizQuestion, value: string): string {
  if (q.type !== 'single' && q.type !== 'multiple' && q.type !== 'select') return value;
  const o = q.options.find((x) => x.value === value);
  return o ? (h.easyRead && o.easyRead) || o.label : value;
}

function renderValueList(h: QuizHost, q: QuizQuestion, values: string[]): TemplateResult | string {
  if (values.length === 0) return msg('Not answered', { id: 'quiz.not-answered' });
  if (values.length === 1) return optionLabel(h, q, values[0]!);
  return html`<ul class="answer-list">
    ${values.map((v) => html`<li>${optionLabel(h, q, v)}</li>`)}
  </ul>`;
}

/** A link that opens in a new tab and says so, in words everyone can see. */
function externalLink(url: string, text: string): TemplateResult {
  return html`<a class="link" href=${url} target="_blank" rel="noopener noreferrer">${text} ${msg('(opens in new tab)', { id: 'quiz.new-tab' })}</a>`;
}

/** What the carer learns about one answer: right or wrong, the right answer, why, and the source. */
function renderExplanation(h: QuizHost, q: QuizQuestion): TemplateResult | typeof nothing {
  if ((q.type !== 'single' && q.type !== 'multiple') || !q.answer) return nothing;
  const chosen = new Set(chosenValues(h, q));
  const optionNotes = q.options.filter((o) => chosen.has(o.value) && o.explanation).map((o) => o.explanation!);
  const source = q.answer.source;
  return html`
    <dl class="feedback__answers">
      <div>
        <dt>${msg('Your answer', { id: 'quiz.your-answer' })}</dt>
        <dd>${renderValueList(h, q, chosenValues(h, q))}</dd>
      </div>
      <div>
        <dt>
          ${q.answer.correct.length > 1 ? msg('The right answers', { id: 'quiz.right-answers' }) : msg('The right answer', { id: 'quiz.right-answer' })}
        </dt>
        <dd>${renderValueList(h, q, q.answer.correct)}</dd>
      </div>
    </dl>
    ${optionNotes.length ? optionNotes.map((n) => html`<p class="feedback__explanation">${n}</p>`) : html`<p class="feedback__explanation">${q.answer.explanation}</p>`}
    <p class="feedback__source">${msg('Source:', { id: 'quiz.source' })} ${source.url ? externalLink(source.url, source.name) : source.name}</p>
  `;
}

export function renderFeedback(h: QuizHost, q: QuizQuestion, index: number): TemplateResult {
  const v = verdictOf(markFor(h, q.id));
  return html`<section class="feedback feedback--${v}" part="feedback" aria-labelledby="verdict-${q.id}">
    <p class="feedback__question"><span class="caption">${h.questionNumber(index + 1)}</span> ${h.label(q)}</p>
    <h3 class="feedback__verdict" id="verdict-${q.id}" tabindex="-1" data-verdict=${q.id} data-result=${v}>${icon(v)}<span>${verdictWord(v)}</span></h3>
    ${renderExplanation(h, q)}
    <p class="feedback__running">${runningScore(h)}</p>
  </section>`;
}

// ------------------------------------------------------------------ the end screens

function statusText(h: QuizHost): string {
  const d = h.delivery;
  switch (d?.status) {
    case 'sent':
      return msg('Your answers have been counted, without your name.', { id: 'quiz.status.sent' });
    case 'local':
      return msg('Your answers have not been sent anywhere: this quiz is not connected to a service that collects them.', { id: 'quiz.status.local' });
    case 'rejected':
      return msg('Your answers could not be counted this time. The organisation running this quiz has been told.', { id: 'quiz.status.rejected' });
    case 'pending':
      return d.attempts === 0
        ? msg('Sending your answers, without your name…', { id: 'quiz.status.sending' })
        : msg('Your answers are saved on this device and will be sent when you are back online.', { id: 'quiz.status.pending' });
    default:
      return '';
  }
}

function renderStatus(h: QuizHost): TemplateResult {
  return html`<p class="status" role="status" data-status=${h.delivery?.status ?? ''}>${statusText(h)}</p>`;
}

function tryAgainButton(h: QuizHost, label: string, secondary: boolean): TemplateResult {
  return html`<button class=${secondary ? 'button secondary' : 'button'} data-action="try-again" part="button" type="button" @click=${() => onTryAgain(h)}>${label}</button>`;
}

export function renderResult(h: QuizHost): TemplateResult {
  const s = h.finalScore!;
  const band = s.band;
  const score = scoreText(h, s.score);
  return html`
    <div class="panel" part="result">
      <h2 class="panel__title" tabindex="-1" data-heading>${msg(str`You scored ${score} out of ${s.max}`, { id: 'quiz.result.title' })}</h2>
      ${band ? html`<p class="panel__body">${band.title}</p>` : nothing}
    </div>
    ${band ? html`<p class="band-message">${band.message}</p>` : nothing} ${renderStatus(h)}
    <div class="button-group">
      <button class="button" data-action="review" part="button" type="button" @click=${() => show(h, 'review')}>${msg('Review your answers', { id: 'quiz.review' })}</button>
      ${tryAgainButton(h, msg('Try again', { id: 'quiz.try-again' }), true)}
    </div>
    ${renderSignposting(h)}
  `;
}

export function renderReview(h: QuizHost): TemplateResult {
  const s = h.finalScore!;
  const marks = new Map(s.perQuestion.map((p) => [p.id, p]));
  return html`
    <h2 class="heading" part="heading" tabindex="-1" data-heading>${msg('Review your answers', { id: 'quiz.review' })}</h2>
    <p>${scoreSentence(h, s)}</p>
    <ol class="review" part="review">
      ${h.localQuiz.questions.map((q, i) => {
        const v = verdictOf(marks.get(q.id));
        return html`<li class="review__item feedback--${v}">
          <h3 class="review__question"><span class="caption">${h.questionNumber(i + 1)}</span> ${h.label(q)}</h3>
          <p class="feedback__verdict review__verdict" data-result=${v}>${icon(v)}<span>${verdictWord(v)}</span></p>
          ${renderExplanation(h, q)}
        </li>`;
      })}
    </ol>
    <div class="button-group">
      <button class="button secondary" data-action="back-to-score" part="button" type="button" @click=${() => show(h, 'result')}>
        ${msg('Back to your score', { id: 'quiz.back-to-score' })}
      </button>
      ${tryAgainButton(h, msg('Try again', { id: 'quiz.try-again' }), false)}
    </div>
    ${renderSignposting(h)}
  `;
}

export function renderOutcome(h: QuizHost): TemplateResult {
  const outcome = h.finalOutcome;
  const young = h.isYoung;
  const title = outcome ? (young && outcome.young?.title) || outcome.title : msg('We could not tell from your answers', { id: 'quiz.outcome.none-title' });
  const body = outcome
    ? (young && outcome.young?.body) || outcome.body
    : msg('The organisations below can talk it through with you.', { id: 'quiz.outcome.none-body' });
  const actions = outcome?.actions ?? [];
  return html`
    <div class="panel panel--outcome" part="result" data-outcome=${outcome?.id ?? ''}>
      <h2 class="panel__title" tabindex="-1" data-heading>${title}</h2>
    </div>
    ${body.split(/\n\s*\n/).map((para) => html`<p class="outcome-body">${para}</p>`)}
    ${actions.length
      ? html`<h3 class="section-heading">${msg('What you can do next', { id: 'quiz.outcome.actions' })}</h3>
          <ul class="outcome-actions" part="outcome-actions">
            ${actions.map(
              (a) => html`<li class="outcome-action">
                <h4 class="outcome-action__title">${a.url ? externalLink(a.url, a.label) : a.label}</h4>
                ${a.description ? html`<p>${a.description}</p>` : nothing} ${a.phone ? renderPhone(a.phone) : nothing}
              </li>`,
            )}
          </ul>`
      : nothing}
    ${renderStatus(h)} ${tryAgainButton(h, msg('Start again', { id: 'quiz.start-again' }), true)} ${renderSignposting(h)}
  `;
}

function renderPhone(phone: string): TemplateResult {
  return html`<p>${msg('Phone:', { id: 'quiz.phone' })} <a class="link" href="tel:${phone.replace(/[^+0-9]/g, '')}">${phone}</a></p>`;
}

function renderSignposting(h: QuizHost): TemplateResult | typeof nothing {
  const signposts: Signpost[] = h.localQuiz.signposting ?? [];
  if (!signposts.length) return nothing;
  return html`<h3 class="section-heading">${msg('Help and support for carers', { id: 'quiz.help' })}</h3>
    <ul class="signposting" part="signposting">
      ${signposts.map(
        (p) => html`<li class=${p.kind === 'crisis' ? 'signpost signpost--crisis' : 'signpost'}>
          <h4 class="signpost__title">${p.url ? externalLink(p.url, p.title) : p.title}</h4>
          ${p.description ? html`<p>${p.description}</p>` : nothing} ${p.phone ? renderPhone(p.phone) : nothing}
        </li>`,
      )}
    </ul>`;
}

/** Styles for the feedback and the end screens. */
export const styles = css`
  ${panelStyles}
  /* Feedback: words and an icon shape say right or wrong; colour only repeats it. */
  .feedback {
    margin-block-end: var(--cv-space-5);
    padding: var(--cv-space-4);
    border: 5px solid var(--cv-color-border-subtle);
  }
  .feedback--right {
    border-color: var(--cv-color-success);
  }
  .feedback--partly {
    border-color: var(--cv-color-brand);
  }
  .feedback--wrong {
    border-color: var(--cv-color-error);
  }
  .review__item {
    padding-inline-start: var(--cv-space-4);
    border-inline-start: 5px solid var(--cv-color-border-subtle);
  }
  .review__item.feedback--right {
    border-color: var(--cv-color-success);
  }
  .review__item.feedback--wrong {
    border-color: var(--cv-color-error);
  }
  .review__item.feedback--partly {
    border-color: var(--cv-color-brand);
  }
  .feedback__question {
    margin: 0 0 var(--cv-space-3);
  }
  .review__question {
    margin: 0 0 var(--cv-space-2);
    font-size: 1em;
    font-weight: 700;
  }
  .feedback__verdict {
    display: flex;
    align-items: center;
    gap: var(--cv-space-2);
    margin: 0 0 var(--cv-space-3);
    font-size: var(--cv-font-size-large);
    font-weight: 700;
  }
  .review__verdict {
    font-size: 1em;
  }
  .feedback__verdict[data-result='right'] .icon {
    color: var(--cv-color-success);
  }
  .feedback__verdict[data-result='partly'] .icon {
    color: var(--cv-color-brand);
  }
  .feedback__verdict[data-result='wrong'] .icon {
    color: var(--cv-color-error);
  }
  .icon {
    flex: none;
    inline-size: 1.5em;
    block-size: 1.5em;
  }
  .feedback__answers {
    margin: 0 0 var(--cv-space-3);
  }
  .feedback__answers dt {
    font-weight: 700;
  }
  .feedback__answers dd {
    margin: 0 0 var(--cv-space-2);
  }
  .feedback__explanation,
  .feedback__source,
  .feedback__running {
    margin: 0 0 var(--cv-space-3);
  }
  .feedback__running {
    font-weight: 700;
  }
  .answer-list {
    margin: 0;
    padding-inline-start: var(--cv-space-5);
  }

  /* The end. */
  .panel--outcome {
    color: var(--cv-color-brand-text);
    background: var(--cv-color-brand);
  }
  .panel--outcome .panel__title {
    margin: 0;
  }
  .band-message,
  .outcome-body {
    margin: 0 0 var(--cv-space-4);
  }
  .button-group {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cv-space-3);
  }
  .status {
    padding: var(--cv-space-3);
    border-inline-start: 10px solid var(--cv-color-border-subtle);
  }
  .status:empty {
    display: none;
  }
  .status[data-status='sent'] {
    border-color: var(--cv-color-success);
  }
  .outcome-actions,
  .signposting {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .outcome-action,
  .signpost {
    margin-block-end: var(--cv-space-4);
  }
  .signpost--crisis {
    padding-inline-start: var(--cv-space-3);
    border-inline-start: 5px solid var(--cv-color-error);
  }
  .outcome-action__title,
  .signpost__title {
    margin: 0 0 var(--cv-space-1);
    font-size: 1em;
    font-weight: 700;
  }
  .outcome-action p,
  .signpost p {
    margin: 0 0 var(--cv-space-1);
  }
  @media (forced-colors: active) {
    .feedback,
    .review__item {
      border: 3px solid CanvasText;
    }
  }
`;
