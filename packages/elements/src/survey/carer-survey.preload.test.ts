/**
 * A survey whose definition is still on its way (`src` being fetched) loads the controls nearly
 * every survey shows (likert, select, text) alongside it, so its first page does not wait for one
 * more download after the definition arrives. Its own file: it needs a page where those controls
 * have not been loaded yet.
 */
import { expect } from '@open-wc/testing';
import type { CarerSurvey } from './carer-survey.js';
import { branchingSurvey, freshDatabase, heading, seen, waitFor } from '../../../../test/browser/survey-helpers.js';

describe('<carer-survey> while its definition loads', () => {
  it('loads the likert, select and text controls before the definition has arrived, then shows the first page', async () => {
    expect(customElements.get('carer-likert'), 'not loaded before the survey asks').to.equal(undefined);
    let answer: ((response: Response) => void) | undefined;
    const original = window.fetch;
    window.fetch = (input, init) =>
      String(input).includes('slow-survey.json') ? new Promise<Response>((resolve) => (answer = resolve)) : original(input, init);
    try {
      const el = document.createElement('carer-survey') as CarerSurvey;
      el.database = freshDatabase();
      el.setAttribute('src', '/slow-survey.json');
      document.body.append(el);
      await waitFor(() => ['carer-likert', 'carer-select', 'carer-text-input', 'carer-textarea'].every((t) => customElements.get(t)), 5000, 'the controls');
      expect(answer, 'the definition is still being fetched').to.be.a('function');
      expect(seen(el.shadowRoot!)).to.contain('Loading');

      answer!(new Response(JSON.stringify(branchingSurvey), { headers: { 'content-type': 'application/json' } }));
      await el.ready;
      expect(heading(el)).to.equal('About you');
      el.remove();
    } finally {
      window.fetch = original;
    }
  });
});
