import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  CONTINUITY_MESSAGES,
  recontactPreferencesRules,
  type TRecontactPreferences,
  type TRecontactPreferencesInput,
} from '../../../shared/continuity';
import { OUTREACH_CHANNELS, type TOutreachChannel } from '../../../shared/accompaniments';
import type { Queryable } from '../../db/client';
import { users } from '../../platform/auth/schema';
import type { ServiceContext } from '../../platform/http/context';
import { badRequest, conflict, type FieldErrors } from '../../platform/http/errors';
import type { Locale } from '../../platform/http/messages';
import { personConsents } from '../persons/schema';
import { recontactPreferences } from './schema';

const isChannel = (value: string): value is TOutreachChannel => OUTREACH_CHANNELS.some((channel) => channel === value);

/** Nothing recorded yet: no channel allowed, so no outreach until someone asks the person. */
const nothingRecorded = (personId: string): TRecontactPreferences => ({
  personId,
  allowedChannels: [],
  preferredContactName: null,
  wishes: null,
  doNotContact: false,
  recordedAt: null,
  recordedBy: null,
  version: 0,
});

/** The preferences of several persons in one query (the outreach queue), keyed by person. */
export async function preferencesOf(tx: Queryable, organizationId: string, personIds: readonly string[]): Promise<Map<string, TRecontactPreferences>> {
  const found = new Map<string, TRecontactPreferences>();
  if (personIds.length === 0) return found;
  const rows = await tx
    .select({ preferences: recontactPreferences, recorder: { id: users.id, name: users.name } })
    .from(recontactPreferences)
    .leftJoin(users, eq(users.id, recontactPreferences.recordedBy))
    .where(and(eq(recontactPreferences.organizationId, organizationId), inArray(recontactPreferences.personId, [...personIds])));
  for (const { preferences, recorder } of rows) {
    found.set(preferences.personId, {
      personId: preferences.personId,
      allowedChannels: preferences.allowedChannels.filter(isChannel),
      preferredContactName: preferences.preferredContactName,
      wishes: preferences.wishes,
      doNotContact: preferences.doNotContact,
      recordedAt: preferences.recordedAt.toISOString(),
      recordedBy: recorder,
      version: preferences.version,
    });
  }
  for (const personId of personIds) if (!found.has(personId)) found.set(personId, nothingRecorded(personId));
  return found;
}

export async function loadRecontactPreferences(tx: Queryable, organizationId: string, personId: string): Promise<TRecontactPreferences> {
  return (await preferencesOf(tx, organizationId, [personId])).get(personId) ?? nothingRecorded(personId);
}

/**
 * Persons among `personIds` whose consent to be re-contacted (DOMAIN §10.2: outreach only with it)
 * is in force: given, not withdrawn, not expired.
 */
export async function personsWithRecontactConsent(ctx: ServiceContext, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await ctx.tx
    .selectDistinct({ personId: personConsents.personId })
    .from(personConsents)
    .where(
      and(
        eq(personConsents.organizationId, ctx.organizationId),
        inArray(personConsents.personId, [...personIds]),
        eq(personConsents.purpose, 'recontact'),
        isNull(personConsents.withdrawnAt),
        or(isNull(personConsents.validUntil), gt(personConsents.validUntil, ctx.now)),
      ),
    );
  return new Set(rows.map((row) => row.personId));
}

/** A field error in the caller's language. */
export function continuityFieldError(locale: Locale, field: string, key: keyof (typeof CONTINUITY_MESSAGES)['fr']) {
  const fields: FieldErrors = { [field]: [CONTINUITY_MESSAGES[locale][key]] };
  return badRequest('validation', fields);
}

/**
 * Records how the person wants to be re-contacted, if nobody saved it since `version` was read
 * (0 = nothing recorded yet); else 409. Audit names the fields' state, never their content.
 */
export async function saveRecontactPreferences(ctx: ServiceContext, personId: string, input: TRecontactPreferencesInput): Promise<TRecontactPreferences> {
  for (const [field, key] of Object.entries(recontactPreferencesRules(input))) {
    if (key) throw continuityFieldError(ctx.locale, field, key);
  }
  const current = await loadRecontactPreferences(ctx.tx, ctx.organizationId, personId);
  if (current.version !== input.version) throw conflict();
  const values = {
    allowedChannels: [...new Set(input.allowedChannels)],
    preferredContactName: input.preferredContactName ?? null,
    wishes: input.wishes ?? null,
    doNotContact: input.doNotContact,
    recordedAt: ctx.now,
    recordedBy: ctx.actor?.userId ?? null,
  };
  const [row] = await ctx.tx
    .insert(recontactPreferences)
    .values({ personId, organizationId: ctx.organizationId, ...values })
    .onConflictDoUpdate({
      target: recontactPreferences.personId,
      set: { ...values, version: sql`${recontactPreferences.version} + 1` },
      setWhere: and(eq(recontactPreferences.version, input.version), eq(recontactPreferences.organizationId, ctx.organizationId)),
    })
    .returning({ version: recontactPreferences.version });
  if (!row) throw conflict();
  await ctx.audit({
    action: 'person.recontact_preferences.updated',
    resourceType: 'person',
    resourceId: personId,
    context: { channels: values.allowedChannels.join(','), doNotContact: values.doNotContact, version: row.version },
  });
  return loadRecontactPreferences(ctx.tx, ctx.organizationId, personId);
}
