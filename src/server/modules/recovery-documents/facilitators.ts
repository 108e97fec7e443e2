import { activePeers } from '../persons/queries';
import { and, asc, eq, isNull, notInArray } from 'drizzle-orm';
import { users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';
import type { FieldErrors } from '../../platform/http/errors';
import { actorOf } from '../../platform/tenancy/scope';
import { personReferents } from '../persons/schema';
import { ownPersonId } from '../portal/accounts';
import { conflictOn, fieldMessage, invalidFields } from './field-errors';
import { loadDocumentFor } from './records';
import { recoveryDocumentFacilitators } from './schema';

/** Active peers (peer workers, volunteers) of the organisation among these users: the persons module's rule. */
async function activePeerIds(ctx: ServiceContext, userIds: readonly string[]): Promise<Set<string>> {
  return new Set(await activePeers(ctx, userIds));
}

/**
 * The owner chooses who helps write this document: peers of the organisation only (a wrong id
 * is a 400 on its position, nothing changed). Peers left out lose access at once; peers kept keep
 * their original date.
 */
export async function setFacilitators(ctx: ServiceContext, documentId: string, userIds: readonly string[]): Promise<void> {
  const actor = actorOf(ctx);
  const record = await loadDocumentFor(ctx, actor, 'recovery_document.manage', documentId, { forUpdate: true });
  if (record.status === 'withdrawn') throw conflictOn(ctx.locale, 'status', 'withdrawn');
  const wanted = [...new Set(userIds)];
  const peers = await activePeerIds(ctx, wanted);
  const errors: FieldErrors = {};
  userIds.forEach((userId, index) => {
    if (!peers.has(userId)) errors[`userIds.${index}`] = [fieldMessage(ctx.locale, 'notAPeer')];
  });
  if (Object.keys(errors).length > 0) throw invalidFields(errors);
  const removed = record.facilitatorIds.filter((userId) => !wanted.includes(userId));
  const added = wanted.filter((userId) => !record.facilitatorIds.includes(userId));
  await ctx.tx
    .update(recoveryDocumentFacilitators)
    .set({ revokedAt: ctx.now })
    .where(
      and(
        eq(recoveryDocumentFacilitators.documentId, documentId),
        isNull(recoveryDocumentFacilitators.revokedAt),
        wanted.length > 0 ? notInArray(recoveryDocumentFacilitators.userId, wanted) : undefined,
      ),
    );
  if (added.length > 0) {
    await ctx.tx
      .insert(recoveryDocumentFacilitators)
      .values(added.map((userId) => ({ documentId, userId, organizationId: ctx.organizationId, grantedAt: ctx.now })))
      .onConflictDoUpdate({
        target: [recoveryDocumentFacilitators.documentId, recoveryDocumentFacilitators.userId],
        set: { grantedAt: ctx.now, revokedAt: null },
      });
  }
  await ctx.audit({ action: 'recovery_document.facilitators_changed', resourceType: 'recovery_document', resourceId: documentId, context: { added: added.join(','), removed: removed.join(',') } });
}

/** Peers the signed-in person may invite: the active peers who follow them (referents of their record). */
export async function facilitatorCandidates(ctx: ServiceContext) {
  const personId = await ownPersonId(ctx);
  const referents = await ctx.tx
    .select({ id: users.id, name: users.name })
    .from(personReferents)
    .innerJoin(users, eq(users.id, personReferents.userId))
    .where(and(eq(personReferents.personId, personId), eq(personReferents.organizationId, ctx.organizationId), eq(users.active, true)))
    .orderBy(asc(users.name));
  const peers = await activePeerIds(
    ctx,
    referents.map((referent) => referent.id),
  );
  return referents.filter((referent) => peers.has(referent.id));
}
