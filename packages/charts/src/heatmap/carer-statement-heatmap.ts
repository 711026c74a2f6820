import { LitElement, css, html, nothing, unsafeCSS, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { reset } from '@carers-voice/elements/theme';
import { heatmapCell, type HeatmapCellView, type StatementHeatmap } from '../model/heatmap.js';
import { NumberWords } from '../model/format.js';
import { HEAT_BANDS } from '../chart/palette.js';
import { resultsStyles } from '../results/carer-results.styles.js';
import { clampLevel, heading, languageOf } from '../results/dom.js';
import { hiddenNote } from '../results/carer-results.js';

// Fixed palette constants (no outside input) as CSS rules.
const bandRules = HEAT_BANDS.map((b, i) => `.band-${i} { background-color: ${b.background}; color: ${b.text}; }`).join('\n');

/**
 * Priority statements across organisations as a heat map: an HTML table (no canvas), one row per
 * organisation and one column per statement, each cell coloured by the share rated best ("met") and
 * saying that share in words, so colour is never the only cue. "Show the numbers" adds each cell's
 * counts (always printed, always read by screen readers).
 *
 * @cssproperty --carer-color-* - text and border colours (see the theme tokens)
 */
@localized()
export class CarerStatementHeatmap extends LitElement {
  static override styles = [
    reset,
    resultsStyles,
    css`
      .heat td {
        text-align: center;
        min-inline-size: 6em;
        border: 2px solid var(--cv-color-surface);
      }
      .heat .pct {
        display: block;
        font-weight: 700;
        font-size: 1.15em;
      }
      .heat .counts {
        display: block;
        font-size: 0.9em;
      }
      .heat td.empty {
        background: var(--cv-color-surface-alt);
        color: var(--cv-color-text);
        font-style: italic;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cv-space-2);
        padding: 0;
        margin-block: 0 var(--cv-space-4);
        list-style: none;
        font-size: var(--cv-font-size-small);
      }
      .legend li {
        padding: var(--cv-space-1) var(--cv-space-2);
        border: 1px solid var(--cv-color-border);
      }
      ${unsafeCSS(bandRules)}
      @media (forced-colors: active) {
        .heat td,
        .legend li {
          forced-color-adjust: auto;
          border: 1px solid CanvasText;
        }
      }
      @media print {
        .heat .counts.visually-hidden {
          position: static !important;
          inline-size: auto !important;
          block-size: auto !important;
          clip: auto !important;
          clip-path: none !important;
          white-space: normal !important;
          overflow: visible !important;
        }
        .heat td {
          print-color-adjust: exact;
          -webkit-print-color-adjust: exact;
        }
      }
    `,
  ];

  @property({ attribute: false }) data?: StatementHeatmap;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  @state() private showNumbers = false;

  protected override render(): TemplateResult | typeof nothing {
    const data = this.data;
    if (!data) return nothing;
    const words = new NumberWords(languageOf(this), data.suppression?.threshold ?? 7);
    const best = data.scale.find((s) => !s.outside);
    const bestLabel = best?.label ?? '';
    const views = data.rows.map((r) => data.statements.map((_, j) => heatmapCell(data, r.cells[j])));
    const hasHidden = views.some((row) => row.some((c) => c.empty || c.percent === null || c.counts.some((n) => n.count === null)));
    const title = data.title ?? msg('Priority statements across organisations', { id: 'results.heatmap.title' });
    const level = clampLevel(this.headingLevel);
    return html`<section class="figure" aria-labelledby="heat-title" data-kind="heatmap">
      ${heading(level, 'heat-title', title)}
      <p class="summary" id="heat-summary">${heatmapSummary(data, views, words, bestLabel)}</p>
      <ul class="legend" aria-label=${msg(str`Colour key: share rated “${bestLabel}”`, { id: 'results.heatmap.key' })}>
        ${[0, 1, 2, 3, 4].map(
          (b) => html`<li class="band-${b}">${words.percent(b * 20)}–${words.percent(b === 4 ? 100 : b * 20 + 19)}</li>`,
        )}
      </ul>
      <button type="button" class="toggle" aria-expanded=${this.showNumbers ? 'true' : 'false'} aria-controls="heat-table" @click=${() => (this.showNumbers = !this.showNumbers)}>
        ${this.showNumbers ? msg('Hide the numbers', { id: 'results.heatmap.hideNumbers' }) : msg('Show the numbers', { id: 'results.heatmap.showNumbers' })}
      </button>
      <div class="table-wrap">
        <table class="heat" id="heat-table" aria-describedby=${hasHidden ? 'heat-summary heat-note' : 'heat-summary'}>
          <caption>${msg(str`${title}: share of ratings that were “${bestLabel}”`, { id: 'results.heatmap.caption' })}</caption>
          <thead>
            <tr>
              <th scope="col">${data.rowHeading ?? msg('Organisation', { id: 'results.heatmap.organisation' })}</th>
              ${data.statements.map((s) => html`<th scope="col">${s.text}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${data.rows.map(
              (r, i) => html`<tr>
                <th scope="row">${r.label}</th>
                ${views[i]!.map((c) => this.renderCell(c, words, bestLabel))}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${hasHidden ? html`<p class="note" id="heat-note">${hiddenNote(words)}</p>` : nothing}
    </section>`;
  }

  private renderCell(c: HeatmapCellView, words: NumberWords, bestLabel: string) {
    const counts = c.counts.map((n) => msg(str`${n.label}: ${words.count(n.count)}`, { id: 'results.heatmap.count' })).join(', ');
    if (c.empty) {
      return html`<td class="empty">${msg(str`Too few ratings (${words.fewerThan()})`, { id: 'results.heatmap.empty' })}</td>`;
    }
    const main = c.percent === null ? words.hidden() : `${words.percent(c.percent)} ${bestLabel}`;
    return html`<td class=${c.band === null ? 'empty' : `band-${c.band}`}>
      <span class="pct">${main}</span>
      <span class="counts ${this.showNumbers ? '' : 'visually-hidden'}">${counts}</span>
    </td>`;
  }
}

export function heatmapSummary(data: StatementHeatmap, views: HeatmapCellView[][], words: NumberWords, bestLabel: string): string {
  const cells: { org: string; statement: string; percent: number }[] = [];
  views.forEach((row, i) =>
    row.forEach((c, j) => {
      if (c.percent !== null) cells.push({ org: data.rows[i]!.label, statement: data.statements[j]!.text, percent: c.percent });
    }),
  );
  if (!cells.length) return msg('The numbers for these statements are too small to show.', { id: 'results.heatmap.allHidden' });
  cells.sort((a, b) => b.percent - a.percent);
  const hi = cells[0]!;
  const lo = cells[cells.length - 1]!;
  return msg(
    str`The highest share rated “${bestLabel}” was ${hi.org} on “${hi.statement}” (${words.percent(hi.percent)}); the lowest was ${lo.org} on “${lo.statement}” (${words.percent(lo.percent)}).`,
    { id: 'results.heatmap.summary' },
  );
}
