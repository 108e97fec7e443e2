import type { Queryable } from '../../db/client';
import { mailOutbox } from './schema';

export type OutgoingMail = {
  organizationId: string;
  to: string;
  subject: string;
  text: string;
  /** What kind of message (invitation, password_reset…): lets the outbox page filter without reading bodies. */
  template: string;
};

/**
 * Queues a message in the caller's transaction: it leaves only if the change that caused it is
 * committed, and it is never lost if the mail server is down.
 */
export async function enqueueMail(tx: Queryable, mail: OutgoingMail, now: Date): Promise<string> {
  const [row] = await tx
    .insert(mailOutbox)
    .values({
      organizationId: mail.organizationId,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      template: mail.template,
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning({ id: mailOutbox.id });
  if (!row) throw new Error('outbox insert returned nothing');
  return row.id;
}
