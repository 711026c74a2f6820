// A scripted stand-in for the collector's ingest route, served by the test runner's own dev server so
// browser tests exercise real HTTP: it can fail N times, answer any status, drop the connection like a
// lost signal, or send Retry-After. It stores each id once, as the real collector does; tests read back
// what arrived. (The real collector is tested end to end in its own package and in test/e2e.)
const scenarios = new Map();

function scenario(key) {
  if (!scenarios.has(key)) {
    scenarios.set(key, { script: [], down: false, posts: 0, stored: new Map(), statements: [], updates: [], results: undefined });
  }
  return scenarios.get(key);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Koa middleware for @web/test-runner's dev server. */
export async function scriptedCollector(ctx, next) {
  const control = /^\/__scripted__\/([\w-]+)$/.exec(ctx.path);
  if (control) {
    const s = scenario(control[1]);
    if (ctx.method === 'PUT') {
      // Body: { script: [{ status, retryAfter, error }...], down } — one step per POST, then 201s;
      // `down: true` drops every connection (a lost signal) until a PATCH { down: false }.
      const body = JSON.parse((await readBody(ctx.req)) || '{}');
      // Polls: `updates` and `results` are what GET …/polls/:id/updates and …/results answer.
      scenarios.set(control[1], { script: body.script ?? [], down: Boolean(body.down), posts: 0, stored: new Map(), statements: [], updates: body.updates ?? [], results: body.results });
      ctx.status = 204;
      return;
    }
    if (ctx.method === 'PATCH') {
      const body = JSON.parse((await readBody(ctx.req)) || '{}');
      s.down = Boolean(body.down);
      ctx.status = 204;
      return;
    }
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ posts: s.posts, ids: [...s.stored.keys()] });
    return;
  }
  const stored = /^\/__scripted__\/([\w-]+)\/__stored$/.exec(ctx.path);
  if (stored) {
    // Everything that arrived, for poll tests: the envelopes (with meta.device) and the statements.
    const s = scenario(stored[1]);
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ envelopes: [...s.stored.values()], statements: s.statements });
    return;
  }
  const poll = /^\/__scripted__\/([\w-]+)\/api\/v1\/polls\/([\w-]+)\/(statements|updates|results)$/.exec(ctx.path);
  if (poll) return pollRoute(ctx, scenario(poll[1]), poll[2], poll[3]);
  const ingest = /^\/__scripted__\/([\w-]+)\/api\/v1\/responses$/.exec(ctx.path);
  if (!ingest) return next();
  ctx.set('access-control-allow-origin', ctx.get('origin') || '*');
  ctx.set('access-control-allow-headers', 'content-type');
  if (ctx.method === 'OPTIONS') { ctx.status = 204; return; }
  const s = scenario(ingest[1]);
  const body = await readBody(ctx.req);
  s.posts += 1;
  if (s.down) {
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  const step = s.script.shift();
  if (step?.status) {
    ctx.status = step.status;
    if (step.retryAfter !== undefined) ctx.set('retry-after', String(step.retryAfter));
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ error: step.error ?? 'scripted failure' });
    return;
  }
  const envelope = JSON.parse(body);
  const first = !s.stored.has(envelope.id);
  if (first) s.stored.set(envelope.id, envelope);
  ctx.status = first ? 201 : 200;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify({ id: envelope.id, status: 'stored' });
}

/**
 * The collector's poll routes, as packages/collector/src/polls.ts answers them: a statement is held
 * as pending (never listed until a moderator approves it; nobody approves here), updates and results
 * are whatever the test scripted (no results scripted = 403, as for `showResults: 'never'`).
 */
async function pollRoute(ctx, s, pollId, route) {
  ctx.set('access-control-allow-origin', ctx.get('origin') || '*');
  ctx.set('access-control-allow-headers', 'content-type');
  if (ctx.method === 'OPTIONS') { ctx.status = 204; return; }
  ctx.type = 'application/json';
  const send = (status, body) => { ctx.status = status; ctx.body = JSON.stringify(body); };
  if (route === 'statements' && ctx.method === 'POST') {
    if (s.down) { ctx.respond = false; ctx.req.socket.destroy(); return; }
    const body = JSON.parse((await readBody(ctx.req)) || '{}');
    const text = typeof body.text === 'string' ? body.text.trim() : '';
    if (text.length < 3 || text.length > 500) {
      return send(400, { error: 'the statement has problems', problems: [{ path: 'text', message: text.length < 3 ? 'a statement needs at least 3 characters' : 'a statement can have at most 500 characters' }] });
    }
    const id = `st-${s.statements.length + 1}`;
    s.statements.push({ id, poll: pollId, partner: body.partner, text, status: 'pending' });
    return send(201, { id, status: 'pending', message: 'thank you: a moderator will read it before it is shown' });
  }
  if (route === 'statements') return send(200, { poll: pollId, statements: s.statements.filter((x) => x.status === 'approved').map(({ id, text }) => ({ id, text })) });
  if (route === 'updates') return send(200, { poll: pollId, updates: s.updates });
  if (s.results === undefined) return send(403, { error: 'this poll does not show its results' });
  return send(200, s.results);
}
