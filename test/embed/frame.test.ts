/**
 * Iframe mode (`mode="frame"`) in Chromium over real HTTP on loopback, three origins:
 * - the collector (its own /embed/v1/ drop-in and /embed/frame/ page; PGlite in memory),
 * - a partner's site (registered for partner "frame-partner"; a strict CSP with Trusted Types and
 *   no policy allowed at all, so no widget code can run on it),
 * - a stranger's site that is not registered for any partner.
 *
 * The frame grows with its content; the partner page never downloads the widget's code; messages
 * from other origins (or from another window on the collector's origin) are ignored on both sides;
 * a non-partner cannot frame the widget; answers go from the frame to the collector; axe passes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { buildApp, loadConfig, migrate, openDatabase, type App, type Database } from '../../packages/collector/src/index.js';
import { defaultEmbedDir } from '../../packages/collector/src/embed-routes.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const root = fileURLToPath(new URL('../../', import.meta.url));
const ARGS = ['--no-sandbox', '--disable-gpu', '--headless', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
if (!existsSync(join(defaultEmbedDir, 'manifest.json'))) throw new Error('The drop-in is not built: run `pnpm build:embed` before test/embed/frame.test.ts.');
const manifest = JSON.parse(readFileSync(join(defaultEmbedDir, 'manifest.json'), 'utf8')) as {
  files: Record<string, unknown>;
  widgets: Record<string, { files: string[] }>;
  frame: { host: { files: string[] } };
};

let database: Database;
let collector: App;
let browser: Browser;
let C = ''; // the collector's origin
let P = ''; // the partner's site
let S = ''; // a stranger's site
const servers: Server[] = [];
const frameUrl = () => `${C}/embed/frame/survey?partner=frame-partner&instrument=embed-host-survey&origin=${encodeURIComponent(P)}`;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** A site serving test/embed/ with {{COLLECTOR}} and {{FRAME_URL}} filled in, under a strict policy. */
async function site(): Promise<{ server: Server; origin: string }> {
  const dir = join(root, 'test/embed/');
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const file = normalize(join(root, decodeURIComponent(path)));
    if (!file.startsWith(dir) || !TYPES[extname(file)]) return void res.writeHead(404).end();
    let body: string;
    try {
      body = readFileSync(file, 'utf8');
    } catch {
      return void res.writeHead(404).end();
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)]!, 'cache-control': 'no-store' };
    if (extname(file) === '.html') {
      body = body.replaceAll('{{COLLECTOR}}', C).replaceAll('{{FRAME_URL}}', frameUrl().replaceAll('&', '&amp;'));
      // Pages with an inline widget (frame-late, frame-mixed) need Lit's policy and the collector's API.
      const inline = /frame-(late|mixed)/.test(file);
      headers['content-security-policy'] =
        `default-src 'self'; script-src 'self' ${C}; connect-src 'self'${inline ? ` ${C}` : ''}; style-src 'self'; img-src 'self' data:; ` +
        `frame-src ${C} ${S}; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types ${inline ? 'lit-html' : "'none'"}`;
    }
    res.writeHead(200, headers).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  servers.push(server);
  return { server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

before(async () => {
  // The partner's and the stranger's sites first: the collector registers the partner's origin.
  const partnerSite = await site();
  const strangerSite = await site();
  P = partnerSite.origin;
  S = strangerSite.origin;
  database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database.db);
  collector = await buildApp({ config: { ...loadConfig({ LOG_LEVEL: 'silent', MIN_COMPLETION_SECONDS: '0' }) }, database });
  await collector.store.upsertPartner({ id: 'frame-partner', name: 'Frame partner', area: 'test', origins: [P] });
  await collector.store.registerInstrument(JSON.parse(readFileSync(join(root, 'test/embed/small-survey.txt'), 'utf8')));
  // A window on the collector's own origin that is not the widget's frame (it forges messages).
  collector.app.get('/__test__/:file', (req, reply) => {
    const name = (req.params as { file: string }).file;
    if (!['frame-forger.html', 'frame-forger.js'].includes(name)) return reply.code(404).send();
    return reply.type(TYPES[extname(name)]!).send(readFileSync(join(root, 'test/embed', name), 'utf8'));
  });
  const url = await collector.app.listen({ port: 0, host: '127.0.0.1' });
  C = new URL(url).origin;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
});

after(async () => {
  await browser?.close();
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  await collector?.close();
  await database?.close();
});

