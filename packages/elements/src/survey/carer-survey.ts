import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import type { AnswerValue, Answers, Question, Survey } from '@carers-voice/core/content';
import type { AnswerProblem } from '@carers-voice/core/response';
import type { DraftStore } from '@carers-voice/core/outbox/drafts';
import { CarerElement } from '../base/carer-element.js';
import { Announcer } from '../base/announcer.js';
import { SubmitGuard } from '../base/submit-guard.js';
import { buttonStyles } from '../theme/button.styles.js';
import { CarerConfigController } from '../provider/config-controller.js';
import { CarerAnswerEvent, CarerPageEvent, CarerReadyEvent } from '../events/events.js';
import { DefinitionController } from '../widget/definition-controller.js';
import { surveyShape } from '../widget/definition-shape.js';
import type { OutboxStatusController } from '../widget/outbox-status-controller.js';
import { definitionProblemStyles, renderDefinitionProblem, renderLoading } from '../widget/definition-problem.js';
import {
  answerIds,
  defaultYoungCarerRule,
  isAnswered,
  isChosen,
  isYoungCarer,
  revealParents,
  route,
  type Route,
  type Step,
  type YoungCarerRule,
} from './steps.js';
import { CHECK, DONE, ignoreDoubleClick, type Delivery, type SentRecord } from './survey-types.js';
import { DEVICE_DB, IMPLICIT_SUBMIT, sameRecord, settleTree, storeExists, whenIdle } from './survey-dom.js';
import { renderDeviceNote, renderEasyReadToggle, renderIntro } from './pages/page-parts.js';
import { laterNow, loadDeviceStore, loadLater, type Later } from './lazy.js';
import { loadLocalise, localiseReady, localised } from '../widget/localise.js';
import { surveyStyles } from './carer-survey.styles.js';
import { widgetChromeStyles } from '../widget/widget-chrome.styles.js';
import { loadControls, preloadCoreControls } from '../kit/controls.js';
import { errorSummaryReady, focusErrorSummary } from '../kit/error-summary/ready.js';
import { addStyles } from '../base/add-styles.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long the first page waits for the device's draft store, so a returning carer lands straight
 * on their page (no flash of page 1). The store is opened as soon as the element is on the page, in
 * parallel with loading the definition, so this is normally one quick read; a store slower than
 * this does not hold the page back (the draft is then applied when it comes, if the carer has not
 * started answering).
 */
const DRAFT_WAIT_MS = 400;

/** The part of a question control the survey reads (every kit control has these). */
interface ControlLike extends HTMLElement {
  value: AnswerValue | undefined;
  revealValues: Record<string, AnswerValue>;
  focusField?(id: string, options?: FocusOptions): boolean;
}

/**
 * A whole survey, GOV.UK style: one page at a time (or one question per page when the definition
 * says), show-if branching, "Continue" that checks the page and shows an error summary, "Back" that
 * keeps answers, a "Check your answers" page with "Change" links, and a confirmation page with a
 * short reference and the partner's signposting.
 *
 * Every answer is kept as a draft on the device (IndexedDB) as it is given, so a reload or a visit
 * tomorrow resumes at the same page; "Start again and clear my answers" removes it, and drafts
 * expire after `draft-days`. Sending goes through the device's outbox: the response is stored
 * first, then sent to `endpoint` and retried until the collector acknowledges it. With no endpoint
 * the survey runs in local mode and says that answers stay on the device.
 *
 * ```html
 * <carer-survey instrument="annual-carers-survey" endpoint="https://carers.example.org" partner="bury-carers-hub"></carer-survey>
 * ```
 *
 * @fires carer-ready - The definition is loaded and the first page is showing. `detail: { instrument, kind, title }`.
 * @fires carer-answer - The carer answered or changed a question. `detail: { question, value }`.
 * @fires carer-page - The carer moved to another page. `detail: { page, number, total }`.
 * @fires carer-submit - The carer sent their answers; `detail.envelope` is the response, before it is stored and sent.
 * @fires carer-sent - The collector acknowledged the response. `detail: { id, receipt }`.
 * @fires carer-error - The definition or set-up is wrong (`kind: 'definition' | 'config'`) or the collector refused the response (`'send'`). `detail.message` says why in plain words.
 *
 * @csspart heading - Each page's heading.
 * @csspart progress - "Page 2 of 6".
 * @csspart error-summary - The error summary shown after Continue.
 * @csspart button - The Continue / Send buttons.
 * @csspart summary-list - The "Check your answers" list.
 * @csspart confirmation - The confirmation panel with the reference.
 * @csspart signposting - The list of places to get help.
 * @csspart loading - The placeholder while the definition loads.
 * @csspart definition-problem - What is shown when the definition cannot be used.
 *
 * @cssproperty --carer-widget-min-block-size - Space kept while loading, so the page does not jump (default 12em).
 * @cssproperty --carer-color-brand - Buttons.
 * @cssproperty --carer-color-success - The confirmation panel.
 * @cssproperty --carer-color-error - Errors.
 */
