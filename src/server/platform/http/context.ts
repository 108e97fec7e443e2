import type { FastifyRequest } from 'fastify';
import type { Database, Queryable } from '../../db/client';
import type { Actor } from '../access/actor';
import { appendAuditEvent, type AuditEntry } from '../audit/append';
import { unauthorized } from './errors';
import { localeFromHeader, type Locale } from './messages';

/** What every service function receives first. Time comes from here so tests can set it. */
export type ServiceContext = {
  actor: Actor | null;
  organizationId: string;
  /** The open transaction of a write; the bare connection of a read (see withActorRead). */
  tx: Queryable;
  audit: (entry: AuditEntry) => Promise<void>;
  now: Date;
  locale: Locale;
};

export type ContextSource = {
  db: Database;
  actor: Actor | null;
  organizationId: string;
  now: Date;
  locale: Locale;
};

/** Runs a unit of work in one transaction with its audit bound to the same transaction. */
export function runInContext<T>(source: ContextSource, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  return source.db.transaction(async (tx) => {
    const ctx: ServiceContext = {
      actor: source.actor,
      organizationId: source.organizationId,
      tx,
      now: source.now,
      locale: source.locale,
      audit: (entry) =>
        appendAuditEvent(
          tx,
          { organizationId: source.organizationId, actorUserId: source.actor?.userId ?? null, occurredAt: source.now },
          entry,
        ),
    };
    return work(ctx);
  });
}

/** The signed-in actor's context for a route handler; a route without a session never gets here. */
export function withActorContext<T>(request: FastifyRequest, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const actor = request.actor;
  if (!actor) throw unauthorized();
  return runInContext(
    {
      db: request.server.deps.database.db,
      actor,
      organizationId: actor.organizationId,
      now: request.server.deps.clock(),
      locale: localeFromHeader(request.headers['accept-language']),
    },
    work,
  );
}

/**
 * A read of one record, without an explicit transaction: each statement commits on its own, so the
 * audit entry of the read is on disk before the handler returns and before anything is sent (if it
 * fails, the request fails and nothing leaves). Two round trips instead of four (BEGIN, COMMIT).
 * Use it for handlers that only read; a read that must see one snapshot across several queries, or
 * any write, keeps withActorContext.
 */
export type ReadContext = ServiceContext & { tx: Database; db: Database };

export function withActorRead<T>(request: FastifyRequest, work: (ctx: ReadContext) => Promise<T>): Promise<T> {
  const actor = request.actor;
  if (!actor) throw unauthorized();
  const db = request.server.deps.database.db;
  const now = request.server.deps.clock();
  return work({
    actor,
    organizationId: actor.organizationId,
    tx: db,
    db,
    now,
    locale: localeFromHeader(request.headers['accept-language']),
    audit: (entry) => appendAuditEvent(db, { organizationId: actor.organizationId, actorUserId: actor.userId, occurredAt: now }, entry),
  });
}
