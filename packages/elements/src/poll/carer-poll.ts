import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { msg, str } from '@lit/localize';
import { resolveOptions, type AnswerValue, type Answers, type Poll, type Question } from '@carers-voice/core/content';
import { localiseDefinition } from '@carers-voice/core/i18n';
import { checkAnswers, createEnvelope, newId, type AnswerProblem, type ResponseEnvelope } from '@carers-voice/core/response';
import { deviceToken, type OutboxRecord } from '@carers-voice/core/outbox';
import { CarerElement } from '../base/carer-element.js';
import { Announcer } from '../base/announcer.js';
import { SubmitGuard } from '../base/submit-guard.js';
import { plural } from '../base/plural.js';
import { buttonStyles } from '../theme/button.styles.js';
import { CarerConfigController } from '../provider/config-controller.js';
import { CarerAnswerEvent, CarerErrorEvent, CarerPageEvent, CarerReadyEvent, CarerSentEvent, CarerSubmitEvent } from '../events/events.js';
import { DefinitionController } from '../widget/definition-controller.js';
import { deliveryMode } from '../widget/delivery.js';
import { OutboxStatusController } from '../widget/outbox-status-controller.js';
import { definitionProblemStyles, renderDefinitionProblem, renderLoading } from '../widget/definition-problem.js';
import {
  STATEMENT_MAX,
  STATEMENT_MIN,
  fetchCarerStatements,
  fetchResults,
  fetchUpdates,
  isCarerStatementKey,
  isStatementLists,
  isStatementPoll,
  pollWindow,
  rememberVote,
  rememberedVote,
  resultsAllowed,
  submitStatement,
  type CarerStatement,
  type ListedStatement,
  type PollUpdate,
  type PollWindow,
  type StatementLists,
  type PublicQuestion,
  type RememberedVote,
  type ResultsOutcome,
} from './poll-logic.js';
import { pollStyles } from './carer-poll.styles.js';
import { loadControls } from '../kit/controls.js';
import { Stepper } from '../stepping/stepper.js';

/** What the carer is told about their vote (as in the survey and quiz). */
type Delivery =
  | { status: 'local' }
  | { status: 'pending'; attempts: number; lastError?: string | undefined }
  | { status: 'sent' }
  | { status: 'rejected'; lastError?: string | undefined };

type StatementState =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'pending' }
  | { status: 'offline' }
  | { status: 'refused'; message: string | undefined };

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
export class CarerPoll extends CarerElement {
  static override styles: CSSResultGroup = [CarerElement.styles, buttonStyles, definitionProblemStyles, pollStyles];

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

  private readonly config = new CarerConfigController(this);
  private readonly source = new DefinitionController<'poll'>(this, { kind: 'poll', endpoint: () => this.config.endpoint });
  private readonly announcer = new Announcer(this);
  private readonly guard = new SubmitGuard(this);
  /** Statement polls: one statement at a time. */
  private readonly stepper = new Stepper(this, {
    steps: () => this.votingPoll.questions,
    onMove: () => {
      this.problems = [];
    },
  });

  @state() private answers: Answers = {};
  @state() private screen: 'vote' | 'voted' = 'vote';
  @state() private problems: ShownProblem[] = [];
  @state() private delivery?: Delivery;
  /** The device's last vote, once known. */
  @state() private vote?: RememberedVote;
  /** The last vote sent from this screen replaced an earlier one. */
  @state() private changed = false;
  /** The carer tried to vote after the closing date. */
  @state() private refusedClosed = false;
  @state() private updates: PollUpdate[] = [];
  @state() private results?: ResultsOutcome;
  @state() private statementText = '';
  @state() private statementError = '';
  @state() private statementState: StatementState = { status: 'idle' };
  /** Other carers' statements a moderator approved, offered after the poll's own (statement polls). */
  @state() private carerStatements: CarerStatement[] = [];
  /** False while the kit loads the controls this poll's question types need (ranking, points, statements). */
  @state() private controlsReady = true;
  private controlsLoad: Promise<void> | undefined;

  private poll?: Poll;
  private startedAt = new Date().toISOString();
  private readySent = false;
  private touched = false;
  private focusAfterUpdate: string | undefined;
  private loads = new AbortController();
  private resultsRequested = false;
  private lastSentId = '';
  private readonly outboxStatus = new OutboxStatusController(this, {
    database: () => this.database,
    watching: () => this.lastSentId,
    onRecord: (record) => this.applyRecord(record),
  });

