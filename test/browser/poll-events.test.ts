/**
 * <carer-poll> as a partner meets it: the built-in polls by id, settings from <carer-voice>, the
 * carer-* events in order, a definition of the wrong kind explained, and a statement that cannot
 * be sent kept in the box.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { closeDeviceStore } from '@carers-voice/core/outbox';
import '../../packages/elements/src/provider/define.js';
import type { CarerPoll } from '../../packages/elements/src/poll/carer-poll.js';
import { choose, freshDatabase, polls, press, renderPoll, scriptedServer, settle, shown, until } from '../../packages/elements/src/poll/test-helpers.js';

describe('<carer-poll> for partners', () => {
  for (const id of ['quick-poll-have-your-say', 'rank-bury-themes', 'share-points-stockport', 'carer-statements']) {
    it(`instrument="${id}" loads the built-in poll (local mode)`, async () => {
      const el = await renderPoll({ database: freshDatabase() }, { instrument: id });
      expect(el.shadowRoot!.querySelector('[data-heading]')?.textContent?.trim()).to.be.a('string').and.not.equal('');
      expect(el.shadowRoot!.querySelector('form carer-question')).to.exist;
    });
  }

  it('fires carer-ready, carer-answer, carer-submit (with meta.device) and carer-sent, and takes endpoint and partner from <carer-voice>', async () => {
    const { endpoint, stored } = await scriptedServer();
    const database = freshDatabase();
    const wrapper = await fixture<HTMLElement>(html`<carer-voice endpoint=${endpoint} partner="bury-carers-hub"></carer-voice>`);
    const el = document.createElement('carer-poll') as CarerPoll;
    el.database = database;
    el.definition = polls.single;
    const ready = oneEvent(el, 'carer-ready');
    wrapper.append(el);
    expect((await ready).detail).to.deep.equal({ instrument: { id: 'test-single', version: 1 }, kind: 'poll', title: 'How would you like to have your say?' });
    await el.ready;
    await settle(el);
    const answer = oneEvent(el, 'carer-answer');
    await choose(el, 'best-way', 'group');
    expect((await answer).detail).to.deep.equal({ question: 'best-way', value: 'group' });
    const submit = oneEvent(el, 'carer-submit');
    const sent = oneEvent(el, 'carer-sent');
    await press(el, /Send my vote/);
    const envelope = (await submit).detail.envelope as { id: string; partner: string; meta: { device: string; mode: string } };
    expect(envelope.partner).to.equal('bury-carers-hub');
    expect(envelope.meta.mode).to.equal('inline');
    expect((await sent).detail.id).to.equal(envelope.id);
    expect((await stored()).envelopes[0]!.meta?.device).to.equal(envelope.meta.device);
    await closeDeviceStore(database);
  });

  it('a survey definition given to <carer-poll> is explained to the web editor', async () => {
    const el = document.createElement('carer-poll') as CarerPoll;
    const error = oneEvent(el, 'carer-error');
    el.definition = { ...polls.single, kind: 'survey', pages: [{ id: 'p', questions: polls.single.questions }], showResults: undefined };
    await fixture(html`<div></div>`).then((d) => d.append(el));
    const { detail } = await error;
    expect(detail.kind).to.equal('definition');
    await settle(el);
    expect(shown(el)).to.contain('Sorry, this form is not working at the moment');
  });

  it('a statement that cannot be sent (offline) stays in the box, and the carer is told', async () => {
    const { endpoint, setDown, stored } = await scriptedServer();
    const database = freshDatabase();
    const el = await renderPoll({ definition: polls.statements, database }, { endpoint, partner: 'hub' });
    for (const id of ['info', 'break', 'listened']) {
      await choose(el, id, 'disagree');
      await press(el, /Continue|Send my votes/);
    }
    await until(() => Boolean(el.shadowRoot!.querySelector('#statement-text')), 'the statement form');
    await setDown(true);
    const box = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#statement-text')!;
    box.value = 'Evening drop-in sessions would help working carers.';
    box.dispatchEvent(new Event('input'));
    await press(el, /Send my statement/);
    await until(() => shown(el).includes('Your statement was not sent'), 'the offline message');
    expect(box.value).to.equal('Evening drop-in sessions would help working carers.');
    await setDown(false);
    await press(el, /Send my statement/);
    await until(() => shown(el).includes('a moderator will check it'), 'the pending message');
    expect((await stored()).statements.map((s) => s.text)).to.deep.equal(['Evening drop-in sessions would help working carers.']);
    await closeDeviceStore(database);
  });
});