async function until<T>(fn: () => Promise<T> | T, what: string, ms = 40_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

type HostWindow = Window & { __host: { violations: unknown[]; warnings: string[]; events: { type: string; tag: string; detail: unknown }[] }; __messages: { origin: string; type?: string; height?: number }[] };

async function open(path: string, origin = P): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 800, height: 900 } })).newPage();
  page.on('pageerror', (e) => console.error(`page error on ${path}: ${e.message}`));
  await page.goto(`${origin}${path}`);
  return page;
}
const iframeHeight = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('carer-survey')?.shadowRoot?.querySelector('iframe')?.getAttribute('height') ?? 0));
const collectorFrame = (page: Page) => page.frames().find((f) => f.url().startsWith(`${C}/embed/frame/`));
async function closePage(page: Page) {
  await page.context().close();
}

test('the frame grows with its content; the partner page runs no widget code and sees no answers', { timeout: 240_000 }, async () => {
  const page = await open('/test/embed/frame-partner.html');
  try {
    const frame = await until(() => collectorFrame(page), 'the collector frame');
    const before = await until(() => iframeHeight(page), 'the first size message');
    await frame.locator('carer-survey').getByText('Do you look after someone?').waitFor({ timeout: 40_000 });
    await until(async () => (await iframeHeight(page)) > 0 && (await frameBody(frame)) === (await iframeHeight(page)), 'the iframe to match its content');
    const settled = await iframeHeight(page);
    assert.ok(settled >= before);
    // The iframe is described, sandboxed, lazy, and its title comes from the instrument.
    const attrs = await page.evaluate(() => {
      const f = document.querySelector('carer-survey')!.shadowRoot!.querySelector('iframe')!;
      return { title: f.title, sandbox: f.getAttribute('sandbox'), loading: f.getAttribute('loading'), src: f.src };
    });
    await until(async () => (await page.evaluate(() => document.querySelector('carer-survey')!.shadowRoot!.querySelector('iframe')!.title)) === 'Tell us about caring', 'the title from the frame');
    assert.match(attrs.sandbox ?? '', /allow-scripts/);
    assert.match(attrs.sandbox ?? '', /allow-same-origin/);
    assert.doesNotMatch(attrs.sandbox ?? '', /allow-top-navigation\b/);
    assert.equal(attrs.loading, 'lazy');
    assert.ok(attrs.src.startsWith(`${C}/embed/frame/survey?`), attrs.src);

    // Send with nothing answered: the error summary and the inline error make the content taller.
    await frame.locator('carer-survey').getByRole('button', { name: 'Send my answers' }).click();
    await frame.locator('carer-survey').getByText('There is a problem').waitFor({ timeout: 10_000 });
    const grown = await until(async () => {
      const h = await iframeHeight(page);
      return h > settled && h === (await frameBody(frame)) ? h : 0;
    }, 'the iframe to grow with the errors');
    assert.ok(grown > settled, `${grown} > ${settled}`);
    // No scroll bar inside the frame: the host sized it, the frame said hello back.
    assert.deepEqual(
      await frame.evaluate(() => ({
        sized: document.documentElement.classList.contains('carers-voice-sized'),
        scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight + 1,
      })),
      { sized: true, scrolls: false },
    );
    const box = await page.evaluate(() => document.querySelector('carer-survey')!.shadowRoot!.querySelector('iframe')!.getBoundingClientRect().height);
    assert.ok(Math.abs(box - grown) <= 1, `the iframe is drawn ${box}px tall for ${grown}px of content`);

    // Answer and send: the frame posts to the collector; the page hears only that it was sent.
    await frame.locator('carer-survey').getByRole('radio', { name: 'Yes' }).check();
    await frame.locator('carer-survey').getByRole('button', { name: 'Send my answers' }).click();
    await until(() => page.evaluate(() => (window as unknown as HostWindow).__host.events.some((e) => e.type === 'carer-sent')), 'carer-sent on the partner page');
    const stored = await database.db.selectFrom('responses').select(['partner_id', 'answers', 'meta']).where('instrument_id', '=', 'embed-host-survey').execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.partner_id, 'frame-partner');
    assert.equal((stored[0]!.meta as { mode?: string }).mode, 'frame', 'the envelope says it was answered in a frame');
    const events = await page.evaluate(() => (window as unknown as HostWindow).__host.events);
    assert.ok(events.every((e) => !JSON.stringify(e.detail ?? {}).includes('yes')), 'no answer reaches the partner page');

    // What the partner page downloaded: the loader and the light frame host, never the survey.
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const fromCollector = resources.filter((r) => r.startsWith(`${C}/embed/v1/`)).map((r) => r.slice(`${C}/embed/v1/`.length));
    const hostFiles = new Set(manifest.frame.host.files);
    const surveyOnly = manifest.widgets['carer-survey']!.files.filter((f) => !hostFiles.has(f));
    assert.ok(surveyOnly.length > 0);
    assert.deepEqual(fromCollector.filter((f) => surveyOnly.includes(f)), [], 'the survey chunk was not downloaded');
    assert.ok(fromCollector.some((f) => f.startsWith('frame-host-')), `the frame host was loaded: ${fromCollector.join(', ')}`);
    assert.equal(resources.some((r) => r.includes('/api/v1/')), false, 'the partner page itself never calls the API');
    assert.equal(await page.evaluate(() => customElements.get('carer-voice')), undefined);
    assert.deepEqual(await page.evaluate(() => (window as unknown as HostWindow).__host.violations), [], 'no CSP or Trusted Types violation on the partner page');
  } finally {
    await closePage(page);
  }
});

