import { and, eq, inArray } from 'drizzle-orm';
import type { TShareCreated, TShareCreateInput } from '../../../../shared/recovery-sharing';
import type { TRole } from '../../../../shared/roles';
import { actorOf } from '../../../platform/tenancy/scope';
import { userRoles, users } from '../../../platform/auth/schema';
import type { ServiceContext } from '../../../platform/http/context';
import { enqueueMail } from '../../../platform/mail/outbox';
import type { DocumentRecord } from '../policy';
import { frenchDay } from '../pdf/typography';
import { findVersion, type LoadedVersion } from '../records';
import { documentShares } from '../schema';
import { ownerAccount, personNameOf } from './access';
import { invalidSharingField } from './field-errors';
import { presentShares } from './present';
import { hashCode, hashToken, newCode, newToken } from './secrets';

/** Who may receive a share inside the organisation: the team and the partner structures' contacts. */
export const SHARE_RECIPIENT_ROLES: readonly TRole[] = ['coordinator', 'peer_worker', 'volunteer', 'supervisor', 'partner_contact'];
/** A share is given for a time: two years at most, then the person shares again if they wish. */
const LONGEST_SHARE_MS = 2 * 366 * 24 * 60 * 60 * 1000;

export type ShareSettings = { appUrl: string };

/** The validated version a share points to (a fixed one) or reads now (always the active one). */
async function versionToShare(ctx: ServiceContext, record: DocumentRecord, versionNo: number | null): Promise<LoadedVersion> {
  const version = await findVersion(ctx, record.id, versionNo ?? 'active');
  if (!version) throw invalidSharingField(ctx.locale, 'versionNo', versionNo === null ? 'notActive' : 'unknownVersion');
  if (version.status === 'draft') throw invalidSharingField(ctx.locale, 'versionNo', 'unknownVersion');
  return version;
}

function checkScope(ctx: ServiceContext, version: LoadedVersion, scope: readonly string[] | null): string[] | null {
  if (scope === null) return null;
  const known = new Set(version.template.definition.sections.map((section) => section.code));
  scope.forEach((code, index) => {
    if (!known.has(code)) throw invalidSharingField(ctx.locale, `scopeSections.${index}`, 'unknownSection');
  });
  return [...new Set(scope)];
}

function checkExpiry(ctx: ServiceContext, expiresAt: Date): void {
  if (expiresAt.getTime() <= ctx.now.getTime()) throw invalidSharingField(ctx.locale, 'expiresAt', 'expiresInPast');
  if (expiresAt.getTime() - ctx.now.getTime() > LONGEST_SHARE_MS) throw invalidSharingField(ctx.locale, 'expiresAt', 'expiresTooFar');
}

/** A user recipient: active, of the organisation, in the team or a partner's contact, not the owner. */
async function userRecipient(ctx: ServiceContext, userId: string): Promise<{ id: string; name: string }> {
  if (userId === actorOf(ctx).userId) throw invalidSharingField(ctx.locale, 'recipient.userId', 'shareToSelf');
  const [row] = await ctx.tx
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.organizationId, ctx.organizationId), eq(users.active, true), inArray(userRoles.role, [...SHARE_RECIPIENT_ROLES])));
  if (!row) throw invalidSharingField(ctx.locale, 'recipient.userId', 'unknownRecipient');
  return row;
}

/**
 * Shares a document (owner only, checked by the caller). For someone outside, a one-time link
 * and an access code are made here and given back once: the database keeps their hashes, the
 * e-mail carries the link only (the person passes the code on by another way).
 */
export async function createShare(ctx: ServiceContext, record: DocumentRecord, input: TShareCreateInput, settings: ShareSettings): Promise<TShareCreated> {
  const actor = actorOf(ctx);
  if (record.status === 'withdrawn') throw invalidSharingField(ctx.locale, 'versionNo', 'withdrawn');
  const expiresAt = new Date(input.expiresAt);
  checkExpiry(ctx, expiresAt);
  const version = await versionToShare(ctx, record, input.versionNo);
  const scopeSections = checkScope(ctx, version, input.scopeSections);

  let recipient: { kind: 'user' | 'external'; userId: string | null; email: string | null; label: string };
  if (input.recipient.kind === 'user') {
    const user = await userRecipient(ctx, input.recipient.userId);
    recipient = { kind: 'user', userId: user.id, email: null, label: input.label ?? user.name };
  } else {
    if (input.channel === 'portal') throw invalidSharingField(ctx.locale, 'channel', 'channelForExternal');
    const email = input.recipient.email.trim().toLowerCase();
    const owner = await ownerAccount(ctx, record);
    if (owner && owner.email.toLowerCase() === email) throw invalidSharingField(ctx.locale, 'recipient.email', 'shareToSelf');
    recipient = { kind: 'external', userId: null, email, label: input.label ?? input.recipient.label };
  }

  const token = recipient.kind === 'external' ? newToken() : null;
  const code = token ? newCode() : null;
  const tokenHash = token ? hashToken(token) : null;
  const [share] = await ctx.tx
    .insert(documentShares)
    .values({
      organizationId: ctx.organizationId,
      documentId: record.id,
      versionId: input.versionNo === null ? null : version.id,
      recipientKind: recipient.kind,
      recipientUserId: recipient.userId,
      recipientEmail: recipient.email,
      recipientLabel: recipient.label,
      purpose: input.purpose,
      scopeSections,
      channel: input.channel,
      expiresAt,
      grantedAt: ctx.now,
      grantedBy: actor.userId,
      linkTokenHash: tokenHash,
      accessCodeHash: tokenHash && code ? hashCode(tokenHash, code) : null,
    })
    .returning();
  if (!share) throw new Error('share insert returned nothing');
  await ctx.audit({
    action: 'document_share.created',
    resourceType: 'recovery_document',
    resourceId: record.id,
    context: { shareId: share.id, recipientKind: recipient.kind, versionNo: input.versionNo, sections: scopeSections?.length ?? null },
  });

  const link = token ? `${settings.appUrl.replace(/\/$/, '')}/partage/${token}` : null;
  if (link && recipient.email) {
    const ownerName = await personNameOf(ctx, record.personId);
    await enqueueMail(
      ctx.tx,
      {
        organizationId: ctx.organizationId,
        to: recipient.email,
        subject: `${ownerName} partage un document avec vous`,
        text: [
          'Bonjour,',
          '',
          `${ownerName} a choisi de partager avec vous une partie de son document « ${record.title} » sur Passerelle.`,
          `Ce lien ne s’ouvre qu’une fois, jusqu’au ${frenchDay(expiresAt)} :`,
          link,
          '',
          'Il vous faudra aussi le code d’accès : la personne vous le donne elle-même, par un autre moyen (téléphone, de vive voix…).',
          'Ce document exprime des souhaits et des préférences, pas des ordres.',
        ].join('\n'),
        template: 'document_share_link',
      },
      ctx.now,
    );
  }
  const [presented] = await presentShares(ctx, [share]);
  if (!presented) throw new Error('share not presented');
  return { share: presented, link, accessCode: code, mailQueued: link !== null };
}
