/**
 * One anonymous response per attempt reaches the collector (the scripted stand-in served by the
 * test runner, see test/support/scripted-collector.mjs), through the device's outbox.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { closeDeviceStore } from '@carers-voice/core/outbox';
import type { CarerQuiz } from '../../packages/elements/src/quiz/carer-quiz.js';
import { button, choose, packs, currentQuestion, freshDatabase, press, renderQuiz, seen, settle, smallQuiz } from '../../packages/elements/src/quiz/test-helpers.js';

let counter = 0;
async function scriptedServer(script: object[] = []) {
  counter += 1;
  const key = `quiz${Date.now()}-${counter}`;
  await fetch(`/__scripted__/${key}`, { method: 'PUT', body: JSON.stringify({ script, down: false }) });
  const endpoint = `${location.origin}/__scripted__/${key}`;
  const server = async () => (await (await fetch(`/__scripted__/${key}`)).json()) as { posts: number; ids: string[] };
  return { endpoint, server };
}

async function finishSmallQuiz(el: CarerQuiz): Promise<void> {
  for (const [qid, values] of [
    ['any-age', ['yes']],
    ['who', ['daughter']],
    ['census', ['many']],
  ] as const) {
    expect(currentQuestion(el)).to.equal(qid);
    await choose(el, qid, ...values);
    await press(el, /Check answer/);
    await press(el, /Next question|See your score/);
  }
}

describe('<carer-quiz> sending', () => {
  it('sends exactly one envelope per attempt, and a new one (new id) after Try again', async () => {
    const { endpoint, server } = await scriptedServer();
    const database = freshDatabase();
    const el = await renderQuiz({ definition: smallQuiz, database }, { endpoint, partner: 'bury-carers-hub' });
    const first = el.attemptId;
    const submitted = oneEvent(el, 'carer-submit');
    const sent = oneEvent(el, 'carer-sent');
    await finishSmallQuiz(el);
    const envelope = (await submitted).detail.envelope as { id: string; partner: string; answers: Record<string, unknown>; contact?: unknown };
    expect(envelope).to.include({ id: first, partner: 'bury-carers-hub' });
    expect(envelope.answers).to.deep.equal({ 'any-age': 'yes', who: ['daughter'], census: 'many' });
    expect(envelope.contact).to.equal(undefined);
    expect((await sent).detail.id).to.equal(first);
    await settle(el);
    expect(seen(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('Your answers have been counted, without your name.');
    // Going to the review and back, or pressing the score button again, sends nothing more.
    await press(el, /Review your answers/);
    await press(el, /Back to your score/);
    expect(await server()).to.deep.equal({ posts: 1, ids: [first] });

    await press(el, /Try again/);
    const second = el.attemptId;
    expect(second).to.not.equal(first);
    const sentAgain = oneEvent(el, 'carer-sent');
    await finishSmallQuiz(el);
    expect((await sentAgain).detail.id).to.equal(second);
    expect(await server()).to.deep.equal({ posts: 2, ids: [first, second] });
    await closeDeviceStore(database);
  });

  it('"am I a carer?" sends its answers once; the outcome follows from them', async () => {
    const { endpoint, server } = await scriptedServer();
    const database = freshDatabase();
    // With an endpoint, `instrument` is fetched from the collector; the scripted one has no instruments.
    const el = await renderQuiz({ definition: packs.identify, database }, { endpoint, partner: 'hub' });
    const sent = oneEvent(el, 'carer-sent');
    await choose(el, 'age-band', 'under-18');
    await press(el, /Continue/);
    await choose(el, 'helps-someone', 'no');
    await press(el, /Continue/);
    expect(el.outcome?.id).to.equal('not-a-carer');
    expect((await sent).detail.id).to.equal(el.attemptId);
    expect(await server()).to.deep.equal({ posts: 1, ids: [el.attemptId] });
    await closeDeviceStore(database);
  });

  it('tells the partner (carer-error) and the carer in plain words when the collector refuses the response', async () => {
    const { endpoint } = await scriptedServer([{ status: 400, error: 'the answers do not match the registered quiz' }]);
    const database = freshDatabase();
    const el = await renderQuiz({ definition: smallQuiz, database }, { endpoint, partner: 'hub' });
    const error = oneEvent(el, 'carer-error');
    await finishSmallQuiz(el);
    const { detail } = await error;
    expect(detail.kind).to.equal('send');
    expect(detail.message).to.be.a('string').and.not.equal('');
    await settle(el);
    expect(seen(el.shadowRoot!.querySelector('[role="status"]'))).to.contain('could not be counted');
    expect(button(el, /Try again/)).to.exist;
    await closeDeviceStore(database);
  });

  it('local mode (no endpoint): nothing is sent and the carer is told so', async () => {
    const el = await renderQuiz({ definition: smallQuiz, database: freshDatabase() });
    let sent = 0;
    el.addEventListener('carer-sent', () => (sent += 1));
    await finishSmallQuiz(el);
    expect(seen(el.shadowRoot!.querySelector('[role="status"]'))).to.contain('not connected to a service');
    expect(sent).to.equal(0);
  });
});
