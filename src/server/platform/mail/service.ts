import { and, count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZOutboxMessage, ZOutboxMessageDetail, ZOutboxPage } from '../../../shared/admin';
import type { TPageQuery } from '../../../shared/pagination';
import type { ServiceContext } from '../http/context';
import { notFound } from '../http/errors';
import { mailOutbox } from './schema';

type TOutboxMessage = z.infer<typeof ZOutboxMessage>;
type TOutboxMessageDetail = z.infer<typeof ZOutboxMessageDetail>;
type TOutboxPage = z.infer<typeof ZOutboxPage>;

const summaryColumns = {
  id: mailOutbox.id,
  toAddress: mailOutbox.toAddress,
  subject: mailOutbox.subject,
  template: mailOutbox.template,
  status: mailOutbox.status,
  attempts: mailOutbox.attempts,
  createdAt: mailOutbox.createdAt,
  sentAt: mailOutbox.sentAt,
};

type SummaryRow = Omit<TOutboxMessage, 'createdAt' | 'sentAt'> & { createdAt: Date; sentAt: Date | null };

const present = (row: SummaryRow): TOutboxMessage => ({
  id: row.id,
  toAddress: row.toAddress,
  subject: row.subject,
  template: row.template,
  status: row.status,
  attempts: row.attempts,
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt ? row.sentAt.toISOString() : null,
});

/** The organisation's outgoing mail, newest first: how admins follow invitations when SMTP is off. */
export async function listOutbox(ctx: ServiceContext, query: TPageQuery): Promise<TOutboxPage> {
  const mine = eq(mailOutbox.organizationId, ctx.organizationId);
  const rows = await ctx.tx
    .select(summaryColumns)
    .from(mailOutbox)
    .where(mine)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await ctx.tx.select({ value: count() }).from(mailOutbox).where(mine);
  return { items: rows.map(present), total: total?.value ?? 0, page: query.page, pageSize: query.pageSize };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One message with its body. A message of another organisation does not exist for the caller
 * (404). The body may hold a one-time link (invitation, password reset), so reading it is audited.
 */
export async function getOutboxMessage(ctx: ServiceContext, id: string): Promise<TOutboxMessageDetail> {
  if (!UUID.test(id)) throw notFound();
  const [row] = await ctx.tx
    .select({ ...summaryColumns, textBody: mailOutbox.textBody, lastError: mailOutbox.lastError })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.organizationId, ctx.organizationId)));
  if (!row) throw notFound();
  await ctx.audit({
    action: 'outbox.message.read',
    resourceType: 'mail_outbox',
    resourceId: row.id,
    context: { template: row.template },
  });
  return { ...present(row), textBody: row.textBody, lastError: row.lastError };
}
