import { html, nothing, svg, type CSSResultGroup, type LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { AnswerValue, Answers, Outcome, Quiz, QuizQuestion, Question, Signpost } from '@carers-voice/core/content';
import { scoreQuiz, identifyOutcome, type QuestionScore, type QuizScore } from '@carers-voice/core/logic';
import { localiseDefinition } from '@carers-voice/core/i18n';
import { checkAnswers, createEnvelope, newId, type AnswerProblem, type ResponseEnvelope } from '@carers-voice/core/response';
import type { OutboxRecord } from '@carers-voice/core/outbox';
import { CarerElement } from '../base/carer-element.js';
import { Announcer } from '../base/announcer.js';
import { SubmitGuard } from '../base/submit-guard.js';
import { buttonStyles } from '../theme/button.styles.js';
import { CarerConfigController } from '../provider/config-controller.js';
import { CarerAnswerEvent, CarerErrorEvent, CarerPageEvent, CarerReadyEvent, CarerSentEvent, CarerSubmitEvent } from '../events/events.js';
import { DefinitionController } from '../widget/definition-controller.js';
import { deliveryMode } from '../widget/delivery.js';
import { OutboxStatusController } from '../widget/outbox-status-controller.js';
import { definitionProblemStyles, renderDefinitionProblem, renderLoading } from '../widget/definition-problem.js';
import { answerIds, answersSayYoung, formatScore, isAnswered, quizRoute } from './quiz-logic.js';
import { quizStyles } from './carer-quiz.styles.js';
import { widgetChromeStyles } from '../widget/widget-chrome.styles.js';
import { loadControls } from '../kit/controls.js';

/** What the carer is told about their sent answers (as in the survey). */
type Delivery =
  | { status: 'local' }
  | { status: 'pending'; attempts: number; lastError?: string | undefined }
  | { status: 'sent' }
  | { status: 'rejected'; lastError?: string | undefined };

type Screen = 'questions' | 'result' | 'review' | 'outcome';
type Verdict = 'right' | 'partly' | 'wrong';

/** The part of a question control the quiz reads. */
interface ControlLike extends HTMLElement {
  value: AnswerValue | undefined;
  revealValues: Record<string, AnswerValue>;
  focusField?(id: string, options?: FocusOptions): boolean;
}

/** A problem to show; its words are made at render time, so they follow a change of language. */
interface ShownProblem {
  id: string;
  problem: AnswerProblem;
  question: QuizQuestion | undefined;
}

/**
 * A quiz, GOV.UK style. In **score** mode (the carer-awareness quizzes) the carer answers a
 * question and chooses "Check answer": the quiz says at once, in words and with an icon, whether
 * it was right, gives the right answer, a short explanation and its named source, and reads the
 * running score out politely ("You have 3 out of 4 so far"). The end shows the score with its
 * band's message, a review of every answer, "Try again" and the partner's signposting.
 *
 * In **identify** mode ("am I a carer?") there is no score: questions branch with show-if, with
 * Continue and Back, and the quiz ends on the outcome page the answers lead to (with young carers'
 * wording when the carer says they are under 18) and the partner's links and phone numbers.
 *
 * One anonymous response is sent per attempt, through the device's outbox (the same one as the
 * survey), so results can show the share right per question and how many people found out they
 * are carers. The outcome is not in the envelope (the response format has no place for it): it is
 * `identifyOutcome(definition, envelope.answers)`, which gives the same outcome on the server.
 * Without an endpoint the quiz runs in local mode and nothing leaves the device.
 *
 * Questions show one at a time unless the definition (or the `display` attribute) says `all`.
 *
 * ```html
 * <carer-quiz instrument="carer-awareness-quiz" endpoint="https://carers.example.org" partner="bury-carers-hub"></carer-quiz>
 * ```
 *
 * @fires carer-ready - The definition is loaded and the first question is showing. `detail: { instrument, kind, title }`.
 * @fires carer-answer - The carer chose an answer. `detail: { question, value }`.
 * @fires carer-page - The carer moved on: `detail.page` is a question id, `result`, `review` or `outcome`.
 * @fires carer-submit - The attempt is finished; `detail.envelope` is the response, before it is stored and sent.
 * @fires carer-sent - The collector acknowledged the response. `detail: { id, receipt }`.
 * @fires carer-error - The definition is wrong (`kind: 'definition'`) or the collector refused the response (`'send'`).
 *
 * @csspart heading - The quiz title and each screen's heading.
 * @csspart progress - "Question 2 of 14".
 * @csspart error-summary - The error summary shown after "Check answer" with no answer.
 * @csspart button - The main buttons.
 * @csspart feedback - The box saying whether an answer was right.
 * @csspart result - The final score panel (and the outcome panel in identify mode).
 * @csspart review - The list reviewing every answer.
 * @csspart outcome-actions - What the carer can do next (identify mode).
 * @csspart signposting - The list of places to get help.
 * @csspart loading - The placeholder while the definition loads.
 * @csspart definition-problem - What is shown when the definition cannot be used.
 *
 * @cssproperty --carer-color-success - Right answers and the score panel.
 * @cssproperty --carer-color-error - Wrong answers and errors.
 * @cssproperty --carer-color-brand - Buttons.
 * @cssproperty --carer-widget-min-block-size - Space kept while loading (default 12em).
 */
export class CarerQuiz extends CarerElement {
  static override styles: CSSResultGroup = [CarerElement.styles, buttonStyles, definitionProblemStyles, widgetChromeStyles, quizStyles];

  /** URL of a quiz definition (JSON). Fetched without cookies. */
  @property() src?: string;

  /** A quiz definition object (or JSON text); wins over `src` and `instrument`. */
  @property({ attribute: false }) definition?: unknown;

  /** A built-in quiz: `carer-awareness-quiz`, `carer-awareness-professionals` or `am-i-a-carer`. */
  @property() instrument?: string;

  /** The collector's base URL. Without it (here or on `<carer-voice>`), nothing is sent. */
  @property() endpoint?: string;

  /** The partner's id, as registered with the collector. */
  @property() partner?: string;

  /** `one-at-a-time` or `all`; overrides the definition's `display`. */
  @property() display?: 'one-at-a-time' | 'all';

  /** Show easy read wording where the definition has it (the carer can also switch it on). */
  @property({ type: Boolean, attribute: 'easy-read', reflect: true }) easyRead = false;

  /** Always use the wording for young carers (otherwise: when the carer says they are under 18). */
  @property({ type: Boolean }) young = false;

  /** IndexedDB database for the outbox (tests use their own). */
  @property({ attribute: false }) database?: string;

  private readonly config = new CarerConfigController(this);
  private readonly source = new DefinitionController<'quiz'>(this, { kind: 'quiz', endpoint: () => this.config.endpoint });
  private readonly announcer = new Announcer(this);
  private readonly guard = new SubmitGuard(this);

  @state() private answers: Answers = {};
  /** Score mode: ids of the questions whose answer has been checked, in order. */
  @state() private checked: string[] = [];
  @state() private index = 0;
  @state() private screen: Screen = 'questions';
  @state() private problems: ShownProblem[] = [];
  @state() private delivery?: Delivery;

  private quiz?: Quiz;
  private attempt = newId();
  private startedAt = new Date().toISOString();
  @state() private controlsReady = true;
  private controlsLoad?: Promise<void> | undefined;
  private submittedAttempt = '';
  private readonly outboxStatus = new OutboxStatusController(this, {
    database: () => this.database,
    watching: () => this.submittedAttempt,
    onRecord: (record) => this.applyRecord(record),
  });
  private finalScore?: QuizScore;
  private finalOutcome?: Outcome;
  private readySent = false;
  private focusAfterUpdate: string | undefined;

  /** The id of the current attempt (the envelope id it will be sent under). New after "Try again". */
  get attemptId(): string {
    return this.attempt;
  }

  /** Score mode: the finished attempt's score; `undefined` before the end. */
  get score(): QuizScore | undefined {
    return this.finalScore;
  }

  /** Identify mode: the outcome the finished attempt reached; `undefined` before the end or when none matched. */
  get outcome(): Outcome | undefined {
    return this.finalOutcome;
  }

  /** Resolves once the definition is loaded and the first screen has rendered. */
  get ready(): Promise<void> {
    // The first update starts the load (the controller reads the attributes in `hostUpdate`).
    return this.updateComplete
      .then(() => this.source.complete)
      .then(() => this.updateComplete)
      .then(() => this.controlsLoad)
      .then(() => this.updateComplete)
      .then(() => undefined);
  }

  // `update`, not `willUpdate`: the definition controller settles in `hostUpdate`, between the two.
  protected override update(changed: PropertyValues<this>): void {
    const definition = this.source.status === 'ready' ? this.source.definition : undefined;
    if (definition && definition !== this.quiz) this.start(definition);
    if (!definition && this.source.status !== 'ready') this.quiz = undefined;
    super.update(changed);
  }

  private start(quiz: Quiz): void {
    this.quiz = quiz;
    this.readySent = false;
    // Controls the kit loads on first use (rating, number …): wait for them before the first
    // screen, so no question appears late and moves the page.
    const controls = loadControls(quiz.questions.map((q) => q.type));
    this.controlsReady = !controls;
    this.controlsLoad = controls?.then(
      () => {
        if (this.quiz === quiz) this.controlsReady = true;
      },
      () => {
        if (this.quiz === quiz) this.controlsReady = true;
      },
    );
    this.reset();
    if (this.config.endpoint) this.outboxStatus.watch();
  }

  /** A fresh attempt: no answers, a new id. */
  private reset(): void {
    this.answers = {};
    this.checked = [];
    this.index = 0;
    this.screen = 'questions';
    this.problems = [];
    this.delivery = undefined;
    this.finalScore = undefined;
    this.finalOutcome = undefined;
    this.attempt = newId();
    this.startedAt = new Date().toISOString();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.quiz && this.controlsReady && !this.readySent) {
      this.readySent = true;
      this.dispatchEvent(new CarerReadyEvent({ instrument: { id: this.quiz.id, version: this.quiz.version }, kind: 'quiz', title: this.quiz.title }));
    }
    const target = this.focusAfterUpdate;
    if (!target) return;
    this.focusAfterUpdate = undefined;
    const root = this.renderRoot as ShadowRoot;
    if (target === 'heading') root.querySelector<HTMLElement>('[data-heading]')?.focus();
    else if (target === 'summary') root.querySelector<HTMLElement>('carer-error-summary')?.focus();
    else if (target.startsWith('feedback:')) root.querySelector<HTMLElement>(`[data-verdict="${CSS.escape(target.slice(9))}"]`)?.focus();
    else if (target.startsWith('legend:')) void this.focusLegend(target.slice(7));
  }

  /**
   * Moves focus to the question's own heading (the fieldset's legend, or a text question's label)
   * so a screen reader reads the new question first, as on a GOV.UK one-question page.
   */
  private async focusLegend(qid: string): Promise<void> {
    const root = this.renderRoot as ShadowRoot;
    const question = root.querySelector<LitElement>(`carer-question[data-qid="${CSS.escape(qid)}"]`);
    if (!question) return;
    await question.updateComplete;
    const control = question.shadowRoot?.querySelector<LitElement>('[data-control]');
    await control?.updateComplete;
    const heading = control?.shadowRoot?.querySelector<HTMLElement>('legend, label');
    if (!heading) {
      question.focus();
      return;
    }
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }

  // ------------------------------------------------------------------ reading the definition

  /** The definition in the carer's language (its own translations applied). */
  private get localQuiz(): Quiz {
    return localiseDefinition(this.quiz!, this.config.lang);
  }

  private get mode(): 'score' | 'identify' {
    return this.quiz!.mode;
  }

  private get showAll(): boolean {
    return (this.display ?? this.quiz!.display) === 'all';
  }

  private get route(): { questions: QuizQuestion[]; kept: Answers } {
    return quizRoute(this.localQuiz, this.answers);
  }

  private get isYoung(): boolean {
    return this.young || answersSayYoung(this.quiz!, this.answers);
  }

  private label(q: QuizQuestion): string {
    const young = this.isYoung ? q.young : undefined;
    if (this.easyRead) {
      const easy = young?.easyRead ?? q.easyRead;
      if (easy) return easy;
    }
    return young?.label ?? q.label;
  }

  private optionLabel(q: QuizQuestion, value: string): string {
    if (q.type !== 'single' && q.type !== 'multiple' && q.type !== 'select') return value;
    const o = q.options.find((x) => x.value === value);
    return o ? (this.easyRead && o.easyRead) || o.label : value;
  }

  private scoreText(n: number): string {
    return formatScore(n, this.config.lang);
  }

  private scoreSentence(s: QuizScore): string {
    const score = this.scoreText(s.score);
    const max = s.max;
    return msg(str`You scored ${score} out of ${max}.`, { id: 'quiz.result.sentence' });
  }

  private questionNumber(n: number): string {
    return msg(str`Question ${n}`, { id: 'quiz.question-number' });
  }

  // ------------------------------------------------------------------ answering

  private onAnswer(e: Event, q: QuizQuestion, fire: boolean): void {
    const control = e.currentTarget as ControlLike;
    const next: Answers = { ...this.answers };
    const value = control.value;
    if (isAnswered(value)) next[q.id] = value as AnswerValue;
    else delete next[q.id];
    if ((q.type === 'single' || q.type === 'multiple') && q.reveal) {
      for (const [option, r] of Object.entries(q.reveal)) {
        const rv = control.revealValues?.[r.id];
        const chosen = value === option || (Array.isArray(value) && value.includes(option));
        if (chosen && isAnswered(rv)) next[r.id] = rv as AnswerValue;
        else delete next[r.id];
      }
    }
    this.answers = next;
    if (fire) this.dispatchEvent(new CarerAnswerEvent({ question: q.id, value: next[q.id] }));
  }

  /** Problems with the answers to these questions, in the carer's words. */
  private problemsFor(questions: QuizQuestion[]): ShownProblem[] {
    const result = checkAnswers(this.quiz!, this.route.kept);
    if (result.ok) return [];
    const ids = new Set(questions.flatMap(answerIds));
    const byId = new Map(questions.map((q) => [q.id, q]));
    return result.problems.filter((p) => ids.has(p.question)).map((p) => ({ id: p.question, problem: p, question: byId.get(p.question) }));
  }

  private problemText(p: AnswerProblem, q: QuizQuestion | undefined): string {
    if (p.code === 'required') {
      switch (q?.type) {
        case 'multiple':
          return msg('Select at least one answer', { id: 'quiz.error.required-multiple' });
        case 'text':
        case 'textarea':
          return msg('Enter your answer', { id: 'quiz.error.required-text' });
        case 'number':
          return msg('Enter a number', { id: 'quiz.error.required-number' });
        default:
          return msg('Select an answer', { id: 'quiz.error.required-choice' });
      }
    }
    if (p.code === 'too-many' && p.params?.['exclusive'] !== undefined) {
      return msg('You cannot choose that answer together with other answers', { id: 'quiz.error.exclusive' });
    }
    return p.message;
  }

  private showProblems(problems: ShownProblem[]): void {
    this.problems = problems;
    this.focusAfterUpdate = 'summary';
  }

  /** Score mode: "Check answer" for one question. */
  private onCheck(e: Event, q: QuizQuestion): void {
    e.preventDefault();
    if (this.checked.includes(q.id)) return;
    const problems = this.problemsFor([q]);
    if (problems.length) {
      this.showProblems(problems);
      return;
    }
    this.problems = [];
    this.checked = [...this.checked, q.id];
    const mark = this.markFor(q.id);
    const running = this.runningScore();
    this.announcer.announce(`${this.verdictText(this.verdictOf(mark))} ${running}`);
    this.focusAfterUpdate = `feedback:${q.id}`;
  }

  /** Score mode: the marks for the questions checked so far. */
  private checkedScore(): QuizScore {
    const answered: Answers = {};
    for (const id of this.checked) if (this.answers[id] !== undefined) answered[id] = this.answers[id]!;
    return scoreQuiz(this.quiz!, answered);
  }

  private markFor(id: string): QuestionScore | undefined {
    return this.checkedScore().perQuestion.find((p) => p.id === id);
  }

  private runningScore(): string {
    const done = new Set(this.checked);
    const s = this.checkedScore();
    const score = s.perQuestion.filter((p) => done.has(p.id)).reduce((sum, p) => sum + p.credit, 0);
    const total = this.checked.length;
    const have = this.scoreText(Math.round(score * 100) / 100);
    return msg(str`You have ${have} out of ${total} so far.`, { id: 'quiz.running-score' });
  }

  private verdictOf(mark: QuestionScore | undefined): Verdict {
    if (!mark) return 'wrong';
    if (mark.correct) return 'right';
    return mark.credit > 0 ? 'partly' : 'wrong';
  }

  private verdictText(v: Verdict): string {
    switch (v) {
      case 'right':
        return msg('Right.', { id: 'quiz.verdict.right' });
      case 'partly':
        return msg('Partly right.', { id: 'quiz.verdict.partly' });
      default:
        return msg('Wrong.', { id: 'quiz.verdict.wrong' });
    }
  }

  /** One at a time: on to the next question (or the end). */
  private onNext(): void {
    if (!this.guard.attempt()) return;
    this.guard.release();
    const questions = this.route.questions;
    if (this.index + 1 < questions.length) this.goToQuestion(this.index + 1);
    else void this.finish();
  }

  private goToQuestion(index: number): void {
    const questions = this.route.questions;
    this.index = index;
    this.problems = [];
    const q = questions[index];
    if (!q) return;
    this.focusAfterUpdate = `legend:${q.id}`;
    this.dispatchEvent(new CarerPageEvent({ page: q.id, number: index + 1, total: questions.length }));
  }

  /** Identify mode: Continue. */
  private onContinue(e: Event): void {
    e.preventDefault();
    const questions = this.route.questions;
    const q = questions[this.index];
    if (!q) return;
    const problems = this.problemsFor([q]);
    if (problems.length) {
      this.showProblems(problems);
      return;
    }
    this.problems = [];
    // The route may have changed with this answer: look again.
    const next = this.route.questions;
    const at = next.findIndex((x) => x.id === q.id);
    if (at + 1 < next.length) this.goToQuestion(at + 1);
    else void this.finish();
  }

  private onBack(): void {
    this.problems = [];
    if (this.index > 0) this.goToQuestion(this.index - 1);
  }

  /** Everything on one page: "See your score" / "See my result". */
  private onFinishAll(e: Event): void {
    e.preventDefault();
    const questions = this.route.questions;
    const waiting = this.mode === 'score' ? questions.filter((q) => !this.checked.includes(q.id)) : questions;
    const problems = this.problemsFor(waiting);
    if (problems.length) {
      this.showProblems(problems);
      return;
    }
    if (this.mode === 'score') this.checked = [...this.checked, ...waiting.map((q) => q.id)];
    void this.finish();
  }

  // ------------------------------------------------------------------ the end of an attempt

  private async finish(): Promise<void> {
    const quiz = this.quiz!;
    const { kept } = this.route;
    this.problems = [];
    if (quiz.mode === 'score') {
      this.finalScore = scoreQuiz(quiz, kept);
      this.screen = 'result';
    } else {
      this.finalOutcome = identifyOutcome(quiz, kept);
      this.screen = 'outcome';
    }
    this.focusAfterUpdate = 'heading';
    this.dispatchEvent(new CarerPageEvent({ page: this.screen, number: 0, total: this.route.questions.length }));
    if (this.finalScore) {
      this.announcer.announce(this.scoreSentence(this.finalScore));
    }
    await this.send(kept);
  }

  /** One envelope per attempt, whatever the carer clicks. */
  private async send(kept: Answers): Promise<void> {
    const quiz = this.quiz!;
    if (this.submittedAttempt === this.attempt) return;
    this.submittedAttempt = this.attempt;
    const checkedAnswers = checkAnswers(quiz, kept);
    const envelope: ResponseEnvelope = createEnvelope({
      id: this.attempt,
      instrument: { id: quiz.id, version: quiz.version },
      partner: this.config.partner ?? '',
      locale: this.config.lang,
      startedAt: this.startedAt,
      answers: checkedAnswers.ok ? checkedAnswers.answers : kept,
      meta: { mode: deliveryMode() },
    });
    this.dispatchEvent(new CarerSubmitEvent({ envelope }));
    const endpoint = this.config.endpoint;
    if (!endpoint) {
      // Local mode: nothing is stored or sent; the quiz still teaches.
      this.delivery = { status: 'local' };
      return;
    }
    const attempt = this.attempt;
    this.delivery = { status: 'pending', attempts: 0 };
    try {
      const outbox = this.outboxStatus.watch();
      const record = await outbox.enqueue(envelope, endpoint);
      if (attempt !== this.attempt) return;
      this.applyRecord((await outbox.get(envelope.id)) ?? record);
    } catch {
      if (attempt === this.attempt) this.delivery = { status: 'pending', attempts: 1, lastError: 'storage' };
    }
  }

  private applyRecord(record: OutboxRecord): void {
    // A "change" for an attempt the carer has since restarted still tells the partner it arrived.
    const current = record.id === this.attempt;
    const before = current ? this.delivery?.status : undefined;
    if (before === 'sent') return;
    if (record.status === 'sent') {
      if (current) this.delivery = { status: 'sent' };
      this.dispatchEvent(new CarerSentEvent({ id: record.id, receipt: record.receipt }));
    } else if (record.status === 'rejected') {
      if (current) this.delivery = { status: 'rejected', lastError: record.lastError };
      if (before !== 'rejected') {
        this.dispatchEvent(
          new CarerErrorEvent({ kind: 'send', message: record.lastError ?? msg('The server refused the answers.', { id: 'quiz.error.refused' }) }),
        );
      }
    } else if (current) {
      this.delivery = { status: 'pending', attempts: record.attempts, lastError: record.lastError };
    }
  }

  private onTryAgain(): void {
    this.reset();
    const first = this.route.questions[0];
    this.focusAfterUpdate = first && !this.showAll ? `legend:${first.id}` : 'heading';
    this.announcer.announce(msg('Your answers have been cleared. Starting again.', { id: 'quiz.try-again.announce' }));
    this.dispatchEvent(new CarerPageEvent({ page: first?.id ?? '', number: 1, total: this.route.questions.length }));
  }

  private onReview(): void {
    this.screen = 'review';
    this.focusAfterUpdate = 'heading';
    this.dispatchEvent(new CarerPageEvent({ page: 'review', number: 0, total: this.quiz!.questions.length }));
  }

  private onBackToScore(): void {
    this.screen = 'result';
    this.focusAfterUpdate = 'heading';
    this.dispatchEvent(new CarerPageEvent({ page: 'result', number: 0, total: this.quiz!.questions.length }));
  }

  private focusQuestion(id: string): void {
    const root = this.renderRoot as ShadowRoot;
    const owner = this.quiz!.questions.find((q) => answerIds(q).includes(id))?.id ?? id;
    const control = root.querySelector<ControlLike>(`carer-question[data-qid="${CSS.escape(owner)}"]`);
    if (!control) return;
    if (!control.focusField?.(id)) control.focus();
  }

  // ------------------------------------------------------------------ rendering

  override render() {
    switch (this.source.status) {
      case 'error':
        return renderDefinitionProblem(this.source.problem!);
      case 'idle':
        return html`<div class="widget-loading" part="loading">
          <p>${msg('No quiz has been chosen yet. Set the src attribute, the instrument attribute or the definition property.', { id: 'quiz.none' })}</p>
        </div>`;
      case 'loading':
        return renderLoading();
    }
    if (!this.quiz || !this.controlsReady) return renderLoading();
    return html`<div class="quiz" lang=${this.config.lang}>${this.renderScreen()} ${this.announcer.render()}</div>`;
  }

  private renderScreen(): TemplateResult {
    switch (this.screen) {
      case 'result':
        return this.renderResult();
      case 'review':
        return this.renderReview();
      case 'outcome':
        return this.renderOutcome();
      default:
        return this.showAll ? this.renderAll() : this.renderOne();
    }
  }

  private quizTitle(): string {
    const q = this.localQuiz;
    return (this.easyRead && q.easyRead?.title) || q.title;
  }

  private renderTopBar(back: boolean): TemplateResult {
    return html`<div class="top-bar">
      ${back ? html`<button type="button" class="back-link" data-action="back" @click=${this.onBack}>${msg('Back', { id: 'quiz.back' })}</button>` : html`<span></span>`}
      ${this.renderEasyReadToggle()}
    </div>`;
  }

  private renderEasyReadToggle(): TemplateResult | typeof nothing {
    const q = this.quiz!;
    const has = Boolean(q.easyRead) || q.questions.some((x) => x.easyRead);
    if (!has) return nothing;
    return html`<button
      type="button"
      class="toggle"
      aria-pressed=${this.easyRead ? 'true' : 'false'}
      @click=${() => {
        this.easyRead = !this.easyRead;
      }}
    >
      ${msg('Easy read', { id: 'quiz.easy-read' })}
    </button>`;
  }

  private renderIntro(): TemplateResult {
    const q = this.localQuiz;
    const intro = (this.easyRead && q.easyRead?.intro) || q.intro;
    return html`${intro ? html`<p class="intro">${intro}</p>` : nothing}
    ${q.privacy.notice
      ? html`<details class="details">
          <summary>${msg('How we use your answers', { id: 'quiz.privacy' })}</summary>
          <p>${q.privacy.notice}</p>
        </details>`
      : nothing}`;
  }

  private renderErrorSummary(): TemplateResult {
    return html`<carer-error-summary
      part="error-summary"
      .errors=${this.problems.map((p) => ({ id: p.id, message: this.problemText(p.problem, p.question) }))}
      .focusTarget=${(id: string) => this.focusQuestion(id)}
    ></carer-error-summary>`;
  }

  private renderQuestion(q: QuizQuestion): TemplateResult {
    const errorFor = (id: string) => {
      const p = this.problems.find((x) => x.id === id);
      return p ? this.problemText(p.problem, p.question) : '';
    };
    const revealValues: Record<string, AnswerValue> = {};
    const revealErrors: Record<string, string> = {};
    for (const id of answerIds(q).slice(1)) {
      const v = this.answers[id];
      if (v !== undefined) revealValues[id] = v;
      const err = errorFor(id);
      if (err) revealErrors[id] = err;
    }
    return html`<carer-question
      data-qid=${q.id}
      .question=${q as Question}
      .value=${this.answers[q.id]}
      .error=${errorFor(q.id)}
      .revealValues=${revealValues}
      .revealErrors=${revealErrors}
      ?easy-read=${this.easyRead}
      ?young=${this.isYoung}
      @input=${(e: Event) => this.onAnswer(e, q, false)}
      @change=${(e: Event) => this.onAnswer(e, q, true)}
    ></carer-question>`;
  }

  /** One question at a time. */
  private renderOne(): TemplateResult {
    const questions = this.route.questions;
    const index = Math.min(this.index, Math.max(0, questions.length - 1));
    const q = questions[index];
    if (!q) return html`<p>${msg('This quiz has no questions to show.', { id: 'quiz.empty' })}</p>`;
    const identify = this.mode === 'identify';
    const done = !identify && this.checked.includes(q.id);
    const last = index === questions.length - 1;
    return html`
      ${this.renderTopBar(identify && index > 0)} ${this.renderErrorSummary()}
      <h2 class="heading" part="heading" tabindex="-1" data-heading>${this.quizTitle()}</h2>
      ${index === 0 && !done ? this.renderIntro() : nothing}
      ${identify
        ? nothing // Branching changes how many questions there are, so a count would jump about.
        : html`<carer-progress part="progress" current=${index + 1} total=${questions.length} unit="question"></carer-progress>`}
      ${done
        ? html`${this.renderFeedback(q, index)}
            <button class="button" data-action=${last ? 'finish' : 'next'} part="button" type="button" @click=${this.onNext} aria-busy=${this.guard.busy ? 'true' : 'false'}>
              ${last ? msg('See your score', { id: 'quiz.see-score' }) : msg('Next question', { id: 'quiz.next' })}
            </button>`
        : html`<form novalidate @submit=${(e: Event) => (identify ? this.onContinue(e) : this.onCheck(e, q))}>
            ${this.renderQuestion(q)}
            <button class="button" data-action=${identify ? 'continue' : 'check'} part="button" type="submit">
              ${identify ? msg('Continue', { id: 'quiz.continue' }) : msg('Check answer', { id: 'quiz.check' })}
            </button>
          </form>`}
    `;
  }

  /** Every question on one page. */
  private renderAll(): TemplateResult {
    const questions = this.route.questions;
    const identify = this.mode === 'identify';
    return html`
      ${this.renderTopBar(false)} ${this.renderErrorSummary()}
      <h2 class="heading" part="heading" tabindex="-1" data-heading>${this.quizTitle()}</h2>
      ${this.renderIntro()}
      ${identify
        ? html`<form novalidate @submit=${this.onFinishAll}>
            ${questions.map((q) => this.renderQuestion(q))}
            <button class="button" data-action="finish" part="button" type="submit">${msg('See my result', { id: 'quiz.see-result' })}</button>
          </form>`
        : html`<ol class="all-questions">
              ${questions.map(
                (q, i) => html`<li class="all-questions__item">
                  ${this.checked.includes(q.id)
                    ? this.renderFeedback(q, i)
                    : html`<form novalidate @submit=${(e: Event) => this.onCheck(e, q)}>
                        ${this.renderQuestion(q)}
                        <button class="button secondary" data-action="check" part="button" type="submit">
                          ${msg('Check answer', { id: 'quiz.check' })}<span class="visually-hidden">
                            ${msg(str`to question ${i + 1}`, { id: 'quiz.check-which' })}</span
                          >
                        </button>
                      </form>`}
                </li>`,
              )}
            </ol>
            <form novalidate @submit=${this.onFinishAll}>
              <button class="button" data-action="finish" part="button" type="submit">${msg('See your score', { id: 'quiz.see-score' })}</button>
            </form>`}
    `;
  }

  // ---- feedback

  private icon(v: Verdict): TemplateResult {
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

  private verdictWord(v: Verdict): string {
    switch (v) {
      case 'right':
        return msg('Right', { id: 'quiz.verdict.right-word' });
      case 'partly':
        return msg('Partly right', { id: 'quiz.verdict.partly-word' });
      default:
        return msg('Wrong', { id: 'quiz.verdict.wrong-word' });
    }
  }

  private chosenValues(q: QuizQuestion): string[] {
    const v = this.answers[q.id];
    return typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
  }

  private renderValueList(q: QuizQuestion, values: string[]): TemplateResult | string {
    if (values.length === 0) return msg('Not answered', { id: 'quiz.not-answered' });
    if (values.length === 1) return this.optionLabel(q, values[0]!);
    return html`<ul class="answer-list">
      ${values.map((v) => html`<li>${this.optionLabel(q, v)}</li>`)}
    </ul>`;
  }

  /** A link that opens in a new tab and says so, in words everyone can see. */
  private externalLink(url: string, text: string): TemplateResult {
    return html`<a class="link" href=${url} target="_blank" rel="noopener noreferrer"
      >${text} ${msg('(opens in new tab)', { id: 'quiz.new-tab' })}</a
    >`;
  }

  /** What the carer learns about one answer: right or wrong, the right answer, why, and the source. */
  private renderExplanation(q: QuizQuestion): TemplateResult | typeof nothing {
    if ((q.type !== 'single' && q.type !== 'multiple') || !q.answer) return nothing;
    const chosen = new Set(this.chosenValues(q));
    const optionNotes = q.options.filter((o) => chosen.has(o.value) && o.explanation).map((o) => o.explanation!);
    const source = q.answer.source;
    return html`
      <dl class="feedback__answers">
        <div>
          <dt>${msg('Your answer', { id: 'quiz.your-answer' })}</dt>
          <dd>${this.renderValueList(q, this.chosenValues(q))}</dd>
        </div>
        <div>
          <dt>
            ${q.answer.correct.length > 1
              ? msg('The right answers', { id: 'quiz.right-answers' })
              : msg('The right answer', { id: 'quiz.right-answer' })}
          </dt>
          <dd>${this.renderValueList(q, q.answer.correct)}</dd>
        </div>
      </dl>
      ${optionNotes.length ? optionNotes.map((n) => html`<p class="feedback__explanation">${n}</p>`) : html`<p class="feedback__explanation">${q.answer.explanation}</p>`}
      <p class="feedback__source">
        ${msg('Source:', { id: 'quiz.source' })} ${source.url ? this.externalLink(source.url, source.name) : source.name}
      </p>
    `;
  }

  private renderFeedback(q: QuizQuestion, index: number): TemplateResult {
    const v = this.verdictOf(this.markFor(q.id));
    return html`<section class="feedback feedback--${v}" part="feedback" aria-labelledby="verdict-${q.id}">
      <p class="feedback__question"><span class="caption">${this.questionNumber(index + 1)}</span> ${this.label(q)}</p>
      <h3 class="feedback__verdict" id="verdict-${q.id}" tabindex="-1" data-verdict=${q.id} data-result=${v}>
        ${this.icon(v)}<span>${this.verdictWord(v)}</span>
      </h3>
      ${this.renderExplanation(q)}
      <p class="feedback__running">${this.runningScore()}</p>
    </section>`;
  }

  // ---- the end

  private statusText(): string {
    const d = this.delivery;
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

  private renderStatus(): TemplateResult {
    return html`<p class="status" role="status" data-status=${this.delivery?.status ?? ''}>${this.statusText()}</p>`;
  }

  private renderResult(): TemplateResult {
    const s = this.finalScore!;
    const band = s.band;
    const score = this.scoreText(s.score);
    return html`
      <div class="panel" part="result">
        <h2 class="panel__title" tabindex="-1" data-heading>${msg(str`You scored ${score} out of ${s.max}`, { id: 'quiz.result.title' })}</h2>
        ${band ? html`<p class="panel__body">${band.title}</p>` : nothing}
      </div>
      ${band ? html`<p class="band-message">${band.message}</p>` : nothing} ${this.renderStatus()}
      <div class="button-group">
        <button class="button" data-action="review" part="button" type="button" @click=${this.onReview}>${msg('Review your answers', { id: 'quiz.review' })}</button>
        <button class="button secondary" data-action="try-again" part="button" type="button" @click=${this.onTryAgain}>${msg('Try again', { id: 'quiz.try-again' })}</button>
      </div>
      ${this.renderSignposting()}
    `;
  }

  private renderReview(): TemplateResult {
    const s = this.finalScore!;
    const quiz = this.localQuiz;
    const marks = new Map(s.perQuestion.map((p) => [p.id, p]));
    return html`
      <h2 class="heading" part="heading" tabindex="-1" data-heading>${msg('Review your answers', { id: 'quiz.review' })}</h2>
      <p>${this.scoreSentence(s)}</p>
      <ol class="review" part="review">
        ${quiz.questions.map((q, i) => {
          const v = this.verdictOf(marks.get(q.id));
          return html`<li class="review__item feedback--${v}">
            <h3 class="review__question">
              <span class="caption">${this.questionNumber(i + 1)}</span> ${this.label(q)}
            </h3>
            <p class="feedback__verdict review__verdict" data-result=${v}>${this.icon(v)}<span>${this.verdictWord(v)}</span></p>
            ${this.renderExplanation(q)}
          </li>`;
        })}
      </ol>
      <div class="button-group">
        <button class="button secondary" data-action="back-to-score" part="button" type="button" @click=${this.onBackToScore}>${msg('Back to your score', { id: 'quiz.back-to-score' })}</button>
        <button class="button" data-action="try-again" part="button" type="button" @click=${this.onTryAgain}>${msg('Try again', { id: 'quiz.try-again' })}</button>
      </div>
      ${this.renderSignposting()}
    `;
  }

  private renderOutcome(): TemplateResult {
    const outcome = this.finalOutcome;
    const young = this.isYoung;
    const title = outcome
      ? (young && outcome.young?.title) || outcome.title
      : msg('We could not tell from your answers', { id: 'quiz.outcome.none-title' });
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
                  <h4 class="outcome-action__title">${a.url ? this.externalLink(a.url, a.label) : a.label}</h4>
                  ${a.description ? html`<p>${a.description}</p>` : nothing} ${a.phone ? this.renderPhone(a.phone) : nothing}
                </li>`,
              )}
            </ul>`
        : nothing}
      ${this.renderStatus()}
      <button class="button secondary" data-action="try-again" part="button" type="button" @click=${this.onTryAgain}>${msg('Start again', { id: 'quiz.start-again' })}</button>
      ${this.renderSignposting()}
    `;
  }

  private renderPhone(phone: string): TemplateResult {
    return html`<p>${msg('Phone:', { id: 'quiz.phone' })} <a class="link" href="tel:${phone.replace(/[^+0-9]/g, '')}">${phone}</a></p>`;
  }

  private renderSignposting(): TemplateResult | typeof nothing {
    const signposts: Signpost[] = this.localQuiz.signposting ?? [];
    if (!signposts.length) return nothing;
    return html`<h3 class="section-heading">${msg('Help and support for carers', { id: 'quiz.help' })}</h3>
      <ul class="signposting" part="signposting">
        ${signposts.map(
          (p) => html`<li class=${p.kind === 'crisis' ? 'signpost signpost--crisis' : 'signpost'}>
            <h4 class="signpost__title">${p.url ? this.externalLink(p.url, p.title) : p.title}</h4>
            ${p.description ? html`<p>${p.description}</p>` : nothing} ${p.phone ? this.renderPhone(p.phone) : nothing}
          </li>`,
        )}
      </ul>`;
  }
}
