import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ResultsModel, SuppressedResults } from '@carers-voice/core/aggregate';
import { reset } from '@carers-voice/elements/theme';
import { describeResults, type ChartView, type FigureView, type TableView } from '../model/describe.js';
import { NumberWords } from '../model/format.js';
import { chartClass, type Chart } from '../chart/setup.js';
import { chartConfig, type DrawSettings } from '../chart/config.js';
import { resultsStyles } from './carer-results.styles.js';
import { clampLevel, heading, languageOf, prefers } from './dom.js';

/** The reason core/aggregate gives for a whole result set that is too small (TOO_FEW). */
const TOO_FEW = 'too few responses to show';

/**
 * Results for a strategy group's dashboard: each question drawn as the chart that suits it (bars for
 * choices and ratings, diverging bars for answer scales, bars of the average for ranking and points,
 * lines for indicators year on year), each with a one-sentence summary worked out from the numbers and
 * a data table ("Show as a table", always printed). Small numbers arrive hidden from the collector and
 * are never drawn as zero.
 *
 * @cssproperty --carer-color-* - colours of text, borders and the table toggle (see the theme tokens)
 * @cssproperty --carer-font-family - the font, also used inside charts
 */
@localized()
export class CarerResults extends LitElement {
  static override styles = [reset, resultsStyles];

  /** The collector's results (`GET /api/v1/results/...`) or `buildResults()` from core/aggregate. */
  @property({ attribute: false }) results?: ResultsModel | SuppressedResults;

  /** The level of the results heading (1–6); each question's heading is one below. Default 2. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Show one question only (its id), or `indicators`, or `trends`. */
  @property() question?: string;

  /** Figures whose table the reader has opened. */
  @state() private openTables: ReadonlySet<string> = new Set();

