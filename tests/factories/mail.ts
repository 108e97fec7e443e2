import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../src/server/db/client';
import { mailOutbox } from '../../src/server/db/schema';
import { enqueueMail } from '../../src/server/platform/mail/outbox';
import { buildOrganization } from './organizations';

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** A queued message, through the real enqueue function. */
export async function buildOutboxMail(
  db: Queryable,
  overrides: { organizationId?: string; to?: string; subject?: string; text?: string; template?: string; now?: Date } = {},
): Promise<OutboxRow> {
  const organizationId = overrides.organizationId ?? (await buildOrganization(db)).id;
  const id = await enqueueMail(
    db,
    {
      organizationId,
      to: overrides.to ?? `dest-${randomBytes(4).toString('hex')}@exemple.test`,
      subject: overrides.subject ?? 'Passerelle : message de test',
      text: overrides.text ?? 'Bonjour,\n\nCeci est un message de test.',
      template: overrides.template ?? 'test',
    },
    overrides.now ?? new Date(),
  );
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (!row) throw new Error('outbox message not found');
  return row;
}
