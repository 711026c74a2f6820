import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { Question } from '@carers-voice/core/content';
import { checkAnswers, createEnvelope, type ResponseEnvelope } from '@carers-voice/core/response';
import { DraftStore, sharedOutbox, type OutboxChangeEvent } from '@carers-voice/core/outbox';
import type { Coverage, DocumentReport, Passage, StatementCoverage } from '@carers-voice/core/document';
import { CarerElement } from '../base/carer-element.js';
import { buttonStyles } from '../theme/button.styles.js';
import { CarerConfigController } from '../provider/config-controller.js';
import { DefinitionController } from '../widget/definition-controller.js';
import { deliveryMode } from '../widget/delivery.js';
import { definitionProblemStyles, renderDefinitionProblem, renderLoading } from '../widget/definition-problem.js';
import { CarerErrorEvent, CarerReadyEvent, CarerSentEvent, CarerSubmitEvent } from '../events/events.js';
import type { ErrorSummaryItem } from '../kit/error-summary/carer-error-summary.js';
import { priorityCheckStyles } from './carer-priority-check.styles.js';
import { ACCEPTED_FILES, MAX_FILE_BYTES, fileToText, isAcceptedFile } from './document-text.js';
import {
  assessmentRows,
  summarise,
  toCsv,
  type Assessment,
  type AssessmentEntry,
  type AssessmentExport,
  type ReportGroup,
  type ScalePoint,
} from './report.js';
import './builtins.js';

/**
 * The document checker (tokeniser, stemmer, readability) is only needed in document mode: loaded
 * then, once, so self-assessment and carer pages never download it.
 */
let documentChecker: Promise<typeof import('@carers-voice/core/document')> | undefined;
function loadDocumentChecker(): Promise<typeof import('@carers-voice/core/document')> {
  documentChecker ??= import('@carers-voice/core/document');
  documentChecker.catch(() => {
    documentChecker = undefined;
  });
  return documentChecker;
}

export type PriorityCheckMode = 'self-assessment' | 'document' | 'carer';

type StatementSet = NonNullable<DefinitionController<'statement-set'>['definition']>;
type Group = StatementSet['groups'][number];

/** Drafts of a year's self-assessment are kept for 400 days (the default is a week). */
const SELF_ASSESSMENT_DRAFT_AGE_MS = 400 * 24 * 60 * 60 * 1000;

interface SelfAssessmentDraft {
  organisation: string;
  assessment: Assessment;
}

/**
 * Checks a service or a document against a statement set (carers' priority statements), in one of
 * three modes:
 * - `self-assessment` (default): an organisation rates each "as an organisation" statement (the
 *   set's `scale`), notes evidence, an owner and a review date; sees a summary by group; prints an
 *   annual progress report; downloads JSON or CSV; sends the ratings (only the ratings) to the
 *   collector. Saved as a draft on this device as it goes.
 * - `document`: paste text or choose a .txt, .md or .html file; shows which statements it
 *   addresses (highlighted passages), which it mentions only to say they are not done, which it
 *   never mentions, and its reading level. Everything happens in the browser; nothing is uploaded.
 * - `carer`: a carer rates how true each "as a carer" statement is for them (the set's
 *   `carerScale`), sent anonymously.
 *
 * @fires carer-ready - The statement set is loaded.
 * @fires carer-submit - Ratings are about to be stored and sent (detail: the envelope).
 * @fires carer-sent - The collector acknowledged them (perhaps later, once back online).
 * @fires carer-error - A bad definition, a missing endpoint/partner, or a send problem.
 *
 * @csspart statement - One statement in the self-assessment.
 * @csspart report - The annual progress report.
 * @csspart results - The document check results.
 * @csspart definition-problem - Shown instead of the widget when the definition cannot be used.
 *
 * @cssproperty --carer-color-focus - Highlight of matched passages.
 */
export class CarerPriorityCheck extends CarerElement {
  static override styles: CSSResultGroup = [CarerElement.styles, buttonStyles, definitionProblemStyles, priorityCheckStyles];

  /** The statement set as an object (or JSON text). */
  @property({ attribute: false }) definition?: unknown;
  /** URL of a statement set JSON file. */
  @property() src?: string;
  /** Id of a built-in statement set, e.g. `hw-commitment-to-carers`. */
  @property() instrument?: string;
  /** Collector base URL (else the nearest `<carer-voice>`). */
  @property() endpoint?: string;
  /** Partner id (else the nearest `<carer-voice>`). */
  @property() partner?: string;
  @property({ reflect: true }) mode: PriorityCheckMode = 'self-assessment';
  /** Show the easy read wording of statements where the set has it. */
  @property({ type: Boolean, attribute: 'easy-read' }) easyRead = false;

