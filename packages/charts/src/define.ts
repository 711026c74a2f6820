import { CarerResults } from './results/carer-results.js';
import { CarerStatementHeatmap } from './heatmap/carer-statement-heatmap.js';

export { CarerResults, CarerStatementHeatmap };

if (!customElements.get('carer-results')) customElements.define('carer-results', CarerResults);
if (!customElements.get('carer-statement-heatmap')) customElements.define('carer-statement-heatmap', CarerStatementHeatmap);

declare global {
  interface HTMLElementTagNameMap {
    'carer-results': CarerResults;
    'carer-statement-heatmap': CarerStatementHeatmap;
  }
}
