/**
 * A ChartView (what to draw) → a chart.js configuration, for the reader's setting: text direction,
 * reduced motion and forced colours.
 */
import { msg } from '@lit/localize';
import type { ChartConfiguration, ChartDataset, Plugin, TooltipItem } from 'chart.js';
import type { ChartView, SeriesView } from '../model/describe.js';
import type { NumberWords } from '../model/format.js';
import { DASHES, EDGE, POINT_STYLES, canvasFill, toneFill } from './palette.js';

export interface DrawSettings {
  rtl: boolean;
  reducedMotion: boolean;
  forcedColours: boolean;
  /** Text colour and background of the element (the user's own colours in forced-colours mode). */
  ink: string;
  paper: string;
  font: string;
  /** What a hidden bar says where it would be. */
  hiddenLabel: string;
}

/** Writes "hidden" where a bar would be, so a hidden number never looks like a zero. */
function hiddenBarsPlugin(view: ChartView, settings: DrawSettings): Plugin<'bar'> {
  return {
    id: 'carerHiddenBars',
    afterDatasetsDraw(chart) {
      if (view.kind === 'line' || !view.series.length) return;
      // A row is hidden when none of its values can be shown (a diverging row of a small group).
      const rowHidden = view.labels.map((_, i) => view.series.every((s) => s.data[i] === null));
      const horizontal = view.kind !== 'column';
      const index = horizontal ? chart.scales['y'] : chart.scales['x'];
      const value = horizontal ? chart.scales['x'] : chart.scales['y'];
      if (!index || !value) return;
      const { ctx } = chart;
      ctx.save();
      ctx.fillStyle = settings.ink;
      ctx.font = `italic 13px ${settings.font}`;
      ctx.textBaseline = 'middle';
      rowHidden.forEach((hidden, i) => {
        if (!hidden) return;
        const at = index.getPixelForValue(i);
        const zero = value.getPixelForValue(0);
        if (horizontal) {
          ctx.textAlign = settings.rtl ? 'right' : 'left';
          ctx.fillText(settings.hiddenLabel, zero + (settings.rtl ? -6 : 6), at);
        } else {
          ctx.textAlign = 'center';
          ctx.fillText(settings.hiddenLabel, at, zero - 10);
        }
      });
      ctx.restore();
    },
  };
}

function dataset(view: ChartView, s: SeriesView, i: number, settings: DrawSettings): ChartDataset<'bar' | 'line', (number | null)[]> {
  const fill = toneFill(s.tone);
  const paint = settings.forcedColours ? canvasFill(fill, settings.ink, settings.paper) : canvasFill(fill, EDGE);
  if (view.kind === 'line') {
    const colour = settings.forcedColours ? settings.ink : fill.colour;
    return {
      type: 'line',
      label: s.label,
      data: s.data,
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 3,
      borderDash: DASHES[i % DASHES.length]!,
      pointStyle: POINT_STYLES[i % POINT_STYLES.length]!,
      pointRadius: 6,
      pointHoverRadius: 8,
      spanGaps: false,
    };
  }
  return {
    type: 'bar',
    label: s.label,
    data: s.data,
    backgroundColor: paint,
    borderColor: settings.forcedColours ? settings.ink : EDGE,
    borderWidth: 1,
    borderSkipped: false,
    ...(view.kind === 'diverging' ? { stack: 'scale', barPercentage: 0.8, categoryPercentage: 0.9 } : { maxBarThickness: 40 }),
  };
}

export function chartConfig(view: ChartView, words: NumberWords, settings: DrawSettings): ChartConfiguration<'bar' | 'line', (number | null)[], string> {
  const horizontal = view.kind === 'bar' || view.kind === 'mean' || view.kind === 'diverging';
  const stacked = view.kind === 'diverging';
  const format = (v: number) => (view.unit === 'percent' ? words.percent(Math.abs(v)) : words.decimal(Math.abs(v)));
  const valueAxis = {
    type: 'linear' as const,
    stacked,
    beginAtZero: true,
    ...(view.unit === 'percent' && !stacked ? { min: 0, max: 100 } : {}),
    ...(stacked && view.extent ? { min: -view.extent, max: view.extent } : {}),
    // Horizontal bars grow from the reading start: the right in a right-to-left language.
    reverse: horizontal && settings.rtl,
    ticks: { color: settings.ink, font: { size: 13 }, callback: (v: number | string) => format(Number(v)) },
    grid: settings.forcedColours ? { color: settings.ink, tickBorderDash: [2, 4] } : { color: 'rgba(11,12,12,0.15)' },
    border: settings.forcedColours ? { dash: [2, 4] } : {},
    title: { display: !!view.axisTitle, text: axisTitle(view, settings), color: settings.ink, font: { size: 14 } },
    ...(!horizontal && settings.rtl ? { position: 'right' as const } : {}),
  };
  const indexAxis = {
    type: 'category' as const,
    stacked,
    reverse: !horizontal && settings.rtl,
    ticks: { color: settings.ink, autoSkip: false, font: { size: 14 } },
    grid: { display: false },
    // In a right-to-left language the labels sit on the right, where reading starts.
    ...(horizontal && settings.rtl ? { position: 'right' as const } : {}),
  };
  const tooltipLabel = (item: TooltipItem<'bar' | 'line'>) => {
    const series = view.series[item.datasetIndex];
    const v = series?.values[item.dataIndex] ?? null;
    return `${series?.label ?? ''}: ${v === null ? settings.hiddenLabel : format(v)}`;
  };
  const legendShown = view.series.length > 1;
  return {
    type: view.kind === 'line' ? 'line' : 'bar',
    data: {
      labels: view.labels,
      datasets: view.series.map((s, i) => dataset(view, s, i, settings)) as ChartDataset<'bar' | 'line', (number | null)[]>[],
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: settings.reducedMotion ? false : { duration: 400 },
      locale: words.locale,
      font: { family: settings.font, size: 14 },
      color: settings.ink,
      scales: horizontal ? { x: valueAxis, y: indexAxis } : { x: indexAxis, y: valueAxis },
      plugins: {
        legend: {
          display: legendShown,
          position: 'bottom',
          rtl: settings.rtl,
          labels: {
            color: settings.ink,
            usePointStyle: view.kind === 'line',
            filter: (item) => !view.series[item.datasetIndex ?? 0]?.legendHidden,
            sort: (a, b) => (view.series[a.datasetIndex ?? 0]?.order ?? 0) - (view.series[b.datasetIndex ?? 0]?.order ?? 0),
          },
        },
        tooltip: {
          rtl: settings.rtl,
          callbacks: { label: tooltipLabel },
          filter: (item) => !(view.series[item.datasetIndex]?.legendHidden ?? false),
        },
      },
    },
    plugins: [hiddenBarsPlugin(view, settings) as Plugin<'bar' | 'line'>],
  };
}

/** The diverging axis says which side negative answers are on: the left, or the right when mirrored. */
function axisTitle(view: ChartView, settings: DrawSettings): string {
  if (view.kind !== 'diverging') return view.axisTitle ?? '';
  return settings.rtl
    ? msg('Percentage of those who answered (negative answers to the right of zero)', { id: 'results.axis.divergingRtl' })
    : msg('Percentage of those who answered (negative answers to the left of zero)', { id: 'results.axis.diverging' });
}
