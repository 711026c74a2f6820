/**
 * Offline before the part after the first page has arrived (later.ts: the checks, the check page,
 * sending): Continue says so plainly, keeps the carer on their page with every answer, and works
 * once the part can be fetched. Its own file: the part must not have loaded in this page yet.
 */
import { expect } from '@open-wc/testing';
import { replaceLaterImportForTests } from './lazy.js';
import { branchingSurvey, button, choose, freshDatabase, heading, option, renderSurvey, settle, waitFor } from '../../../../test/browser/survey-helpers.js';

describe('<carer-survey> offline before the part after the first page arrived', () => {
  it('Continue says the next page could not be opened, keeps the answers, and goes on once back online', async () => {
    const restore = replaceLaterImportForTests(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    try {
      const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() });
      await choose(el, 'age', '18-64');
      await choose(el, 'cares-for', 'parent');
      button(el, /Continue/).click();
      await waitFor(() => el.shadowRoot!.querySelector('[role="alert"].load-problem') !== null, 3000, 'the offline message');
      await settle(el);
      const alert = el.shadowRoot!.querySelector('.load-problem')!;
      expect(alert.textContent).to.contain('could not be opened');
      expect(heading(el)).to.equal('About you');
      expect(option(el, 'age', '18-64').checked).to.equal(true);
      expect(button(el, /Continue/).getAttribute('aria-busy')).to.equal('false');
      await expect(el).to.be.accessible();

      restore();
      button(el, /Continue/).click();
      await el.saved;
      await waitFor(() => heading(el) === 'Work', 5000, 'the next page');
      expect(el.shadowRoot!.querySelector('.load-problem')).to.equal(null);
    } finally {
      restore();
    }
  });
});