/** The frame's content height as its reporter measures it. */
function frameBody(frame: Frame): Promise<number> {
  return frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
}

test('the host ignores size messages from other origins and from other windows on the collector\'s origin', { timeout: 150_000 }, async () => {
  const page = await open('/test/embed/frame-partner.html');
  try {
    const frame = await until(() => collectorFrame(page), 'the collector frame');
    await frame.locator('carer-survey').getByText('Do you look after someone?').waitFor({ timeout: 40_000 });
    await until(async () => (await iframeHeight(page)) > 0 && (await frameBody(frame)) === (await iframeHeight(page)), 'the iframe to match its content');
    const height = await iframeHeight(page);
    await until(() => frame.evaluate(() => document.documentElement.classList.contains('carers-voice-sized')), 'the hello');
    // Two forgers: one on the stranger's origin, one on the collector's origin but not our iframe.
    await page.evaluate(([s, c]) => {
      for (const src of [`${s}/test/embed/frame-forger.html`, `${c}/__test__/frame-forger.html`]) {
        const f = document.createElement('iframe');
        f.title = 'Advert';
        f.src = src;
        document.body.append(f);
      }
    }, [S, C]);
    await until(
      () => page.evaluate(() => (window as unknown as HostWindow).__messages.filter((m) => m.height === 4321).length >= 20),
      'the forged messages to arrive',
    );
    const forgedFrom = await page.evaluate(() => [...new Set((window as unknown as HostWindow).__messages.filter((m) => m.height === 4321).map((m) => m.origin))]);
    assert.deepEqual(forgedFrom.sort(), [C, S].sort(), 'forged messages came from both origins');
    assert.equal(await iframeHeight(page), height, 'the iframe kept its size');
    const sent = await page.evaluate(() => (window as unknown as HostWindow).__host.events.filter((e) => e.type === 'carer-sent').length);
    assert.equal(sent, 0, 'a forged carer-sent is not re-fired');
  } finally {
    await closePage(page);
  }
});

test('the frame answers only its parent: a hello from another origin is ignored', { timeout: 150_000 }, async () => {
  const page = await open('/test/embed/frame-raw.html');
  try {
    const frame = await until(() => collectorFrame(page), 'the collector frame');
    await frame.locator('carer-survey').getByText('Do you look after someone?').waitFor({ timeout: 40_000 });
    // It posts its size to the partner page, and to nobody else.
    const sizes = await until(() => page.evaluate(() => (window as unknown as HostWindow).__messages.filter((m) => m.type === 'carers-voice:size')), 'a size message');
    assert.ok(sizes.length > 0 && sizes.every((m) => m.origin === C));
    // A stranger's sibling frame says hello: the frame does not switch to sized mode.
    await page.evaluate((s) => {
      const f = document.createElement('iframe');
      f.title = 'Advert';
      f.src = `${s}/test/embed/frame-forger.html`;
      document.body.append(f);
    }, S);
    const forger = await until(() => page.frames().find((f) => f.url().startsWith(S)), 'the forger frame');
    await until(() => forger.evaluate(() => document.documentElement.dataset.done === 'yes'), 'the forger to finish');
    assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('carers-voice-sized')), false);
    // The partner page itself says hello: now it does.
    await page.evaluate((c) => (document.getElementById('direct') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'carers-voice:hello' }, c), C);
    await until(() => frame.evaluate(() => document.documentElement.classList.contains('carers-voice-sized')), 'the frame to accept its parent\'s hello');
  } finally {
    await closePage(page);
  }
});