/** The question types `questions` show, their follow-ups' included. */
function controlTypes(questions: Question[]): Set<Question['type']> {
  const types = new Set<Question['type']>();
  for (const q of questions) {
    types.add(q.type);
    if ((q.type === 'single' || q.type === 'multiple') && q.reveal) for (const r of Object.values(q.reveal)) types.add(r.type);
  }
  return types;
}

export class CarerSurvey extends CarerElement {
  static override styles: CSSResultGroup = [CarerElement.styles, buttonStyles, definitionProblemStyles, widgetChromeStyles, surveyStyles];

  /** URL of a survey definition (JSON). Fetched without cookies. */
  @property() src?: string;

  /** A survey definition object (or JSON text); wins over `src` and `instrument`. */
  @property({ attribute: false }) definition?: unknown;

  /** A built-in instrument id, e.g. `annual-carers-survey`. */
  @property() instrument?: string;

  /** The collector's base URL. Without it (here or on `<carer-voice>`), answers stay on the device. */
  @property() endpoint?: string;

  /** The partner's id, as registered with the collector. */
  @property() partner?: string;

  /** Days an unsent draft is kept on the device (default 7). */
  @property({ type: Number, attribute: 'draft-days' }) draftDays = 7;

  /** Show easy read wording where the definition has it (the carer can also switch it on). */
  @property({ type: Boolean, attribute: 'easy-read', reflect: true }) easyRead = false;

  /** Always use the wording for young carers. */
  @property({ type: Boolean }) young = false;

  /**
   * Which answer makes the carer a young carer, e.g. `{ question: 'age-band', values: ['under-18'] }`.
   * Wins over the definition's own `youngCarer`; without either, a question whose id contains "age"
   * with an under-18 option is used.
   */
  @property({ attribute: false }) youngCarer?: YoungCarerRule;

  /** IndexedDB database for drafts and the outbox (tests use their own). */
  @property({ attribute: false }) database?: string;

  /** @internal */
  readonly config = new CarerConfigController(this);
  private readonly source = new DefinitionController<'survey'>(this, { kind: 'survey', shape: surveyShape, endpoint: () => this.config.endpoint });
  /** @internal */
  readonly announcer = new Announcer(this);
  /** @internal */
  readonly guard = new SubmitGuard(this);

  // The members marked internal are read by ./sending.ts.
  /** @internal */
  @state() answers: Answers = {};
  /** @internal */
  @state() position = '';
  /** @internal */
  @state() problems: AnswerProblem[] = [];
  /** @internal */
  @state() returnToCheck = false;
  /** @internal */
  @state() resumed = false;
  @state() private draftReady = false;
  /** @internal */
  @state() delivery?: Delivery;
  /** @internal */
  @state() receipt = '';
  /** The part needed after the first page could not be loaded (offline): said beside Continue. */
  @state() private laterFailed = false;