  private figures: FigureView[] = [];
  private words = new NumberWords('en-GB', 7);
  private charts = new Map<string, { chart: Chart; view: ChartView; canvas: HTMLCanvasElement }>();
  private media: MediaQueryList[] = [];
  private readonly redraw = () => {
    this.destroyCharts();
    this.requestUpdate();
  };
  private readonly resizeForPrint = () => this.charts.forEach(({ chart }) => chart.resize());

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof matchMedia === 'function') {
      this.media = ['(prefers-reduced-motion: reduce)', '(forced-colors: active)'].map((q) => matchMedia(q));
      this.media.forEach((m) => m.addEventListener('change', this.redraw));
    }
    window.addEventListener('beforeprint', this.resizeForPrint);
    window.addEventListener('afterprint', this.resizeForPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.media.forEach((m) => m.removeEventListener('change', this.redraw));
    window.removeEventListener('beforeprint', this.resizeForPrint);
    window.removeEventListener('afterprint', this.resizeForPrint);
    this.destroyCharts();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Everything but opening a table (a locale switch arrives as an update with nothing changed).
    const onlyToggled = changed.size === 1 && changed.has('openTables' as keyof CarerResults);
    if (onlyToggled && this.figures.length) return;
    const threshold = this.results?.suppression.threshold ?? 7;
    this.words = new NumberWords(languageOf(this), threshold);
    this.figures = this.results && !this.results.suppressed ? describeResults(this.results, this.words, this.question) : [];
  }

  protected override render(): TemplateResult | typeof nothing {
    const results = this.results;
    if (!results) return nothing;
    const level = clampLevel(this.headingLevel);
    const title = results.instrument.title ?? msg('Results', { id: 'results.title' });
    if (results.suppressed) {
      const reason = results.reason === TOO_FEW ? msg('Too few responses to show', { id: 'results.tooFew' }) : results.reason;
      const atLeast = this.words.fewerThan();
      return html`<section class="results" aria-labelledby="results-title">
        ${heading(level, 'results-title', title)}
        <p class="suppressed">${reason}.</p>
        <p class="note">
          ${msg(str`To protect people's privacy, results are shown only once they come from more people: ${atLeast} responses so far.`, {
            id: 'results.tooFew.detail',
          })}
        </p>
      </section>`;
    }
    return html`<section class="results" aria-labelledby="results-title">
      ${heading(level, 'results-title', title)} ${this.renderIntro(results)}
      ${this.figures.length
        ? this.figures.map((f) => this.renderFigure(f, level + 1))
        : html`<p class="note">${msg('There is nothing to show for this question.', { id: 'results.nothing' })}</p>`}
    </section>`;
  }

  private renderIntro(results: ResultsModel) {
    const { threshold, rounding } = results.suppression;
    const base = this.words.smallCount(results.base);
    // A filtered view's base may be hidden only to protect a smaller group (core's groupPattern).
    const responses =
      results.base === null && results.hidden?.base === 'secondary'
        ? msg('The number of responses is hidden to protect a small group.', { id: 'results.baseProtected' })
        : msg(str`Based on ${base} responses.`, { id: 'results.base' });
    const small = this.words.count(threshold);
    const rule =
      rounding > 1
        ? msg(str`Numbers are rounded to the nearest ${this.words.count(rounding)}, and numbers from 1 to ${small} are hidden to protect people's privacy.`, {
            id: 'results.rule.rounded',
          })
        : msg(str`Numbers from 1 to ${small} are hidden to protect people's privacy.`, { id: 'results.rule' });
    const by = results.by;
    const groups = by
      ? msg(str`Also shown by ${by.label}: ${this.words.and(by.groups.map((g) => `${g.label} (${this.words.count(g.base, g.hidden?.base)})`))}.`, {
          id: 'results.byGroups',
        })
      : '';
    return html`<p class="intro">${responses} ${rule}</p>
      ${by ? html`<p class="intro">${groups}</p>` : nothing}`;
  }

  private renderFigure(f: FigureView, level: number) {
    const open = this.openTables.has(f.key);
    const chart = f.chart;
    return html`<section class="figure" aria-labelledby="${f.key}-title" data-figure=${f.key} data-kind=${chart?.kind ?? 'table'}>
      ${heading(level, `${f.key}-title`, f.title)}
      <p class="summary" id="${f.key}-summary">${f.summary}</p>
      ${chart
        ? html`<div class="chart" data-rows=${chart.labels.length}>
            <canvas id="${f.key}-canvas" role="img" aria-label="${f.kindName}: ${f.title}" aria-describedby="${f.key}-summary"></canvas>
          </div>`
        : nothing}
      ${f.aside ? html`<p class="aside">${f.aside}</p>` : nothing}
      ${chart
        ? html`<button type="button" class="toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="${f.key}-table" @click=${() => this.toggle(f.key)}>
            ${open ? msg('Hide the table', { id: 'results.hideTable' }) : msg('Show as a table', { id: 'results.showTable' })}<span
              class="visually-hidden"
              >: ${f.title}</span
            >
          </button>`
        : nothing}
      <div class="table-wrap" id="${f.key}-table" ?hidden=${!!chart && !open}>${this.renderTable(f.table, f.key, f.hasHidden)}</div>
    </section>`;
  }

  private renderTable(t: TableView, key: string, hasHidden: boolean) {
    const hiddenWords = this.words.hiddenWords();
    const cell = (text: string) => html`<td class=${hiddenWords.includes(text) ? 'is-hidden' : ''}>${text}</td>`;
    // The note explains only the kinds of hidden number this table shows.
    const shown = new Set([...t.rows.flatMap((r) => r.cells), ...(t.foot?.cells ?? [])]);
    const kinds = {
      small: shown.has(this.words.fewerThan()),
      protecting: shown.has(this.words.protecting()),
      // A hidden percentage beside a marked count is explained by that count's words.
      unmarked: false,
    };
    kinds.unmarked = shown.has(this.words.hidden()) && !kinds.small && !kinds.protecting;
    return html`<table aria-describedby=${hasHidden ? `${key}-note` : nothing}>
        <caption>${t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">${t.rowHeader}</th>
            ${t.columns.map((c) => html`<th scope="col">${c}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${t.rows.map((r) => html`<tr><th scope="row">${r.header}</th>${r.cells.map(cell)}</tr>`)}
        </tbody>
        ${t.foot ? html`<tfoot><tr><th scope="row">${t.foot.header}</th>${t.foot.cells.map(cell)}</tr></tfoot>` : nothing}
      </table>
      ${hasHidden ? html`<p class="note" id="${key}-note">${hiddenNote(this.words, kinds)}</p>` : nothing}`;
  }

  private toggle(key: string) {
    const next = new Set(this.openTables);
    if (!next.delete(key)) next.add(key);
    this.openTables = next;
  }

  protected override updated(): void {
    this.drawCharts();
  }

  private drawCharts() {
    const live = new Set<string>();
    const settings = this.drawSettings();
    for (const f of this.figures) {
      if (!f.chart) continue;
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>(`#${f.key}-canvas`);
      if (!canvas) continue;
      live.add(f.key);
      const existing = this.charts.get(f.key);
      if (existing && existing.view === f.chart && existing.canvas === canvas) continue;
      existing?.chart.destroy();
      const box = canvas.parentElement!;
      // CSSOM, not a style attribute: works under a strict CSP.
      box.style.blockSize = `${chartHeight(f.chart)}px`;
      const ChartJs = chartClass();
      const chart = new ChartJs(canvas, chartConfig(f.chart, this.words, settings));
      this.charts.set(f.key, { chart, view: f.chart, canvas });
    }
    for (const [key, { chart }] of this.charts) {
      if (!live.has(key)) {
        chart.destroy();
        this.charts.delete(key);
      }
    }
  }

  private destroyCharts() {
    this.charts.forEach(({ chart }) => chart.destroy());
    this.charts.clear();
  }

  private drawSettings(): DrawSettings {
    const style = getComputedStyle(this);
    const paper = style.backgroundColor;
    return {
      rtl: style.direction === 'rtl',
      reducedMotion: prefers('(prefers-reduced-motion: reduce)'),
      forcedColours: prefers('(forced-colors: active)'),
      ink: style.color || '#0b0c0c',
      paper: paper && paper !== 'rgba(0, 0, 0, 0)' && paper !== 'transparent' ? paper : '#ffffff',
      font: style.fontFamily || 'sans-serif',
      hiddenLabel: this.words.hidden(),
    };
  }
}

