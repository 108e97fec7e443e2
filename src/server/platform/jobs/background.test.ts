import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { startBackgroundWork } from '../../background';
import { enqueueMail } from '../mail/outbox';
import { mailOutbox } from '../mail/schema';
import { outboxMessageId } from '../mail/sender';
import { startSmtpSink, type SmtpSink } from '../mail/testing/smtp-sink';
import { organizations } from '../tenancy/schema';
import { enqueueJob } from './enqueue';
import { registerJobHandler } from './handlers';
import { jobs } from './schema';

let t: TestApp;
let smtp: SmtpSink;
const ran: unknown[] = [];

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
  registerJobHandler('test.background', async ({ job }) => void ran.push(job.payload));
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('startBackgroundWork', () => {
  it('runs registered job handlers and delivers the outbox, then stops cleanly', async () => {
    const { db } = t.deps.database;
    const now = t.clock.now;
    const [organization] = await db
      .insert(organizations)
      .values({ slug: 'ptpr-bg', name: 'PTPR', region: 'PACA' })
      .returning();
    if (!organization) throw new Error('no organisation');
    const { jobId, mailId } = await db.transaction(async (tx) => ({
      jobId: await enqueueJob(tx, { name: 'test.background', payload: { hello: 'world' } }, now),
      mailId: await enqueueMail(
        tx,
        { organizationId: organization.id, to: 'a@example.org', subject: 'Bonjour', text: 'Texte', template: 'test' },
        now,
      ),
    }));
    if (!jobId) throw new Error('job not enqueued');

    const background = await startBackgroundWork(t.app);
    try {
      await eventually(async () => (await db.select().from(jobs).where(eq(jobs.id, jobId)))[0]?.status === 'done');
      await eventually(async () => (await db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId)))[0]?.status === 'sent');
    } finally {
      await background.stop();
    }
    expect(ran).toEqual([{ hello: 'world' }]);
    expect(smtp.received.map((mail) => mail.messageId)).toEqual([outboxMessageId(mailId)]);
  });
});
