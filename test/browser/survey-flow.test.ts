import { expect, oneEvent } from '@open-wc/testing';
import { DraftStore } from '@carers-voice/core/outbox';
import type { CarerSurvey } from '../../packages/elements/src/survey/carer-survey.js';
import { branchingSurvey, choose, deep, deepActive, field, freshDatabase, heading, option, press, renderSurvey, send, seen, settle, type } from './survey-helpers.js';

async function answerAll(el: CarerSurvey, age = '18-64') {
  await choose(el, 'age', age);
  await choose(el, 'cares-for', 'parent');
  await press(el, /Continue/);
  if (age === 'under-18') await choose(el, 'school-knows', 'no');
  else await choose(el, 'works', 'yes');
  await press(el, /Continue/);
  await choose(el, 'coping', 'agree');
  await press(el, /Continue/);
  await choose(el, 'consent', 'no');
  await press(el, /Continue/);
}

describe('<carer-survey> journey', () => {
  it('goes through check answers, Change returns to the question and back, and sends in local mode', async () => {
    const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() });
    await answerAll(el);
    expect(heading(el)).to.equal('Check your answers before sending them');
    const page = seen(el.shadowRoot!);
    expect(page).to.contain('18 to 64');
    expect(page).to.contain('A parent');
    expect(page).to.contain('Agree');
    expect(page).to.contain('Not answered'); // the optional comments
    await expect(el).to.be.accessible();

    // Change "Do you have a paid job?"
    const change = [...el.shadowRoot!.querySelectorAll('.summary-list__row')].find((r) => seen(r).includes('paid job'))!.querySelector('a')!;
    change.click();
    await settle(el);
    expect(heading(el)).to.equal('Work');
    expect(option(el, 'works', 'yes').checked).to.equal(true);
    expect(deepActive() === option(el, 'works', 'yes'), 'focus is on the answer to change').to.equal(true);
    await choose(el, 'works', 'no');
    await press(el, /Continue/);
    expect(heading(el)).to.equal('Check your answers before sending them');
    expect(seen(el.shadowRoot!)).to.contain('No');

    const submitted = oneEvent(el, 'carer-submit');
    await send(el);
    const { detail } = await submitted;
    const envelope = detail.envelope as { answers: Record<string, unknown>; instrument: { id: string }; meta: { honeypot: string } };
    expect(envelope.instrument.id).to.equal('test-branching');
    expect(envelope.answers).to.deep.equal({ age: '18-64', 'cares-for': ['parent'], works: 'no', coping: 'agree', consent: 'no' });
    expect(envelope.meta.honeypot).to.equal('');
    expect(heading(el)).to.equal('Thank you for your answers');
    const done = seen(el.shadowRoot!);
    expect(done).to.match(/Your reference [0-9A-Z]{4}-[0-9A-Z]{4}/);
    expect(done).to.contain('Saved on this device only');
    expect(done).to.contain('Carers hub');
    expect(done).to.contain('Crisis line');
    await expect(el).to.be.accessible();
  });

  it('Back keeps answers; changing a branch drops the answers of pages no longer on the route', async () => {
    const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() });
    await choose(el, 'age', '18-64');
    await choose(el, 'cares-for', 'parent');
    await press(el, /Continue/);
    await choose(el, 'works', 'yes');
    await press(el, /Back/);
    expect(heading(el)).to.equal('About you');
    expect(option(el, 'age', '18-64').checked).to.equal(true);
    expect(option(el, 'cares-for', 'parent').checked).to.equal(true);
    await choose(el, 'age', 'under-18');
    await press(el, /Continue/);
    expect(heading(el)).to.equal('School');
    await choose(el, 'school-knows', 'yes');
    await press(el, /Continue/);
    await choose(el, 'coping', 'agree');
    await press(el, /Continue/);
    await choose(el, 'consent', 'no');
    await press(el, /Continue/);
    const submitted = oneEvent(el, 'carer-submit');
    await send(el);
    const answers = (await submitted).detail.envelope as { answers: Record<string, unknown> };
    expect(answers.answers).to.not.have.property('works');
    expect(answers.answers).to.include({ 'school-knows': 'yes' });
  });

  it('shows contact details only after consent and sends them apart from the answers', async () => {
    const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() });
    await answerAll(el);
    await press(el, /Back/);
    expect(heading(el)).to.equal('Staying in touch');
    expect(Boolean(el.shadowRoot!.querySelector('[data-qid="email"]'))).to.equal(false);
    await choose(el, 'consent', 'yes');
    expect(Boolean(el.shadowRoot!.querySelector('[data-qid="email"]'))).to.equal(true);
    await press(el, /Continue/);
    expect(seen(deep(el, 'carer-error-summary'))).to.contain('Enter your answer');
    await type(el, 'email', 'sam@example.org');
    await press(el, /Continue/);
    const submitted = oneEvent(el, 'carer-submit');
    await send(el);
    const envelope = (await submitted).detail.envelope as { answers: Record<string, unknown>; contact: Record<string, string> };
    expect(envelope.contact).to.deep.equal({ email: 'sam@example.org' });
    expect(envelope.answers).to.not.have.property('email');
    expect(envelope.answers).to.include({ consent: 'yes' });
  });

  it('puts what a bot types in the hidden field into meta.honeypot', async () => {
    const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() });
    const trap = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="website"]')!;
    expect(trap.tabIndex).to.equal(-1);
    expect(Boolean(trap.closest('[aria-hidden="true"]'))).to.equal(true);
    trap.value = 'http://spam.example';
    trap.dispatchEvent(new Event('input'));
    await answerAll(el);
    const submitted = oneEvent(el, 'carer-submit');
    await send(el);
    expect(((await submitted).detail.envelope as { meta: { honeypot: string } }).meta.honeypot).to.equal('http://spam.example');
  });

  it('easy read: the toggle and the attribute show easy read wording', async () => {
    const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() });
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await settle(el);
    expect(el.hasAttribute('easy-read')).to.equal(true);
    expect(seen(el.shadowRoot!)).to.contain('How old are you? Pick one.');
    await expect(el).to.be.accessible();
    const el2 = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() }, 'easy-read');
    expect(seen(el2.shadowRoot!)).to.contain('How old are you? Pick one.');
  });

  it('fires carer-ready, carer-answer and carer-page', async () => {
    const el = document.createElement('carer-survey');
    el.database = freshDatabase();
    el.definition = branchingSurvey;
    const ready = oneEvent(el, 'carer-ready');
    document.body.append(el);
    expect((await ready).detail.instrument).to.deep.equal({ id: 'test-branching', version: 1 });
    await el.ready;
    await settle(el);
    const answered = oneEvent(el, 'carer-answer');
    await choose(el, 'age', '65-plus');
    expect((await answered).detail).to.deep.equal({ question: 'age', value: '65-plus' });
    await choose(el, 'cares-for', 'none');
    const paged = oneEvent(el, 'carer-page');
    await press(el, /Continue/);
    expect((await paged).detail).to.deep.equal({ page: 'work', number: 2, total: 4 });
    el.remove();
  });

  it('resumes at the same page with every answer after a reload, and "Start again" clears the draft', async () => {
    const database = freshDatabase();
    const first = await renderSurvey({ definition: branchingSurvey, database });
    await choose(first, 'age', '18-64');
    await choose(first, 'cares-for', 'other');
    await type(first, 'cares-for-other', 'My neighbour');
    await press(first, /Continue/);
    await choose(first, 'works', 'no');
    await press(first, /Continue/);
    expect(heading(first)).to.equal('How you feel');
    await first.saved;
    first.remove();

    // A new page load: a new element over the same IndexedDB.
    const again = await renderSurvey({ definition: branchingSurvey, database });
    expect(heading(again)).to.equal('How you feel');
    expect(seen(again.shadowRoot!)).to.contain('Welcome back');
    await press(again, /Back/);
    expect(option(again, 'works', 'no').checked).to.equal(true);
    await press(again, /Back/);
    expect(option(again, 'age', '18-64').checked).to.equal(true);
    expect(option(again, 'cares-for', 'other').checked).to.equal(true);
    expect(field(again, 'cares-for-other').value).to.equal('My neighbour');

    await press(again, /Start again and clear my answers/);
    expect(heading(again)).to.equal('About you');
    expect(option(again, 'age', '18-64').checked).to.equal(false);
    const draft = await new DraftStore({ database }).load('test-branching@1|');
    expect(draft).to.equal(undefined);
  });

  it('drops a draft older than draft-days', async () => {
    const database = freshDatabase();
    const old = Date.now() - 3 * 24 * 60 * 60 * 1000;
    await new DraftStore({ database, now: () => old }).save('test-branching@1|', { age: '18-64' }, 'work');
    const el = await renderSurvey({ definition: branchingSurvey, database }, 'draft-days=2');
    expect(heading(el)).to.equal('About you');
    const kept = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() });
    expect(heading(kept)).to.equal('About you');
  });

  it('a double click on Continue moves one page, not two', async () => {
    const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() });
    await choose(el, 'age', '18-64');
    await choose(el, 'cares-for', 'parent');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    button.dispatchEvent(new MouseEvent('click', { detail: 1, bubbles: true, cancelable: true, composed: true }));
    await settle(el);
    button.dispatchEvent(new MouseEvent('click', { detail: 2, bubbles: true, cancelable: true, composed: true }));
    await settle(el);
    expect(heading(el)).to.equal('Work');
    expect(Boolean(el.shadowRoot!.querySelector('carer-error-summary')?.shadowRoot?.querySelector('a')), 'no error summary on the next page').to.equal(false);
  });

  it('Back after a "Change" returns to check answers', async () => {
    const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase() });
    await answerAll(el);
    el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href="#age"]')!.click();
    await settle(el);
    expect(heading(el)).to.equal('About you');
    await press(el, /Back/);
    expect(heading(el)).to.equal('Check your answers before sending them');
  });
});
