/**
 * `<carer-priority-check mode="document">`: paste a text or choose a file, check it against the
 * statements in the browser (nothing is uploaded), and show what it covers and how easy it is to
 * read. Loaded only in document mode (see `stepping/later.ts`); the checker itself (tokeniser,
 * stemmer, readability) is a further lazy load, fetched as soon as this view shows.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Coverage, DocumentReport, Passage, StatementCoverage } from '@carers-voice/core/document';
import { ACCEPTED_FILES, MAX_FILE_BYTES, fileToText, isAcceptedFile } from './document-text.js';
import type { PriorityCheckMode, StatementSet } from './carer-priority-check.js';
import { once } from '../base/once.js';

/** The parts of `<carer-priority-check>` this view reads and changes. */
export interface DocumentHost extends HTMLElement {
  readonly set: StatementSet | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  docText: string;
  docProblem: string;
  checking: boolean;
  progress: number;
  docReport: DocumentReport | undefined;
  checkedText: string;
  checkAbort: AbortController | undefined;
  groupsFor(mode: PriorityCheckMode): StatementSet['groups'][number][];
}

/** The document checker, fetched once (and again after a failed fetch). */
export const loadDocumentChecker = once(() => import('@carers-voice/core/document'));

async function onFile(h: DocumentHost, e: Event): Promise<void> {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return;
  h.docProblem = '';
  if (!isAcceptedFile(file)) {
    h.docProblem = msg('Choose a text file ending .txt, .md or .html.', { id: 'priority.doc.bad-file' });
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    h.docProblem = msg('That file is larger than 10 MB. Choose a smaller file or paste the text.', { id: 'priority.doc.too-big' });
    return;
  }
  try {
    h.docText = await fileToText(file);
  } catch {
    h.docProblem = msg('That file could not be read. Try pasting the text instead.', { id: 'priority.doc.read-failed' });
    return;
  }
  await runCheck(h);
}

/** Checks the current text (as "Check document" does). Resolves when the check ends. */
export async function runCheck(h: DocumentHost): Promise<void> {
  const set = h.set;
  if (!set) return;
  h.checkAbort?.abort();
  const text = h.docText;
  if (text.trim() === '') {
    h.docProblem = msg('Paste some text or choose a file first.', { id: 'priority.doc.empty' });
    await h.updateComplete;
    h.renderRoot.querySelector<HTMLElement>('#doc-text')?.focus();
    return;
  }
  h.docProblem = '';
  const abort = (h.checkAbort = new AbortController());
  h.checking = true;
  h.progress = 0;
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
          h.progress = f;
        }
      },
    });
    h.docReport = report;
    h.checkedText = text;
  } catch (error) {
    if ((error as Error)?.name !== 'AbortError') {
      h.docProblem = msg('The check stopped because of an error. Try a shorter text.', { id: 'priority.doc.failed' });
    }
  } finally {
    if (h.checkAbort === abort) {
      h.checking = false;
      h.checkAbort = undefined;
    }
  }
}

function stopCheck(h: DocumentHost): void {
  h.checkAbort?.abort();
  h.checking = false;
}

function coverageLabel(c: Coverage): string {
  switch (c) {
    case 'addressed':
      return msg('Addressed', { id: 'priority.doc.addressed' });
    case 'partly':
      return msg('Mentioned, but says it is not done', { id: 'priority.doc.partly' });
    case 'not-mentioned':
      return msg('Not mentioned', { id: 'priority.doc.not-mentioned' });
  }
}

