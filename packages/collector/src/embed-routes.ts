/**
 * What the collector serves for partner pages besides the API:
 *
 * - `GET /embed/v1/*` — the drop-in (`packages/embed/dist/v1`, or `EMBED_DIR`): any page may load
 *   it (`Access-Control-Allow-Origin: *`; module scripts from another origin are fetched with CORS,
 *   SRI needs it too). Hashed chunks are cached for a year (their names change with their bytes);
 *   the unhashed files (`carers-voice.js`, `frame.js`, `frame.css`, `manifest.json`) are revalidated.
 * - `GET /embed/frame/:widget?partner=&instrument=&origin=&lang=` — iframe mode: a small page on the
 *   collector's origin that shows one widget, so a carer's answers, drafts and outbox live here and
 *   not on the partner's origin. Its `frame-ancestors` lists exactly that partner's registered
 *   origins, so no other site can frame it; `origin` (the partner page's origin, which the page
 *   posts its size to) must be one of them. No inline script: the page loads the drop-in and
 *   `frame.js` (the size reporter) from `/embed/v1/`. Bad parameters get a 4xx page that names the
 *   problem.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isOrigin, type Config } from './config.js';
import type { Store } from './store.js';

export interface EmbedRouteDeps {
  store: Store;
  config: Pick<Config, 'publicOrigin'> & { embedDir?: string | undefined };
}

/** Where the built drop-in lives when `EMBED_DIR` is not set: the embed package's own build. */
export const defaultEmbedDir = fileURLToPath(new URL('../../embed/dist/v1/', import.meta.url));

/** Widgets iframe mode can show: the path name, the tag, and the instrument kind it takes. */
export const FRAME_WIDGETS = {
  survey: { tag: 'carer-survey', kind: 'survey', noun: 'survey' },
  quiz: { tag: 'carer-quiz', kind: 'quiz', noun: 'quiz' },
  poll: { tag: 'carer-poll', kind: 'poll', noun: 'poll' },
  'priority-check': { tag: 'carer-priority-check', kind: 'statement-set', noun: 'priority check' },
} as const;
type FrameWidget = keyof typeof FRAME_WIDGETS;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
/** The drop-in's chunk names end in `-` and Rolldown's eight-character content hash (base64url). */
const HASHED = /-[A-Za-z0-9_-]{8}\.(js|css)$/;

const Origin = z.string().refine(isOrigin, {
  message: 'origin must be the partner page\'s origin, scheme://host[:port] with no path, e.g. https://www.example.org',
});
const FrameQuery = z.object({
  partner: z.string({ error: 'add ?partner=<your partner id>' }).regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a partner id uses lower-case letters, digits and "-"'),
  instrument: z.string({ error: 'add &instrument=<instrument id>' }).regex(/^[a-z][a-z0-9_-]{0,63}$/i, 'an instrument id starts with a letter and uses letters, digits, "-" or "_"'),
  origin: Origin.optional(),
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'lang is a language tag such as en-GB or ur').optional(),
});

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The frame page's policy: nothing inline, nothing from elsewhere, Trusted Types, framed only by `ancestors`. */
export function frameCsp(ancestors: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors.length ? ancestors.join(' ') : "'none'"}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

