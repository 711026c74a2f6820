import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { AnswerValue, Answers, Poll, Question } from '@carers-voice/core/content';
import { loadLocalise, localised } from '../widget/localise.js';
import type { AnswerProblem, checkAnswers } from '@carers-voice/core/response';
import { CarerElement } from '../base/carer-element.js';
import { Announcer } from '../base/announcer.js';
import { SubmitGuard } from '../base/submit-guard.js';
import { buttonStyles } from '../theme/button.styles.js';
import { CarerConfigController } from '../provider/config-controller.js';
import { CarerAnswerEvent, CarerPageEvent, CarerReadyEvent } from '../events/events.js';
import { DefinitionController } from '../widget/definition-controller.js';
import { pollShape } from '../widget/definition-shape.js';
import { definitionProblemStyles, renderDefinitionProblem, renderLoading } from '../widget/definition-problem.js';
import {
  fetchCarerStatements,
  fetchUpdates,
  isCarerStatementKey,
  isStatementPoll,
  loadDeviceStore,
  pollWindow,
  rememberedVote,
  resultsAllowed,
  type CarerStatement,
  type PollUpdate,
  type PollWindow,
  type RememberedVote,
  type ResultsOutcome,
} from './poll-logic.js';
import { pollStyles } from './carer-poll.styles.js';
import { widgetChromeStyles } from '../widget/widget-chrome.styles.js';
import { loadControls } from '../kit/controls.js';
import { Stepper } from '../stepping/stepper.js';
import { Later } from '../stepping/later.js';
import type { Delivery, PollHost, StatementState } from './poll-later.js';
import { errorSummaryReady, focusErrorSummary } from '../kit/error-summary/ready.js';

interface ControlLike extends HTMLElement {
  value: AnswerValue | undefined;
  focusField?(id: string, options?: FocusOptions): boolean;
}

interface ShownProblem {
  id: string;
  problem: AnswerProblem;
  question: Question | undefined;
}