/**
 * Explains the hidden numbers of a table (suppress.ts): "fewer than N" (small itself), "hidden to
 * protect a small group" (hidden so a small one cannot be worked out), and plain "hidden" (a
 * percentage, or a result without reasons — either of the two). Only the kinds the table shows.
 */
export function hiddenNote(words: NumberWords, kinds: { small?: boolean; protecting?: boolean; unmarked?: boolean } = { unmarked: true }): string {
  const fewer = words.fewerThan();
  const out: string[] = [];
  if (kinds.small) {
    out.push(msg(str`“${fewer}” means at least one person but ${fewer} gave that answer: the number is hidden so that nobody can be picked out.`, { id: 'results.note.small' }));
  }
  if (kinds.protecting) {
    out.push(
      msg('“Hidden to protect a small group” means the number itself may not be small, but showing it would let someone work out a small number from the totals.', {
        id: 'results.note.protecting',
      }),
    );
  }
  if (kinds.unmarked || !out.length) {
    out.push(
      msg(str`“Hidden” means ${fewer} people gave that answer, or that the number is hidden so a number that small cannot be worked out from the others.`, {
        id: 'results.hiddenNote',
      }),
    );
  }
  return out.join(' ');
}

function chartHeight(view: ChartView): number {
  const legend = view.series.length > 1 ? 60 : 0;
  switch (view.kind) {
    case 'line':
    case 'column':
      return 300 + legend;
    case 'diverging':
      return 90 + legend + view.labels.length * 56;
    default:
      return 80 + legend + view.labels.length * 40;
  }
}
