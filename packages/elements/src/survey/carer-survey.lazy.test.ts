/**
 * The parts of <carer-survey> loaded after its first page (later.ts: answer checks, the check
 * page, sending, the confirmation): a carer never sees them missing. Continue pressed before they
 * arrive shows the busy state and then goes on; their styles arrive with them; a reload that
 * resumes on the check page goes straight there, as does a resume on a later page (no flash of
 * page 1). The first test must stay first: it relies on the part not being loaded yet.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DB_NAME, DraftStore } from '@carers-voice/core/outbox';
import { DEVICE_DB } from './survey-dom.js';
import { CarerSurvey } from './carer-survey.js';
import { branchingSurvey, button, choose, deepActive, freshDatabase, heading, press, renderSurvey, send, seen, settle, waitFor } from '../../../../test/browser/survey-helpers.js';

const laterFetched = () => performance.getEntriesByType('resource').some((e) => /\/survey\/later\.(ts|js)/.test(e.name));

/** Every page heading the element shows, from its very first render (to catch a flash of another page). */
function headingsSeen(el: CarerSurvey): string[] {
  const seenHeadings: string[] = [];
  const record = () => {
    const text = el.shadowRoot?.querySelector('[data-heading]')?.textContent?.trim();
    if (text && seenHeadings[seenHeadings.length - 1] !== text) seenHeadings.push(text);
  };
  const observe = () => new MutationObserver(record).observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
  if (el.shadowRoot) observe();
  else queueMicrotask(observe);
  return seenHeadings;
}

async function mountWithDraft(database: string, answers: Record<string, unknown>, position: string): Promise<{ el: CarerSurvey; headings: string[] }> {
  await new DraftStore({ database }).save('test-branching@1|', answers, position);
  const el = document.createElement('carer-survey') as CarerSurvey;
  el.database = database;
  el.definition = branchingSurvey;
  document.body.append(el);
  const headings = headingsSeen(el);
  await el.ready;
  await settle(el);
  return { el, headings };
}

const allAnswered = { age: '18-64', 'cares-for': ['parent'], works: 'no', coping: 'agree', consent: 'no' };

describe('<carer-survey> parts loaded after the first page', () => {
  afterEach(() => document.querySelectorAll('carer-survey').forEach((el) => el.remove()));

  it('Continue pressed before they have loaded shows the busy state, then the next page', async () => {
    const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() });
    await choose(el, 'age', '18-64');
    await choose(el, 'cares-for', 'parent');
    const notYet = !laterFetched();
    const continueButton = button(el, /Continue/);
    continueButton.click();
    await el.updateComplete;
    // (When the browser was idle long enough to have fetched them already, Continue goes on at once.)
    if (notYet) expect(continueButton.getAttribute('aria-busy'), 'Continue is busy while the checks load').to.equal('true');
    await el.saved;
    await waitFor(() => heading(el) === 'Work', 5000, 'the next page');
    await settle(el);
    expect(heading(el)).to.equal('Work');
    expect(laterFetched()).to.equal(true);
  });

  it('Continue with a problem shows the error summary with its message from the lazily loaded checks', async () => {
    const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() });
    await press(el, /Continue/);
    const summary = el.shadowRoot!.querySelector('carer-error-summary')!;
    // The summary's own element comes in a small chunk of its own: on a busy machine it may arrive a moment later.
    await waitFor(() => seen(summary).includes('Select an answer'), 5000, 'the error summary');
    expect(seen(summary)).to.contain('Select an answer');
    expect(heading(el)).to.equal('About you');
  });

  it('the check page and the confirmation come with their own styles, and the check page works by keyboard', async () => {
    const database = freshDatabase();
    const { el } = await mountWithDraft(database, allAnswered, 'contact');
    expect(heading(el)).to.equal('Staying in touch');
    await press(el, /Continue/);
    expect(heading(el)).to.equal('Check your answers before sending them');
    const row = el.shadowRoot!.querySelector('.summary-list__row')!;
    expect(getComputedStyle(row).display, 'summary rows are laid out by the check page styles').to.equal('grid');

    // By keyboard: Tab to the first "Change", Enter, then Back returns to the check page.
    (el.shadowRoot!.querySelector('[data-heading]') as HTMLElement).focus();
    let active: Element | null = null;
    for (let i = 0; i < 10 && !(active instanceof HTMLAnchorElement); i++) {
      await sendKeys({ press: 'Tab' });
      active = deepActive();
    }
    expect(seen(active as Element)).to.match(/^Change How old are you\?/);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => heading(el) === 'About you', 3000, 'the question to change');
    await press(el, /Back/);
    expect(heading(el)).to.equal('Check your answers before sending them');

    await send(el);
    const panel = el.shadowRoot!.querySelector('.panel')!;
    expect(getComputedStyle(panel).textAlign, 'the confirmation panel has its styles').to.equal('center');
    expect(seen(el.shadowRoot!)).to.contain('Crisis line');
    await expect(el).to.be.accessible();
  });

  it('a reload on the check page goes straight back to it, never showing page 1', async () => {
    const { el, headings } = await mountWithDraft(freshDatabase(), allAnswered, 'check-answers');
    expect(heading(el)).to.equal('Check your answers before sending them');
    expect(headings).to.deep.equal(['Check your answers before sending them']);
    expect(seen(el.shadowRoot!)).to.contain('18 to 64');
  });

  it('a reload in the middle goes straight to that page, never showing page 1', async () => {
    const { el, headings } = await mountWithDraft(freshDatabase(), { age: '18-64', 'cares-for': ['parent'], works: 'no' }, 'feelings');
    expect(heading(el)).to.equal('How you feel');
    expect(headings).to.deep.equal(['How you feel']);
    expect(seen(el.shadowRoot!)).to.contain('Welcome back');
  });
});

describe('<carer-survey> device store', () => {
  it('asks for core’s own device database by name (DEVICE_DB is DB_NAME)', () => {
    expect(DEVICE_DB).to.equal(DB_NAME);
  });
});
