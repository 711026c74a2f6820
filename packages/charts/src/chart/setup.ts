/**
 * chart.js, tree-shaken: only the controllers, elements, scales and plugins the results views draw
 * with are registered (never `chart.js/auto`, which pulls in every chart type: ~15 kB more gzipped).
 * Registration happens on first use, not at import, so a bundler may safely drop this module when
 * nothing draws a chart.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartComponentLike,
} from 'chart.js';

export const REGISTERED: ChartComponentLike[] = [BarController, LineController, CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend];

let registered = false;

export function chartClass(): typeof Chart {
  if (!registered) {
    Chart.register(...REGISTERED);
    registered = true;
  }
  return Chart;
}

export type { Chart };
