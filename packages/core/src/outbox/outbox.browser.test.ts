import { expect } from '@open-wc/testing';
import { Outbox, OutboxChangeEvent, closeDeviceStore, DraftStore, deviceToken, forgetDeviceToken, retryAfterMs } from './index.js';

let counter = 0;
/** A fresh database and scripted server per test, so tests never see each other's data. */
async function setup(script: object[] = [], down = false) {
  counter += 1;
  const key = `t${Date.now()}-${counter}`;
  await fetch(`/__scripted__/${key}`, { method: 'PUT', body: JSON.stringify({ script, down }) });
  /** Brings a "down" server back, as when the signal returns. */
  const up = () => fetch(`/__scripted__/${key}`, { method: 'PATCH', body: JSON.stringify({ down: false }) });
  const database = `cv-test-${key}`;
  const endpoint = `${location.origin}/__scripted__/${key}`;
  const server = async () => (await (await fetch(`/__scripted__/${key}`)).json()) as { posts: number; ids: string[] };
  return { key, database, endpoint, server, up };
}

function envelope(id = crypto.randomUUID()) {
  return { id, instrument: { id: 'annual-carers-survey', version: 1 }, partner: 'hub', locale: 'en-GB', answers: { q1: 'yes' } };
}

function nextEvent(target: EventTarget, type: string): Promise<OutboxChangeEvent> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as OutboxChangeEvent), { once: true }));
}

describe('Outbox', () => {
  afterEach(async () => {
    // Each test used its own database; close them so the next test starts clean.
    for (let i = 0; i <= counter; i++) await closeDeviceStore();
  });

  it('stores a response, sends it once, and marks it sent with the receipt', async () => {
    const { database, endpoint, server } = await setup();
    const outbox = new Outbox({ database });
    const sent = nextEvent(outbox, 'sent');
    const env = envelope();
    const record = await outbox.enqueue(env, endpoint);
    expect(record.status).to.equal('pending');
    const event = await sent;
    expect(event.record.id).to.equal(env.id);
    expect(event.record.receipt).to.deep.equal({ id: env.id, status: 'stored' });
    expect((await outbox.get(env.id))?.status).to.equal('sent');
    expect(await server()).to.deep.equal({ posts: 1, ids: [env.id] });
    await closeDeviceStore(database);
  });

  it('keeps retrying the same id through three 500s and the server ends with exactly one copy', async () => {
    const { database, endpoint, server } = await setup([{ status: 500 }, { status: 500 }, { status: 500 }]);
    const outbox = new Outbox({ database });
    const env = envelope();
    await outbox.enqueue(env, endpoint);
    await outbox.flush();
    for (let i = 0; i < 4 && (await outbox.get(env.id))?.status !== 'sent'; i++) {
      await outbox.flush({ ignoreBackoff: true });
    }
    const stored = await outbox.get(env.id);
    expect(stored?.status).to.equal('sent');
    expect(stored?.attempts).to.equal(3);
    expect(await server()).to.deep.equal({ posts: 4, ids: [env.id] });
    await closeDeviceStore(database);
  });

  it('waits with a plain reason when the connection drops, and backs off before trying again', async () => {
    const { database, endpoint, server, up } = await setup([], true);
    let now = 1_000_000;
    const outbox = new Outbox({ database, now: () => now, retryBaseMs: 10_000 });
    const env = envelope();
    await outbox.enqueue(env, endpoint);
    await outbox.flush();
    const waiting = await outbox.get(env.id);
    expect(waiting?.status).to.equal('pending');
    expect(waiting?.lastError).to.match(/could not reach the server/);
    expect(waiting!.nextAttemptAt - now).to.be.within(8_000, 12_000);
    // Not due yet: nothing is sent.
    const early = await outbox.flush();
    expect(early.waiting).to.deep.equal([env.id]);
    expect((await server()).ids).to.deep.equal([]);
    await up();
    now += 12_001;
    const later = await outbox.flush();
    expect(later.sent).to.deep.equal([env.id]);
    expect((await server()).ids).to.deep.equal([env.id]);
    await closeDeviceStore(database);
  });

  it('survives a reload: a response queued while the server was down is sent by the next page', async () => {
    const { database, endpoint, server, up } = await setup([], true);
    const first = new Outbox({ database });
    const env = envelope();
    await first.enqueue(env, endpoint);
    await first.flush();
    expect((await first.get(env.id))?.status).to.equal('pending');
    await closeDeviceStore(database);
    await up();

    // A new page: a new outbox over the same IndexedDB database. start() sends what is waiting.
    const second = new Outbox({ database, retryBaseMs: 1 });
    const sent = nextEvent(second, 'sent');
    await new Promise((r) => setTimeout(r, 5));
    second.start();
    expect((await sent).record.id).to.equal(env.id);
    second.stop();
    expect((await server()).ids).to.deep.equal([env.id]);
    await closeDeviceStore(database);
  });

  it('keeps a response the collector refuses for good, marked rejected with its reason', async () => {
    const { database, endpoint, server } = await setup([{ status: 422, error: 'unknown instrument "x" version 9' }]);
    const outbox = new Outbox({ database });
    const rejected = nextEvent(outbox, 'rejected');
    const env = envelope();
    await outbox.enqueue(env, endpoint);
    const { record } = await rejected;
    expect(record.status).to.equal('rejected');
    expect(record.lastError).to.equal('The server refused it (422): unknown instrument "x" version 9');
    expect(record.envelope).to.deep.equal(env);
    await outbox.flush({ ignoreBackoff: true });
    expect((await server()).posts).to.equal(1);
    await closeDeviceStore(database);
  });

  it('honours Retry-After from a rate limit', async () => {
    const { database, endpoint } = await setup([{ status: 429, retryAfter: 120 }]);
    const now = 5_000_000;
    const outbox = new Outbox({ database, now: () => now });
    const env = envelope();
    await outbox.enqueue(env, endpoint);
    await outbox.flush();
    const record = await outbox.get(env.id);
    expect(record?.status).to.equal('pending');
    expect(record?.nextAttemptAt).to.equal(now + 120_000);
    await closeDeviceStore(database);
  });

  it('two tabs flushing together leave one copy on the server and both records sent', async () => {
    const { database, endpoint, server } = await setup();
    const a = new Outbox({ database });
    const b = new Outbox({ database });
    const env = envelope();
    await a.enqueue(env, endpoint);
    await Promise.all([a.flush({ ignoreBackoff: true }), b.flush({ ignoreBackoff: true })]);
    expect((await a.get(env.id))?.status).to.equal('sent');
    expect((await server()).ids).to.deep.equal([env.id]);
    await closeDeviceStore(database);
  });

  it('sends with keepalive when the page is hidden', async () => {
    const { database, endpoint, up } = await setup([], true);
    const sends: Array<{ keepalive: boolean | undefined; ok: boolean }> = [];
    const outbox = new Outbox({
      database,
      fetch: async (input, init) => {
        try {
          const response = await fetch(input, init);
          sends.push({ keepalive: init?.keepalive, ok: response.ok });
          return response;
        } catch (error) {
          sends.push({ keepalive: init?.keepalive, ok: false });
          throw error;
        }
      },
    });
    const env = envelope();
    await outbox.enqueue(env, endpoint);
    outbox.start();
    await outbox.flush(); // the failed attempts while the server is down
    expect(sends.every((s) => !s.ok)).to.equal(true);
    await up();
    const sent = nextEvent(outbox, 'sent');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await sent;
    outbox.stop();
    expect(sends.at(-1)).to.deep.equal({ keepalive: true, ok: true });
    await closeDeviceStore(database);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('30', 0)).to.equal(30_000);
    expect(retryAfterMs(new Date(60_000).toUTCString(), 0)).to.equal(60_000);
    expect(retryAfterMs('soon', 0)).to.equal(undefined);
    expect(retryAfterMs(null, 0)).to.equal(undefined);
  });
});

