import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-database';
import { ZOutboxMessageDetail, ZOutboxPage } from '../../../shared/admin';
import type { Actor } from '../access/actor';
import { auditEvents } from '../audit/schema';
import { runInContext, type ServiceContext } from '../http/context';
import { AppError } from '../http/errors';
import { organizations } from '../tenancy/schema';
import { enqueueMail } from './outbox';
import { mailOutbox } from './schema';
import { getOutboxMessage, listOutbox } from './service';

type TestDatabase = Awaited<ReturnType<typeof openTestDatabase>>;
let database: TestDatabase;
let mine = '';
let theirs = '';
const t0 = new Date('2026-11-23T09:00:00.000Z');
const minutes = (count: number) => new Date(t0.getTime() + count * 60_000);
const ids: string[] = [];
let theirMessage = '';

const adminOf = (organizationId: string): Actor => ({
  userId: randomUUID(),
  organizationId,
  roles: new Set(['admin']),
  isPlatformAdmin: false,
  sessionId: 'session-test',
  mustEnrolTwoFactor: false,
});

const asAdmin = <T>(work: (ctx: ServiceContext) => Promise<T>) =>
  runInContext({ db: database.db, actor: adminOf(mine), organizationId: mine, now: t0, locale: 'fr' }, work);

beforeAll(async () => {
  database = await openTestDatabase();
  const created = await database.db
    .insert(organizations)
    .values([
      { slug: 'ptpr-paca', name: 'PTPR PACA', region: 'PACA' },
      { slug: 'ptpr-occitanie', name: 'PTPR Occitanie', region: 'Occitanie' },
    ])
    .returning();
  mine = created[0]?.id ?? '';
  theirs = created[1]?.id ?? '';
  await database.db.transaction(async (tx) => {
    for (let index = 0; index < 3; index += 1) {
      ids.push(
        await enqueueMail(
          tx,
          { organizationId: mine, to: `p${index}@example.org`, subject: `Sujet ${index}`, text: `Corps ${index}`, template: 'invitation' },
          minutes(index),
        ),
      );
    }
    theirMessage = await enqueueMail(
      tx,
      { organizationId: theirs, to: 'x@example.org', subject: 'Autre', text: 'Autre', template: 'invitation' },
      minutes(10),
    );
  });
  await database.db
    .update(mailOutbox)
    .set({ status: 'sent', sentAt: minutes(5), attempts: 1 })
    .where(eq(mailOutbox.id, ids[0] ?? ''));
});
afterAll(async () => database.dispose());

describe('outbox read service', () => {
  it('lists my organisation’s messages newest first, with the total, in the shape of the contract', async () => {
    const page = await asAdmin((ctx) => listOutbox(ctx, { page: 1, pageSize: 2 }));
    expect(ZOutboxPage.parse(page)).toEqual(page);
    expect(page.total).toBe(3);
    expect(page.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    expect(page.items[0]).toEqual({
      id: ids[2],
      toAddress: 'p2@example.org',
      subject: 'Sujet 2',
      template: 'invitation',
      status: 'pending',
      attempts: 0,
      createdAt: minutes(2).toISOString(),
      sentAt: null,
    });

    const second = await asAdmin((ctx) => listOutbox(ctx, { page: 2, pageSize: 2 }));
    expect(second.items.map((item) => item.id)).toEqual([ids[0]]);
    expect(second.items[0]).toMatchObject({ status: 'sent', sentAt: minutes(5).toISOString() });
  });

  it('returns one message with its body and last error, and audits the read', async () => {
    const id = ids[1] ?? '';
    const detail = await asAdmin((ctx) => getOutboxMessage(ctx, id));
    expect(ZOutboxMessageDetail.parse(detail)).toEqual(detail);
    expect(detail).toMatchObject({ id, textBody: 'Corps 1', lastError: null, toAddress: 'p1@example.org' });
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.resourceId, id));
    expect(audit).toMatchObject([{ action: 'outbox.message.read', resourceType: 'mail_outbox', organizationId: mine }]);
  });

  it('answers not found for another organisation’s message, an unknown id and a malformed id', async () => {
    for (const id of [theirMessage, randomUUID(), 'not-a-uuid']) {
      const error = await asAdmin((ctx) => getOutboxMessage(ctx, id)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 404 });
    }
  });
});