  /** @internal */
  survey?: Survey;
  /** @internal */
  startedAt = new Date().toISOString();
  /** @internal */
  honeypot = '';
  /** @internal */
  envelopeId = '';
  /** @internal The device's outbox, opened once the sending part has loaded (see later.ts). */
  outboxStatus?: OutboxStatusController;
  private readySent = false;
  /** @internal */
  saving?: Promise<void>;
  /** A Continue waiting for the checks to load. */
  private continuing?: Promise<void> | undefined;
  private dirty = false;
  /** @internal */
  focusAfterUpdate: 'heading' | 'summary' | string | undefined;

  /** Resolves once the latest answers are saved on the device (after any Continue being acted on). */
  get saved(): Promise<void> {
    const continuing = this.continuing;
    return continuing ? continuing.then(() => this.saved) : (this.saving ?? Promise.resolve());
  }

  /** Resolves once the definition and any draft are loaded and the first page (or the resumed one) shows. */
  get ready(): Promise<void> {
    return this.source.complete
      .then(() => this.updateComplete)
      .then(() => Promise.all([this.draftLoad, this.controlsLoad, this.shown]))
      .then(() => this.updateComplete)
      .then(() => undefined);
  }

  private draftLoad?: Promise<void>;
  private controlsLoad?: Promise<void> | undefined;
  private shown?: Promise<void>;

  /** @internal */
  async drafts(): Promise<DraftStore<Answers>> {
    const { DraftStore } = await loadDeviceStore();
    return new DraftStore<Answers>(this.database ? { database: this.database } : {});
  }

  /** Loads the draft store's code and opens the store (so reading or saving a draft is quick). */
  private openStore(): void {
    const database = this.database;
    loadDeviceStore()
      .then((m) => m.openDeviceStore(database))
      .catch(() => undefined);
  }

  /** @internal */
  get draftKey(): string {
    const s = this.survey;
    return s ? `${s.id}@${s.version}|${this.config.partner ?? ''}` : '';
  }

  /** @internal Where the confirmation of a sent response is kept, so a reload shows it again. */
  get doneKey(): string {
    const key = this.draftKey;
    return key ? `${key}|done` : '';
  }

  /** Days a draft is kept (`draft-days`, 7 when not a positive number). */
  private get days(): number {
    return Number.isFinite(this.draftDays) && this.draftDays > 0 ? this.draftDays : 7;
  }

  private get maxAgeMs(): number {
    return this.days * DAY_MS;
  }

  /** Whether there can be a draft on this device (see storeExists), for the database named. */
  private mayHaveDraft: Promise<boolean> = Promise.resolve(true);
  private storeAsked = '';

  /**
   * Asks whether the device has the store (before anything opens it, which would create it). If
   * so, opens it now, while the definition loads, so the draft is read quickly; if not (a first
   * visit) there is nothing to resume, and its code is fetched when the browser is idle.
   */
  private askStore(): void {
    const name = this.database ?? DEVICE_DB;
    if (name === this.storeAsked) return;
    this.storeAsked = name;
    this.mayHaveDraft = storeExists(name);
    // With a draft to read, open the store now; otherwise once the first page is up (preloadLater):
    // the first question's download is only what it needs.
    void this.mayHaveDraft.then((may) => may && this.openStore());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.askStore();
  }

  // `update`, not `willUpdate`: the definition controller settles in `hostUpdate`, which runs between the two.
  protected override update(changed: PropertyValues<this>): void {
    const definition = this.source.status === 'ready' ? this.source.definition : undefined;
    if (definition && definition !== this.survey) this.start(definition);
    if (!definition && this.source.status !== 'ready') this.survey = undefined;
    // While the definition is fetched or checked: the controls nearly every survey uses, alongside.
    if (this.source.status === 'loading') preloadCoreControls();
    super.update(changed);
  }

  private firstKey(survey: Survey): string {
    return route(survey, {}).steps[0]?.key ?? '';
  }