test('a site that is not the partner\'s cannot frame the widget', { timeout: 150_000 }, async () => {
  const page = await open('/test/embed/frame-stranger.html', S);
  try {
    // Through the drop-in: the collector refuses this origin for the partner (a 403 page, no widget).
    const refused = await until(() => collectorFrame(page), 'the refused frame');
    await refused.getByText(`The website ${S} is not registered for partner "frame-partner"`).waitFor({ timeout: 10_000 });
    assert.equal(await refused.evaluate(() => document.querySelector('carer-survey, script')), null);
    // A copied frame address claiming the partner's origin: the collector serves the page (200),
    // but Chromium obeys its frame-ancestors and shows an error page instead — no widget, no message.
    const served = await fetch(frameUrl());
    assert.equal(served.status, 200);
    assert.match(served.headers.get('content-security-policy') ?? '', new RegExp(`frame-ancestors ${P};`));
    const direct = await until(() => page.frames().find((f) => f.parentFrame() === page.mainFrame() && f !== refused), 'the copied frame');
    await new Promise((r) => setTimeout(r, 1500));
    const rendered = await direct.evaluate(() => document.querySelector('carer-survey') !== null || document.documentElement.dataset.parentOrigin !== undefined).catch(() => false);
    assert.equal(rendered, false, `the copied frame did not render the widget (${direct.url()})`);
    assert.deepEqual(await page.evaluate(() => (window as unknown as HostWindow).__messages), [], 'no message reached the stranger');
    assert.equal(await page.evaluate(() => Number(document.querySelector('carer-survey')!.shadowRoot!.querySelector('iframe')!.getAttribute('height') ?? 0)), 0);
  } finally {
    await closePage(page);
  }
});

test('axe finds nothing on the partner page in frame mode', { timeout: 150_000 }, async () => {
  const page = await open('/test/embed/frame-partner.html');
  try {
    const frame = await until(() => collectorFrame(page), 'the collector frame');
    await frame.locator('carer-survey').getByText('Do you look after someone?').waitFor({ timeout: 40_000 });
    await until(() => iframeHeight(page), 'the first size message');
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      });
      return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
    });
    assert.deepEqual(violations, []);
  } finally {
    await closePage(page);
  }
});

test('one tag in two modes on a page: a frame asked for is never shown inline', { timeout: 150_000 }, async () => {
  // Both in the page at the start: the tag becomes the frame host, so both are framed.
  const mixed = await open('/test/embed/frame-mixed.html');
  try {
    await until(() => mixed.evaluate(() => ['inline', 'framed'].every((id) => document.getElementById(id)!.shadowRoot?.querySelector('iframe'))), 'two frames');
    const warnings = await mixed.evaluate(() => (window as unknown as HostWindow).__host.warnings);
    assert.ok(warnings.some((w) => /has no mode="frame", but another one on this page has/.test(w)), warnings.join('\n'));
    const resources = await mixed.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const survey = manifest.widgets['carer-survey']!.files.filter((f) => !manifest.frame.host.files.includes(f));
    assert.equal(resources.some((r) => survey.some((f) => r.endsWith(`/embed/v1/${f}`))), false, 'no survey code on the page');
  } finally {
    await closePage(mixed);
  }
  // The inline survey loaded first; a frame asked for later stays hidden rather than run inline.
  const late = await open('/test/embed/frame-late.html');
  try {
    await until(() => late.evaluate(() => !!document.getElementById('inline')!.shadowRoot?.querySelector('form')), 'the inline survey');
    await late.evaluate((c) => {
      const el = document.createElement('carer-survey');
      el.id = 'late';
      for (const [k, v] of Object.entries({ mode: 'frame', partner: 'frame-partner', instrument: 'embed-host-survey', collector: c })) el.setAttribute(k, v);
      document.querySelector('main')!.append(el);
    }, C);
    await until(() => late.evaluate(() => document.getElementById('late')!.hidden), 'the late frame-mode survey to be hidden');
    assert.equal(await late.evaluate(() => document.getElementById('late')!.getBoundingClientRect().height), 0);
    const warnings = await late.evaluate(() => (window as unknown as HostWindow).__host.warnings);
    assert.ok(warnings.some((w) => /mode="frame"> is hidden/.test(w)), warnings.join('\n'));
  } finally {
    await closePage(late);
  }
});
