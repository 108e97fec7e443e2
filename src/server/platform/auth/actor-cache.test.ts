import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs } from '../../../../tests/support/sessions';
import { ActorCache, IDENTITY_WRITE, actorCacheOf } from './actor-cache';
import { userRoles, users } from './schema';

describe('ActorCache', () => {
  const row = (userId: string) => ({ userId });

  it('serves nothing before it listens, nor after the listener is lost', () => {
    const cache = new ActorCache<{ userId: string }>();
    cache.store('t1', row('u1'), cache.mark(), 0);
    expect(cache.get('t1', 0)).toBeUndefined();
    cache.setListening(true);
    cache.store('t1', row('u1'), cache.mark(), 0);
    expect(cache.get('t1', 1)).toEqual(row('u1'));
    cache.setListening(false);
    expect(cache.get('t1', 2)).toBeUndefined();
    cache.setListening(true);
    expect(cache.get('t1', 3)).toBeUndefined(); // what was held while deaf is gone
  });

  it('does not store a read that raced with a change', () => {
    const cache = new ActorCache<{ userId: string }>();
    cache.setListening(true);
    const mark = cache.mark();
    cache.forgetUser('someone-else');
    cache.store('t1', row('u1'), mark, 0);
    expect(cache.get('t1', 0)).toBeUndefined();
  });

  it('forgets every session of the user named, and only theirs', () => {
    const cache = new ActorCache<{ userId: string }>();
    cache.setListening(true);
    cache.store('t1', row('u1'), cache.mark(), 0);
    cache.store('t2', row('u1'), cache.mark(), 0);
    cache.store('t3', row('u2'), cache.mark(), 0);
    cache.forgetUser('u1');
    expect([cache.get('t1', 0), cache.get('t2', 0), cache.get('t3', 0)]).toEqual([undefined, undefined, row('u2')]);
  });

  it('reads again after its time to live, and keeps a bounded number of entries', () => {
    const cache = new ActorCache<{ userId: string }>(1000, 2);
    cache.setListening(true);
    cache.store('t1', row('u1'), cache.mark(), 0);
    expect(cache.get('t1', 1000)).toEqual(row('u1'));
    expect(cache.get('t1', 1001)).toBeUndefined();
    cache.store('a', row('u1'), cache.mark(), 0);
    cache.store('b', row('u2'), cache.mark(), 0);
    cache.store('c', row('u3'), cache.mark(), 0);
    expect(cache.size).toBe(2);
    expect(cache.get('a', 0)).toBeUndefined();
  });

  it('recognises the statements that can revoke an actor, and not the others', () => {
    for (const statement of [
      'update "sessions" set "expires_at" = $1 where "sessions"."token" = $2',
      'delete from "sessions" where "sessions"."token" = $1',
      'update "users" set "active" = $1 where "users"."id" = $2',
      'delete from "user_roles" where "user_roles"."user_id" = $1',
      'insert into "user_roles" ("user_id", "organization_id", "role") values ($1, $2, $3)',
    ]) {
      expect(IDENTITY_WRITE.test(statement), statement).toBe(true);
    }
    for (const statement of [
      'insert into "sessions" ("id", "token") values ($1, $2)',
      'select "id" from "users" where "users"."email" = $1',
      'update "persons" set "version" = $1',
      'insert into "users_audit" values ($1)',
    ]) {
      expect(IDENTITY_WRITE.test(statement), statement).toBe(false);
    }
  });
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, (app) => {
    app.get('/api/probe/session', { config: { access: { kind: 'session' } } }, async () => ({ ok: true }));
    app.get('/api/probe/audit', { config: { access: { kind: 'action', action: 'audit.browse' } } }, async () => ({ ok: true }));
  });
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(new Date()));

const probe = (path: 'session' | 'audit', headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/probe/${path}`, headers });

/** Statements sent through the app's database handle while `run` runs. */
async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = t.deps.database.watchStatements((statement) => seen.push(statement));
  try {
    await run();
  } finally {
    stop();
  }
  return seen;
}

const readsSession = (statements: string[]) => statements.some((statement) => /from "sessions"/.test(statement));

describe('actor resolution with the cache', () => {
  it('reads the session once, then serves the next requests from memory', async () => {
    await vi.waitFor(() => expect(actorCacheOf(t.deps.database).isListening).toBe(true));
    const session = await signInAs(t, ['trainer']);
    expect((await probe('session', session.headers)).statusCode).toBe(200);
    const second = await statementsDuring(() => probe('session', session.headers));
    expect(readsSession(second)).toBe(false);
  });

  it('a deactivated account is refused at the very next request', async () => {
    const session = await signInAs(t, ['trainer']);
    expect((await probe('session', session.headers)).statusCode).toBe(200);
    await t.deps.database.db.update(users).set({ active: false }).where(eq(users.id, session.user.id));
    expect((await probe('session', session.headers)).statusCode).toBe(401);
  });

  it('a withdrawn role no longer grants its actions at the very next request', async () => {
    const session = await signInAs(t, ['admin']);
    expect((await probe('audit', session.headers)).statusCode).toBe(200);
    await t.deps.database.db.delete(userRoles).where(and(eq(userRoles.userId, session.user.id), eq(userRoles.role, 'admin')));
    expect((await probe('audit', session.headers)).statusCode).toBe(403);
  });

  it('a session deleted outside this process’s statements (another server, psql) is refused through the notification', async () => {
    const session = await signInAs(t, ['trainer']);
    expect((await probe('session', session.headers)).statusCode).toBe(200);
    // Raw SQL outside Drizzle: only the trigger's notification can tell the cache.
    await t.deps.database.exec(`delete from sessions where user_id = '${session.user.id}'`);
    // PGlite delivers it before the delete returns; a PostgreSQL server a moment later.
    await vi.waitFor(async () => expect((await probe('session', session.headers)).statusCode).toBe(401), { timeout: 2000, interval: 20 });
  });
});
