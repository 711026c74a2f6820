/**
 * @carers-voice/charts: results views for dashboards. Import `@carers-voice/charts/define` to
 * register `<carer-results>` and `<carer-statement-heatmap>`; this entry only exports the classes
 * and helpers (no side effects).
 */
export { CarerResults, hiddenNote } from './results/carer-results.js';
export { CarerStatementHeatmap } from './heatmap/carer-statement-heatmap.js';
export {
  describeResults,
  describeQuestion,
  splitScale,
  outsideScale,
  INDICATORS,
  TRENDS,
  type FigureView,
  type ChartView,
  type TableView,
  type SeriesView,
  type ChartKind,
} from './model/describe.js';
export { NumberWords } from './model/format.js';
export { heatmapCell, type StatementHeatmap, type HeatmapCellView } from './model/heatmap.js';
export { SERIES_COLOURS, HEAT_BANDS } from './chart/palette.js';
export { REGISTERED as registeredChartParts } from './chart/setup.js';
export type { ResultsModel, SuppressedResults, QuestionResult, OptionResult, IndicatorResult, TrendPoint, HiddenReason, HiddenMarks } from '@carers-voice/core/aggregate';