describe('DraftStore', () => {
  it('saves each answer, resumes at the same place, and keeps the first start time', async () => {
    const database = `cv-drafts-${Date.now()}`;
    let now = Date.parse('2026-11-01T10:00:00Z');
    const drafts = new DraftStore({ database, now: () => now });
    await drafts.save('annual@1|hub', { q1: 'yes' }, 'page-1');
    now += 60_000;
    await drafts.save('annual@1|hub', { q1: 'yes', q2: ['a', 'b'] }, 'page-2');
    const draft = await drafts.load('annual@1|hub');
    expect(draft?.answers).to.deep.equal({ q1: 'yes', q2: ['a', 'b'] });
    expect(draft?.position).to.equal('page-2');
    expect(draft?.startedAt).to.equal('2026-11-01T10:00:00.000Z');
    expect(draft?.updatedAt).to.equal('2026-11-01T10:01:00.000Z');
    await closeDeviceStore(database);
  });

  it('forgets a draft older than its maximum age, and "start again" clears it', async () => {
    const database = `cv-drafts-exp-${Date.now()}`;
    let now = Date.parse('2026-11-01T10:00:00Z');
    const drafts = new DraftStore({ database, now: () => now });
    await drafts.save('a', { q1: 'x' }, 0);
    await drafts.save('b', { q1: 'y' }, 0);
    now += 2 * 60 * 60 * 1000;
    expect(await drafts.load('a', 60 * 60 * 1000)).to.equal(undefined);
    expect(await drafts.load('a')).to.equal(undefined); // removed, not just hidden
    expect((await drafts.load('b'))?.answers).to.deep.equal({ q1: 'y' });
    await drafts.clear('b');
    expect(await drafts.load('b')).to.equal(undefined);
    await drafts.save('c', {}, 0);
    now += 8 * 24 * 60 * 60 * 1000;
    expect(await drafts.purgeExpired()).to.equal(1);
    await closeDeviceStore(database);
  });
});

describe('deviceToken', () => {
  it('is stable on a device until the carer forgets it', async () => {
    const database = `cv-device-${Date.now()}`;
    const first = await deviceToken(database);
    expect(first).to.match(/^[0-9a-f-]{36}$/);
    expect(await deviceToken(database)).to.equal(first);
    await forgetDeviceToken(database);
    expect(await deviceToken(database)).to.not.equal(first);
    await closeDeviceStore(database);
  });
});