  /**
   * A new definition: its first page shows once the controls it uses are here and any draft is
   * read (briefly waited for: see DRAFT_WAIT_MS), so a returning carer lands straight on their page;
   * on a device with no draft store yet (a first visit) there is nothing to wait for.
   */
  private start(survey: Survey): void {
    this.survey = survey;
    this.readySent = false;
    this.answers = {};
    this.problems = [];
    this.delivery = undefined;
    this.resumed = false;
    this.startedAt = new Date().toISOString();
    this.position = this.firstKey(survey);
    this.draftReady = false;
    // Controls the kit loads on first use (likert, select, text …; rating, number, ranking,
    // points, statement): every one the survey uses starts loading now, and a page shows once its
    // own are here, so no question appears late or moves the page, and a control only a later
    // page needs never delays the first question.
    // Offline before a control arrived: show the page anyway; each question retries its control.
    const translations = loadLocalise(survey);
    const load = (questions: Question[]) => Promise.all([loadControls(controlTypes(questions)), translations]).then(() => undefined, () => undefined);
    this.controlsLoad = load(survey.pages.flatMap((p) => p.questions));
    const pageControls = () => load(this.route.steps.find((x) => x.key === this.position)?.questions ?? []);
    this.askStore(); // again if `database` was set after the element joined the page
    this.draftLoad = this.mayHaveDraft.then((may) => (may ? this.loadDraft(survey) : undefined));
    const draft = this.draftLoad;
    const draftOrTimeout = this.mayHaveDraft.then((may) =>
      may ? Promise.race([draft, new Promise<void>((resolve) => setTimeout(resolve, DRAFT_WAIT_MS))]) : undefined,
    );
    // The first page's controls and the draft together; then the page the draft resumes on.
    this.shown = Promise.all([pageControls(), draftOrTimeout])
      .then(pageControls)
      .then(() => {
        if (this.survey === survey) this.draftReady = true;
      });
  }

  /**
   * The draft (resume where the carer was) and a sent response's confirmation (a reload after
   * sending shows the reference again, not an empty survey), read together. Applied only while
   * the carer has not started answering. Never rejects.
   */
  private async loadDraft(survey: Survey): Promise<void> {
    const untouched = () => this.survey === survey && Object.keys(this.answers).length === 0 && this.position === this.firstKey(survey);
    try {
      const store = await this.drafts();
      const [draft, done] = await Promise.all([store.load(this.draftKey, this.maxAgeMs), store.load(this.doneKey, this.maxAgeMs).catch(() => undefined)]);
      const sent = done?.answers as Partial<SentRecord> | undefined;
      if (sent && typeof sent.receipt === 'string' && typeof sent.id === 'string' && !(draft && draft.updatedAt > done!.updatedAt)) {
        // The confirmation page comes with the part loaded after the first page: fetch it first.
        const parts = await loadLater().catch(() => undefined);
        if (parts && untouched()) parts.showSent(this, sent as SentRecord);
      } else if (draft && typeof draft.answers === 'object' && draft.answers && Object.keys(draft.answers).length > 0 && untouched()) {
        const steps = route(survey, draft.answers).steps;
        const at = String(draft.position);
        let position = steps.some((s) => s.key === at) ? at : (steps[0]?.key ?? '');
        if (at === CHECK) {
          // The check page comes with the part loaded after the first page; offline without it, resume on the last question page.
          position = (await loadLater().then(() => CHECK, () => undefined)) ?? steps[steps.length - 1]?.key ?? position;
        }
        if (untouched()) {
          this.answers = { ...draft.answers };
          this.startedAt = draft.startedAt;
          this.position = position;
          this.resumed = true;
        }
      }
      // Other expired drafts go later, when the carer is reading: the sweep is a write
      // transaction that would otherwise queue in front of their first answer's save.
      const maxAge = this.maxAgeMs;
      setTimeout(() => void store.purgeExpired(maxAge).catch(() => undefined), 3000);
    } catch {
      // Private browsing or storage switched off: the survey still works, it just cannot resume.
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.survey && this.draftReady && !this.readySent) {
      this.readySent = true;
      this.dispatchEvent(new CarerReadyEvent({ instrument: { id: this.survey.id, version: this.survey.version }, kind: 'survey', title: this.survey.title }));
      this.preloadLater();
    }
    const target = this.focusAfterUpdate;
    if (target) {
      this.focusAfterUpdate = undefined;
      void this.moveFocus(target);
    }
  }

