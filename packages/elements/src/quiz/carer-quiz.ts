import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { AnswerValue, Answers, Outcome, Quiz, QuizQuestion, Question } from '@carers-voice/core/content';
import type { QuizScore } from '@carers-voice/core/logic';
import { loadLocalise, localised } from '../widget/localise.js';
import { newId, type AnswerProblem, type checkAnswers } from '@carers-voice/core/response';
import { CarerElement } from '../base/carer-element.js';
import { Announcer } from '../base/announcer.js';
import { buttonStyles } from '../theme/button.styles.js';
import { CarerConfigController } from '../provider/config-controller.js';
import { CarerAnswerEvent, CarerReadyEvent } from '../events/events.js';
import { DefinitionController } from '../widget/definition-controller.js';
import { quizShape } from '../widget/definition-shape.js';
import { definitionProblemStyles, renderDefinitionProblem, renderLoading } from '../widget/definition-problem.js';
import { answerIds, answersSayYoung, isAnswered, quizRoute } from './quiz-logic.js';
import { quizStyles } from './carer-quiz.styles.js';
import { widgetChromeStyles } from '../widget/widget-chrome.styles.js';
import { loadControls } from '../kit/controls.js';
import { Stepper } from '../stepping/stepper.js';
import { Later } from '../stepping/later.js';
import type { Delivery, QuizHost, Screen } from './quiz-later.js';
import { errorSummaryReady, focusErrorSummary } from '../kit/error-summary/ready.js';


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
export class CarerQuiz extends CarerElement implements QuizHost {
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

  /** @internal */
  readonly config = new CarerConfigController(this);
  private readonly source = new DefinitionController<'quiz'>(this, { kind: 'quiz', shape: quizShape, endpoint: () => this.config.endpoint });
  /** @internal */
  readonly announcer = new Announcer(this);
  /** @internal One question at a time. */
  readonly stepper = new Stepper(this, {
    steps: () => this.route.questions,
    onMove: () => {
      this.problems = [];
    },
  });
  /** Feedback, the end screens and sending: fetched at idle after the first screen. */
  private readonly later = new Later(this, () => import('./quiz-later.js'));

  // The members marked internal are read by ./quiz-later.ts.
  /** @internal */
  @state() answers: Answers = {};
  /** @internal Score mode: ids of the questions whose answer has been checked, in order. */
  @state() checked: string[] = [];
  /** @internal */
  @state() screen: Screen = 'questions';
  @state() private problems: ShownProblem[] = [];
  /** @internal */
  @state() delivery: Delivery | undefined;

  /** @internal */
  quiz: Quiz | undefined;
  private attempt = newId();
  /** @internal */
  startedAt = new Date().toISOString();
  @state() private controlsReady = true;
  private controlsLoad?: Promise<void> | undefined;
  /** @internal */
  finalScore: QuizScore | undefined;
  /** @internal */
  finalOutcome: Outcome | undefined;
  private readySent = false;
  /** @internal */
  focusAfterUpdate: string | undefined;

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