  /** Resolves once the definition is loaded, the device's last vote read and the first screen rendered. */
  get ready(): Promise<void> {
    return this.updateComplete
      .then(() => this.source.complete)
      .then(() => this.updateComplete)
      .then(() => this.remembered)
      .then(() => this.statementsLoaded)
      .then(() => this.controlsLoad)
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
    const controls = loadControls(poll.questions.map((q) => q.type));
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
    if (endpoint) {
      this.outboxStatus.watch();
      void fetchUpdates(endpoint, poll.id, signal).then((updates) => {
        if (!signal.aborted) this.updates = updates;
      });
    }
    this.loadResults();
  }

  /** Fetches the public results once, when the poll allows them now. */
  private loadResults(): void {
    const poll = this.poll;
    const endpoint = this.config.endpoint;
    if (!poll || !endpoint || this.resultsRequested) return;
    if (!resultsAllowed(poll, this.window, Boolean(this.vote))) return;
    this.resultsRequested = true;
    const signal = this.loads.signal;
    void fetchResults(endpoint, poll.id, signal).then((r) => {
      if (!signal.aborted) this.results = r;
    });
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
    if (target === 'summary') root.querySelector<HTMLElement>('carer-error-summary')?.focus();
    else root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(target)}"]`)?.focus();
  }

  // ------------------------------------------------------------------ reading the definition

  private get localPoll(): Poll {
    return localiseDefinition(this.votingPoll, this.config.lang);
  }

  /**
   * The poll as voted on: its own questions, then other carers' approved statements as statement
   * questions keyed `s:<statement id>` (in the carers' own words: they are not translated).
   */
  private get votingPoll(): Poll {
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
  private offeredAnswers(answers: Answers): Answers {
    const offered = new Set(this.votingPoll.questions.map((q) => q.id));
    return Object.fromEntries(Object.entries(answers).filter(([k]) => !isCarerStatementKey(k) || offered.has(k))) as Answers;
  }

  private get window(): PollWindow {
    return pollWindow(this.poll!, this.clock());
  }

  private get oneAtATime(): boolean {
    return isStatementPoll(this.poll!);
  }

  private label(q: Question): string {
    return (this.easyRead && q.easyRead) || q.label;
  }

  private formatDate(iso: string, withTime = true): string {
    const date = new Date(iso);
    const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' };
    try {
      return new Intl.DateTimeFormat(this.config.lang, options).format(date);
    } catch {
      return new Intl.DateTimeFormat('en-GB', options).format(date);
    }
  }

  private formatNumber(n: number, digits = 0): string {
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

  private problemsFor(questions: Question[]): ShownProblem[] {
    const result = checkAnswers(this.votingPoll, this.answers);
    if (result.ok) return [];
    const byId = new Map(questions.map((q) => [q.id, q]));
    return result.problems.filter((p) => byId.has(p.question)).map((p) => ({ id: p.question, problem: p, question: byId.get(p.question) }));
  }

  private problemText(p: AnswerProblem, q: Question | undefined): string {
    if (p.code === 'required') {
      switch (q?.type) {
        case 'multiple':
          return msg('Select at least one answer', { id: 'poll.error.required-multiple' });
        case 'ranking':
          return msg('Put the items in order using the Move up and Move down buttons', { id: 'poll.error.required-ranking' });
        case 'points':
          return msg('Share out your points', { id: 'poll.error.required-points' });
        case 'statement':
          return msg('Select agree, disagree or pass', { id: 'poll.error.required-statement' });
        default:
          return msg('Select an answer', { id: 'poll.error.required-choice' });
      }
    }
    return p.message;
  }

  private showProblems(problems: ShownProblem[]): void {
    this.problems = problems;
    this.focusAfterUpdate = 'summary';
  }

  /** Whether the poll has closed now; if so, the vote is refused in plain words. */
  private refuseIfClosed(): boolean {
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
    const problems = this.problemsFor([q]);
    if (problems.length) return this.showProblems(problems);
    this.problems = [];
    this.stepper.next(() => void this.castVote(), q.id);
  }

  /** Other polls: every question on one page. */
  private onSubmitAll(e: Event): void {
    e.preventDefault();
    if (this.refuseIfClosed()) return;
    const problems = this.problemsFor(this.votingPoll.questions);
    if (problems.length) return this.showProblems(problems);
    void this.castVote();
  }

  /** Stores and sends the vote: a new envelope id each time, the same device token. */
  private async castVote(): Promise<void> {
    if (!this.guard.attempt()) return;
    const poll = this.poll!;
    const offered = this.offeredAnswers(this.answers);
    const checked = checkAnswers(this.votingPoll, offered);
    const answers = checked.ok ? checked.answers : offered;
    const endpoint = this.config.endpoint;
    const isChange = Boolean(this.vote);
    const id = newId();
    let device: string | undefined;
    try {
      device = await deviceToken(this.database);
    } catch {
      device = undefined; // No IndexedDB: the vote still counts, it just cannot be matched to this device.
    }
    const envelope: ResponseEnvelope = createEnvelope({
      id,
      instrument: { id: poll.id, version: poll.version },
      partner: this.config.partner ?? '',
      locale: this.config.lang,
      startedAt: this.startedAt,
      answers,
      meta: device ? { device, mode: deliveryMode() } : { mode: deliveryMode() },
    });
    this.dispatchEvent(new CarerSubmitEvent({ envelope }));
    const vote: RememberedVote = { id, answers, at: envelope.submittedAt, version: poll.version };
    await rememberVote(poll.id, vote, this.database);
    this.vote = vote;
    this.changed = isChange;
    this.screen = 'voted';
    this.problems = [];
    this.lastSentId = id;
    this.focusAfterUpdate = 'confirmation';
    this.announcer.announce(isChange ? msg('Your vote has been changed.', { id: 'poll.changed.announce' }) : msg('Thank you. Your vote has been saved.', { id: 'poll.voted.announce' }));
    this.dispatchEvent(new CarerPageEvent({ page: 'voted', number: 0, total: this.votingPoll.questions.length }));
    this.guard.release();
    this.loadResults();
    if (!endpoint) {
      this.delivery = { status: 'local' };
      return;
    }
    this.delivery = { status: 'pending', attempts: 0 };
    try {
      const outbox = this.outboxStatus.watch();
      const record = await outbox.enqueue(envelope, endpoint);
      if (this.lastSentId !== id) return;
      this.applyRecord((await outbox.get(id)) ?? record);
    } catch {
      if (this.lastSentId === id) this.delivery = { status: 'pending', attempts: 1, lastError: 'storage' };
    }
  }

  private applyRecord(record: OutboxRecord): void {
    const before = this.delivery?.status;
    if (before === 'sent' || before === 'rejected') return;
    if (record.status === 'sent') {
      this.delivery = { status: 'sent' };
      this.dispatchEvent(new CarerSentEvent({ id: record.id, receipt: record.receipt }));
      // Results after voting include this vote once the collector has it.
      if (this.results) {
        this.resultsRequested = false;
        this.loadResults();
      }
    } else if (record.status === 'rejected') {
      this.delivery = { status: 'rejected', lastError: record.lastError };
      this.dispatchEvent(new CarerErrorEvent({ kind: 'send', message: record.lastError ?? msg('The server refused the vote.', { id: 'poll.error.refused' }) }));
    } else {
      this.delivery = { status: 'pending', attempts: record.attempts, lastError: record.lastError };
    }
  }

  private onChangeVote(): void {
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

  // ------------------------------------------------------------------ adding a statement

  private onStatementInput(e: Event): void {
    this.statementText = (e.target as HTMLTextAreaElement).value;
    if (this.statementState.status !== 'sending') this.statementState = { status: 'idle' };
  }

  private async onStatementSubmit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.statementState.status === 'sending') return;
    const text = this.statementText.trim();
    const error = !text
      ? msg('Enter your statement', { id: 'poll.statement.error.empty' })
      : text.length < STATEMENT_MIN
        ? msg(str`Your statement must be at least ${STATEMENT_MIN} characters`, { id: 'poll.statement.error.short' })
        : text.length > STATEMENT_MAX
          ? msg(str`Your statement must be ${STATEMENT_MAX} characters or fewer`, { id: 'poll.statement.error.long' })
          : '';
    this.statementError = error;
    if (error) {
      this.focusAfterUpdate = 'statement-summary';
      return;
    }
    const endpoint = this.config.endpoint;
    if (!endpoint) return;
    if (this.refuseIfClosed()) return;
    this.statementState = { status: 'sending' };
    const outcome = await submitStatement(endpoint, this.poll!.id, this.config.partner ?? '', text);
    if (outcome.status === 'pending') {
      this.statementText = '';
      this.statementState = { status: 'pending' };
    } else if (outcome.status === 'refused') {
      this.statementState = { status: 'refused', message: outcome.problems[0]?.message ?? outcome.message };
      this.dispatchEvent(new CarerErrorEvent({ kind: 'send', message: outcome.message ?? msg('The server refused the statement.', { id: 'poll.statement.refused-event' }) }));
    } else {
      this.statementState = { status: 'offline' };
    }
    this.focusAfterUpdate = 'statement-status';
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
    if (this.screen === 'voted') return html`${heading} ${this.renderVoted(poll)}`;
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

  private renderClosesOn(poll: Poll): TemplateResult | typeof nothing {
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
      ${this.vote ? this.renderYourVote(poll, this.vote.answers) : nothing} ${this.renderResults(poll)} ${this.renderUpdates()}
    `;
  }

  private renderErrorSummary(): TemplateResult {
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
          <button class="button" part="button" type="submit" data-action=${last ? 'send' : 'continue'} @click=${this.stepper.guardClick} aria-busy=${this.guard.busy ? 'true' : 'false'}>
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
        <button class="button" part="button" type="submit" data-action="send" aria-busy=${this.guard.busy ? 'true' : 'false'}>${this.sendLabel()}</button>
      </form>
      ${this.renderPrivacy(poll)} ${this.renderUpdates()}
    `;
  }

  private statusText(): string {
    const d = this.delivery;
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

  private renderVoted(poll: Poll): TemplateResult {
    const vote = this.vote;
    const title = this.delivery
      ? this.changed
        ? msg('Your vote has been changed', { id: 'poll.changed.title' })
        : msg('Thank you for voting', { id: 'poll.voted.title' })
      : msg('You have already voted in this poll', { id: 'poll.already.title' });
    return html`
      <div class="panel" part="confirmation">
        <h3 class="panel__title" tabindex="-1" data-focus="confirmation">${title}</h3>
        ${vote ? html`<p class="panel__body">${msg(str`Your vote on ${this.formatDate(vote.at)}`, { id: 'poll.voted.when' })}</p>` : nothing}
      </div>
      <p class="status" role="status" data-status=${this.delivery?.status ?? ''}>${this.statusText()}</p>
      ${vote ? this.renderYourVote(poll, vote.answers) : nothing}
      <p>${msg('You can change your vote until the poll closes. Each device has one vote: a new vote replaces the one before.', { id: 'poll.change-explained' })}</p>
      ${this.renderClosesOn(poll)}
      <button class="button secondary" part="button" type="button" data-action="change" @click=${this.onChangeVote}>${msg('Change my vote', { id: 'poll.change' })}</button>
      ${this.renderResults(poll)} ${this.renderAddStatement(poll)} ${this.renderUpdates()}
    `;
  }

  private optionLabel(q: Question, value: string): string {
    const o = resolveOptions(q, this.config.lang).find((x) => x.value === value);
    return o ? (this.easyRead && o.easyRead) || o.label : value;
  }

  private renderAnswer(q: Question, value: AnswerValue | undefined): TemplateResult | string {
    if (value === undefined) return msg('Not answered', { id: 'poll.not-answered' });
    if (q.type === 'ranking' && Array.isArray(value)) return html`<ol class="answer-list">${value.map((v) => html`<li>${this.optionLabel(q, v)}</li>`)}</ol>`;
    if (Array.isArray(value)) return html`<ul class="answer-list">${value.map((v) => html`<li>${this.optionLabel(q, v)}</li>`)}</ul>`;
    if (q.type === 'points' && typeof value === 'object') {
      return html`<ul class="answer-list">
        ${Object.entries(value)
          .filter(([, n]) => n > 0)
          .map(([v, n]) => {
            const count = this.formatNumber(n);
            const words = plural(n, { one: () => msg(str`${count} point`, { id: 'poll.points.one' }), other: () => msg(str`${count} points`, { id: 'poll.points.other' }) });
            return html`<li>${this.optionLabel(q, v)}: ${words}</li>`;
          })}
      </ul>`;
    }
    if (typeof value === 'string') return this.optionLabel(q, value);
    return String(value);
  }

  private renderYourVote(poll: Poll, answers: Answers): TemplateResult {
    return html`<h3 class="section-heading">${msg('Your vote', { id: 'poll.your-vote' })}</h3>
      <dl class="your-vote" part="your-vote">
        ${poll.questions.filter((q) => !isCarerStatementKey(q.id) || answers[q.id] !== undefined).map(
          (q) => html`<div class="your-vote__row">
            <dt>${this.label(q)}</dt>
            <dd data-answer=${q.id}>${this.renderAnswer(q, answers[q.id])}</dd>
          </div>`,
        )}
      </dl>`;
  }

  // ---- results

  private renderResults(poll: Poll): TemplateResult | typeof nothing {
    const endpoint = this.config.endpoint;
    if (!resultsAllowed(poll, this.window, Boolean(this.vote))) {
      if (poll.showResults === 'after-close' && this.window !== 'closed' && this.vote) {
        return html`<p class="results-later">${msg('Results will be shown here when the poll closes.', { id: 'poll.results.after-close' })}</p>`;
      }
      return nothing;
    }
    if (!endpoint) return nothing;
    const r = this.results;
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
      ${results.base !== null ? html`<p>${msg(str`Based on about ${this.formatNumber(results.base)} votes.`, { id: 'poll.results.base' })}</p>` : nothing}
      ${results.questions.map((rq) => this.renderResultTable(rq, byId.get(rq.id)))}
      ${isStatementLists(results.statementLists) && results.statementLists.considered + results.statementLists.tooFew > 0
        ? this.renderStatementLists(results.statementLists, byId)
        : nothing}
      ${note}
    </section>`;
  }

  // ---- where carers agree, where they are divided

  private percent(n: number | null): string {
    return n === null ? msg('not shown (small number)', { id: 'poll.results.hidden' }) : `${this.formatNumber(n)}%`;
  }

  private renderListed(entry: ListedStatement, divided: boolean, byId: Map<string, Question>): TemplateResult {
    // The poll's own statements in the carer's language (and easy read); carers' statements as written.
    const own = entry.source === 'poll' ? byId.get(entry.id) : undefined;
    const agree = this.percent(entry.agree);
    const disagree = this.percent(entry.disagree);
    const figures = divided ? msg(str`${agree} agree, ${disagree} disagree`, { id: 'poll.lists.agree-disagree' }) : msg(str`${agree} agree`, { id: 'poll.lists.agree' });
    const why =
      entry.reason === 'differs' && entry.lowestAgree !== null && entry.highestAgree !== null
        ? msg(str`Agreement ranges from ${this.percent(entry.lowestAgree)} to ${this.percent(entry.highestAgree)} between areas and organisations.`, { id: 'poll.lists.differs' })
        : '';
    return html`<li class="listed" data-statement=${entry.id}>
      <p class="listed__text">${own ? this.label(own) : entry.text}</p>
      <p class="listed__figures">
        ${figures}${entry.source === 'carer' ? html` · ${msg('written by a carer', { id: 'poll.lists.by-carer' })}` : nothing}
      </p>
      ${why ? html`<p class="listed__why">${why}</p>` : nothing}
    </li>`;
  }

  private renderStatementLists(lists: StatementLists, byId: Map<string, Question>): TemplateResult {
    const { broadAgree, dividedEach, dividedSpread } = lists.rules;
    const tooFew = this.formatNumber(lists.tooFew);
    return html`<div class="statement-lists" data-lists>
      <h4 class="section-heading" id="broad-heading">${msg('Where most carers agree', { id: 'poll.lists.broad' })}</h4>
      <p class="hint">${msg(str`Statements at least ${broadAgree}% of carers agree with, in every area and organisation with enough votes.`, { id: 'poll.lists.broad-rule' })}</p>
      ${lists.broad.length
        ? html`<ul class="listed-list" data-list="broad" aria-labelledby="broad-heading">${lists.broad.map((e) => this.renderListed(e, false, byId))}</ul>`
        : html`<p data-list="broad">${msg('No statement yet.', { id: 'poll.lists.none' })}</p>`}
      <h4 class="section-heading" id="divided-heading">${msg('Where carers are divided', { id: 'poll.lists.divided' })}</h4>
      <p class="hint">
        ${msg(str`Statements where at least ${dividedEach}% agree and at least ${dividedEach}% disagree, or where agreement differs by ${dividedSpread} points or more between areas or organisations.`, { id: 'poll.lists.divided-rule' })}
      </p>
      ${lists.divided.length
        ? html`<ul class="listed-list" data-list="divided" aria-labelledby="divided-heading">${lists.divided.map((e) => this.renderListed(e, true, byId))}</ul>`
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

  private hiddenCount(): TemplateResult {
    return html`<span class="hidden-count">${msg('not shown (small number)', { id: 'poll.results.hidden' })}</span>`;
  }

  private renderResultTable(rq: PublicQuestion, q: Question | undefined): TemplateResult | typeof nothing {
    const options = rq.options ?? [];
    if (!options.length) return nothing;
    const label = q ? this.label(q) : rq.label;
    const optionText = (o: { value: string; label: string }) => (q ? this.optionLabel(q, o.value) : o.label);
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
              <td>${mean === null ? this.hiddenCount() : html`${this.renderBar(share)}<span class="figure">${this.formatNumber(mean, 1)}</span>`}</td>
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
            <td>${o.count === null ? this.hiddenCount() : this.formatNumber(o.count)}</td>
            <td>${o.percent === null ? this.hiddenCount() : html`${this.renderBar(o.percent)}<span class="figure">${this.formatNumber(o.percent)}%</span>`}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** A bar for sighted readers; the number beside it says the same in words. */
  private renderBar(percent: number): TemplateResult {
    const width = `${Math.max(0, Math.min(100, percent))}%`;
    return html`<span class="bar" part="bar" aria-hidden="true"><span class="bar__fill" style=${styleMap({ inlineSize: width })}></span></span>`;
  }

  // ---- add a statement

  private renderAddStatement(poll: Poll): TemplateResult | typeof nothing {
    if (!poll.allowStatements || !this.config.endpoint) return nothing;
    const s = this.statementState;
    const left = STATEMENT_MAX - this.statementText.length;
    const describedBy = ['statement-hint', this.statementError ? 'statement-error' : '', 'statement-count'].filter(Boolean).join(' ');
    return html`<section class="add-statement" part="add-statement" aria-labelledby="add-statement-heading">
      <h3 class="section-heading" id="add-statement-heading">${msg('Add your own statement', { id: 'poll.statement.heading' })}</h3>
      ${this.statementError
        ? html`<div class="error-summary" role="alert" tabindex="-1" data-focus="statement-summary">
            <h4 class="error-summary__title">${msg('There is a problem', { id: 'poll.statement.problem' })}</h4>
            <a class="link" href="#statement-text" @click=${(e: Event) => {
              e.preventDefault();
              (this.renderRoot as ShadowRoot).querySelector<HTMLElement>('#statement-text')?.focus();
            }}>${this.statementError}</a>
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
      <form novalidate @submit=${this.onStatementSubmit}>
        <div class=${this.statementError ? 'form-group form-group--error' : 'form-group'}>
          <label class="label" for="statement-text">${msg('Your statement', { id: 'poll.statement.label' })}</label>
          <div class="hint" id="statement-hint">
            ${msg('Write one short sentence that other carers can agree or disagree with. Do not include names, addresses or phone numbers. A moderator checks every statement before others see it.', { id: 'poll.statement.hint' })}
          </div>
          ${this.statementError
            ? html`<p class="error-message" id="statement-error"><span class="visually-hidden">${msg('Error:', { id: 'poll.error-prefix' })}</span> ${this.statementError}</p>`
            : nothing}
          <textarea
            class="textarea"
            id="statement-text"
            name="statement"
            rows="3"
            aria-describedby=${describedBy}
            aria-invalid=${this.statementError ? 'true' : 'false'}
            .value=${this.statementText}
            @input=${this.onStatementInput}
          ></textarea>
          <p class=${left < 0 ? 'count count--over' : 'count'} id="statement-count">
            ${this.countText(left)}
          </p>
        </div>
        <button class="button secondary" part="button" type="submit" data-action="add-statement" aria-busy=${s.status === 'sending' ? 'true' : 'false'}>
          ${msg('Send my statement', { id: 'poll.statement.send' })}
        </button>
      </form>
    </section>`;
  }

  /** "You have 12 characters remaining" / "You have 3 characters too many", as GOV.UK's character count. */
  private countText(left: number): string {
    const n = this.formatNumber(Math.abs(left));
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

  // ---- you said, we did

  private renderUpdates(): TemplateResult | typeof nothing {
    if (!this.updates.length) return nothing;
    return html`<section class="updates" part="updates" aria-labelledby="updates-heading">
      <h3 class="section-heading" id="updates-heading">${msg('You said, we did', { id: 'poll.updates.heading' })}</h3>
      <ol class="updates__list">
        ${this.updates.map(
          (u) => html`<li class="update">
            <p class="update__date"><time datetime=${u.date}>${this.formatDate(u.date, false)}</time></p>
            <h4 class="update__label">${msg('You said', { id: 'poll.updates.you-said' })}</h4>
            <p>${u.youSaid}</p>
            <h4 class="update__label">${msg('We did', { id: 'poll.updates.we-did' })}</h4>
            <p>${u.weDid}</p>
          </li>`,
        )}
      </ol>
    </section>`;
  }
}