  /**
   * Once the first page is up, when the browser is idle: load what comes after it, so Continue
   * needs no wait, and open the outbox, so responses queued on an earlier visit are sent.
   */
  private preloadLater(): void {
    whenIdle(() => {
      this.openStore();
      errorSummaryReady().catch(() => undefined);
      loadLater().then(
        (parts) => {
          if (this.isConnected && this.survey && this.config.endpoint) parts.watchOutbox(this);
        },
        () => undefined,
      );
    });
  }

  /** Focus moves once the controls inside have rendered too (they update after this element). */
  private async moveFocus(target: string): Promise<void> {
    const root = this.renderRoot as ShadowRoot;
    await settleTree(root);
    if (target === 'heading') root.querySelector<HTMLElement>('[data-heading]')?.focus();
    else if (target === 'summary') await focusErrorSummary(root);
    else this.focusQuestion(target);
  }

  // ------------------------------------------------------------------ state helpers

  private viewCache?: { survey: Survey; lang: string; view: Survey };
  private summaryCache?: { problems: AnswerProblem[]; lang: string; errors: { id: string; message: string }[] };
  private readonly focusFromSummary = (id: string): void => this.focusQuestion(id);
  private readonly revealCache = new Map<string, { values: Record<string, AnswerValue>; errors: Record<string, string> }>();

  /** The survey in the carer's language (the definition's own `translations` applied); same ids and structure. */
  private get view(): Survey {
    const survey = this.survey!;
    const lang = this.config.lang;
    if (this.viewCache?.survey !== survey || this.viewCache.lang !== lang) {
      let view = survey;
      try {
        // (Until the translation code has loaded, which the first page waits for, the source language.)
        view = localised(survey, lang);
      } catch {
        // A translation that cannot be applied: show the source language.
      }
      if (localiseReady(survey)) this.viewCache = { survey, lang, view };
      else return view;
    }
    return this.viewCache.view;
  }

  /** @internal */
  get route(): Route {
    return route(this.view, this.answers);
  }

  private get isYoung(): boolean {
    const s = this.survey!;
    return this.young || isYoungCarer(this.youngCarer ?? s.youngCarer ?? defaultYoungCarerRule(s), this.answers);
  }

  private saveDraft(): void {
    if (!this.survey) return;
    this.dirty = true;
    if (!this.saving) this.saving = this.flushDraft();
  }

