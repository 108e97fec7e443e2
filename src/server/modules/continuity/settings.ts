import { eq, sql } from 'drizzle-orm';
import type { TContinuitySettings } from '../../../shared/continuity';
import type { Queryable } from '../../db/client';
import type { ServiceContext } from '../../platform/http/context';
import { conflict } from '../../platform/http/errors';
import { continuitySettings } from './schema';

/**
 * Until an organisation sets its own rule (DOMAIN §10.2): a suspected rupture after 30 days without
 * contact (weekly follow-up) or 2 missed appointments in a row; "porte ouverte" after 5 attempts.
 */
export const DEFAULT_CONTINUITY_SETTINGS: TContinuitySettings = {
  noContactDays: 30,
  missedAppointmentsInARow: 2,
  maxOutreachAttempts: 5,
  version: 0,
};

export async function loadContinuitySettings(tx: Queryable, organizationId: string): Promise<TContinuitySettings> {
  const [row] = await tx.select().from(continuitySettings).where(eq(continuitySettings.organizationId, organizationId));
  if (!row) return DEFAULT_CONTINUITY_SETTINGS;
  return {
    noContactDays: row.noContactDays,
    missedAppointmentsInARow: row.missedAppointmentsInARow,
    maxOutreachAttempts: row.maxOutreachAttempts,
    version: row.version,
  };
}

/** Saves the organisation's rule if `version` is the one read (0 = still on defaults); else 409. */
export async function saveContinuitySettings(ctx: ServiceContext, input: TContinuitySettings): Promise<TContinuitySettings> {
  const current = await loadContinuitySettings(ctx.tx, ctx.organizationId);
  if (current.version !== input.version) throw conflict();
  const values = {
    noContactDays: input.noContactDays,
    missedAppointmentsInARow: input.missedAppointmentsInARow,
    maxOutreachAttempts: input.maxOutreachAttempts,
    updatedAt: ctx.now,
  };
  const [row] = await ctx.tx
    .insert(continuitySettings)
    .values({ organizationId: ctx.organizationId, ...values })
    .onConflictDoUpdate({
      target: continuitySettings.organizationId,
      set: { ...values, version: sql`${continuitySettings.version} + 1` },
      setWhere: eq(continuitySettings.version, input.version),
    })
    .returning();
  if (!row) throw conflict();
  await ctx.audit({
    action: 'continuity.settings.updated',
    resourceType: 'continuity_settings',
    resourceId: ctx.organizationId,
    context: { noContactDays: values.noContactDays, missedAppointmentsInARow: values.missedAppointmentsInARow, maxOutreachAttempts: values.maxOutreachAttempts },
  });
  return { ...input, version: row.version };
}
