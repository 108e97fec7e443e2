import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../tests/support/test-app';
import { auditTrail } from '../../../../tests/factories';
import { buildRecoveryDocument } from '../../../../tests/factories/recovery-documents';
import { jobHandlers } from '../../platform/jobs/handlers';
import { jobSchedules } from '../../platform/jobs/schema';
import { mailOutbox } from '../../platform/mail/schema';
import { REVIEW_REMINDER_JOB, registerRecoveryDocumentJobs, remindReviews } from './review-reminders';
import { recoveryDocuments } from './schema';
import { call, createDocumentsTestApp, documentsWorld, type DocumentsWorld } from './testing/world';

let t: TestApp;
let world: DocumentsWorld;
beforeAll(async () => {
  t = await createDocumentsTestApp();
  world = await documentsWorld(t);
});
afterAll(async () => t.close());

const mailsOf = (organizationId: string) => world.db.select().from(mailOutbox).where(eq(mailOutbox.organizationId, organizationId));
const reminderMails = async () => (await mailsOf(world.organizationId)).filter((mail) => mail.template.startsWith('recovery_document_review'));

describe('review reminders (daily job)', () => {
  it('a new review date chosen by the person clears the previous reminder', async () => {
    const rescheduled = await buildRecoveryDocument(world.db, world.person, { reviewDueOn: '2026-11-20' });
    await world.db.update(recoveryDocuments).set({ reviewRemindedAt: new Date('2026-11-20T06:00:00Z') }).where(eq(recoveryDocuments.id, rescheduled.document.id));
    expect((await call(t, world.lucas, 'PATCH', `/api/recovery-documents/${rescheduled.document.id}`, { reviewDueOn: '2026-12-10' })).statusCode).toBe(200);
    const [row] = await world.db.select().from(recoveryDocuments).where(eq(recoveryDocuments.id, rescheduled.document.id));
    expect(row).toMatchObject({ reviewDueOn: '2026-12-10', reviewRemindedAt: null });
  });

  it('on the review day, mails the person and the facilitators once, and marks the document reminded', async () => {
    const owner = world.lucas.user;
    const due = await buildRecoveryDocument(world.db, world.person, { reviewDueOn: '2026-12-01', facilitatorIds: [world.referent.user.id], authorId: owner.id, title: 'Mon plan WRAP' });
    const draftOnly = await buildRecoveryDocument(world.db, world.person, { state: 'draft', reviewDueOn: '2026-11-01' });
    const later = await buildRecoveryDocument(world.db, world.person, { reviewDueOn: '2027-06-01' });

    expect(await remindReviews(world.db, t.clock.now)).toEqual({ reminded: 0 });
    expect(await reminderMails()).toEqual([]);

    // 1 December, 07:30 in Paris.
    t.clock.set(new Date('2026-12-01T06:30:00Z'));
    await jobHandlers.get(REVIEW_REMINDER_JOB)?.({ job: {} as never, db: world.db, now: t.clock.now });
    const mails = await reminderMails();
    expect(mails.map((mail) => [mail.toAddress, mail.template]).sort()).toEqual(
      [
        [owner.email, 'recovery_document_review'],
        [world.referent.user.email, 'recovery_document_review_facilitator'],
      ].sort(),
    );
    const toPerson = mails.find((mail) => mail.toAddress === owner.email);
    expect(toPerson?.textBody).toContain('« Mon plan WRAP »');
    const toPeer = mails.find((mail) => mail.toAddress === world.referent.user.email);
    expect(toPeer?.textBody).not.toContain('Lucas');
    expect(toPeer?.textBody).not.toContain('Mon plan WRAP');

    const [reminded] = await world.db.select().from(recoveryDocuments).where(eq(recoveryDocuments.id, due.document.id));
    expect(reminded?.reviewRemindedAt).toEqual(t.clock.now);
    for (const untouched of [draftOnly, later]) {
      const [row] = await world.db.select().from(recoveryDocuments).where(eq(recoveryDocuments.id, untouched.document.id));
      expect(row?.reviewRemindedAt).toBeNull();
    }
    const entry = (await auditTrail(world.db, world.organizationId)).findLast((event) => event.action === 'recovery_document.review_reminded');
    expect(entry).toMatchObject({ actorUserId: null, resourceId: due.document.id, context: { ownerMailed: true, facilitatorsMailed: 1 } });

    // The next days: nothing more.
    t.clock.advance(24 * 3600_000);
    expect(await remindReviews(world.db, t.clock.now)).toEqual({ reminded: 0 });
    expect(await reminderMails()).toHaveLength(2);

    // The rescheduled document of the first test comes due on 10 December: its owner is reminded.
    t.clock.set(new Date('2026-12-10T07:00:00Z'));
    expect(await remindReviews(world.db, t.clock.now)).toEqual({ reminded: 1 });
    expect(await reminderMails()).toHaveLength(3);
  });

  it('a withdrawn document or a revoked facilitator gets no mail', async () => {
    t.clock.set(new Date('2026-12-20T07:00:00Z'));
    const withdrawn = await buildRecoveryDocument(world.db, world.person, { reviewDueOn: '2026-12-15', facilitatorIds: [world.otherPeer.user.id] });
    await world.db.update(recoveryDocuments).set({ status: 'withdrawn' }).where(eq(recoveryDocuments.id, withdrawn.document.id));
    const before = (await reminderMails()).length;
    expect(await remindReviews(world.db, t.clock.now)).toEqual({ reminded: 0 });
    expect(await reminderMails()).toHaveLength(before);
  });

  it('registers a daily schedule, first run at 06:00 UTC', async () => {
    t.clock.set(new Date('2026-12-20T07:00:00Z'));
    await registerRecoveryDocumentJobs(world.db, t.clock.now);
    const [schedule] = await world.db.select().from(jobSchedules).where(and(eq(jobSchedules.name, REVIEW_REMINDER_JOB)));
    expect(schedule).toMatchObject({ intervalSeconds: 24 * 3600, nextRunAt: new Date('2026-12-21T06:00:00Z') });
  });
});
