import { expect, oneEvent } from '@open-wc/testing';
import { Outbox, sharedOutbox } from '@carers-voice/core/outbox';
import type { CarerSurvey } from '../../packages/elements/src/survey/carer-survey.js';
import { branchingSurvey, choose, freshDatabase, press, renderSurvey, seen, send, settle, waitFor } from './survey-helpers.js';

let counter = 0;
/** A scripted stand-in for the collector (see test/support/scripted-collector.mjs). */
async function scriptedServer(script: object[] = [], down = false) {
  counter += 1;
  const key = `survey-${Date.now()}-${counter}`;
  await fetch(`/__scripted__/${key}`, { method: 'PUT', body: JSON.stringify({ script, down }) });
  return {
    endpoint: `${location.origin}/__scripted__/${key}`,
    up: () => fetch(`/__scripted__/${key}`, { method: 'PATCH', body: JSON.stringify({ down: false }) }),
    received: async () => (await (await fetch(`/__scripted__/${key}`)).json()) as { posts: number; ids: string[] },
  };
}

async function answerAll(el: CarerSurvey) {
  await choose(el, 'age', '65-plus');
  await choose(el, 'cares-for', 'partner');
  await press(el, /Continue/);
  await choose(el, 'works', 'no');
  await press(el, /Continue/);
  await choose(el, 'coping', 'disagree');
  await press(el, /Continue/);
  await choose(el, 'consent', 'no');
  await press(el, /Continue/);
}

const status = (el: CarerSurvey) => el.shadowRoot!.querySelector('[data-status]')?.textContent?.trim() ?? '';

describe('<carer-survey> sending', () => {
  it('offline: says the answers are saved on the device, then sends exactly one copy when the server is back', async () => {
    const server = await scriptedServer([], true);
    const database = freshDatabase();
    const el = await renderSurvey({ definition: branchingSurvey, database, endpoint: server.endpoint, partner: 'test-hub' });
    await answerAll(el);
    const submitted = oneEvent(el, 'carer-submit');
    await send(el);
    const envelope = (await submitted).detail.envelope as { id: string; partner: string };
    expect(envelope.partner).to.equal('test-hub');
    await waitFor(() => status(el).includes('back online'), 5000, 'the offline status');
    expect(status(el)).to.equal('Saved on this device. It will be sent when you are back online.');
    expect((await server.received()).ids).to.deep.equal([]);

    await server.up();
    const sent = oneEvent(el, 'carer-sent');
    // What the `online` event does: try again now.
    window.dispatchEvent(new Event('online'));
    expect((await sent).detail.id).to.equal(envelope.id);
    await settle(el);
    expect(status(el)).to.match(/^Sent/);
    // More chances to resend must not make a second copy.
    await sharedOutbox({ database }).flush({ ignoreBackoff: true });
    expect(await server.received()).to.deep.include({ ids: [envelope.id] });
    await expect(el).to.be.accessible();
  });

  it('a server failing with 500 three times, then working, still receives exactly one copy', async () => {
    const server = await scriptedServer([{ status: 500 }, { status: 500 }, { status: 500 }]);
    const database = freshDatabase();
    const el = await renderSurvey({ definition: branchingSurvey, database, endpoint: server.endpoint, partner: 'test-hub' });
    await answerAll(el);
    const sent = oneEvent(el, 'carer-sent');
    await send(el);
    const outbox = sharedOutbox({ database });
    for (let i = 0; i < 6 && !status(el).startsWith('Sent'); i++) {
      await outbox.flush({ ignoreBackoff: true });
      await settle(el);
    }
    await sent;
    expect(status(el)).to.match(/^Sent/);
    const received = await server.received();
    expect(received.ids.length).to.equal(1);
    expect(received.posts).to.equal(4);
  });

  it('a refused response stays on the device, the carer is told plainly and carer-error (send) fires', async () => {
    const server = await scriptedServer([{ status: 400, error: 'unknown partner' }]);
    const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase(), endpoint: server.endpoint, partner: 'nobody' });
    await answerAll(el);
    const error = oneEvent(el, 'carer-error');
    await send(el);
    const { detail } = await error;
    expect(detail.kind).to.equal('send');
    expect(detail.message).to.contain('unknown partner');
    await settle(el);
    expect(status(el)).to.contain('could not accept');
  });

  it('pressing Send twice quickly sends one response (no double submit, the button is never disabled)', async () => {
    const server = await scriptedServer();
    const el = await renderSurvey({ definition: branchingSurvey, database: freshDatabase(), endpoint: server.endpoint, partner: 'test-hub' });
    await answerAll(el);
    let submits = 0;
    el.addEventListener('carer-submit', () => submits++);
    const sendButton = el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(sendButton.disabled).to.equal(false);
    sendButton.click();
    sendButton.click();
    await waitFor(() => status(el).startsWith('Sent'), 5000, 'sent');
    expect(submits).to.equal(1);
    expect((await server.received()).posts).to.equal(1);
  });

  it('takes endpoint and partner from the nearest <carer-voice>', async () => {
    await import('../../packages/elements/src/provider/define.js');
    const server = await scriptedServer();
    const provider = document.createElement('carer-voice');
    provider.setAttribute('endpoint', server.endpoint);
    provider.setAttribute('partner', 'hub-from-provider');
    const el = document.createElement('carer-survey');
    el.database = freshDatabase();
    el.definition = branchingSurvey;
    provider.append(el);
    document.body.append(provider);
    await el.ready;
    await settle(el);
    await answerAll(el);
    const submitted = oneEvent(el, 'carer-submit');
    await send(el);
    expect(((await submitted).detail.envelope as { partner: string }).partner).to.equal('hub-from-provider');
    await waitFor(() => status(el).startsWith('Sent'), 5000, 'sent');
    expect((await server.received()).ids.length).to.equal(1);
    provider.remove();
  });

  it('offline, then the page is reloaded, then back online: the server still gets exactly one copy', async () => {
    const server = await scriptedServer([], true);
    const database = freshDatabase();
    const el = await renderSurvey({ definition: branchingSurvey, database, endpoint: server.endpoint, partner: 'test-hub' });
    await answerAll(el);
    const submitted = oneEvent(el, 'carer-submit');
    await send(el);
    const { id } = (await submitted).detail.envelope as { id: string };
    await waitFor(() => status(el).includes('back online'), 5000, 'the offline status');
    // The page goes away (its outbox stops) …
    sharedOutbox({ database }).stop();
    el.remove();
    // … the signal comes back, and the page is loaded again: a fresh outbox over the same IndexedDB,
    // and the survey starts afresh (its draft was cleared when the answers were sent).
    await server.up();
    const reloaded = new Outbox({ database });
    const sent = new Promise<void>((resolve) => reloaded.addEventListener('sent', () => resolve(), { once: true }));
    reloaded.start();
    await sent;
    const again = await renderSurvey({ definition: branchingSurvey, database, endpoint: server.endpoint, partner: 'test-hub' });
    expect(seen(again.shadowRoot!)).to.not.contain('Welcome back');
    await reloaded.flush({ ignoreBackoff: true });
    reloaded.stop();
    expect((await server.received()).ids).to.deep.equal([id]);
  });
});