  // A press that waits for ./quiz-later.js is part of the update it leads to.
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.later.settled;
    return super.getUpdateComplete();
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
    // And the code that applies the quiz's own translations, if it has any.
    const types = loadControls(quiz.questions.map((q) => q.type));
    const words = loadLocalise(quiz);
    const controls = types || words ? Promise.all([types, words]).then(() => undefined) : undefined;
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
    // Opening the outbox sends anything this device still has queued: once the code is here.
    const endpoint = this.config.endpoint;
    this.later.preload(endpoint ? (m) => void m.watch(this) : undefined);
  }

  /** @internal A fresh attempt: no answers, a new id. */
  reset(): void {
    this.answers = {};
    this.checked = [];
    this.stepper.reset();
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
    else if (target === 'summary') void focusErrorSummary(root);
    else if (target.startsWith('feedback:')) root.querySelector<HTMLElement>(`[data-verdict="${CSS.escape(target.slice(9))}"]`)?.focus();
  }

  // ------------------------------------------------------------------ reading the definition

  /** The definition in the carer's language (its own translations applied). */
  /** @internal */
  get localQuiz(): Quiz {
    return localised(this.quiz!, this.config.lang);
  }

  private get mode(): 'score' | 'identify' {
    return this.quiz!.mode;
  }

  /** @internal */
  get showAll(): boolean {
    return (this.display ?? this.quiz!.display) === 'all';
  }

  /** @internal */
  get route(): { questions: QuizQuestion[]; kept: Answers } {
    return quizRoute(this.localQuiz, this.answers);
  }

  /** @internal */
  get isYoung(): boolean {
    return this.young || answersSayYoung(this.quiz!, this.answers);
  }

  /** @internal */
  label(q: QuizQuestion): string {
    const young = this.isYoung ? q.young : undefined;
    if (this.easyRead) {
      const easy = young?.easyRead ?? q.easyRead;
      if (easy) return easy;
    }
    return young?.label ?? q.label;
  }

  /** @internal */
  questionNumber(n: number): string {
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

  /** Problems with the answers to these questions (`check` comes with ./quiz-later.js). */
  private problemsFor(check: typeof checkAnswers, questions: QuizQuestion[]): ShownProblem[] {
    const result = check(this.quiz!, this.route.kept);
    if (result.ok) return [];
    const ids = new Set(questions.flatMap(answerIds));
    const byId = new Map(questions.map((q) => [q.id, q]));
    return result.problems.filter((p) => ids.has(p.question)).map((p) => ({ id: p.question, problem: p, question: byId.get(p.question) }));
  }

  /** Problems are shown only after checking, so the module with their words is here by then. */
  private problemText(p: AnswerProblem, q: QuizQuestion | undefined): string {
    return this.later.module?.answerProblemText(p, q?.type) ?? p.message;
  }

  private showProblems(problems: ShownProblem[]): void {
    this.problems = problems;
    this.focusAfterUpdate = 'summary';
  }

  /** Score mode: "Check answer" for one question. */
  private onCheck(e: Event, q: QuizQuestion): void {
    e.preventDefault();
    if (this.checked.includes(q.id)) return;
    void this.later.then((m) => {
      const problems = this.problemsFor(m.checkAnswers, [q]);
      if (problems.length) return this.showProblems(problems);
      this.problems = [];
      m.check(this, q);
    });
  }

  /** One at a time: on to the next question (or the end). */
  private onNext(): void {
    this.stepper.next(() => this.finish());
  }

  /** Identify mode: Continue. */
  private onContinue(e: Event): void {
    e.preventDefault();
    const q = this.route.questions[this.stepper.at];
    if (!q) return;
    void this.later.then((m) => {
      const problems = this.problemsFor(m.checkAnswers, [q]);
      if (problems.length) return this.showProblems(problems);
      this.problems = [];
      // The route may have changed with this answer: the stepper looks again.
      this.stepper.next(() => this.finish(), q.id);
    });
  }

  /** Everything on one page: "See your score" / "See my result". */
  private onFinishAll(e: Event): void {
    e.preventDefault();
    const questions = this.route.questions;
    const waiting = this.mode === 'score' ? questions.filter((q) => !this.checked.includes(q.id)) : questions;
    void this.later.then((m) => {
      const problems = this.problemsFor(m.checkAnswers, waiting);
      if (problems.length) return this.showProblems(problems);
      if (this.mode === 'score') this.checked = [...this.checked, ...waiting.map((q) => q.id)];
      this.finish();
    });
  }

  /** The score or outcome screen, and sending (when that code is here: busy until then). */
  private finish(): void {
    this.problems = [];
    void this.later.then((m) => m.finish(this));
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
    if (!this.quiz || !this.controlsReady || (this.screen !== 'questions' && !this.later.module)) return renderLoading();
    return html`<div class="quiz" lang=${this.config.lang}>${this.renderScreen()} ${this.announcer.render()}</div>`;
  }

  private renderScreen(): TemplateResult {
    const later = this.later.module!;
    switch (this.screen) {
      case 'result':
        return later.renderResult(this);
      case 'review':
        return later.renderReview(this);
      case 'outcome':
        return later.renderOutcome(this);
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
      ${back ? html`<button type="button" class="back-link" data-action="back" @click=${() => this.stepper.back()}>${msg('Back', { id: 'quiz.back' })}</button>` : html`<span></span>`}
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
    if (this.problems.length) errorSummaryReady().catch(() => undefined);
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
    const index = this.stepper.at;
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
        ? html`${this.later.module!.renderFeedback(this, q, index)}
            <button
              class="button"
              data-action=${last ? 'finish' : 'next'}
              part="button"
              type="button"
              @click=${(e: MouseEvent) => {
                this.stepper.guardClick(e);
                if (!e.defaultPrevented) this.onNext();
              }}
              aria-busy=${this.later.waiting ? 'true' : 'false'}
            >
              ${last ? msg('See your score', { id: 'quiz.see-score' }) : msg('Next question', { id: 'quiz.next' })}
            </button>`
        : html`<form novalidate @submit=${(e: Event) => (identify ? this.onContinue(e) : this.onCheck(e, q))}>
            ${this.renderQuestion(q)}
            <button class="button" data-action=${identify ? 'continue' : 'check'} part="button" type="submit" @click=${this.stepper.guardClick} aria-busy=${this.later.waiting ? 'true' : 'false'}>
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
            <button class="button" data-action="finish" part="button" type="submit" aria-busy=${this.later.waiting ? 'true' : 'false'}>${msg('See my result', { id: 'quiz.see-result' })}</button>
          </form>`
        : html`<ol class="all-questions">
              ${questions.map(
                (q, i) => html`<li class="all-questions__item">
                  ${this.checked.includes(q.id)
                    ? this.later.module!.renderFeedback(this, q, i)
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
              <button class="button" data-action="finish" part="button" type="submit" aria-busy=${this.later.waiting ? 'true' : 'false'}>${msg('See your score', { id: 'quiz.see-score' })}</button>
            </form>`}
    `;
  }
}
