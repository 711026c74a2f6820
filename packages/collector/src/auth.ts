/**
 * Dashboard accounts. Passwords are hashed with scrypt (memory-hard); sessions live in the database
 * (so several instances behind a load balancer share them) and only a hash of the token is stored.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, Role } from './db/schema.js';

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };
export const ROLES: readonly Role[] = ['admin', 'viewer', 'moderator'];
export const SESSION_COOKIE = 'cv_session';
export const SESSION_HOURS = 12;

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keylen } = SCRYPT;
  const key = await scrypt(password, salt, keylen, { N, r, p, maxmem: 256 * N * r });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * Number(n) * Number(r),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Hashed once at start so an unknown user name costs the same time as a wrong password. */
let dummyHash: Promise<string> | undefined;

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  partnerId: string | null;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createUser(
  db: Kysely<DB>,
  user: { username: string; password: string; role: Role; partnerId?: string | null },
): Promise<number> {
  if (user.password.length < 12) throw new Error('a password needs at least 12 characters');
  if (user.role === 'viewer' && !user.partnerId) throw new Error('a partner viewer needs a partner');
  const row = await db
    .insertInto('users')
    .values({
      username: user.username.toLowerCase(),
      password_hash: await hashPassword(user.password),
      role: user.role,
      partner_id: user.partnerId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function signIn(db: Kysely<DB>, username: string, password: string): Promise<{ token: string; user: SessionUser } | undefined> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
  if (!row) {
    dummyHash ??= hashPassword('not a real password, only spends the same time');
    await verifyPassword(password, await dummyHash);
    return undefined;
  }
  if (!(await verifyPassword(password, row.password_hash))) return undefined;
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({ token_hash: tokenHash(token), user_id: row.id, expires_at: new Date(Date.now() + SESSION_HOURS * 3600_000) })
    .execute();
  return { token, user: { id: row.id, username: row.username, role: row.role, partnerId: row.partner_id } };
}

export async function sessionUser(db: Kysely<DB>, token: string | undefined): Promise<SessionUser | undefined> {
  if (!token || token.length > 100) return undefined;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.role', 'users.partner_id', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || new Date(row.expires_at).getTime() < Date.now()) return undefined;
  return { id: row.id, username: row.username, role: row.role, partnerId: row.partner_id };
}

export async function signOut(db: Kysely<DB>, token: string | undefined): Promise<void> {
  if (token) await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}