export function registerEmbedRoutes(app: FastifyInstance, { store, config }: EmbedRouteDeps): void {
  const dir = normalize(config.embedDir ?? defaultEmbedDir);
  const built = () => existsSync(join(dir, 'carers-voice.js'));
  const notBuilt = `The carers-voice drop-in is not built on this collector (no carers-voice.js in ${dir}). Run \`pnpm build:embed\`, or set EMBED_DIR to the folder that holds the built files.`;
  if (!built()) app.log.warn(notBuilt);
  const selfOrigin = (req: FastifyRequest) => config.publicOrigin ?? `${req.protocol}://${req.host}`;

  // --- the drop-in, static -----------------------------------------------------------------------
  app.get('/embed/v1/*', async (req, reply) => {
    reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
    if (!built()) return reply.code(503).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(notBuilt);
    const rest = (req.params as { '*': string })['*'];
    let rel: string;
    try {
      rel = decodeURIComponent(rest);
    } catch {
      return reply.code(400).type('text/plain; charset=utf-8').send('That file name is not valid.');
    }
    const full = normalize(join(dir, rel));
    const type = TYPES[extname(full)];
    if (!full.startsWith(dir.endsWith(sep) ? dir : dir + sep) || !type || !existsSync(full) || !statSync(full).isFile()) {
      return reply.code(404).type('text/plain; charset=utf-8').send(`There is no file ${rel.slice(0, 100)} in the drop-in.`);
    }
    return reply
      .type(type)
      .header('cache-control', HASHED.test(full) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate')
      .send(await readFile(full));
  });

  // --- iframe mode -------------------------------------------------------------------------------
  const problemPage = (reply: FastifyReply, status: number, message: string) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      // An error page holds nothing private: a partner setting up a frame may see it in place.
      .header('content-security-policy', "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *")
      .send(
        `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
          `<title>This cannot be shown</title><link rel="stylesheet" href="/embed/v1/frame.css"></head>` +
          `<body><div class="carers-voice-frame-problem"><p><strong>This cannot be shown here.</strong></p><p>${escapeHtml(message)}</p></div></body></html>\n`,
      );

  app.get<{ Params: { widget: string } }>('/embed/frame/:widget', async (req, reply) => {
    const name = req.params.widget;
    if (!Object.hasOwn(FRAME_WIDGETS, name)) {
      return problemPage(reply, 404, `There is no widget called "${name.slice(0, 60)}". Use one of: ${Object.keys(FRAME_WIDGETS).join(', ')}.`);
    }
    const widget = FRAME_WIDGETS[name as FrameWidget];
    const parsed = FrameQuery.safeParse(req.query ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return problemPage(reply, 400, `The address has a problem with ${issue.path.join('.') || 'its parameters'}: ${issue.message}.`);
    }
    const q = parsed.data;
    const partner = await store.partner(q.partner);
    if (!partner) return problemPage(reply, 404, `There is no partner "${q.partner}" on this collector: ask its administrator to add it.`);
    if (!partner.origins.length) {
      return problemPage(reply, 403, `Partner "${partner.id}" has no website origins registered, so no page can show its widgets in a frame: ask the collector's administrator to add them.`);
    }
    // The page posts its size to this origin; when the partner has one origin it may be left out.
    const parent = q.origin ?? (partner.origins.length === 1 ? partner.origins[0]! : undefined);
    if (!parent) return problemPage(reply, 400, `Partner "${partner.id}" has several website origins: add &origin=<the page's origin> to the address.`);
    if (!partner.origins.includes(parent)) {
      return problemPage(reply, 403, `The website ${parent} is not registered for partner "${partner.id}": ask the collector's administrator to add it.`);
    }
    const instrument = await store.instrument(q.instrument);
    if (!instrument) return problemPage(reply, 404, `There is no instrument "${q.instrument}" registered with this collector.`);
    if (instrument.kind !== widget.kind) {
      const right = Object.entries(FRAME_WIDGETS).find(([, w]) => w.kind === instrument.kind);
      return problemPage(
        reply,
        400,
        `"${instrument.id}" is a ${instrument.kind}, not a ${widget.noun}` + (right ? `: show it with /embed/frame/${right[0]} (<${right[1].tag}>).` : '.'),
      );
    }
    if (!built()) return problemPage(reply.header('retry-after', '60'), 503, notBuilt);

    const lang = q.lang ?? (typeof instrument.definition.locale === 'string' ? instrument.definition.locale : 'en-GB');
    const attrs: [string, string][] = [
      ['instrument', instrument.id],
      ['partner', partner.id],
      ['endpoint', selfOrigin(req)],
      ['lang', lang],
    ];
    const body =
      `<!doctype html>\n<html lang="${escapeHtml(lang)}" data-parent-origin="${escapeHtml(parent)}">\n<head>\n<meta charset="utf-8">\n` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(instrument.title)}</title>\n` +
      `<link rel="stylesheet" href="/embed/v1/frame.css">\n` +
      `<script type="module" src="/embed/v1/carers-voice.js"></script>\n<script type="module" src="/embed/v1/frame.js"></script>\n</head>\n` +
      `<body>\n<${widget.tag} ${attrs.map(([k, v]) => `${k}="${escapeHtml(v)}"`).join(' ')}></${widget.tag}>\n</body>\n</html>\n`;
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', frameCsp(partner.origins))
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-cache')
      .header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()')
      .send(body);
  });
}
