import { asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-database';
import { organizations } from '../tenancy/schema';
import { MAX_MAIL_ATTEMPTS, mailBackoffSeconds } from './delivery';
import { enqueueMail } from './outbox';
import { mailOutbox } from './schema';
import { createMailSender, outboxMessageId, type MailSender } from './sender';
import { startSmtpSink, unusedPort, type SmtpSink } from './testing/smtp-sink';

type TestDatabase = Awaited<ReturnType<typeof openTestDatabase>>;
let database: TestDatabase;
let organizationId = '';
const t0 = new Date('2026-11-23T09:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const FROM = 'Passerelle <no-reply@passerelle.test>';
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const [organization] = await database.db
    .insert(organizations)
    .values({ slug: 'ptpr-test', name: 'PTPR Test', region: 'PACA' })
    .returning();
  if (!organization) throw new Error('no organisation');
  organizationId = organization.id;
});
afterAll(async () => database.dispose());
beforeEach(async () => {
  await database.exec('DELETE FROM mail_outbox');
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function queue(to: string, subject: string, text: string): Promise<string> {
  return database.db.transaction((tx) =>
    enqueueMail(tx, { organizationId, to, subject, text, template: 'invitation' }, t0),
  );
}

function sender(port: number, clock: { now: Date }): MailSender {
  const created = createMailSender({
    db: database.db,
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: FROM,
    clock: () => clock.now,
    pollMs: 10,
  });
  cleanups.push(() => created.stop());
  return created;
}

async function sink(port?: number, rejectRecipient?: (address: string) => boolean): Promise<SmtpSink> {
  const started = await startSmtpSink(port, { rejectRecipient });
  cleanups.push(() => started.close());
  return started;
}

const rowOf = async (id: string) => {
  const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (!row) throw new Error('outbox row missing');
  return row;
};

describe('mail sender', () => {
  it('delivers a pending message once, with its subject, body and a stable Message-ID', async () => {
    const server = await sink();
    const clock = { now: t0 };
    const id = await queue(
      'camille@example.org',
      'Invitation à rejoindre Passerelle — PTPR',
      'Bonjour Camille,\n\nVoici votre lien : https://passerelle.test/invitation/abc\n\nÀ bientôt !',
    );
    const mailer = sender(server.port, clock);

    expect(await mailer.sendDue()).toBe(1);
    expect(await mailer.sendDue()).toBe(0);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({
      to: ['camille@example.org'],
      subject: 'Invitation à rejoindre Passerelle — PTPR',
      text: 'Bonjour Camille,\n\nVoici votre lien : https://passerelle.test/invitation/abc\n\nÀ bientôt !',
      messageId: outboxMessageId(id),
    });
    expect(server.received[0]?.raw).toContain('no-reply@passerelle.test');
    expect(await rowOf(id)).toMatchObject({ status: 'sent', sentAt: t0, attempts: 1, lockedUntil: null });
  });

  it('when the mail server is down, keeps the message, retries after a backoff, then delivers it', async () => {
    const port = await unusedPort();
    const clock = { now: t0 };
    const id = await queue('dominique@example.org', 'Réinitialisation', 'Votre lien');
    const mailer = sender(port, clock);

    expect(await mailer.sendDue()).toBe(1);
    const failed = await rowOf(id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: at(mailBackoffSeconds(1)) });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    expect(failed.lastError).not.toContain('dominique');

    const server = await sink(port);
    clock.now = at(30);
    expect(await mailer.sendDue()).toBe(0);
    clock.now = at(60);
    expect(await mailer.sendDue()).toBe(1);
    expect(server.received.map((mail) => mail.messageId)).toEqual([outboxMessageId(id)]);
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null, sentAt: at(60) });
  });

  it(`marks a message failed after ${MAX_MAIL_ATTEMPTS} tries, without the address in last_error`, async () => {
    const port = await unusedPort();
    const clock = { now: t0 };
    const id = await queue('alex@example.org', 'Sujet', 'Texte');
    const mailer = sender(port, clock);
    for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt += 1) {
      expect(await mailer.sendDue()).toBe(1);
      clock.now = new Date(clock.now.getTime() + mailBackoffSeconds(attempt) * 1000);
    }
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_MAIL_ATTEMPTS });
    expect(row.lastError).not.toContain('alex@example.org');
    clock.now = at(365 * 86_400);
    expect(await mailer.sendDue()).toBe(0);
  });

  it('a recipient refused by the server: the stored error keeps the SMTP answer but not the address', async () => {
    const server = await sink(undefined, (address) => address.startsWith('refused'));
    const id = await queue('refused.person@example.org', 'Sujet', 'Texte');
    await sender(server.port, { now: t0 }).sendDue();
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toContain('550');
    expect(row.lastError).toContain('Recipient address rejected');
    expect(row.lastError).not.toMatch(/refused\.person|example\.org/);
    expect(server.received).toHaveLength(0);
  });

  it('retakes a message left `sending` by a dead sender once its lock expires, with the same Message-ID', async () => {
    const server = await sink();
    const id = await queue('sam@example.org', 'Sujet', 'Texte');
    await database.db.transaction(async (tx) => {
      await tx
        .update(mailOutbox)
        .set({ status: 'sending', attempts: 1, lockedUntil: at(300) })
        .where(eq(mailOutbox.id, id));
    });
    const clock = { now: at(299) };
    const mailer = sender(server.port, clock);
    expect(await mailer.sendDue()).toBe(0);
    clock.now = at(301);
    expect(await mailer.sendDue()).toBe(1);
    expect(server.received.map((mail) => mail.messageId)).toEqual([outboxMessageId(id)]);
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('two senders running together deliver each message exactly once', async () => {
    const server = await sink();
    const clock = { now: t0 };
    const ids: string[] = [];
    for (let index = 0; index < 30; index += 1) ids.push(await queue(`p${index}@example.org`, `Message ${index}`, 'x'));
    const a = sender(server.port, clock);
    const b = sender(server.port, clock);

    const tried = await Promise.all([a.sendDue(100), b.sendDue(100)]);
    expect(tried[0] + tried[1]).toBe(30);
    const delivered = server.received.map((mail) => mail.messageId).sort();
    expect(delivered).toEqual(ids.map(outboxMessageId).sort());
    const rows = await database.db.select().from(mailOutbox).orderBy(asc(mailOutbox.createdAt));
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
  });

  it('the polling loop delivers what is queued while it runs, and stop() ends it', async () => {
    const server = await sink();
    const mailer = sender(server.port, { now: t0 });
    mailer.start();
    const id = await queue('lou@example.org', 'Bienvenue', 'Texte');
    const deadline = Date.now() + 10_000;
    while (server.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await mailer.stop();
    expect(server.received.map((mail) => mail.messageId)).toEqual([outboxMessageId(id)]);
  });

  it('without SMTP_URL does nothing: messages stay pending for the outbox page', async () => {
    const id = await queue('noa@example.org', 'Sujet', 'Texte');
    const mailer = createMailSender({ db: database.db, smtpUrl: undefined, from: FROM, clock: () => t0 });
    expect(mailer.enabled).toBe(false);
    expect(await mailer.sendDue()).toBe(0);
    mailer.start();
    await mailer.stop();
    expect(await rowOf(id)).toMatchObject({ status: 'pending', attempts: 0 });
  });
});
