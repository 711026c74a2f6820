// A scripted stand-in for the collector's ingest route, served by the test runner's own dev server so
// browser tests exercise real HTTP: it can fail N times, answer any status, drop the connection like a
// lost signal, or send Retry-After. It stores each id once, as the real collector does; tests read back
// what arrived. (The real collector is tested end to end in its own package and in test/e2e.)
const scenarios = new Map();

function scenario(key) {
  if (!scenarios.has(key)) {
    scenarios.set(key, { script: [], down: false, posts: 0, stored: new Map() });
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
      scenarios.set(control[1], { script: body.script ?? [], down: Boolean(body.down), posts: 0, stored: new Map() });
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
