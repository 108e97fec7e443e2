import { and, eq, isNull } from 'drizzle-orm';
import type { TConsentInput } from '../../../shared/persons';
import type { ServiceContext } from '../../platform/http/context';
import { conflict, notFound } from '../../platform/http/errors';
import { personConsents } from './schema';

/**
 * Records one consent of a person (DOMAIN §9.4): purpose, scope, recipients, method and the
 * version of the text they agreed to. The collector is the actor (none for the public form).
 */
export async function recordConsent(ctx: ServiceContext, personId: string, input: TConsentInput): Promise<string> {
  const [row] = await ctx.tx
    .insert(personConsents)
    .values({
      organizationId: ctx.organizationId,
      personId,
      purpose: input.purpose,
      scope: input.scope ?? null,
      recipients: input.recipients ?? null,
      method: input.method,
      textVersion: input.textVersion,
      collectedAt: input.collectedAt ? new Date(input.collectedAt) : ctx.now,
      collectedBy: ctx.actor?.userId ?? null,
      validUntil: input.validUntil ? new Date(input.validUntil) : null,
      createdAt: ctx.now,
    })
    .returning({ id: personConsents.id });
  if (!row) throw new Error('consent insert returned nothing');
  await ctx.audit({
    action: 'person.consent.recorded',
    resourceType: 'person',
    resourceId: personId,
    context: { consentId: row.id, purpose: input.purpose, method: input.method, textVersion: input.textVersion },
  });
  return row.id;
}

/** Withdrawal is kept, not deleted: when and how the person took their consent back is evidence too. */
export async function withdrawConsent(ctx: ServiceContext, personId: string, consentId: string, withdrawnHow: string): Promise<void> {
  const [consent] = await ctx.tx
    .select({ withdrawnAt: personConsents.withdrawnAt })
    .from(personConsents)
    .where(
      and(eq(personConsents.id, consentId), eq(personConsents.personId, personId), eq(personConsents.organizationId, ctx.organizationId)),
    );
  if (!consent) throw notFound();
  if (consent.withdrawnAt) throw conflict('consentAlreadyWithdrawn');
  const [updated] = await ctx.tx
    .update(personConsents)
    .set({ withdrawnAt: ctx.now, withdrawnHow })
    .where(and(eq(personConsents.id, consentId), isNull(personConsents.withdrawnAt)))
    .returning({ purpose: personConsents.purpose });
  if (!updated) throw conflict('consentAlreadyWithdrawn');
  await ctx.audit({
    action: 'person.consent.withdrawn',
    resourceType: 'person',
    resourceId: personId,
    context: { consentId, purpose: updated.purpose },
  });
}