export function renderDocument(h: DocumentHost): TemplateResult {
  return html`
    <p class="notice" part="privacy">
      ${msg('Your text stays on this device. It is checked in your browser and never uploaded.', { id: 'priority.doc.privacy' })}
    </p>
    <form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void runCheck(h);
      }}
    >
      ${h.docProblem ? html`<p class="problem" role="alert" id="doc-problem">${h.docProblem}</p>` : nothing}
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
          aria-describedby=${h.docProblem ? 'doc-text-hint doc-problem' : 'doc-text-hint'}
          .value=${h.docText}
          @input=${(e: Event) => (h.docText = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="field">
        <label for="doc-file">${msg('Or choose a file (.txt, .md or .html)', { id: 'priority.doc.file' })}</label>
        <input type="file" id="doc-file" accept=${ACCEPTED_FILES} @change=${(e: Event) => void onFile(h, e)} />
      </div>
      <div class="actions">
        <button class="button" type="submit" aria-busy=${h.checking ? 'true' : 'false'}>${msg('Check document', { id: 'priority.doc.check' })}</button>
        ${h.checking
          ? html`<button class="button secondary" type="button" @click=${() => stopCheck(h)}>${msg('Stop', { id: 'priority.doc.stop' })}</button>`
          : nothing}
      </div>
    </form>
    ${h.checking
      ? html`<div class="doc-progress">
          <label for="doc-progress">${msg(str`Checking… ${Math.round(h.progress * 100)}%`, { id: 'priority.doc.checking' })}</label>
          <progress id="doc-progress" max="1" .value=${h.progress}></progress>
        </div>`
      : nothing}
    <p role="status" class="doc-status">
      ${h.docReport && !h.checking
        ? msg(str`${h.docReport.addressed.length} of ${h.docReport.statements.length} statements addressed.`, { id: 'priority.doc.done' })
        : nothing}
    </p>
    ${h.docReport && !h.checking ? renderDocReport(h, h.docReport) : nothing}
  `;
}

function renderDocReport(h: DocumentHost, report: DocumentReport): TemplateResult {
  const r = report.readability;
  const groups = new Map(h.groupsFor('document').map((g) => [g.id, g.title]));
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
      return html`<h4>${coverageLabel(cov)} (${items.length})</h4>
        <ul class="coverage-list" data-coverage=${cov}>
          ${items.map((s) => renderCoverage(h, s, groups.get(s.group) ?? ''))}
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

function renderCoverage(h: DocumentHost, s: StatementCoverage, groupTitle: string): TemplateResult {
  const symbol = s.coverage === 'addressed' ? '✓' : s.coverage === 'partly' ? '◐' : '✗';
  return html`<li class=${s.coverage} data-statement=${s.id}>
    <span class="coverage-label"><span aria-hidden="true">${symbol}</span> ${coverageLabel(s.coverage)}:</span>
    ${s.text} <span class="hint">(${groupTitle})</span>
    ${s.passages.length
      ? html`<details>
          <summary>
            ${msg(str`Show matching passages (${s.matches})`, { id: 'priority.doc.show-passages' })}
          </summary>
          <ul class="passages">
            ${s.passages.map((p) => html`<li>${renderPassage(h, p)}</li>`)}
          </ul>
          ${s.passages.length < s.matches
            ? html`<p class="hint">${msg(str`Showing the first ${s.passages.length}.`, { id: 'priority.doc.first-passages' })}</p>`
            : nothing}
        </details>`
      : nothing}
  </li>`;
}

function renderPassage(h: DocumentHost, p: Passage): TemplateResult {
  const text = h.checkedText;
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

/** The coverage lists, highlighted passages and reading level. */
export const styles = css`
  /* Document check */
  progress {
    inline-size: 100%;
    block-size: 1em;
  }
  .coverage-list {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--cv-space-5);
  }
  .coverage-list > li {
    margin: 0 0 var(--cv-space-3);
    padding: var(--cv-space-2) var(--cv-space-3);
    border-inline-start: 6px solid var(--cv-color-border);
  }
  .coverage-list > li.partly {
    border-inline-start-style: dashed;
  }
  .coverage-list > li.not-mentioned {
    border-inline-start: 6px dotted var(--cv-color-border-subtle);
  }
  .coverage-label {
    display: inline-block;
    font-weight: 700;
    margin-inline-end: var(--cv-space-2);
  }
  summary {
    cursor: pointer;
    min-block-size: var(--cv-target-size);
    padding: var(--cv-space-1) 0;
    color: var(--cv-color-link);
    text-decoration: underline;
  }
  .passages {
    margin: var(--cv-space-2) 0 0;
    padding-inline-start: var(--cv-space-5);
  }
  .passages li {
    margin: 0 0 var(--cv-space-2);
  }
  mark {
    color: var(--cv-color-focus-text);
    background: var(--cv-color-focus);
    font-weight: 700;
    text-decoration: underline;
  }
  mark.negated {
    background: var(--cv-color-surface-alt);
    text-decoration: line-through;
  }
  .reading {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--cv-space-1) var(--cv-space-4);
    margin: 0 0 var(--cv-space-4);
  }
  .reading dt {
    font-weight: 700;
  }
  .reading dd {
    margin: 0;
  }
`;
