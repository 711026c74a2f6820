import { expect } from '@open-wc/testing';
import { branchingSurvey, choose, deep, freshDatabase, heading, press, renderSurvey, seen } from './survey-helpers.js';

describe('<carer-survey> basics', () => {
  it('shows the first page with its progress, intro and questions', async () => {
    const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() });
    expect(heading(el)).to.equal('About you');
    expect(seen(el.shadowRoot!)).to.contain('Page 1 of 4');
    expect(seen(el.shadowRoot!)).to.contain('How old are you?');
    await expect(el).to.be.accessible();
  });

  it('Continue with nothing answered shows the error summary and inline errors', async () => {
    const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() });
    await press(el, /Continue/);
    const summary = deep(el, 'carer-error-summary');
    expect(seen(summary)).to.contain('There is a problem');
    expect(seen(summary)).to.contain('Select an answer');
    expect(heading(el)).to.equal('About you');
    await expect(el).to.be.accessible();
  });

  it('branches on age', async () => {
    const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() });
    await choose(el, 'age', 'under-18');
    await choose(el, 'cares-for', 'parent');
    await press(el, /Continue/);
    expect(heading(el)).to.equal('School');
    expect(seen(el.shadowRoot!)).to.contain('Do your teachers know');
  });
});
