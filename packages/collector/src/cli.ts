#!/usr/bin/env node
/**
 * carers-voice-collector <command>
 *
 *   start                                   run the service (config from the environment)
 *   migrate                                 bring the database schema up to date
 *   add-partner <id> <name> [--area A] [--origin https://…]…
 *   add-user <username> --role admin|viewer|moderator [--partner ID]   (password from CV_PASSWORD or stdin)
 *   register-instrument <file.json | content-id> [--group-by q1,q2]
 *   load-sample [--count N]                 fill the database with sample responses (demo)
 *   retention                               delete raw responses older than RETENTION_DAYS now
 */
import { readdirSync, readFileSync } from 'node:fs';
import { ConfigError, loadConfig, PartnerSchema } from './config.js';
import { openFromConfig, startService } from './main.js';
import { createUser } from './auth.js';
import { Store } from './store.js';
import { parseInstrument } from './core-api.js';
import { deleteOlderThan } from './retention.js';
import { loadSample } from './sample.js';
import { questionIds } from './server.js';
import { groupByProblems } from '@carers-voice/core/aggregate';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}
function flags(args: string[], name: string): string[] {
  return args.flatMap((a, i) => (a === `--${name}` && args[i + 1] ? [args[i + 1]!] : []));
}
function positional(args: string[]): string[] {
  return args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
}

async function readPassword(): Promise<string> {
  if (process.env.CV_PASSWORD) return process.env.CV_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password (at least 12 characters): ');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function loadDefinition(ref: string): Promise<unknown> {
  let path: string;
  if (/\.json$/i.test(ref)) path = ref;
  else {
    // A built-in content pack from @carers-voice/content, by id.
    path = new URL(import.meta.resolve(`@carers-voice/content/instruments/${ref}.json`)).pathname;
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (/\.json$/i.test(ref)) throw new Error(`cannot read ${ref} (${code})`);
    const dir = new URL('.', `file://${path}`).pathname;
    const known = (() => {
      try {
        return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
      } catch {
        return [];
      }
    })();
    throw new Error(`there is no built-in instrument "${ref}"${known.length ? ` (built in: ${known.join(', ')})` : ''}; or give a .json file`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${ref} is not valid JSON: ${(e as Error).message}`);
  }
}

async function main(argv: string[]) {
  const [command, ...args] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start': {
      // WORKERS > 1 (PostgreSQL): several processes on one port (cluster.ts).
      const server = await startService(config);
      const shutdown = () => void server.stop().then(() => process.exit(0));
      process.once('SIGTERM', shutdown);
      process.once('SIGINT', shutdown);
      return;
    }
    case 'migrate': {
      const db = await openFromConfig(config);
      console.log(`database schema is up to date (${db.kind})`);
      await db.close();
      return;
    }
    case 'add-partner': {
      const [id, name] = positional(args);
      const parsed = PartnerSchema.safeParse({ id, name, area: flag(args, 'area') ?? '', origins: flags(args, 'origin') });
      if (!parsed.success) throw new Error(`partner: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const db = await openFromConfig(config);
      await new Store(db.db).upsertPartner(parsed.data);
      console.log(`partner "${parsed.data.id}" saved`);
      await db.close();
      return;
    }
    case 'add-user': {
      const [username] = positional(args);
      const role = flag(args, 'role');
      if (!username || !role || !['admin', 'viewer', 'moderator'].includes(role)) throw new Error('usage: add-user <username> --role admin|viewer|moderator [--partner ID]');
      const password = await readPassword();
      const db = await openFromConfig(config);
      try {
        await createUser(db.db, { username, password, role: role as 'admin', partnerId: flag(args, 'partner') ?? null });
        console.log(`account "${username}" (${role}) created`);
      } finally {
        await db.close();
      }
      return;
    }
    case 'register-instrument': {
      const [ref] = positional(args);
      if (!ref) throw new Error('usage: register-instrument <file.json | content-id> [--group-by q1,q2]');
      const parsed = parseInstrument(await loadDefinition(ref));
      if (!parsed.ok) throw new Error(`${ref} has problems:\n${parsed.problems.map((p) => `  ${p.path ?? p.question ?? ''}: ${p.message}`).join('\n')}`);
      const groupBy = (flag(args, 'group-by') ?? '').split(',').filter(Boolean);
      // Each entry: a question id, or ids joined by "+" to combine filters (e.g. age-band+caring-hours).
      const wrong = groupByProblems(groupBy, questionIds(parsed.definition));
      if (wrong.length) throw new Error(`--group-by for ${ref}: ${wrong.join('; ')}`);
      const db = await openFromConfig(config);
      const r = await new Store(db.db).registerInstrument(parsed.definition, groupBy);
      await db.close();
      if (r.conflict) throw new Error(`version ${parsed.definition.version} of "${parsed.definition.id}" is already registered with different content`);
      console.log(`${parsed.definition.id} version ${parsed.definition.version} ${r.created ? 'registered' : 'was already registered'}`);
      return;
    }
    case 'load-sample': {
      const db = await openFromConfig(config);
      const n = await loadSample(db, { count: Number(flag(args, 'count') ?? 500) });
      console.log(`loaded ${n} sample responses`);
      await db.close();
      return;
    }
    case 'retention': {
      const db = await openFromConfig(config);
      const n = await deleteOlderThan(db.db, config.retentionDays);
      console.log(`deleted ${n} responses older than ${config.retentionDays} days`);
      await db.close();
      return;
    }
    default:
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith(' *')).map((l) => l.slice(3)).join('\n'));
      process.exitCode = command ? 1 : 0;
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(`Configuration problem — ${e.message}`);
  else console.error(`Error: ${(e as Error).message}`);
  process.exit(1);
});