  @state() private assessment: Assessment = {};
  @state() private organisation = '';
  @state() private carerRatings: Record<string, string> = {};
  @state() private errors: ErrorSummaryItem[] = [];
  @state() private sendProblem = '';
  @state() private sent: ResponseEnvelope | undefined;
  @state() private sending = false;
  @state() private showReport = false;
  @state() private docText = '';
  @state() private docProblem = '';
  @state() private checking = false;
  @state() private progress = 0;
  @state() private docReport: DocumentReport | undefined;
  @state() private checkedText = '';

  private readonly config = new CarerConfigController(this);
  private readonly source = new DefinitionController<'statement-set'>(this, { kind: 'statement-set', endpoint: () => this.config.endpoint });
  private readonly drafts = new DraftStore();
  private draftKeyLoaded = '';
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private startedAt = new Date();
  private checkAbort: AbortController | undefined;
  private readySent: unknown;

  /** Envelope ids this widget sent and still waits to hear about. */
  private readonly awaiting = new Set<string>();
  private readonly onOutbox = (e: Event): void => {
    const { record } = e as OutboxChangeEvent;
    if (e.type !== 'sent' || !this.awaiting.has(record.id)) return;
    this.awaiting.delete(record.id);
    if (this.awaiting.size === 0) sharedOutbox().removeEventListener('sent', this.onOutbox);
    this.dispatchEvent(new CarerSentEvent({ id: record.id, receipt: record.receipt }));
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.awaiting.size) sharedOutbox().removeEventListener('sent', this.onOutbox);
    this.checkAbort?.abort();
    if (this.draftTimer) {
      clearTimeout(this.draftTimer);
      void this.saveDraft();
    }
  }

  // ------------------------------------------------------------------ data

  private get set(): StatementSet | undefined {
    return this.source.status === 'ready' ? this.source.definition : undefined;
  }

  /** The groups this mode rates: organisation groups for self-assessment, carer groups for carers. */
  private groupsFor(mode: PriorityCheckMode): Group[] {
    const set = this.set;
    if (!set) return [];
    if (mode === 'document') return [...set.groups];
    const audience = mode === 'carer' ? 'carer' : 'organisation';
    return set.groups.filter((g) => g.audience === audience);
  }

  private scaleFor(mode: PriorityCheckMode): ScalePoint[] {
    const set = this.set;
    if (!set) return [];
    return mode === 'carer' ? (set.carerScale ?? set.scale) : set.scale;
  }

  private statementText(st: Group['statements'][number]): string {
    return (this.easyRead && st.easyRead) || st.text;
  }

  private reportGroups(): ReportGroup[] {
    return this.groupsFor('self-assessment').map((g) => ({
      id: g.id,
      title: g.title,
      statements: g.statements.map((s) => ({ id: s.id, text: s.text })),
    }));
  }

  private draftKey(): string {
    const set = this.set;
    return set ? `priority-check|${this.mode}|${set.id}@${set.version}|${this.config.partner ?? ''}` : '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode')) {
      // Fetched as soon as document mode shows, so "Check" does not wait (and works if the
      // connection drops after the page loaded).
      if (this.mode === 'document') loadDocumentChecker().catch(() => undefined);
      this.errors = [];
      this.sendProblem = '';
      this.sent = undefined;
    }
  }

  protected override updated(): void {
    const set = this.set;
    if (set && this.readySent !== set) {
      this.readySent = set;
      this.dispatchEvent(new CarerReadyEvent({ instrument: { id: set.id, version: set.version }, kind: set.kind, title: set.title }));
    }
    const key = this.draftKey();
    if (key && key !== this.draftKeyLoaded && this.mode !== 'document') {
      this.draftKeyLoaded = key;
      void this.loadDraft(key);
    }
  }

  private async loadDraft(key: string): Promise<void> {
    try {
      const maxAge = this.mode === 'self-assessment' ? SELF_ASSESSMENT_DRAFT_AGE_MS : undefined;
      const draft = await this.drafts.load(key, maxAge);
      if (!draft || key !== this.draftKey()) return;
      this.startedAt = new Date(draft.startedAt);
      if (this.mode === 'self-assessment') {
        const d = draft.answers as unknown as SelfAssessmentDraft;
        this.assessment = { ...(d.assessment ?? {}), ...this.assessment };
        this.organisation = this.organisation || d.organisation || '';
      } else {
        this.carerRatings = { ...(draft.answers as Record<string, string>), ...this.carerRatings };
      }
    } catch {
      // No IndexedDB (private browsing in some browsers): the form still works, unsaved.
    }
  }

  private scheduleDraft(): void {
    if (this.draftTimer) clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => void this.saveDraft(), 300);
  }

  private async saveDraft(): Promise<void> {
    this.draftTimer = undefined;
    const key = this.draftKey();
    if (!key) return;
    const answers =
      this.mode === 'self-assessment'
        ? ({ organisation: this.organisation, assessment: this.assessment } as unknown as Record<string, unknown>)
        : (this.carerRatings as Record<string, unknown>);
    try {
      await this.drafts.save(key, answers, 0);
    } catch {
      /* see loadDraft */
    }
  }

  /** Resolves once the pending draft (if any) is written. For tests and page-hide handlers. */
  async flushDraft(): Promise<void> {
    if (this.draftTimer) {
      clearTimeout(this.draftTimer);
      await this.saveDraft();
    }
  }

  private updateEntry(id: string, patch: Partial<AssessmentEntry>): void {
    this.assessment = { ...this.assessment, [id]: { ...this.assessment[id], ...patch } };
    if (patch.rating && this.errors.length) this.errors = this.errors.filter((e) => e.id !== id);
    this.scheduleDraft();
  }

  // ------------------------------------------------------------------ sending

  private missingConfig(): string {
    if (!this.config.endpoint) {
      return msg('This page is not set up to send answers yet (it has no collector address). Your answers are kept on this device.', {
        id: 'priority.config.no-endpoint',
      });
    }
    if (!this.config.partner) {
      return msg('This page is not set up to send answers yet (it has no partner id). Your answers are kept on this device.', {
        id: 'priority.config.no-partner',
      });
    }
    return '';
  }

  private async send(answers: Record<string, string>): Promise<void> {
    const set = this.set;
    if (!set || this.sending) return;
    const problem = this.missingConfig();
    if (problem) {
      this.sendProblem = problem;
      this.dispatchEvent(new CarerErrorEvent({ kind: 'config', message: problem }));
      return;
    }
    // The same ratings twice must not count twice: they are already in the outbox, so nothing new
    // is sent. Changed ratings are a new, revised response.
    if (this.sent && JSON.stringify(this.sent.answers) === JSON.stringify(answers)) {
      this.sendProblem = '';
      return;
    }
    // The collector runs the same check; a set edited since the draft was saved could fail it.
    const checked = checkAnswers(set, answers);
    if (!checked.ok) {
      this.sendProblem = msg('Some answers no longer match this statement set. Choose them again and send.', { id: 'priority.send.stale' });
      this.dispatchEvent(new CarerErrorEvent({ kind: 'send', message: checked.problems.map((p) => p.message).join(' ') }));
      return;
    }
    this.sending = true;
    this.sendProblem = '';
    try {
      const envelope = createEnvelope({
        instrument: { id: set.id, version: set.version },
        partner: this.config.partner!,
        locale: this.config.lang,
        answers: checked.answers,
        startedAt: this.startedAt,
        meta: { mode: deliveryMode() },
      });
      this.dispatchEvent(new CarerSubmitEvent({ envelope }));
      const outbox = sharedOutbox();
      this.awaiting.add(envelope.id);
      outbox.addEventListener('sent', this.onOutbox);
      await outbox.enqueue(envelope, this.config.endpoint!);
      this.sent = envelope;
      if (this.mode === 'carer') {
        this.carerRatings = {};
        await this.drafts.clear(this.draftKey()).catch(() => undefined);
      }
    } catch {
      this.sendProblem = msg('Your answers could not be stored on this device, so they were not sent. Please try again.', {
        id: 'priority.send.failed',
      });
      this.dispatchEvent(new CarerErrorEvent({ kind: 'send', message: this.sendProblem }));
    } finally {
      this.sending = false;
    }
  }

  private focusStatement = (id: string): void => {
    const control = this.renderRoot.querySelector<HTMLElement>(`carer-likert[data-statement="${CSS.escape(id)}"]`);
    control?.focus();
  };

  private async showErrors(errors: ErrorSummaryItem[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('carer-error-summary')?.focus();
  }

  private onSelfAssessmentSubmit(e: Event): void {
    e.preventDefault();
    const missing: ErrorSummaryItem[] = [];
    let n = 0;
    for (const g of this.groupsFor('self-assessment')) {
      for (const st of g.statements) {
        n++;
        if (!this.assessment[st.id]?.rating) {
          missing.push({ id: st.id, message: msg(str`Choose a rating for statement ${n}`, { id: 'priority.error.rate-statement' }) });
        }
      }
    }
    if (missing.length) {
      void this.showErrors(missing);
      return;
    }
    this.errors = [];
    const answers: Record<string, string> = {};
    for (const [id, e2] of Object.entries(this.assessment)) if (e2.rating && this.isAssessed(id)) answers[id] = e2.rating;
    void this.send(answers);
  }

  private isAssessed(id: string): boolean {
    return this.groupsFor('self-assessment').some((g) => g.statements.some((s) => s.id === id));
  }

  private onCarerSubmit(e: Event): void {
    e.preventDefault();
    const groups = this.groupsFor('carer');
    const answers: Record<string, string> = {};
    for (const g of groups) for (const st of g.statements) if (this.carerRatings[st.id]) answers[st.id] = this.carerRatings[st.id]!;
    if (Object.keys(answers).length === 0) {
      const first = groups[0]?.statements[0];
      void this.showErrors(
        first ? [{ id: first.id, message: msg('Choose an answer for at least one statement', { id: 'priority.error.carer-none' }) }] : [],
      );
      return;
    }
    this.errors = [];
    void this.send(answers);
  }

  // ------------------------------------------------------------------ downloads and print

  /** The self-assessment as it would be downloaded (JSON). */
  exportData(): AssessmentExport {
    const set = this.set;
    const groups = this.reportGroups();
    const scale = this.scaleFor('self-assessment');
    return {
      format: 'carers-voice/self-assessment',
      instrument: { id: set?.id ?? '', version: set?.version ?? 0, title: set?.title ?? '' },
      organisation: this.organisation,
      exportedAt: new Date().toISOString(),
      rows: assessmentRows(groups, scale, this.assessment),
      summary: summarise(groups, scale, this.assessment),
    };
  }

  private download(name: string, type: string, body: string): void {
    const url = URL.createObjectURL(new Blob([body], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private fileBase(): string {
    const date = new Date().toISOString().slice(0, 10);
    return `${this.set?.id ?? 'priority-check'}-self-assessment-${date}`;
  }

  private downloadJson(): void {
    this.download(`${this.fileBase()}.json`, 'application/json', JSON.stringify(this.exportData(), null, 2));
  }

  private downloadCsv(): void {
    this.download(`${this.fileBase()}.csv`, 'text/csv;charset=utf-8', '\ufeff' + toCsv(this.exportData().rows));
  }

  private async printReport(): Promise<void> {
    this.showReport = true;
    await this.updateComplete;
    window.print();
  }

  // ------------------------------------------------------------------ document check

  private async onFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.docProblem = '';
    if (!isAcceptedFile(file)) {
      this.docProblem = msg('Choose a text file ending .txt, .md or .html.', { id: 'priority.doc.bad-file' });
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      this.docProblem = msg('That file is larger than 10 MB. Choose a smaller file or paste the text.', { id: 'priority.doc.too-big' });
      return;
    }
    try {
      this.docText = await fileToText(file);
    } catch {
      this.docProblem = msg('That file could not be read. Try pasting the text instead.', { id: 'priority.doc.read-failed' });
      return;
    }
    await this.runCheck();
  }

  /** Checks the current text (as "Check document" does). Resolves when the check ends. */
  async runCheck(): Promise<void> {
    const set = this.set;
    if (!set) return;
    this.checkAbort?.abort();
    const text = this.docText;
    if (text.trim() === '') {
      this.docProblem = msg('Paste some text or choose a file first.', { id: 'priority.doc.empty' });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#doc-text')?.focus();
      return;
    }
    this.docProblem = '';
    const abort = (this.checkAbort = new AbortController());
    this.checking = true;
    this.progress = 0;
    let lastPaint = 0;
    try {
      const { checkDocumentAsync } = await loadDocumentChecker();
      const report = await checkDocumentAsync(text, set, {
        signal: abort.signal,
        onProgress: (f) => {
          // Re-render the progress bar at most every 100 ms.
          const now = performance.now();
          if (now - lastPaint > 100 || f === 1) {
            lastPaint = now;
            this.progress = f;
          }
        },
      });
      this.docReport = report;
      this.checkedText = text;
    } catch (error) {
      if ((error as Error)?.name !== 'AbortError') {
        this.docProblem = msg('The check stopped because of an error. Try a shorter text.', { id: 'priority.doc.failed' });
      }
    } finally {
      if (this.checkAbort === abort) {
        this.checking = false;
        this.checkAbort = undefined;
      }
    }
  }

  private stopCheck(): void {
    this.checkAbort?.abort();
    this.checking = false;
  }

  // ------------------------------------------------------------------ rendering

  override render() {
    switch (this.source.status) {
      case 'idle':
        return nothing;
      case 'loading':
        return renderLoading();
      case 'error':
        return renderDefinitionProblem(this.source.problem!);
      case 'ready':
        break;
    }
    const set = this.set!;
    return html`
      <div dir=${this.config.dir}>
        <h2>${set.easyRead?.title && this.easyRead ? set.easyRead.title : set.title}</h2>
        ${set.intro ? html`<p>${this.easyRead && set.easyRead?.intro ? set.easyRead.intro : set.intro}</p>` : nothing}
        ${set.source
          ? html`<p class="source">
              ${msg('Source:', { id: 'priority.source' })}
              ${set.source.url ? html`<a href=${set.source.url}>${set.source.name}</a>` : set.source.name}
            </p>`
          : nothing}
        ${this.mode === 'document' ? this.renderDocument() : this.mode === 'carer' ? this.renderCarer() : this.renderSelfAssessment()}
      </div>
    `;
  }

  private likertQuestion(id: string, label: string, scale: readonly ScalePoint[], hint?: string): Question {
    return {
      id,
      type: 'likert',
      label,
      ...(hint ? { hint } : {}),
      required: false,
      options: scale.map((p) => ({ value: p.value, label: p.label })),
    } as Question;
  }

  private renderNoStatements(): TemplateResult {
    return html`<p class="problem">
      ${this.mode === 'carer'
        ? msg('This statement set has no statements for carers to rate.', { id: 'priority.no-carer-statements' })
        : msg('This statement set has no statements for organisations to rate.', { id: 'priority.no-organisation-statements' })}
    </p>`;
  }

  private renderSendProblem(): TemplateResult | typeof nothing {
    return this.sendProblem ? html`<p class="problem" role="alert">${this.sendProblem}</p>` : nothing;
  }

  // ---- self-assessment

  private renderSelfAssessment(): TemplateResult {
    const groups = this.groupsFor('self-assessment');
    if (groups.length === 0) return this.renderNoStatements();
    const scale = this.scaleFor('self-assessment');
    let n = 0;
    return html`
      ${this.sent
        ? html`<div class="panel no-print" role="status">
            <h2>${msg('Ratings sent', { id: 'priority.self.sent-title' })}</h2>
            <p>
              ${msg('Your ratings are saved and will reach the strategy group. Your evidence, owners and dates stay in your report and downloads.', {
                id: 'priority.self.sent-body',
              })}
            </p>
          </div>`
        : nothing}
      <form novalidate @submit=${this.onSelfAssessmentSubmit}>
        <carer-error-summary .errors=${this.errors} .focusTarget=${this.focusStatement}></carer-error-summary>
        <p class="notice">
          ${msg('Rate each statement, note your evidence, who owns it and when you will review it. Your work is saved on this device as you go. Only the ratings are sent.', {
            id: 'priority.self.notice',
          })}
        </p>
        <div class="field">
          <label for="organisation">${msg('Organisation name', { id: 'priority.self.organisation' })}</label>
          <div class="hint" id="organisation-hint">${msg('Shown on your report only.', { id: 'priority.self.organisation-hint' })}</div>
          <input
            type="text"
            id="organisation"
            autocomplete="organization"
            aria-describedby="organisation-hint"
            .value=${this.organisation}
            @input=${(e: Event) => {
              this.organisation = (e.target as HTMLInputElement).value;
              this.scheduleDraft();
            }}
          />
        </div>
        ${groups.map(
          (g) => html`<section aria-labelledby="group-${g.id}">
            <h3 id="group-${g.id}">${g.title}</h3>
            ${g.description ? html`<p class="hint">${g.description}</p>` : nothing}
            ${g.statements.map((st) => this.renderAssessedStatement(st, ++n, scale))}
          </section>`,
        )}
        ${this.renderSummary(false)} ${this.renderSendProblem()}
        <div class="actions">
          <button class="button" type="submit" aria-busy=${this.sending ? 'true' : 'false'}>
            ${msg('Send ratings to the strategy group', { id: 'priority.self.send' })}
          </button>
          <button class="button secondary" type="button" aria-expanded=${String(this.showReport)} aria-controls="report" @click=${() => (this.showReport = !this.showReport)}>
            ${this.showReport ? msg('Hide progress report', { id: 'priority.self.hide-report' }) : msg('Show progress report', { id: 'priority.self.show-report' })}
          </button>
          <button class="button secondary" type="button" @click=${this.printReport}>${msg('Print report', { id: 'priority.self.print' })}</button>
          <button class="button secondary" type="button" data-download="json" @click=${this.downloadJson}>
            ${msg('Download (JSON)', { id: 'priority.self.download-json' })}
          </button>
          <button class="button secondary" type="button" data-download="csv" @click=${this.downloadCsv}>
            ${msg('Download (CSV spreadsheet)', { id: 'priority.self.download-csv' })}
          </button>
        </div>
      </form>
      ${this.renderReport()}
    `;
  }

  private renderAssessedStatement(st: Group['statements'][number], n: number, scale: readonly ScalePoint[]): TemplateResult {
    const entry = this.assessment[st.id] ?? {};
    const error = this.errors.find((e) => e.id === st.id)?.message ?? '';
    const field = (k: string) => `${st.id}-${k}`;
    return html`<div class="statement" part="statement">
      <carer-likert
        data-statement=${st.id}
        .question=${this.likertQuestion(st.id, `${n}. ${this.statementText(st)}`, scale)}
        .value=${entry.rating}
        .error=${error}
        @change=${(e: Event) => this.updateEntry(st.id, { rating: (e.currentTarget as HTMLElement & { value?: string }).value })}
      ></carer-likert>
      <div class="statement-details">
        <div class="field evidence">
          <label for=${field('evidence')}>${msg(str`Evidence for statement ${n}`, { id: 'priority.self.evidence' })}</label>
          <div class="hint" id=${field('evidence-hint')}>
            ${msg('What you do, with links or document names.', { id: 'priority.self.evidence-hint' })}
          </div>
          <textarea
            id=${field('evidence')}
            rows="3"
            aria-describedby=${field('evidence-hint')}
            .value=${entry.evidence ?? ''}
            @input=${(e: Event) => this.updateEntry(st.id, { evidence: (e.target as HTMLTextAreaElement).value })}
          ></textarea>
        </div>
        <div class="field">
          <label for=${field('owner')}>${msg(str`Owner of statement ${n}`, { id: 'priority.self.owner' })}</label>
          <input
            type="text"
            id=${field('owner')}
            .value=${entry.owner ?? ''}
            @input=${(e: Event) => this.updateEntry(st.id, { owner: (e.target as HTMLInputElement).value })}
          />
        </div>
        <div class="field">
          <label for=${field('review')}>${msg(str`Review date for statement ${n}`, { id: 'priority.self.review' })}</label>
          <input
            type="date"
            id=${field('review')}
            .value=${entry.reviewDate ?? ''}
            @input=${(e: Event) => this.updateEntry(st.id, { reviewDate: (e.target as HTMLInputElement).value })}
          />
        </div>
      </div>
    </div>`;
  }

  private renderSummary(inReport: boolean): TemplateResult {
    const scale = this.scaleFor('self-assessment');
    const summary = summarise(this.reportGroups(), scale, this.assessment);
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

  private renderReport(): TemplateResult {
    const set = this.set!;
    const data = this.exportData();
    const byGroup = new Map<string, typeof data.rows>();
    for (const row of data.rows) byGroup.set(row.group, [...(byGroup.get(row.group) ?? []), row]);
    const today = new Intl.DateTimeFormat(this.config.lang, { dateStyle: 'long' }).format(new Date());
    return html`<section class="report" id="report" part="report" ?hidden=${!this.showReport} aria-labelledby="report-title">
      <h2 id="report-title">${msg(str`Annual progress report: ${set.title}`, { id: 'priority.report.title' })}</h2>
      <p>
        ${this.organisation ? html`<strong>${this.organisation}</strong> · ` : nothing}${msg(str`Report date: ${today}`, {
          id: 'priority.report.date',
        })}
      </p>
      ${this.renderSummary(true)}
      ${this.reportGroups().map(
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

  // ---- carer view

  private renderCarer(): TemplateResult {
    const groups = this.groupsFor('carer');
    if (groups.length === 0) return this.renderNoStatements();
    if (this.sent) {
      return html`<div class="panel" role="status">
        <h2>${msg('Thank you', { id: 'priority.carer.thanks-title' })}</h2>
        <p>${msg('Your answers are saved and will be sent. We do not know who you are.', { id: 'priority.carer.thanks-body' })}</p>
      </div>`;
    }
    const scale = this.scaleFor('carer');
    return html`<form novalidate @submit=${this.onCarerSubmit}>
      <carer-error-summary .errors=${this.errors} .focusTarget=${this.focusStatement}></carer-error-summary>
      <p class="notice">
        ${this.set?.privacy.notice ??
        msg('We do not ask who you are. Answer as many as you like.', { id: 'priority.carer.notice' })}
      </p>
      ${groups.map(
        (g) => html`<section aria-labelledby="group-${g.id}">
          <h3 id="group-${g.id}">${g.title}</h3>
          ${g.statements.map(
            (st) => html`<div class="statement" part="statement">
              <carer-likert
                data-statement=${st.id}
                .question=${this.likertQuestion(st.id, this.statementText(st), scale, msg('How true is this for you?', { id: 'priority.carer.hint' }))}
                .value=${this.carerRatings[st.id]}
                .error=${this.errors.find((e) => e.id === st.id)?.message ?? ''}
                @change=${(e: Event) => {
                  this.carerRatings = { ...this.carerRatings, [st.id]: (e.currentTarget as HTMLElement & { value: string }).value };
                  this.errors = [];
                  this.scheduleDraft();
                }}
              ></carer-likert>
            </div>`,
          )}
        </section>`,
      )}
      ${this.renderSendProblem()}
      <div class="actions">
        <button class="button" type="submit" aria-busy=${this.sending ? 'true' : 'false'}>${msg('Send my answers', { id: 'priority.carer.send' })}</button>
      </div>
    </form>`;
  }

  // ---- document check

  private coverageLabel(c: Coverage): string {
    switch (c) {
      case 'addressed':
        return msg('Addressed', { id: 'priority.doc.addressed' });
      case 'partly':
        return msg('Mentioned, but says it is not done', { id: 'priority.doc.partly' });
      case 'not-mentioned':
        return msg('Not mentioned', { id: 'priority.doc.not-mentioned' });
    }
  }

  private renderDocument(): TemplateResult {
    return html`
      <p class="notice" part="privacy">
        ${msg('Your text stays on this device. It is checked in your browser and never uploaded.', { id: 'priority.doc.privacy' })}
      </p>
      <form
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.runCheck();
        }}
      >
        ${this.docProblem ? html`<p class="problem" role="alert" id="doc-problem">${this.docProblem}</p>` : nothing}
        <div class="field">
          <label for="doc-text">${msg('Paste your document', { id: 'priority.doc.paste' })}</label>
          <div class="hint" id="doc-text-hint">
            ${msg('A policy, leaflet, web page or strategy. We show which statements it covers and how easy it is to read.', {
              id: 'priority.doc.paste-hint',
            })}
          </div>
          <textarea
            id="doc-text"
            rows="10"
            aria-describedby=${this.docProblem ? 'doc-text-hint doc-problem' : 'doc-text-hint'}
            .value=${this.docText}
            @input=${(e: Event) => (this.docText = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <div class="field">
          <label for="doc-file">${msg('Or choose a file (.txt, .md or .html)', { id: 'priority.doc.file' })}</label>
          <input type="file" id="doc-file" accept=${ACCEPTED_FILES} @change=${this.onFile} />
        </div>
        <div class="actions">
          <button class="button" type="submit" aria-busy=${this.checking ? 'true' : 'false'}>${msg('Check document', { id: 'priority.doc.check' })}</button>
          ${this.checking
            ? html`<button class="button secondary" type="button" @click=${this.stopCheck}>${msg('Stop', { id: 'priority.doc.stop' })}</button>`
            : nothing}
        </div>
      </form>
      ${this.checking
        ? html`<div class="doc-progress">
            <label for="doc-progress">${msg(str`Checking… ${Math.round(this.progress * 100)}%`, { id: 'priority.doc.checking' })}</label>
            <progress id="doc-progress" max="1" .value=${this.progress}></progress>
          </div>`
        : nothing}
      <p role="status" class="doc-status">
        ${this.docReport && !this.checking
          ? msg(str`${this.docReport.addressed.length} of ${this.docReport.statements.length} statements addressed.`, { id: 'priority.doc.done' })
          : nothing}
      </p>
      ${this.docReport && !this.checking ? this.renderDocReport(this.docReport) : nothing}
    `;
  }

  private renderDocReport(report: DocumentReport): TemplateResult {
    const r = report.readability;
    const groups = new Map(this.groupsFor('document').map((g) => [g.id, g.title]));
    const list = (cov: Coverage) => report.statements.filter((s) => s.coverage === cov);
    const verdict =
      r.verdict === 'meets'
        ? msg('Plain English: most people can read this easily.', { id: 'priority.doc.read-meets' })
        : r.verdict === 'close'
          ? msg('Fairly plain, but harder than plain-English guidance: try shorter sentences and words.', { id: 'priority.doc.read-close' })
          : r.verdict === 'above'
            ? msg('Harder than plain-English guidance: many carers will struggle. Use shorter sentences and everyday words.', {
                id: 'priority.doc.read-above',
              })
            : msg('There are no words to measure.', { id: 'priority.doc.read-empty' });
    return html`<section class="results" part="results" aria-labelledby="results-title">
      <h3 id="results-title">${msg('What your document covers', { id: 'priority.doc.results' })}</h3>
      <p>
        ${msg(
          str`${report.addressed.length} addressed, ${report.partly.length} mentioned but not done, ${report.notMentioned.length} not mentioned, in ${report.words} words.`,
          { id: 'priority.doc.counts' },
        )}
      </p>
      ${(['addressed', 'partly', 'not-mentioned'] as const).map((cov) => {
        const items = list(cov);
        if (items.length === 0) return nothing;
        return html`<h4>${this.coverageLabel(cov)} (${items.length})</h4>
          <ul class="coverage-list" data-coverage=${cov}>
            ${items.map((s) => this.renderCoverage(s, groups.get(s.group) ?? ''))}
          </ul>`;
      })}
      <h3>${msg('Reading level', { id: 'priority.doc.reading' })}</h3>
      <dl class="reading">
        <dt>${msg('Flesch reading ease', { id: 'priority.doc.ease' })}</dt>
        <dd data-reading="ease">${r.fleschReadingEase} ${msg('(60 or more is plain English)', { id: 'priority.doc.ease-target' })}</dd>
        <dt>${msg('Flesch–Kincaid grade', { id: 'priority.doc.grade' })}</dt>
        <dd data-reading="grade">${r.fleschKincaidGrade} ${msg('(aim for 6 or less: a reading age of about 11)', { id: 'priority.doc.grade-target' })}</dd>
        <dt>${msg('Reading age (about)', { id: 'priority.doc.age' })}</dt>
        <dd data-reading="age">${r.readingAge}</dd>
        <dt>${msg('Words per sentence', { id: 'priority.doc.wps' })}</dt>
        <dd>${r.wordsPerSentence}</dd>
      </dl>
      <p data-reading="verdict">${verdict}</p>
      <p class="hint">
        ${msg('GOV.UK and NHS guidance: write for a reading age of 9 to 11. Scores are estimates.', { id: 'priority.doc.read-guidance' })}
      </p>
    </section>`;
  }

  private renderCoverage(s: StatementCoverage, groupTitle: string): TemplateResult {
    const symbol = s.coverage === 'addressed' ? '✓' : s.coverage === 'partly' ? '◐' : '✗';
    return html`<li class=${s.coverage} data-statement=${s.id}>
      <span class="coverage-label"><span aria-hidden="true">${symbol}</span> ${this.coverageLabel(s.coverage)}:</span>
      ${s.text} <span class="hint">(${groupTitle})</span>
      ${s.passages.length
        ? html`<details>
            <summary>
              ${msg(str`Show matching passages (${s.matches})`, { id: 'priority.doc.show-passages' })}
            </summary>
            <ul class="passages">
              ${s.passages.map((p) => html`<li>${this.renderPassage(p)}</li>`)}
            </ul>
            ${s.passages.length < s.matches
              ? html`<p class="hint">${msg(str`Showing the first ${s.passages.length}.`, { id: 'priority.doc.first-passages' })}</p>`
              : nothing}
          </details>`
        : nothing}
    </li>`;
  }

  private renderPassage(p: Passage): TemplateResult {
    const text = this.checkedText;
    const CONTEXT = 160;
    const from = Math.max(p.sentence.start, p.start - CONTEXT);
    const to = Math.min(p.sentence.end, p.end + CONTEXT);
    return html`${from > p.sentence.start ? '…' : ''}${text.slice(from, p.start)}<mark class=${p.negated ? 'negated' : ''}
        ><span class="visually-hidden">${msg('Match:', { id: 'priority.doc.match' })} </span>${text.slice(p.start, p.end)}</mark
      >${text.slice(p.end, to)}${to < p.sentence.end ? '…' : ''}
      ${p.negated
        ? html`<span class="hint">${msg(str`(says "${p.cue ?? ''}")`, { id: 'priority.doc.negated' })}</span>`
        : nothing}`;
  }
}
