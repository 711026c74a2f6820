/**
 * Registers the kit controls fewer instruments use — rating, number, ranking, points, statement —
 * in one go (one small download). `<carer-question>` imports this lazily when it first needs one
 * of them; `./define.js` registers them up front. Safe to import twice.
 */
import { CarerRating } from './rating/carer-rating.js';
import { CarerNumber } from './number/carer-number.js';
import { CarerRanking } from './ranking/carer-ranking.js';
import { CarerPoints } from './points/carer-points.js';
import { CarerStatement } from './statement/carer-statement.js';

if (!customElements.get('carer-rating')) customElements.define('carer-rating', CarerRating);
if (!customElements.get('carer-number')) customElements.define('carer-number', CarerNumber);
if (!customElements.get('carer-ranking')) customElements.define('carer-ranking', CarerRanking);
if (!customElements.get('carer-points')) customElements.define('carer-points', CarerPoints);
if (!customElements.get('carer-statement')) customElements.define('carer-statement', CarerStatement);
