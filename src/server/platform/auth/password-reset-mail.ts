import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { enqueueMail } from '../mail/outbox';
import { appendAuditEvent } from '../audit/append';
import { users } from './schema';
import type { PasswordResetMail } from './better-auth';

/** Queues the one-time reset link (valid 1 h) and records that a reset was requested. */
export async function sendPasswordResetMail(deps: AppDeps, mail: PasswordResetMail): Promise<void> {
  const db = deps.database.db;
  const now = deps.clock();
  const link = `${deps.config.appUrl}/reinitialiser-mot-de-passe?token=${encodeURIComponent(mail.token)}`;
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ organizationId: users.organizationId, name: users.name, locale: users.locale })
      .from(users)
      .where(eq(users.id, mail.userId));
    if (!user) return;
    const english = user.locale === 'en';
    await enqueueMail(
      tx,
      {
        organizationId: user.organizationId,
        to: mail.email,
        template: 'password_reset',
        subject: english ? 'Passerelle: reset your password' : 'Passerelle : réinitialisez votre mot de passe',
        text: english
          ? `Hello ${user.name},\n\nTo choose a new password, open this link within one hour:\n${link}\n\nIf you did not ask for it, ignore this message: your password stays the same.`
          : `Bonjour ${user.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure :\n${link}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.`,
      },
      now,
    );
    await appendAuditEvent(
      tx,
      { organizationId: user.organizationId, actorUserId: null, occurredAt: now },
      { action: 'auth.password_reset.requested', resourceType: 'user', resourceId: mail.userId },
    );
  });
}
