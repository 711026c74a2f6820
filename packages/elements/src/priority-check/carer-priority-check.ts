import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { Question } from '@carers-voice/core/content';
import type { ResponseEnvelope } from '@carers-voice/core/response';
import { DraftStore } from '@carers-voice/core/outbox';
import type { DocumentReport } from '@carers-voice/core/document';
import { CarerElement } from '../base/carer-element.js';
import { buttonStyles } from '../theme/button.styles.js';
import { CarerConfigController } from '../provider/config-controller.js';
import { DefinitionController } from '../widget/definition-controller.js';
import { statementSetShape } from '../widget/definition-shape.js';
import { definitionProblemStyles, renderDefinitionProblem, renderLoading } from '../widget/definition-problem.js';
import { CarerReadyEvent } from '../events/events.js';
import type { ErrorSummaryItem } from '../kit/error-summary/carer-error-summary.js';
import { priorityCheckStyles } from './carer-priority-check.styles.js';
import { Later } from '../stepping/later.js';
import type { PriorityHost } from './priority-later.js';
import type { DocumentHost } from './document-view.js';
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
import { focusErrorSummary } from '../kit/error-summary/ready.js';

export type PriorityCheckMode = 'self-assessment' | 'document' | 'carer';

export type StatementSet = NonNullable<DefinitionController<'statement-set'>['definition']>;
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
export class CarerPriorityCheck extends CarerElement implements PriorityHost, DocumentHost {
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

  // The members marked internal are read by ./priority-later.ts and ./document-view.ts.
  /** @internal */
  @state() assessment: Assessment = {};
  /** @internal */
  @state() organisation = '';
  /** @internal */
  @state() carerRatings: Record<string, string> = {};
  @state() private errors: ErrorSummaryItem[] = [];
  /** @internal */
  @state() sendProblem = '';
  /** @internal */
  @state() sent: ResponseEnvelope | undefined;
  /** @internal */
  @state() sending = false;
  /** @internal */
  @state() showReport = false;
  /** @internal */
  @state() docText = '';
  /** @internal */
  @state() docProblem = '';
  /** @internal */
  @state() checking = false;
  /** @internal */
  @state() progress = 0;
  /** @internal */
  @state() docReport: DocumentReport | undefined;
  /** @internal */
  @state() checkedText = '';

  /** @internal */
  readonly config = new CarerConfigController(this);
  private readonly source = new DefinitionController<'statement-set'>(this, { kind: 'statement-set', shape: statementSetShape, endpoint: () => this.config.endpoint });
  /** @internal */
  readonly drafts = new DraftStore();
  private draftKeyLoaded = '';
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  /** @internal */
  startedAt = new Date();
  /** @internal */
  checkAbort: AbortController | undefined;
  private readySent: unknown;
  /** The summary tables, the report and sending: fetched at idle after the first screen. */
  private readonly later = new Later(this, () => import('./priority-later.js'));
  /** Document mode's view and checker: fetched when that mode shows. */
  private readonly documentView = new Later(this, () => import('./document-view.js'));

  // A press (or a screen) that waits for a lazy part is part of the update it leads to.
  protected override async getUpdateComplete(): Promise<boolean> {
    await Promise.all([this.later.settled, this.documentView.settled]);
    return super.getUpdateComplete();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.later.module?.forget(this);
    this.checkAbort?.abort();
    if (this.draftTimer) {
      clearTimeout(this.draftTimer);
      void this.saveDraft();
    }
  }

  // ------------------------------------------------------------------ data

  /** @internal */
  get set(): StatementSet | undefined {
    return this.source.status === 'ready' ? this.source.definition : undefined;
  }

  /** The groups this mode rates: organisation groups for self-assessment, carer groups for carers. */
  /** @internal */
  groupsFor(mode: PriorityCheckMode): Group[] {
    const set = this.set;
    if (!set) return [];
    if (mode === 'document') return [...set.groups];
    const audience = mode === 'carer' ? 'carer' : 'organisation';
    return set.groups.filter((g) => g.audience === audience);
  }

  /** @internal */
  scaleFor(mode: PriorityCheckMode): ScalePoint[] {
    const set = this.set;
    if (!set) return [];
    return mode === 'carer' ? (set.carerScale ?? set.scale) : set.scale;
  }

  private statementText(st: Group['statements'][number]): string {
    return (this.easyRead && st.easyRead) || st.text;
  }

  /** @internal */
  reportGroups(): ReportGroup[] {
    return this.groupsFor('self-assessment').map((g) => ({
      id: g.id,
      title: g.title,
      statements: g.statements.map((s) => ({ id: s.id, text: s.text })),
    }));
  }

  /** @internal */
  draftKey(): string {
    const set = this.set;
    return set ? `priority-check|${this.mode}|${set.id}@${set.version}|${this.config.partner ?? ''}` : '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode')) {
      // Fetched as soon as document mode shows, so "Check" does not wait (and works if the
      // connection drops after the page loaded).
      if (this.mode === 'document') void this.documentView.then((m) => m.loadDocumentChecker().catch(() => undefined));
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
      this.later.preload();
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

  /** Sends the ratings (once that code is here: the button is busy until then). */
  private send(answers: Record<string, string>): void {
    void this.later.then((m) => m.send(this, answers));
  }

  private focusStatement = (id: string): void => {
    const control = this.renderRoot.querySelector<HTMLElement>(`carer-likert[data-statement="${CSS.escape(id)}"]`);
    control?.focus();
  };

  private async showErrors(errors: ErrorSummaryItem[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    await focusErrorSummary(this.renderRoot);
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
    this.send(answers);
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
    this.send(answers);
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

  private printReport(): void {
    void this.later.then(async () => {
      this.showReport = true;
      await this.updateComplete;
      window.print();
    });
  }

  // ------------------------------------------------------------------ document check

  /** Checks the current text (as "Check document" does). Resolves when the check ends. */
  async runCheck(): Promise<void> {
    const view = await this.documentView.get();
    await view.runCheck(this);
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
        ${this.mode === 'document' ? (this.documentView.need()?.renderDocument(this) ?? renderLoading()) : this.mode === 'carer' ? this.renderCarer() : this.renderSelfAssessment()}
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
        ${this.later.need()?.renderSummary(this, false) ?? nothing} ${this.renderSendProblem()}
        <div class="actions">
          <button class="button" type="submit" aria-busy=${this.sending || this.later.waiting ? 'true' : 'false'}>
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
      ${this.later.need()?.renderReport(this) ?? nothing}
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
        <button class="button" type="submit" aria-busy=${this.sending || this.later.waiting ? 'true' : 'false'}>${msg('Send my answers', { id: 'priority.carer.send' })}</button>
      </div>
    </form>`;
  }
}
