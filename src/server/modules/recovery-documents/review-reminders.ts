import { and, eq, isNull, lte } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users } from '../../platform/auth/schema';
import { runInContext, type ServiceContext } from '../../platform/http/context';
import { registerJobHandler } from '../../platform/jobs/handlers';
import { registerSchedule } from '../../platform/jobs/schedules';
import { enqueueMail } from '../../platform/mail/outbox';
import { personAccounts } from '../portal/schema';
import { dayOf } from './days';
import { recoveryDocumentFacilitators, recoveryDocuments } from './schema';

export const REVIEW_REMINDER_JOB = 'recovery-documents.review-reminders';
const DAY_SECONDS = 24 * 3600;
/** 06:00 UTC: 7 or 8 a.m. in Paris, the reminder is there when the day starts. */
const RUN_HOUR_UTC = 6;

const PERSON_MAIL = {
  subject: 'Le moment de relire votre document est arrivé',
  text: (title: string) =>
    [
      'Bonjour,',
      '',
      `Vous aviez choisi de relire votre document « ${title} » à cette date.`,
      'Vous pouvez le relire et le mettre à jour quand vous le souhaitez, seul·e ou avec le pair qui vous accompagne :',
      'connectez-vous à votre espace Passerelle, rubrique « Mes documents ».',
      '',
      'Ce message est un simple rappel : rien ne change tant que vous ne validez pas une nouvelle version.',
    ].join('\n'),
};

// Staff mail carries neither the person's name nor the document's title: mail is not a safe place for them.
const FACILITATOR_MAIL = {
  subject: 'Un document que vous aidez à écrire arrive à sa date de révision',
  text: [
    'Bonjour,',
    '',
    'Une personne que vous accompagnez avait choisi de relire aujourd’hui un document que vous l’aidez à écrire.',
    'Si elle le souhaite, vous pouvez le revoir ensemble lors de votre prochaine rencontre (connectez-vous à Passerelle pour le retrouver).',
  ].join('\n'),
};

/**
 * Reminds, once, the owner and the facilitators of each active document of the organisation whose
 * review date has come. `review_reminded_at` marks it done (validation or a new review date clears
 * it); rows are locked and skipped by a concurrent run, so nobody gets the mail twice.
 */
export async function remindDueReviews(ctx: ServiceContext): Promise<number> {
  const due = await ctx.tx
    .select({ id: recoveryDocuments.id, title: recoveryDocuments.title, personId: recoveryDocuments.personId })
    .from(recoveryDocuments)
    .where(
      and(
        eq(recoveryDocuments.organizationId, ctx.organizationId),
        eq(recoveryDocuments.status, 'active'),
        lte(recoveryDocuments.reviewDueOn, dayOf(ctx.now)),
        isNull(recoveryDocuments.reviewRemindedAt),
      ),
    )
    .for('update', { skipLocked: true });
  for (const document of due) {
    const [owner] = await ctx.tx
      .select({ email: users.email })
      .from(personAccounts)
      .innerJoin(users, eq(users.id, personAccounts.userId))
      .where(and(eq(personAccounts.personId, document.personId), eq(users.active, true)));
    if (owner) {
      await enqueueMail(ctx.tx, { organizationId: ctx.organizationId, to: owner.email, subject: PERSON_MAIL.subject, text: PERSON_MAIL.text(document.title), template: 'recovery_document_review' }, ctx.now);
    }
    const facilitators = await ctx.tx
      .select({ email: users.email })
      .from(recoveryDocumentFacilitators)
      .innerJoin(users, eq(users.id, recoveryDocumentFacilitators.userId))
      .where(and(eq(recoveryDocumentFacilitators.documentId, document.id), isNull(recoveryDocumentFacilitators.revokedAt), eq(users.active, true)));
    for (const facilitator of facilitators) {
      await enqueueMail(
        ctx.tx,
        { organizationId: ctx.organizationId, to: facilitator.email, subject: FACILITATOR_MAIL.subject, text: FACILITATOR_MAIL.text, template: 'recovery_document_review_facilitator' },
        ctx.now,
      );
    }
    await ctx.tx.update(recoveryDocuments).set({ reviewRemindedAt: ctx.now }).where(eq(recoveryDocuments.id, document.id));
    await ctx.audit({
      action: 'recovery_document.review_reminded',
      resourceType: 'recovery_document',
      resourceId: document.id,
      context: { ownerMailed: owner !== undefined, facilitatorsMailed: facilitators.length },
    });
  }
  return due.length;
}

/** The daily run: each organisation with due reviews in its own transaction, with no actor. */
export async function remindReviews(db: Database, now: Date): Promise<{ reminded: number }> {
  const organizations = await db
    .selectDistinct({ id: recoveryDocuments.organizationId })
    .from(recoveryDocuments)
    .where(and(eq(recoveryDocuments.status, 'active'), lte(recoveryDocuments.reviewDueOn, dayOf(now)), isNull(recoveryDocuments.reviewRemindedAt)));
  let reminded = 0;
  for (const organization of organizations) {
    reminded += await runInContext({ db, actor: null, organizationId: organization.id, now, locale: 'fr' }, remindDueReviews);
  }
  return { reminded };
}

registerJobHandler(REVIEW_REMINDER_JOB, async ({ db, now }) => {
  await remindReviews(db, now);
});

/** Declares the daily schedule (the handler is registered when this module loads). Called by background.ts at start. */
export function registerRecoveryDocumentJobs(db: Database, now: Date): Promise<void> {
  return registerSchedule(db, REVIEW_REMINDER_JOB, DAY_SECONDS, nextRunAt(now));
}

function nextRunAt(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RUN_HOUR_UTC));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