const ANSWERED = (v: unknown) =>
  v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0) && !(v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

/**
 * A "have your say" coproduction poll. Carers vote on a single or multiple choice, **rank** the
 * priorities (with Move up / Move down buttons, never by dragging), **share out points** (with the
 * points left said as they go), or agree / disagree / pass on **statements** one at a time
 * ("Statement 3 of 8") — and may **add their own statement**, which a moderator reads before anyone
 * else sees it.
 *
 * The poll keeps to its `opens` and `closes` dates (shown in the carer's language), shows results
 * after voting, after closing or never, as the definition says — always the collector's suppressed
 * public results, as a table with bars — and shows the strategy group's "You said, we did" updates,
 * newest first.
 *
 * One vote per device, without cookies: each vote carries the device's random token
 * (`meta.device`, kept in IndexedDB) and a new envelope id, so a changed vote replaces the earlier
 * one at the collector. The device remembers its last vote to show it and to offer "Change my vote"
 * until the poll closes. Votes go through the device's outbox, so they wait for a signal when the
 * carer is offline (and the poll says so). Without an endpoint the poll runs in local mode: nothing
 * leaves the device.
 *
 * ```html
 * <carer-poll instrument="rank-bury-themes" endpoint="https://carers.example.org" partner="bury-carers-hub"></carer-poll>
 * ```
 *
 * @fires carer-ready - The definition is loaded and the poll is showing. `detail: { instrument, kind, title }`.
 * @fires carer-answer - The carer chose an answer. `detail: { question, value }`.
 * @fires carer-page - The carer moved: `detail.page` is a statement id, `voted` or `vote` (changing a vote).
 * @fires carer-submit - The carer voted; `detail.envelope` is the vote, before it is stored and sent.
 * @fires carer-sent - The collector acknowledged the vote. `detail: { id, receipt }`.
 * @fires carer-error - The definition is wrong (`definition`) or the collector refused the vote (`send`).
 *
 * @csspart heading - The poll title.
 * @csspart progress - "Statement 3 of 8".
 * @csspart error-summary - The error summary.
 * @csspart button - The buttons.
 * @csspart notice - The not-yet-open and closed notices.
 * @csspart confirmation - The "thank you" panel after voting.
 * @csspart your-vote - The list showing the device's last vote.
 * @csspart results - The results section.
 * @csspart results-table - Each results table.
 * @csspart bar - Each bar in the results.
 * @csspart add-statement - The "add your own statement" form.
 * @csspart updates - The "You said, we did" list.
 * @csspart loading - The placeholder while the definition loads.
 * @csspart definition-problem - What is shown when the definition cannot be used.
 *
 * @cssproperty --carer-color-brand - Buttons and bars.
 * @cssproperty --carer-color-success - The confirmation panel.
 * @cssproperty --carer-color-error - Errors and the "poll closed" refusal.
 * @cssproperty --carer-widget-min-block-size - Space kept while loading (default 12em).
 */
export class CarerPoll extends CarerElement implements PollHost {
  static override styles: CSSResultGroup = [CarerElement.styles, buttonStyles, definitionProblemStyles, widgetChromeStyles, pollStyles];

  /** URL of a poll definition (JSON). Fetched without cookies. */
  @property() src?: string;

  /** A poll definition object (or JSON text); wins over `src` and `instrument`. */
  @property({ attribute: false }) definition?: unknown;

  /** A built-in poll: `rank-bury-themes`, `share-points-stockport`, `carer-statements` or `quick-poll-have-your-say`. */
  @property() instrument?: string;

  /** The collector's base URL. Without it (here or on `<carer-voice>`), nothing is sent. */
  @property() endpoint?: string;

  /** The partner's id, as registered with the collector. */
  @property() partner?: string;

  /** Show easy read wording where the definition has it. */
  @property({ type: Boolean, attribute: 'easy-read', reflect: true }) easyRead = false;

  /** IndexedDB database for the outbox, the device token and the remembered vote (tests use their own). */
  @property({ attribute: false }) database?: string;

  /** The clock (ms since 1970) the opening and closing dates are read against; previews and tests set it. */
  @property({ attribute: false }) clock: () => number = () => Date.now();

  /** @internal */
  readonly config = new CarerConfigController(this);
  private readonly source = new DefinitionController<'poll'>(this, { kind: 'poll', shape: pollShape, endpoint: () => this.config.endpoint });
  /** @internal */
  readonly announcer = new Announcer(this);
  /** @internal */
  readonly guard = new SubmitGuard(this);
  /** Sending, the thank-you panel, results, adding a statement, updates: fetched at idle after the first screen. */
  private readonly later = new Later(this, () => import('./poll-later.js'));
  /** Statement polls: one statement at a time. */
  private readonly stepper = new Stepper(this, {
    steps: () => this.votingPoll.questions,
    onMove: () => {
      this.problems = [];
    },
  });

  // The members marked internal are read by ./poll-later.ts.
  /** @internal */
  @state() answers: Answers = {};
  /** @internal */
  @state() screen: 'vote' | 'voted' = 'vote';
  /** @internal */
  @state() problems: ShownProblem[] = [];
  /** @internal */
  @state() delivery: Delivery | undefined;
  /** The device's last vote, once known. */
  /** @internal */
  @state() vote: RememberedVote | undefined;
  /** The last vote sent from this screen replaced an earlier one. */
  /** @internal */
  @state() changed = false;
  /** The carer tried to vote after the closing date. */
  @state() private refusedClosed = false;
  /** @internal */
  @state() updates: PollUpdate[] = [];
  /** @internal */
  @state() results: ResultsOutcome | undefined;
  /** @internal */
  @state() statementText = '';
  /** @internal */
  @state() statementError = '';
  /** @internal */
  @state() statementState: StatementState = { status: 'idle' };
  /** Other carers' statements a moderator approved, offered after the poll's own (statement polls). */
  @state() private carerStatements: CarerStatement[] = [];
  /** False while the kit loads the controls this poll's question types need (ranking, points, statements). */
  @state() private controlsReady = true;
  private controlsLoad: Promise<void> | undefined;

  /** @internal */
  poll: Poll | undefined;
  /** @internal */
  startedAt = new Date().toISOString();
  private readySent = false;
  private touched = false;
  /** @internal */
  focusAfterUpdate: string | undefined;
  private loads = new AbortController();
  /** @internal */
  resultsRequested = false;

  /** Resolves once the definition is loaded, the device's last vote read and the first screen rendered. */
  get ready(): Promise<void> {
    return this.updateComplete
      .then(() => this.source.complete)
      .then(() => this.updateComplete)
      .then(() => this.remembered)
      .then(() => this.statementsLoaded)
      .then(() => this.controlsLoad)
      .then(() => this.updateComplete)
      .then(() => this.later.settled)
      .then(() => this.updateComplete)
      .then(() => undefined);
  }

  /** The device's last vote in this poll, as remembered on this device. */
  get lastVote(): RememberedVote | undefined {
    return this.vote;
  }

  private remembered: Promise<void> = Promise.resolve();
  private statementsLoaded: Promise<void> = Promise.resolve();
  private votingCache?: { poll: Poll; statements: CarerStatement[]; result: Poll };

  override connectedCallback(): void {
    super.connectedCallback();
    // What this device remembers of its last vote is read once the definition is here: start
    // loading the device store now, beside the definition.
    void loadDeviceStore().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.boundaryTimer);
    this.boundaryTimer = undefined;
  }

  private boundaryTimer: ReturnType<typeof setTimeout> | undefined;

  /** Re-renders when the poll opens or closes while the page is open (a late vote is refused anyway). */
  private scheduleBoundary(): void {
    clearTimeout(this.boundaryTimer);
    this.boundaryTimer = undefined;
    if (!this.poll || !this.isConnected) return;
    const now = this.clock();
    const next = [this.poll.opens, this.poll.closes]
      .map((d) => (d ? Date.parse(d) - now : NaN))
      .filter((ms) => ms > 0)
      .sort((a, b) => a - b)[0];
    // setTimeout cannot wait longer than about 24 days; a page open that long re-renders on its next update.
    if (next === undefined || next > 2_000_000_000) return;
    this.boundaryTimer = setTimeout(() => {
      this.boundaryTimer = undefined;
      if (!this.poll) return;
      // The form may vanish under the carer's hands: say why, politely.
      if (this.window === 'closed') this.announcer.announce(msg('This poll has now closed.', { id: 'poll.closed.now' }));
      if (this.window === 'open') this.announcer.announce(msg('This poll is now open.', { id: 'poll.open.now' }));
      this.loadResults();
      this.requestUpdate();
    }, next + 50);
  }

  // A press (or a first screen) that waits for ./poll-later.js is part of the update it leads to.
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.later.settled;
    return super.getUpdateComplete();
  }

  protected override update(changed: PropertyValues<this>): void {
    const definition = this.source.status === 'ready' ? this.source.definition : undefined;
    if (definition && definition !== this.poll) this.start(definition);
    if (!definition && this.source.status !== 'ready') this.poll = undefined;
    super.update(changed);
  }

  private start(poll: Poll): void {
    this.poll = poll;
    // Ranking, points and statement controls come from the kit only when this poll asks them
    // (statement questions also arrive with carers' statements, which are statements too).
    // And the code that applies the poll's own translations, if it has any.
    const types = loadControls(poll.questions.map((q) => q.type));
    const words = loadLocalise(poll);
    const controls = types || words ? Promise.all([types, words]).then(() => undefined) : undefined;
    this.controlsReady = !controls;
    const settled = () => {
      if (this.poll === poll) this.controlsReady = true;
    };
    this.controlsLoad = controls?.then(settled, settled);
    this.readySent = false;
    this.touched = false;
    this.answers = {};
    this.stepper.reset();
    this.screen = 'vote';
    this.problems = [];
    this.delivery = undefined;
    this.vote = undefined;
    this.changed = false;
    this.refusedClosed = false;
    this.updates = [];
    this.results = undefined;
    this.resultsRequested = false;
    this.statementState = { status: 'idle' };
    this.carerStatements = [];
    this.statementsLoaded = Promise.resolve();
    this.loads.abort();
    this.loads = new AbortController();
    clearTimeout(this.boundaryTimer);
    this.boundaryTimer = undefined;
    const signal = this.loads.signal;
    this.remembered = rememberedVote(poll.id, this.database).then((vote) => {
      if (signal.aborted || !vote) return;
      this.vote = vote;
      // Found before the carer touched anything: show what they voted, with "Change my vote".
      if (!this.touched) {
        this.screen = 'voted';
        this.answers = { ...vote.answers };
      }
      this.loadResults();
    });
    const endpoint = this.config.endpoint;
    if (endpoint && poll.allowStatements && isStatementPoll(poll)) {
      // Only approved statements are listed by the collector; pending and rejected ones never arrive.
      this.statementsLoaded = fetchCarerStatements(endpoint, poll.id, signal).then((list) => {
        if (!signal.aborted) this.carerStatements = list;
      });
    }
    // Opening the outbox sends anything this device still has queued: once the code is here.
    this.later.preload(endpoint ? (m) => void m.watch(this) : undefined);
    if (endpoint) {
      void fetchUpdates(endpoint, poll.id, signal).then((updates) => {
        if (!signal.aborted) this.updates = updates;
      });
    }
    this.loadResults();
  }

  /** Fetches the public results once, when the poll allows them now. */
  /** @internal */
  loadResults(): void {
    const poll = this.poll;
    const endpoint = this.config.endpoint;
    if (!poll || !endpoint || this.resultsRequested) return;
    if (!resultsAllowed(poll, this.window, Boolean(this.vote))) return;
    this.resultsRequested = true;
    const signal = this.loads.signal;
    // Results are shown by ./poll-later.js, which also fetches them.
    void this.later
      .get()
      .then((m) => m.fetchResults(endpoint, poll.id, signal))
      .then(
        (r) => {
          if (!signal.aborted) this.results = r;
        },
        () => {
          if (!signal.aborted) this.results = { status: 'unavailable' };
        },
      );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.boundaryTimer === undefined) this.scheduleBoundary();
    if (this.poll && this.controlsReady && !this.readySent) {
      this.readySent = true;
      this.dispatchEvent(new CarerReadyEvent({ instrument: { id: this.poll.id, version: this.poll.version }, kind: 'poll', title: this.poll.title }));
    }
    const target = this.focusAfterUpdate;
    if (!target) return;
    this.focusAfterUpdate = undefined;
    const root = this.renderRoot as ShadowRoot;
    if (target === 'summary') void focusErrorSummary(root);
    else root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(target)}"]`)?.focus();
  }

  // ------------------------------------------------------------------ reading the definition

  private get localPoll(): Poll {
    return localised(this.votingPoll, this.config.lang);
  }

  /**
   * The poll as voted on: its own questions, then other carers' approved statements as statement
   * questions keyed `s:<statement id>` (in the carers' own words: they are not translated).
   */
  /** @internal */
  get votingPoll(): Poll {
    const poll = this.poll!;
    const statements = this.carerStatements;
    if (!statements.length || !isStatementPoll(poll)) return poll;
    const cached = this.votingCache;
    if (cached && cached.poll === poll && cached.statements === statements) return cached.result;
    const extra = statements.map((st) => ({ id: st.key, type: 'statement' as const, label: st.text }));
    const result = { ...poll, questions: [...poll.questions, ...extra] } as Poll;
    this.votingCache = { poll, statements, result };
    return result;
  }

  /** Answers without votes on carers' statements that are no longer offered (never sent: the collector would refuse them). */
  /** @internal */
  offeredAnswers(answers: Answers): Answers {
    const offered = new Set(this.votingPoll.questions.map((q) => q.id));
    return Object.fromEntries(Object.entries(answers).filter(([k]) => !isCarerStatementKey(k) || offered.has(k))) as Answers;
  }

  /** @internal */
  get window(): PollWindow {
    return pollWindow(this.poll!, this.clock());
  }

  private get oneAtATime(): boolean {
    return isStatementPoll(this.poll!);
  }

  /** @internal */
  label(q: Question): string {
    return (this.easyRead && q.easyRead) || q.label;
  }

  /** @internal */
  formatDate(iso: string, withTime = true): string {
    const date = new Date(iso);
    const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' };
    try {
      return new Intl.DateTimeFormat(this.config.lang, options).format(date);
    } catch {
      return new Intl.DateTimeFormat('en-GB', options).format(date);
    }
  }

  /** @internal */
  formatNumber(n: number, digits = 0): string {
    try {
      return new Intl.NumberFormat(this.config.lang, { maximumFractionDigits: digits }).format(n);
    } catch {
      return String(n);
    }
  }

  // ------------------------------------------------------------------ voting

  private onAnswer(e: Event, q: Question, fire: boolean): void {
    const control = e.currentTarget as ControlLike;
    const next: Answers = { ...this.answers };
    if (ANSWERED(control.value)) next[q.id] = control.value as AnswerValue;
    else delete next[q.id];
    this.answers = next;
    this.touched = true;
    if (fire) this.dispatchEvent(new CarerAnswerEvent({ question: q.id, value: next[q.id] }));
  }

  /** Problems with the answers to these questions (`check` comes with ./poll-later.js). */
  private problemsFor(check: typeof checkAnswers, questions: Question[]): ShownProblem[] {
    const result = check(this.votingPoll, this.answers);
    if (result.ok) return [];
    const byId = new Map(questions.map((q) => [q.id, q]));
    return result.problems.filter((p) => byId.has(p.question)).map((p) => ({ id: p.question, problem: p, question: byId.get(p.question) }));
  }

  /** Problems are shown only after checking, so the module with their words is here by then. */
  private problemText(p: AnswerProblem, q: Question | undefined): string {
    return this.later.module?.answerProblemText(p, q?.type) ?? p.message;
  }

  private showProblems(problems: ShownProblem[]): void {
    this.problems = problems;
    this.focusAfterUpdate = 'summary';
  }

  /** Whether the poll has closed now; if so, the vote is refused in plain words. */
  /** @internal */
  refuseIfClosed(): boolean {
    if (this.window !== 'closed') return false;
    this.refusedClosed = true;
    this.problems = [];
    this.focusAfterUpdate = 'notice';
    this.loadResults();
    return true;
  }

  /** Statement polls: Continue to the next statement (or send, at the last). */
  private onContinue(e: Event): void {
    e.preventDefault();
    const q = this.votingPoll.questions[this.stepper.at];
    if (!q) return;
    if (this.refuseIfClosed()) return;
    void this.later.then((m) => {
      const problems = this.problemsFor(m.checkAnswers, [q]);
      if (problems.length) return this.showProblems(problems);
      this.problems = [];
      this.stepper.next(() => this.castVote(), q.id);
    });
  }

  /** Other polls: every question on one page. */
  private onSubmitAll(e: Event): void {
    e.preventDefault();
    if (this.refuseIfClosed()) return;
    void this.later.then((m) => {
      const problems = this.problemsFor(m.checkAnswers, this.votingPoll.questions);
      if (problems.length) return this.showProblems(problems);
      this.castVote();
    });
  }

  /** Stores and sends the vote (once that code is here: the button is busy until then). */
  private castVote(): void {
    void this.later.then((m) => m.castVote(this));
  }

  /** @internal */
  onChangeVote(): void {
    if (this.refuseIfClosed()) return;
    this.screen = 'vote';
    this.answers = this.offeredAnswers({ ...(this.vote?.answers ?? {}) });
    this.touched = true;
    this.stepper.reset();
    this.delivery = undefined;
    this.startedAt = new Date().toISOString();
    const first = this.votingPoll.questions[0];
    if (first) this.stepper.focusAfterUpdate(first.id);
    else this.focusAfterUpdate = 'heading';
    this.dispatchEvent(new CarerPageEvent({ page: 'vote', number: 1, total: this.votingPoll.questions.length }));
  }

  private focusQuestion(id: string): void {
    const root = this.renderRoot as ShadowRoot;
    const control = root.querySelector<ControlLike>(`carer-question[data-qid="${CSS.escape(id)}"]`);
    if (control && !control.focusField?.(id)) control.focus();
  }

  // ------------------------------------------------------------------ rendering

  override render() {
    switch (this.source.status) {
      case 'error':
        return renderDefinitionProblem(this.source.problem!);
      case 'idle':
        return html`<div class="widget-loading" part="loading">
          <p>${msg('No poll has been chosen yet. Set the src attribute, the instrument attribute or the definition property.', { id: 'poll.none' })}</p>
        </div>`;
      case 'loading':
        return renderLoading();
    }
    if (!this.poll || !this.controlsReady) return renderLoading();
    return html`<div class="poll" lang=${this.config.lang}>${this.renderScreen()} ${this.announcer.render()}</div>`;
  }

  private renderScreen(): TemplateResult {
    const poll = this.localPoll;
    const window = this.window;
    const title = (this.easyRead && poll.easyRead?.title) || poll.title;
    const heading = html`<h2 class="heading" part="heading" tabindex="-1" data-heading data-focus="heading">${title}</h2>`;
    if (window === 'not-open') {
      return html`${heading}
        <div class="notice" part="notice" data-state="not-open" tabindex="-1" data-focus="notice">
          <p class="notice__title">${msg(str`This poll opens on ${this.formatDate(poll.opens!)}.`, { id: 'poll.not-open' })}</p>
          <p>${msg('Come back then to have your say.', { id: 'poll.not-open.come-back' })}</p>
        </div>
        ${this.renderIntro(poll)} ${this.renderUpdates()}`;
    }
    if (window === 'closed' || this.refusedClosed) {
      return html`${heading} ${this.renderClosed(poll)}`;
    }
    if (this.screen === 'voted') {
      const later = this.later.need();
      return later ? html`${heading} ${later.renderVoted(this, poll)}` : renderLoading();
    }
    return html`${heading} ${this.renderVote(poll)}`;
  }

  private renderIntro(poll: Poll): TemplateResult {
    const intro = (this.easyRead && poll.easyRead?.intro) || poll.intro;
    return html`${intro ? html`<p class="intro">${intro}</p>` : nothing}`;
  }

  private renderPrivacy(poll: Poll): TemplateResult | typeof nothing {
    if (!poll.privacy.notice) return nothing;
    return html`<details class="details">
      <summary>${msg('How we use your vote', { id: 'poll.privacy' })}</summary>
      <p>${poll.privacy.notice}</p>
    </details>`;
  }

  /** @internal */
  renderClosesOn(poll: Poll): TemplateResult | typeof nothing {
    if (!poll.closes) return nothing;
    return html`<p class="closes">${msg(str`This poll closes on ${this.formatDate(poll.closes)}.`, { id: 'poll.closes-on' })}</p>`;
  }

  private renderClosed(poll: Poll): TemplateResult {
    const closes = poll.closes ? this.formatDate(poll.closes) : '';
    return html`
      <div class=${this.refusedClosed ? 'notice notice--refused' : 'notice'} part="notice" data-state="closed" tabindex="-1" data-focus="notice" role=${this.refusedClosed ? 'alert' : nothing}>
        <p class="notice__title">${msg(str`This poll closed on ${closes}.`, { id: 'poll.closed' })}</p>
        <p>
          ${this.refusedClosed
            ? msg('Your vote was not sent, because voting had ended. Thank you for wanting to take part.', { id: 'poll.closed.refused' })
            : msg('You can no longer vote or change a vote.', { id: 'poll.closed.no-votes' })}
        </p>
      </div>
      ${this.renderAfterClose(poll)} ${this.renderUpdates()}
    `;
  }

  /** The device's vote and the results, under the closed notice (once their code is here). */
  private renderAfterClose(poll: Poll): TemplateResult | typeof nothing {
    const needed = this.vote || resultsAllowed(poll, this.window, false);
    const later = needed ? this.later.need() : undefined;
    if (!later) return nothing;
    return html`${this.vote ? later.renderYourVote(this, poll, this.vote.answers) : nothing} ${later.renderResults(this, poll)}`;
  }

  private renderErrorSummary(): TemplateResult {
    if (this.problems.length) errorSummaryReady().catch(() => undefined);
    return html`<carer-error-summary
      part="error-summary"
      .errors=${this.problems.map((p) => ({ id: p.id, message: this.problemText(p.problem, p.question) }))}
      .focusTarget=${(id: string) => this.focusQuestion(id)}
    ></carer-error-summary>`;
  }

  private renderQuestion(q: Question): TemplateResult {
    const p = this.problems.find((x) => x.id === q.id);
    return html`<carer-question
      data-qid=${q.id}
      .question=${q}
      .value=${this.answers[q.id]}
      .error=${p ? this.problemText(p.problem, p.question) : ''}
      ?easy-read=${this.easyRead}
      @input=${(e: Event) => this.onAnswer(e, q, false)}
      @change=${(e: Event) => this.onAnswer(e, q, true)}
    ></carer-question>`;
  }

  private sendLabel(): string {
    return this.vote ? msg('Change my vote', { id: 'poll.change-submit' }) : msg('Send my vote', { id: 'poll.send' });
  }

  private renderVote(poll: Poll): TemplateResult {
    const changing = Boolean(this.vote);
    const lead = changing
      ? html`<p class="changing">${msg('You are changing your vote. Your new vote will replace the one you sent before.', { id: 'poll.changing' })}</p>`
      : nothing;
    if (this.oneAtATime) {
      const questions = poll.questions;
      const step = this.stepper.at;
      const q = questions[step]!;
      const last = step === questions.length - 1;
      return html`
        ${step > 0 ? html`<button type="button" class="back-link" data-action="back" @click=${() => this.stepper.back()}>${msg('Back', { id: 'poll.back' })}</button>` : nothing}
        ${this.renderErrorSummary()} ${step === 0 ? html`${this.renderIntro(poll)} ${lead} ${this.renderClosesOn(poll)}` : nothing}
        <p class="progress" part="progress">${msg(str`Statement ${step + 1} of ${questions.length}`, { id: 'poll.progress' })}</p>
        ${isCarerStatementKey(q.id)
          ? html`<p class="carer-added" part="carer-added" data-carer-statement>${msg('This statement was written by another carer and checked by a moderator.', { id: 'poll.carer-statement' })}</p>`
          : nothing}
        <form novalidate @submit=${this.onContinue}>
          ${this.renderQuestion(q)}
          <button class="button" part="button" type="submit" data-action=${last ? 'send' : 'continue'} @click=${this.stepper.guardClick} aria-busy=${this.guard.busy || this.later.waiting ? 'true' : 'false'}>
            ${last ? (changing ? this.sendLabel() : msg('Send my votes', { id: 'poll.send-statements' })) : msg('Continue', { id: 'poll.continue' })}
          </button>
        </form>
        ${this.renderPrivacy(poll)} ${step === 0 ? this.renderUpdates() : nothing}
      `;
    }
    return html`
      ${this.renderErrorSummary()} ${this.renderIntro(poll)} ${lead} ${this.renderClosesOn(poll)}
      <form novalidate @submit=${this.onSubmitAll}>
        ${poll.questions.map((q) => this.renderQuestion(q))}
        <button class="button" part="button" type="submit" data-action="send" aria-busy=${this.guard.busy || this.later.waiting ? 'true' : 'false'}>${this.sendLabel()}</button>
      </form>
      ${this.renderPrivacy(poll)} ${this.renderUpdates()}
    `;
  }

  /** "You said, we did", once its code is here (the list comes from the collector meanwhile). */
  private renderUpdates(): TemplateResult | typeof nothing {
    if (!this.updates.length) return nothing;
    return this.later.need()?.renderUpdates(this) ?? nothing;
  }
}
