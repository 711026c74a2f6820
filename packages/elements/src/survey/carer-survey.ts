import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import type { AnswerValue, Answers, Question, Survey } from '@carers-voice/core/content';
import { resolveOptions } from '@carers-voice/core/content';
import { localiseDefinition } from '@carers-voice/core/i18n';
import { checkAnswers, createEnvelope, formatReceiptCode, receiptCode, splitContact, type AnswerProblem, type ResponseEnvelope } from '@carers-voice/core/response';
import { DraftStore, type OutboxRecord } from '@carers-voice/core/outbox';
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
  answerIds,
  defaultYoungCarerRule,
  isAnswered,
  isChosen,
  isYoungCarer,
  questionsById,
  revealParents,
  route,
  type Route,
  type Step,
  type YoungCarerRule,
} from './steps.js';
import { surveyStyles } from './carer-survey.styles.js';
import { widgetChromeStyles } from '../widget/widget-chrome.styles.js';
import { loadControls } from '../kit/controls.js';

const CHECK = 'check-answers';

/** Waits until every Lit element under `root` (through shadow roots) has rendered. */
async function settleTree(root: ShadowRoot | Element, depth = 0): Promise<void> {
  const pending: Promise<unknown>[] = [];
  const visit = (scope: ShadowRoot | Element) => {
    for (const node of scope.querySelectorAll('*')) {
      const lit = node as Element & { updateComplete?: Promise<unknown>; isUpdatePending?: boolean; hasUpdated?: boolean };
      if (lit.updateComplete && (lit.isUpdatePending || lit.hasUpdated === false)) pending.push(lit.updateComplete);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
  };
  visit(root);
  if (pending.length && depth < 10) {
    await Promise.all(pending);
    await settleTree(root, depth + 1);
  }
}
const DONE = 'confirmation';

/** Same keys with the same values (answers compared by identity: they are replaced, never changed in place). */
function sameRecord<T>(a: Record<string, T>, b: Record<string, T>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** Input types whose Enter key submits a form (HTML's implicit submission). */
const IMPLICIT_SUBMIT = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', 'date', 'month', 'week', 'time', 'datetime-local']);

/** The second click of a double click does not press Continue again (GOV.UK button.mjs does the same). */
function ignoreDoubleClick(e: MouseEvent): void {
  if (e.detail > 1) e.preventDefault();
}
const DAY_MS = 24 * 60 * 60 * 1000;

/** What the carer is told about their sent answers. */
type Delivery =
  | { status: 'local' }
  | { status: 'pending'; attempts: number; lastError?: string | undefined }
  | { status: 'sent' }
  | { status: 'rejected'; lastError?: string | undefined };

/** What is kept on the device about a sent response, so a reload shows its confirmation. */
interface SentRecord {
  id: string;
  receipt: string;
  /** Set when it went to the outbox (then its delivery status is looked up there). */
  endpoint?: string;
}

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

  private readonly config = new CarerConfigController(this);
  private readonly source = new DefinitionController<'survey'>(this, { kind: 'survey', endpoint: () => this.config.endpoint });
  private readonly announcer = new Announcer(this);
  private readonly guard = new SubmitGuard(this);

  @state() private answers: Answers = {};
  @state() private position = '';
  @state() private problems: AnswerProblem[] = [];
  @state() private returnToCheck = false;
  @state() private resumed = false;
  @state() private draftReady = false;
  @state() private delivery?: Delivery;
  @state() private receipt = '';

  private survey?: Survey;
  private startedAt = new Date().toISOString();
  private honeypot = '';
  private envelopeId = '';
  private readonly outboxStatus = new OutboxStatusController(this, {
    database: () => this.database,
    watching: () => this.envelopeId,
    onRecord: (record) => this.applyRecord(record),
  });
  private readySent = false;
  private saving?: Promise<void>;
  private dirty = false;
  private focusAfterUpdate: 'heading' | 'summary' | string | undefined;

  /** Resolves once the latest answers are saved on the device. */
  get saved(): Promise<void> {
    return this.saving ?? Promise.resolve();
  }

  /** Resolves once the definition and any draft are loaded. */
  get ready(): Promise<void> {
    return this.source.complete
      .then(() => this.updateComplete)
      .then(() => Promise.all([this.draftLoad, this.controlsLoad]))
      .then(() => this.updateComplete)
      .then(() => undefined);
  }

  private draftLoad?: Promise<void>;
  private controlsLoad?: Promise<void> | undefined;

  private drafts(): DraftStore<Answers> {
    return new DraftStore<Answers>(this.database ? { database: this.database } : {});
  }

  private get draftKey(): string {
    const s = this.survey;
    return s ? `${s.id}@${s.version}|${this.config.partner ?? ''}` : '';
  }

  /** Where the confirmation of a sent response is kept, so a reload shows it again. */
  private get doneKey(): string {
    const key = this.draftKey;
    return key ? `${key}|done` : '';
  }

  private get maxAgeMs(): number {
    const days = Number.isFinite(this.draftDays) && this.draftDays > 0 ? this.draftDays : 7;
    return days * DAY_MS;
  }

  // `update`, not `willUpdate`: the definition controller settles in `hostUpdate`, which runs between the two.
  protected override update(changed: PropertyValues<this>): void {
    const definition = this.source.status === 'ready' ? this.source.definition : undefined;
    if (definition && definition !== this.survey) this.start(definition);
    if (!definition && this.source.status !== 'ready') this.survey = undefined;
    super.update(changed);
  }

  /**
   * A new definition: show its first page at once (no wait for IndexedDB), and load any draft
   * alongside; a draft found before the carer has answered anything resumes where they were.
   */
  private start(survey: Survey): void {
    this.survey = survey;
    this.readySent = false;
    this.answers = {};
    this.problems = [];
    this.delivery = undefined;
    this.resumed = false;
    this.startedAt = new Date().toISOString();
    this.position = route(survey, {}).steps[0]?.key ?? '';
    // Controls the kit loads on first use (rating, number, ranking, points, statement): wait for
    // them before the first page shows, so no question appears late or moves the page.
    const types = new Set<Question['type']>();
    for (const page of survey.pages) {
      for (const q of page.questions) {
        types.add(q.type);
        if ((q.type === 'single' || q.type === 'multiple') && q.reveal) for (const r of Object.values(q.reveal)) types.add(r.type);
      }
    }
    const controls = loadControls(types);
    this.draftReady = !controls;
    this.controlsLoad = controls?.then(
      () => {
        if (this.survey === survey) this.draftReady = true;
      },
      () => {
        // Offline before the control arrived: show the page anyway; each question retries its control.
        if (this.survey === survey) this.draftReady = true;
      },
    );
    const key = this.draftKey;
    const store = this.drafts();
    // Both reads in one go: the draft (resume where the carer was) and a sent response's
    // confirmation (a reload after sending shows the reference again, not an empty survey).
    this.draftLoad = Promise.all([store.load(key, this.maxAgeMs), store.load(this.doneKey, this.maxAgeMs).catch(() => undefined)])
      .then(([draft, done]) => {
        if (this.survey !== survey || Object.keys(this.answers).length > 0 || this.position !== (route(survey, {}).steps[0]?.key ?? '')) return;
        const sent = done?.answers as Partial<SentRecord> | undefined;
        if (sent && typeof sent.receipt === 'string' && typeof sent.id === 'string' && !(draft && draft.updatedAt > done!.updatedAt)) {
          this.showSent(sent as SentRecord);
        } else if (draft && typeof draft.answers === 'object' && draft.answers && Object.keys(draft.answers).length > 0) {
          this.answers = { ...draft.answers };
          this.startedAt = draft.startedAt;
          const steps = route(survey, this.answers).steps;
          const at = String(draft.position);
          this.position = at === CHECK || steps.some((s) => s.key === at) ? at : (steps[0]?.key ?? '');
          this.resumed = true;
        }
        // Other expired drafts go later, when the carer is reading: the sweep is a write
        // transaction that would otherwise queue in front of their first answer's save.
        const maxAge = this.maxAgeMs;
        setTimeout(() => void store.purgeExpired(maxAge).catch(() => undefined), 3000);
      })
      .catch(() => {
        // Private browsing or storage switched off: the survey still works, it just cannot resume.
      })
      .finally(() => {
        // Responses queued on an earlier visit are sent from now on (after the first page is up).
        if (this.survey === survey && this.config.endpoint) this.outboxStatus.watch();
      });
  }

  /** The confirmation of a response sent on an earlier visit (kept for `draft-days`). */
  private showSent(sent: SentRecord): void {
    this.position = DONE;
    this.receipt = sent.receipt;
    this.envelopeId = sent.id;
    if (!sent.endpoint) {
      this.delivery = { status: 'local' };
      return;
    }
    this.delivery = { status: 'pending', attempts: 1 };
    const outbox = this.outboxStatus.watch();
    void outbox.get(sent.id).then(
      (record) => {
        if (record && this.envelopeId === sent.id) this.applyRecord(record);
      },
      () => undefined,
    );
  }

  /** "Fill in the survey again" on the confirmation page: forgets the confirmation on this device. */
  private onStartOver(): void {
    const survey = this.survey!;
    this.drafts()
      .clear(this.doneKey)
      .catch(() => undefined);
    this.envelopeId = '';
    this.receipt = '';
    this.delivery = undefined;
    this.startedAt = new Date().toISOString();
    this.goTo(route(survey, {}).steps[0]?.key ?? '');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.survey && this.draftReady && !this.readySent) {
      this.readySent = true;
      this.dispatchEvent(new CarerReadyEvent({ instrument: { id: this.survey.id, version: this.survey.version }, kind: 'survey', title: this.survey.title }));
    }
    const target = this.focusAfterUpdate;
    if (target) {
      this.focusAfterUpdate = undefined;
      void this.moveFocus(target);
    }
  }

  /** Focus moves once the controls inside have rendered too (they update after this element). */
  private async moveFocus(target: string): Promise<void> {
    const root = this.renderRoot as ShadowRoot;
    await settleTree(root);
    if (target === 'heading') root.querySelector<HTMLElement>('[data-heading]')?.focus();
    else if (target === 'summary') root.querySelector<HTMLElement>('carer-error-summary')?.focus();
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
        view = survey.translations ? localiseDefinition(survey, lang) : survey;
      } catch {
        // A translation that cannot be applied: show the source language.
      }
      this.viewCache = { survey, lang, view };
    }
    return this.viewCache.view;
  }

  private get route(): Route {
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
    const store = this.drafts();
    try {
      while (this.dirty) {
        this.dirty = false;
        const key = this.draftKey;
        try {
          await store.save(key, this.answers, this.position);
        } catch {
          // Storage unavailable (private mode, full disk): answers still live in the page.
        }
      }
    } finally {
      this.saving = undefined;
    }
  }

  private goTo(position: string, focus: 'heading' | 'summary' | string = 'heading'): void {
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

  /** Problems for the questions on this step (their follow-ups included). */
  private stepProblems(step: Step, kept: Answers): AnswerProblem[] {
    const result = checkAnswers(this.survey!, kept);
    if (result.ok) return [];
    const ids = new Set(step.questions.flatMap(answerIds));
    return result.problems.filter((p) => ids.has(p.question));
  }

  private onContinue(e: Event): void {
    e.preventDefault();
    if (!this.guard.attempt()) return;
    this.guard.release();
    const { steps, kept } = this.route;
    const index = steps.findIndex((s) => s.key === this.position);
    const step = steps[index];
    if (!step) return;
    const problems = this.stepProblems(step, kept);
    this.problems = problems;
    if (problems.length) {
      this.focusAfterUpdate = 'summary';
      return;
    }
    // Answers to questions the carer's route no longer includes do not count: drop them.
    if (Object.keys(kept).length !== Object.keys(this.answers).length) this.answers = kept;
    let next: string | undefined;
    if (this.returnToCheck) {
      // After "Change": back to the check page, unless the change opened questions not yet answered.
      next = this.firstIncompleteAfter(steps, index, kept) ?? CHECK;
    } else {
      next = steps[index + 1]?.key ?? (this.survey!.checkAnswers === false ? undefined : CHECK);
    }
    if (next === undefined) {
      void this.send();
      return;
    }
    if (next === CHECK) this.returnToCheck = false;
    this.goTo(next);
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

  private firstIncompleteAfter(steps: Step[], index: number, kept: Answers): string | undefined {
    const result = checkAnswers(this.survey!, kept);
    if (result.ok) return undefined;
    const failing = new Set(result.problems.map((p) => p.question));
    return steps.slice(index + 1).find((s) => s.questions.some((q) => answerIds(q).some((id) => failing.has(id))))?.key;
  }

  private onBack(): void {
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
  }

  private onChange(e: Event, stepKey: string, questionId: string): void {
    e.preventDefault();
    this.returnToCheck = true;
    this.problems = [];
    this.goTo(stepKey, questionId);
  }

  private async onClear(): Promise<void> {
    const key = this.draftKey;
    this.answers = {};
    this.problems = [];
    this.returnToCheck = false;
    this.resumed = false;
    this.startedAt = new Date().toISOString();
    await this.saving;
    try {
      await this.drafts().clear(key);
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

  private async onSend(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.guard.attempt()) return;
    await this.send();
  }

  private async send(): Promise<void> {
    const survey = this.survey!;
    const { steps, kept } = this.route;
    const result = checkAnswers(survey, kept);
    if (!result.ok) {
      // Cannot normally happen (every page was checked), but never send an incomplete response.
      const failing = new Set(result.problems.map((p) => p.question));
      const step = steps.find((s) => s.questions.some((q) => answerIds(q).some((id) => failing.has(id))));
      this.guard.release();
      if (step) {
        this.problems = result.problems.filter((p) => step.questions.some((q) => answerIds(q).includes(p.question)));
        this.returnToCheck = survey.checkAnswers !== false;
        this.goTo(step.key, 'summary');
      }
      return;
    }
    // Contact details travel apart from the answers, so the collector can store them separately.
    const { answers, contact } = splitContact(survey, kept);
    const endpoint = this.config.endpoint;
    const envelope: ResponseEnvelope = createEnvelope({
      instrument: { id: survey.id, version: survey.version },
      partner: this.config.partner ?? '',
      locale: this.config.lang,
      startedAt: this.startedAt,
      answers,
      ...(Object.keys(contact).length ? { contact } : {}),
      meta: { honeypot: this.honeypot, mode: deliveryMode() },
    });
    this.envelopeId = envelope.id;
    this.dispatchEvent(new CarerSubmitEvent({ envelope }));
    try {
      if (endpoint) {
        const outbox = this.outboxStatus.watch();
        const record = await outbox.enqueue(envelope, endpoint);
        // The outbox may already have delivered it.
        this.applyRecord((await outbox.get(envelope.id)) ?? record);
      } else {
        await this.drafts().save(`local|${envelope.id}`, envelope as unknown as Answers, 'local');
        this.delivery = { status: 'local' };
      }
    } catch {
      // IndexedDB unusable: in local mode the answers cannot be kept; say so rather than pretend.
      this.delivery = endpoint ? { status: 'pending', attempts: 1, lastError: 'storage' } : { status: 'local' };
    }
    this.receipt = formatReceiptCode(receiptCode(envelope.id));
    await this.saving;
    this.answers = {};
    this.resumed = false;
    const sent: SentRecord = { id: envelope.id, receipt: this.receipt, ...(endpoint ? { endpoint } : {}) };
    try {
      await this.drafts().clear(this.draftKey);
      await this.drafts().save(this.doneKey, sent as unknown as Answers, DONE);
    } catch {
      // Storage unavailable: the confirmation shows now, but not again after a reload.
    }
    this.position = DONE;
    this.focusAfterUpdate = 'heading';
    this.guard.release();
    this.dispatchEvent(new CarerPageEvent({ page: DONE, number: 0, total: steps.length }));
  }

  private applyRecord(record: OutboxRecord): void {
    const before = this.delivery?.status;
    if (before === 'sent') return;
    if (record.status === 'sent') {
      this.delivery = { status: 'sent' };
      this.announcer.announce(msg('Your answers have been sent.', { id: 'survey.status.sent-announce' }));
      this.dispatchEvent(new CarerSentEvent({ id: record.id, receipt: record.receipt }));
    } else if (record.status === 'rejected') {
      this.delivery = { status: 'rejected', lastError: record.lastError };
      if (before !== 'rejected') {
        this.dispatchEvent(
          new CarerErrorEvent({ kind: 'send', message: record.lastError ?? msg('The server refused the answers.', { id: 'survey.error.refused' }) }),
        );
      }
    } else {
      this.delivery = { status: 'pending', attempts: record.attempts, lastError: record.lastError };
    }
  }

  // ------------------------------------------------------------------ rendering

  override render() {
    switch (this.source.status) {
      case 'error':
        return renderDefinitionProblem(this.source.problem!);
      case 'idle':
        return html`<div class="widget-loading" part="loading">
          <p>${msg('Nothing to show yet: set the src attribute, the instrument attribute or the definition property.', { id: 'widget.error.none' })}</p>
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
    if (this.position === DONE) return this.renderConfirmation();
    if (this.position === CHECK) return this.renderCheck();
    const steps = this.route.steps;
    const index = Math.max(0, steps.findIndex((s) => s.key === this.position));
    const step = steps[index];
    if (!step) return html`<p>${msg('This survey has no questions to show.', { id: 'survey.empty' })}</p>`;
    return this.renderStep(step, index, steps.length);
  }

  private surveyTitle(): string {
    const s = this.view;
    return (this.easyRead && s.easyRead?.title) || s.title;
  }

  private renderEasyReadToggle(): TemplateResult | typeof nothing {
    const s = this.survey!;
    const has = Boolean(s.easyRead) || s.pages.some((p) => p.questions.some((q) => q.easyRead));
    if (!has) return nothing;
    return html`<button
      type="button"
      class="toggle"
      aria-pressed=${this.easyRead ? 'true' : 'false'}
      @click=${() => {
        this.easyRead = !this.easyRead;
      }}
    >
      ${msg('Easy read', { id: 'survey.easy-read' })}
    </button>`;
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
        ${this.renderEasyReadToggle()}
      </div>
      ${this.renderErrorSummary()}
      <carer-progress part="progress" current=${index + 1} total=${total} unit=${s.oneQuestionPerPage ? 'question' : 'page'}></carer-progress>
      <h2 class="heading" part="heading" tabindex="-1" data-heading>${heading}</h2>
      ${this.resumed
        ? html`<p class="inset">${msg('Welcome back. Your answers from last time were kept on this device.', { id: 'survey.resumed' })}</p>`
        : nothing}
      ${first ? this.renderIntro() : nothing}
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
      ${this.renderDeviceNote()}
    `;
  }

  private renderIntro(): TemplateResult {
    const s = this.view;
    const intro = (this.easyRead && s.easyRead?.intro) || s.intro;
    return html`${intro ? html`<p class="intro">${intro}</p>` : nothing}
    ${s.privacy.notice
      ? html`<details class="details">
          <summary>${msg('How we use your answers', { id: 'survey.privacy' })}</summary>
          <p>${s.privacy.notice}</p>
        </details>`
      : nothing}`;
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
    return html`<carer-error-summary part="error-summary" .errors=${this.summaryCache.errors} .focusTarget=${this.focusFromSummary}></carer-error-summary>`;
  }

  /** The error message for a problem, in the carer's language (core's English text as a last resort). */
  private problemText(p: AnswerProblem): string {
    const q = questionsById(this.survey!).get(p.question) ?? revealParents(this.survey!).get(p.question)?.reveal;
    const type = q?.type;
    const n = (key: string) => {
      const v = p.params?.[key];
      return typeof v === 'number' ? v : Number(v ?? NaN);
    };
    switch (p.code) {
      case 'required':
        switch (type) {
          case 'multiple':
            return msg('Select at least one answer', { id: 'survey.error.required-multiple' });
          case 'text':
          case 'textarea':
            return msg('Enter your answer', { id: 'survey.error.required-text' });
          case 'number':
            return msg('Enter a number', { id: 'survey.error.required-number' });
          case 'ranking':
            return msg('Put the options in order', { id: 'survey.error.required-ranking' });
          case 'points':
            return msg('Give out your points', { id: 'survey.error.required-points' });
          default:
            return msg('Select an answer', { id: 'survey.error.required-choice' });
        }
      case 'not-an-option':
        return msg('Choose one of the answers shown', { id: 'survey.error.not-an-option' });
      case 'too-many':
        if (p.params?.['exclusive'] !== undefined) {
          return msg('You cannot choose that answer together with other answers', { id: 'survey.error.exclusive' });
        }
        return plural(n('max'), {
          one: () => msg(str`Select no more than ${n('max')} answer`, { id: 'survey.error.too-many-one' }),
          other: () => msg(str`Select no more than ${n('max')} answers`, { id: 'survey.error.too-many' }),
        });
      case 'too-few':
        return plural(n('min'), {
          one: () => msg(str`Select at least ${n('min')} answer`, { id: 'survey.error.too-few-one' }),
          other: () => msg(str`Select at least ${n('min')} answers`, { id: 'survey.error.too-few' }),
        });
      case 'too-long':
        return msg(str`Your answer must be ${n('max')} characters or fewer`, { id: 'survey.error.too-long' });
      case 'below-min':
        return msg(str`Enter a number of ${n('min')} or more`, { id: 'survey.error.below-min' });
      case 'above-max':
        return msg(str`Enter a number of ${n('max')} or less`, { id: 'survey.error.above-max' });
      case 'not-a-number':
        return msg('Enter a number, like 12', { id: 'survey.error.not-a-number' });
      case 'not-whole':
        return msg('Enter a whole number, like 12', { id: 'survey.error.not-whole' });
      case 'duplicate':
        return msg('Each answer can only be placed once', { id: 'survey.error.duplicate' });
      case 'points-over':
        return msg(str`You have given out more than ${n('total')} points`, { id: 'survey.error.points-over' });
      case 'points-under':
        return msg(str`Give out all ${n('total')} points`, { id: 'survey.error.points-under' });
      default:
        return p.message;
    }
  }

  private renderDeviceNote(): TemplateResult {
    const days = Number.isFinite(this.draftDays) && this.draftDays > 0 ? this.draftDays : 7;
    return html`<div class="device-note">
      <p>
        ${this.config.endpoint
          ? nothing
          : html`<strong>${msg('Your answers stay on this device: this survey is not connected to a service that collects them.', { id: 'survey.local-mode' })}</strong> `}
        ${plural(days, {
          one: () =>
            msg(str`Your answers are saved on this device as you go, for ${days} day, so you can come back to them.`, { id: 'survey.draft-note-one' }),
          other: () =>
            msg(str`Your answers are saved on this device as you go, for ${days} days, so you can come back to them.`, { id: 'survey.draft-note' }),
        })}
        ${msg('If you share this device or are using a public computer, clear your answers when you stop.', { id: 'survey.shared-device' })}
      </p>
      <button type="button" class="button secondary" @click=${this.onClear}>
        ${msg('Start again and clear my answers', { id: 'survey.clear' })}
      </button>
    </div>`;
  }

  // ---- check answers

  private renderCheck(): TemplateResult {
    const s = this.survey!;
    const { steps } = this.route;
    const groups = new Map<string, { title: string | undefined; rows: { step: Step; q: Question }[] }>();
    for (const step of steps) {
      let g = groups.get(step.page.id);
      if (!g) groups.set(step.page.id, (g = { title: step.page.title, rows: [] }));
      for (const q of step.questions) g.rows.push({ step, q });
    }
    return html`
      <div class="top-bar">
        <button type="button" class="back-link" @click=${this.onBack}>${msg('Back', { id: 'survey.back' })}</button>
        ${this.renderEasyReadToggle()}
      </div>
      <h2 class="heading" part="heading" tabindex="-1" data-heading>${msg('Check your answers before sending them', { id: 'survey.check.title' })}</h2>
      ${[...groups.values()].map(
        (g) => html`${g.title ? html`<h3 class="section-heading">${g.title}</h3>` : nothing}
          <dl class="summary-list" part="summary-list">
            ${g.rows.map(({ step, q }) => this.renderSummaryRow(step, q))}
          </dl>`,
      )}
      <h3 class="section-heading">${msg('Now send your answers', { id: 'survey.check.send-heading' })}</h3>
      <p>
        ${s.privacy.anonymous
          ? msg('Your answers are anonymous: we do not ask who you are unless you chose to give contact details.', { id: 'survey.check.anonymous' })
          : msg('By sending, you agree to the privacy notice at the start of this survey.', { id: 'survey.check.privacy' })}
      </p>
      <form novalidate @submit=${this.onSend}>
        <button class="button" part="button" type="submit" aria-busy=${this.guard.busy ? 'true' : 'false'} @click=${ignoreDoubleClick}>
          ${msg('Send my answers', { id: 'survey.send' })}
        </button>
      </form>
    `;
  }

  private renderSummaryRow(step: Step, q: Question): TemplateResult {
    const label = this.questionLabel(q);
    return html`<div class="summary-list__row">
      <dt class="summary-list__key">${label}</dt>
      <dd class="summary-list__value">${this.answerText(q)}</dd>
      <dd class="summary-list__actions">
        <a href="#${q.id}" class="link" @click=${(e: Event) => this.onChange(e, step.key, q.id)}
          >${msg('Change', { id: 'survey.change' })}<span class="visually-hidden"> ${label}</span></a
        >
      </dd>
    </div>`;
  }

  private questionLabel(q: Question): string {
    const young = this.isYoung ? q.young : undefined;
    if (this.easyRead) {
      const easy = young?.easyRead ?? q.easyRead;
      if (easy) return easy;
    }
    return young?.label ?? q.label;
  }

  private answerText(q: Question): TemplateResult | string {
    const value = this.route.kept[q.id];
    if (!isAnswered(value)) return msg('Not answered', { id: 'survey.not-answered' });
    const options = resolveOptions(q, this.config.locale);
    const label = (v: string) => {
      const o = options.find((x) => x.value === v);
      return o ? (this.easyRead && o.easyRead) || o.label : v;
    };
    const withReveal = (v: string) => {
      const r = (q.type === 'single' || q.type === 'multiple') && q.reveal?.[v];
      const rv = r ? this.route.kept[r.id] : undefined;
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

  // ---- confirmation

  private statusText(): string {
    const d = this.delivery;
    switch (d?.status) {
      case 'sent':
        return msg('Sent. Your answers have reached the service.', { id: 'survey.status.sent' });
      case 'local':
        return msg('Saved on this device only. This survey is not connected to a service, so your answers have not been sent anywhere.', {
          id: 'survey.status.local',
        });
      case 'rejected':
        return msg('Saved on this device, but the service could not accept your answers. The organisation running this survey has been told.', {
          id: 'survey.status.rejected',
        });
      case 'pending':
        return d.attempts === 0
          ? msg('Saved on this device. Sending now…', { id: 'survey.status.sending' })
          : msg('Saved on this device. It will be sent when you are back online.', { id: 'survey.status.pending' });
      default:
        return '';
    }
  }

  private renderConfirmation(): TemplateResult {
    const s = this.survey!;
    const signposts = s.signposting ?? [];
    return html`
      <div class="panel" part="confirmation">
        <h2 class="panel__title" tabindex="-1" data-heading>${msg('Thank you for your answers', { id: 'survey.done.title' })}</h2>
        <p class="panel__body">
          ${msg('Your reference', { id: 'survey.done.reference' })}<br /><strong class="receipt">${this.receipt}</strong>
        </p>
      </div>
      <p class="status" role="status" data-status=${this.delivery?.status ?? ''}>${this.statusText()}</p>
      ${signposts.length
        ? html`<h3 class="section-heading">${msg('Help and support for carers', { id: 'survey.done.help' })}</h3>
            <ul class="signposting" part="signposting">
              ${signposts.map(
                (p) => html`<li class=${p.kind === 'crisis' ? 'signpost signpost--crisis' : 'signpost'}>
                  <h4 class="signpost__title">${p.url ? html`<a class="link" href=${p.url} target="_blank" rel="noopener noreferrer">${p.title}</a>` : p.title}</h4>
                  ${p.description ? html`<p>${p.description}</p>` : nothing}
                  ${p.phone ? html`<p>${msg('Phone:', { id: 'survey.done.phone' })} <a class="link" href="tel:${p.phone.replace(/[^+0-9]/g, '')}">${p.phone}</a></p>` : nothing}
                </li>`,
              )}
            </ul>`
        : nothing}
      <button type="button" class="button secondary" @click=${this.onStartOver}>${msg('Fill in the survey again', { id: 'survey.done.again' })}</button>
    `;
  }
}