  private async flushDraft(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        const key = this.draftKey;
        try {
          await (await this.drafts()).save(key, this.answers, this.position);
        } catch {
          // Storage unavailable (private mode, full disk): answers still live in the page.
        }
      }
    } finally {
      this.saving = undefined;
    }
  }

  /** @internal */
  goTo(position: string, focus: 'heading' | 'summary' | string = 'heading'): void {
    this.position = position;
    this.resumed = false;
    this.focusAfterUpdate = focus;
    this.saveDraft();
    const steps = this.route.steps;
    const index = steps.findIndex((s) => s.key === position);
    const total = steps.length;
    this.dispatchEvent(new CarerPageEvent({ page: position, number: index + 1, total }));
    if (index >= 0) this.announcer.announce(this.progressText(index + 1, total));
  }

  private progressText(n: number, total: number): string {
    return this.survey?.oneQuestionPerPage
      ? msg(str`Question ${n} of ${total}`, { id: 'survey.progress.question' })
      : msg(str`Page ${n} of ${total}`, { id: 'survey.progress.page' });
  }

  // ------------------------------------------------------------------ answering

  private onAnswer(e: Event, q: Question, fire: boolean): void {
    const control = e.currentTarget as ControlLike;
    const next: Answers = { ...this.answers };
    const value = control.value;
    if (isAnswered(value)) next[q.id] = value as AnswerValue;
    else delete next[q.id];
    if ((q.type === 'single' || q.type === 'multiple') && q.reveal) {
      for (const [option, r] of Object.entries(q.reveal)) {
        const rv = control.revealValues?.[r.id];
        if (isChosen(value, option) && isAnswered(rv)) next[r.id] = rv as AnswerValue;
        else delete next[r.id];
      }
    }
    this.answers = next;
    this.saveDraft();
    if (fire) this.dispatchEvent(new CarerAnswerEvent({ question: q.id, value: next[q.id] }));
  }

  private onContinue(e: Event): void {
    e.preventDefault();
    if (!this.guard.attempt()) return;
    this.laterFailed = false;
    const later = laterNow();
    if (later) {
      this.guard.release();
      later.continueFrom(this);
      return;
    }
    // The checks are not here yet (normally they are, loaded at idle): the button stays busy until they are.
    const continuing = loadLater().then(
      (parts) => {
        this.guard.release();
        parts.continueFrom(this);
      },
      () => {
        this.guard.release();
        this.laterFailed = true;
      },
    );
    const tracked: Promise<void> = continuing.finally(() => {
      if (this.continuing === tracked) this.continuing = undefined;
    });
    this.continuing = tracked;
  }

  /**
   * Enter in a one-line text field submits the page, as it would in a plain form: the fields live
   * in the controls' own shadow roots, where the browser's implicit submission cannot see this
   * form. Not in a textarea (Enter is a new line there), nor while an input method is composing.
   */
  private readonly onFormKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || e.isComposing || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return;
    const field = e.composedPath()[0];
    if (!(field instanceof HTMLInputElement) || !IMPLICIT_SUBMIT.has(field.type)) return;
    const form = e.currentTarget as HTMLFormElement;
    // A field of this form itself gets the browser's own implicit submission.
    if (field.form === form) return;
    // The answer is already kept (every keystroke is an `input`), so the page can be checked now.
    e.preventDefault();
    form.requestSubmit();
  };

  private readonly onBack = (): void => {
    const steps = this.route.steps;
    this.problems = [];
    if (this.returnToCheck && this.position !== CHECK) {
      // Back from a "Change" goes back to where the carer came from: the check page.
      this.returnToCheck = false;
      this.goTo(CHECK);
      return;
    }
    if (this.position === CHECK) {
      this.goTo(steps[steps.length - 1]?.key ?? '');
      return;
    }
    const index = steps.findIndex((s) => s.key === this.position);
    if (index > 0) this.goTo(steps[index - 1]!.key);
  };

  private readonly onChange = (e: Event, stepKey: string, questionId: string): void => {
    e.preventDefault();
    this.returnToCheck = true;
    this.problems = [];
    this.goTo(stepKey, questionId);
  };

  private readonly toggleEasyRead = (): void => {
    this.easyRead = !this.easyRead;
  };

  private readonly onClearClick = (): void => void this.onClear();

  private async onClear(): Promise<void> {
    const key = this.draftKey;
    this.answers = {};
    this.problems = [];
    this.returnToCheck = false;
    this.resumed = false;
    this.startedAt = new Date().toISOString();
    await this.saving;
    try {
      await (await this.drafts()).clear(key);
    } catch {
      // Nothing stored: nothing to clear.
    }
    this.position = this.route.steps[0]?.key ?? '';
    this.focusAfterUpdate = 'heading';
    this.dispatchEvent(new CarerPageEvent({ page: this.position, number: 1, total: this.route.steps.length }));
    this.announcer.announce(msg('Your answers have been cleared from this device.', { id: 'survey.cleared' }));
  }

  private focusQuestion(id: string): void {
    const root = this.renderRoot as ShadowRoot;
    const parent = revealParents(this.survey!).get(id)?.parent.id ?? id;
    const control = root.querySelector<ControlLike>(`[data-qid="${CSS.escape(parent)}"]`);
    if (!control) return;
    if (!control.focusField?.(id)) control.focus();
  }

  // ------------------------------------------------------------------ sending

  /** "Send my answers" on the check page (which comes with the sending part, so it is here). */
  private readonly onSend = async (e: Event): Promise<void> => {
    e.preventDefault();
    const later = laterNow();
    if (!later || !this.guard.attempt()) return;
    await later.send(this);
  };

  // ------------------------------------------------------------------ rendering


  override render() {
    switch (this.source.status) {
      case 'error':
        return renderDefinitionProblem(this.source.problem!);
      case 'idle':
        return html`<div class="widget-loading" part="loading">
          <p>${this.source.idleMessage ?? ''}</p>
        </div>`;
      case 'loading':
        return renderLoading();
    }
    if (!this.survey || !this.draftReady) return renderLoading();
    return html`<div class="survey" lang=${this.config.lang}>
      ${this.renderScreen()} ${this.announcer.render()}
    </div>`;
  }

  private renderScreen(): TemplateResult {
    if (this.position === DONE || this.position === CHECK) {
      // Both come with the part loaded after the first page, which is loaded before either is reached.
      const later = laterNow();
      if (!later) return renderLoading();
      this.adoptLaterStyles(later);
      if (this.position === DONE) {
        return later.renderConfirmation({ survey: this.survey!, receipt: this.receipt, delivery: this.delivery, onStartOver: () => later.startOver(this) });
      }
      return later.renderCheckAnswers({
        survey: this.view,
        route: this.route,
        easyRead: this.easyRead,
        young: this.isYoung,
        locale: this.config.locale,
        busy: this.guard.busy,
        topBar: html`<div class="top-bar">
          <button type="button" class="back-link" @click=${this.onBack}>${msg('Back', { id: 'survey.back' })}</button>
          ${renderEasyReadToggle(this.survey!, this.easyRead, this.toggleEasyRead)}
        </div>`,
        onChange: this.onChange,
        onSend: this.onSend,
      });
    }
    const steps = this.route.steps;
    const index = Math.max(0, steps.findIndex((s) => s.key === this.position));
    const step = steps[index];
    if (!step) return html`<p>${msg('This survey has no questions to show.', { id: 'survey.empty' })}</p>`;
    return this.renderStep(step, index, steps.length);
  }

  private laterStylesAdopted = false;

  /** The check and confirmation pages' rules join the shadow root's styles once they have loaded. */
  private adoptLaterStyles(parts: Later): void {
    if (this.laterStylesAdopted || !this.shadowRoot) return;
    this.laterStylesAdopted = true;
    addStyles(this.shadowRoot, parts.laterStyles);
  }

  private surveyTitle(): string {
    const s = this.view;
    return (this.easyRead && s.easyRead?.title) || s.title;
  }

  private renderStep(step: Step, index: number, total: number): TemplateResult {
    const s = this.survey!;
    const first = index === 0;
    const young = this.isYoung;
    const heading = step.page.title ?? this.surveyTitle();
    return html`
      <div class="top-bar">
        ${index > 0 || this.returnToCheck
          ? html`<button type="button" class="back-link" @click=${this.onBack}>${msg('Back', { id: 'survey.back' })}</button>`
          : html`<span></span>`}
        ${renderEasyReadToggle(this.survey!, this.easyRead, this.toggleEasyRead)}
      </div>
      ${this.problems.length ? this.renderErrorSummary() : nothing}
      <carer-progress part="progress" current=${index + 1} total=${total} unit=${s.oneQuestionPerPage ? 'question' : 'page'}></carer-progress>
      <h2 class="heading" part="heading" tabindex="-1" data-heading>${heading}</h2>
      ${this.resumed
        ? html`<p class="inset">${msg('Welcome back. Your answers from last time were kept on this device.', { id: 'survey.resumed' })}</p>`
        : nothing}
      ${first ? renderIntro(this.view, this.easyRead) : nothing}
      ${step.page.intro ? html`<p class="page-intro">${step.page.intro}</p>` : nothing}
      ${keyed(step.key, html`<form novalidate @submit=${this.onContinue} @keydown=${this.onFormKeydown}>
        ${step.questions.map((q) => this.renderQuestion(q, young))}
        <div class="hp" aria-hidden="true">
          <label for="cv-website">${msg('Leave this empty', { id: 'survey.honeypot' })}</label>
          <input
            id="cv-website"
            name="website"
            type="text"
            tabindex="-1"
            autocomplete="off"
            .value=${this.honeypot}
            @input=${(e: Event) => {
              this.honeypot = (e.target as HTMLInputElement).value;
            }}
          />
        </div>
        <button class="button" part="button" type="submit" aria-busy=${this.guard.busy ? 'true' : 'false'} @click=${ignoreDoubleClick}>
          ${index === total - 1 && s.checkAnswers === false
            ? msg('Send my answers', { id: 'survey.send' })
            : msg('Continue', { id: 'survey.continue' })}
        </button>
      </form>`)}
      ${this.laterFailed
        ? html`<p class="load-problem" role="alert">
            ${msg('This device seems to be offline, so the next page could not be opened. Your answers are kept on this device: try Continue again in a moment.', {
              id: 'survey.offline-continue',
            })}
          </p>`
        : nothing}
      ${renderDeviceNote(this.days, Boolean(this.config.endpoint), this.onClearClick)}
    `;
  }

  private renderQuestion(q: Question, young: boolean): TemplateResult {
    const errorFor = (id: string) => {
      const p = this.problems.find((x) => x.question === id);
      return p ? this.problemText(p) : '';
    };
    let revealValues: Record<string, AnswerValue> = {};
    let revealErrors: Record<string, string> = {};
    for (const id of answerIds(q).slice(1)) {
      const v = this.answers[id];
      if (v !== undefined) revealValues[id] = v;
      const err = errorFor(id);
      if (err) revealErrors[id] = err;
    }
    // The same objects as last time when nothing changed, so answering one question does not
    // re-render every other control on the page (each would see a "new" value otherwise).
    const last = this.revealCache.get(q.id);
    if (last && sameRecord(last.values, revealValues)) revealValues = last.values;
    if (last && sameRecord(last.errors, revealErrors)) revealErrors = last.errors;
    this.revealCache.set(q.id, { values: revealValues, errors: revealErrors });
    return html`<carer-question
      data-qid=${q.id}
      .question=${q}
      .value=${this.answers[q.id]}
      .error=${errorFor(q.id)}
      .revealValues=${revealValues}
      .revealErrors=${revealErrors}
      ?easy-read=${this.easyRead}
      ?young=${young}
      @input=${(e: Event) => this.onAnswer(e, q, false)}
      @change=${(e: Event) => this.onAnswer(e, q, true)}
    ></carer-question>`;
  }

  private renderErrorSummary(): TemplateResult {
    // Same list and callback between renders unless the problems changed: no needless re-render.
    if (this.summaryCache?.problems !== this.problems || this.summaryCache.lang !== this.config.lang) {
      this.summaryCache = { problems: this.problems, lang: this.config.lang, errors: this.problems.map((p) => ({ id: p.question, message: this.problemText(p) })) };
    }
    errorSummaryReady().catch(() => undefined);
    return html`<carer-error-summary part="error-summary" .errors=${this.summaryCache.errors} .focusTarget=${this.focusFromSummary}></carer-error-summary>`;
  }

  /** The error message for a problem (problems come from the checks, so their part is loaded). */
  private problemText(p: AnswerProblem): string {
    const later = laterNow();
    return later ? later.problemText(this.survey!, p) : p.message;
  }
}
