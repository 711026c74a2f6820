/**
 * <carer-poll> states: not yet open, closed (and refusing a late vote), one vote per device with
 * "change my vote", sending through the outbox to the scripted collector (and offline), local mode.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { closeDeviceStore } from '@carers-voice/core/outbox';
import { button, choose, freshDatabase, poll, polls, press, renderPoll, scriptedServer, settle, shown, until } from '../../packages/elements/src/poll/test-helpers.js';

describe('<carer-poll> dates', () => {
  it('before it opens: says when it opens, in the carer\'s language, and shows no form', async () => {
    const now = Date.UTC(2026, 2, 1, 12);
    const el = await renderPoll({ definition: poll('single', { opens: '2026-03-10T09:00:00Z' }), clock: () => now, database: freshDatabase() });
    expect(shown(el)).to.contain('This poll opens on 10 March 2026');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('after it closes: says so plainly, shows no form, and passes axe', async () => {
    const now = Date.UTC(2026, 5, 1);
    const el = await renderPoll({ definition: poll('single', { closes: '2026-05-31T17:00:00Z' }), clock: () => now, database: freshDatabase() });
    expect(shown(el)).to.contain('This poll closed on 31 May 2026').and.contain('You can no longer vote');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('refuses a vote made after the closing time, with a clear message, and sends nothing', async () => {
    let now = Date.UTC(2026, 4, 31, 16, 59);
    const { endpoint, server } = await scriptedServer();
    const el = await renderPoll({ definition: poll('single', { closes: '2026-05-31T17:00:00Z' }), clock: () => now, database: freshDatabase() }, { endpoint, partner: 'hub' });
    expect(shown(el)).to.contain('This poll closes on 31 May 2026');
    await choose(el, 'best-way', 'online');
    now = Date.UTC(2026, 4, 31, 17, 1); // the carer took two minutes
    let submitted = 0;
    el.addEventListener('carer-submit', () => (submitted += 1));
    await press(el, /Send my vote/);
    const notice = el.shadowRoot!.querySelector('[data-state="closed"]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(shown(el)).to.contain('This poll closed on 31 May 2026').and.contain('Your vote was not sent, because voting had ended');
    expect(el.shadowRoot!.activeElement).to.equal(notice);
    expect(submitted).to.equal(0);
    expect(el.lastVote).to.equal(undefined);
    expect((await server()).posts).to.equal(0);
    await expect(el).to.be.accessible();
  });
});

describe('<carer-poll> one vote per device', () => {
  it('a second vote from the same device reuses its token, has a new id and is shown as a change', async () => {
    const { endpoint, stored } = await scriptedServer();
    const database = freshDatabase();
    const first = await renderPoll({ definition: polls.single, database }, { endpoint, partner: 'hub' });
    const sent = oneEvent(first, 'carer-sent');
    await choose(first, 'best-way', 'online');
    await press(first, /Send my vote/);
    const firstId = (await sent).detail.id;
    await settle(first);
    expect(shown(first)).to.contain('Thank you for voting').and.contain('Your vote has been counted, without your name.');
    await expect(first).to.be.accessible();
    first.remove();

    // The carer comes back (a new page load, same device): no fresh ballot, their vote and "Change my vote".
    const again = await renderPoll({ definition: polls.single, database }, { endpoint, partner: 'hub' });
    expect(shown(again)).to.contain('You have already voted in this poll').and.contain('Online');
    expect(again.shadowRoot!.querySelector('form')).to.equal(null);
    await press(again, /Change my vote/);
    expect(shown(again)).to.contain('You are changing your vote');
    await choose(again, 'best-way', 'group');
    const sentAgain = oneEvent(again, 'carer-sent');
    await press(again, /Change my vote/);
    const secondId = (await sentAgain).detail.id;
    await settle(again);
    expect(shown(again)).to.contain('Your vote has been changed').and.contain('At a carers group');
    expect(secondId).to.not.equal(firstId);

    const { envelopes } = await stored();
    expect(envelopes.map((e) => e.id)).to.deep.equal([firstId, secondId]);
    const [a, b] = envelopes;
    expect(a!.meta?.device).to.be.a('string').and.have.length.greaterThan(10);
    expect(b!.meta?.device).to.equal(a!.meta?.device);
    expect(b!.answers).to.deep.equal({ 'best-way': 'group' });
    await closeDeviceStore(database);
  });

  it('after the poll closes, the device\'s vote is still shown but cannot be changed', async () => {
    const database = freshDatabase();
    let now = Date.UTC(2026, 0, 1);
    const def = poll('single', { closes: '2026-02-01T00:00:00Z' });
    const el = await renderPoll({ definition: def, database, clock: () => now });
    await choose(el, 'best-way', 'phone');
    await press(el, /Send my vote/);
    await until(() => Boolean(el.lastVote), 'the vote to be remembered');
    el.remove();
    now = Date.UTC(2026, 2, 1);
    const later = await renderPoll({ definition: def, database, clock: () => now });
    expect(shown(later)).to.contain('This poll closed on').and.contain('Your vote').and.contain('By phone');
    expect(() => button(later, /Change my vote/)).to.throw();
  });
});

describe('<carer-poll> sending', () => {
  it('offline: the vote waits in the outbox and the carer is told so honestly, then it is sent', async () => {
    const { endpoint, server, setDown } = await scriptedServer({ down: true });
    const database = freshDatabase();
    const el = await renderPoll({ definition: polls.single, database }, { endpoint, partner: 'hub' });
    await choose(el, 'best-way', 'online');
    await press(el, /Send my vote/);
    await until(() => shown(el).includes('has not been sent yet'), 'the offline message', 8000);
    expect(shown(el)).to.contain('Your vote is saved on this device but has not been sent yet');
    await setDown(false);
    const sent = oneEvent(el, 'carer-sent');
    window.dispatchEvent(new Event('online'));
    await sent;
    await settle(el);
    expect(shown(el)).to.contain('Your vote has been counted');
    expect((await server()).ids).to.deep.equal([el.lastVote!.id]);
    await closeDeviceStore(database);
  });

  it('local mode (no endpoint): nothing is sent and the carer is told so', async () => {
    const el = await renderPoll({ definition: polls.single, database: freshDatabase() });
    const submit = oneEvent(el, 'carer-submit');
    await choose(el, 'best-way', 'online');
    await press(el, /Send my vote/);
    const envelope = (await submit).detail.envelope as { meta?: { device?: string } };
    expect(envelope.meta?.device).to.be.a('string');
    await until(() => shown(el).includes('Thank you for voting'), 'the confirmation');
    expect(shown(el)).to.contain('not connected to a service that collects votes');
  });

  it('a collector refusal is said in plain words and reported as carer-error', async () => {
    const { endpoint } = await scriptedServer({ script: [{ status: 403, error: 'this poll has closed' }] });
    const database = freshDatabase();
    const el = await renderPoll({ definition: polls.single, database }, { endpoint, partner: 'hub' });
    const error = oneEvent(el, 'carer-error');
    await choose(el, 'best-way', 'online');
    await press(el, /Send my vote/);
    expect((await error).detail.kind).to.equal('send');
    await settle(el);
    expect(shown(el)).to.contain('Your vote could not be counted');
    await closeDeviceStore(database);
  });
});

describe('<carer-poll> while the page stays open', () => {
  it('closes by itself at the closing time: the form goes and the closed notice comes', async () => {
    const closes = Date.now() + 400;
    const el = await renderPoll({ definition: poll('single', { closes: new Date(closes).toISOString() }), database: freshDatabase() });
    expect(el.shadowRoot!.querySelector('form')).to.exist;
    await until(() => Boolean(el.shadowRoot!.querySelector('[data-state="closed"]')), 'the closed notice', 3000);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });
});
