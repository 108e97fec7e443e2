import { eq, sql } from 'drizzle-orm';
import type { TRequestUrgency } from '../../../shared/requests';
import type { ServiceContext } from '../../platform/http/context';
import { conflict } from '../../platform/http/errors';
import { requestSettings } from './schema';

export type RequestTargets = {
  emergencyTargetMinutes: number;
  urgentTargetMinutes: number;
  standardTargetMinutes: number;
  /** 0 while the organisation still runs on the defaults (no row yet). */
  version: number;
};

/**
 * Defaults until an organisation sets its own: 2 h for a rapid intervention in an emergency
 * department (DOMAIN §10.1 "urgent ≤ 2–4 h"), 24 h for urgent, 48 h for a standard request.
 */
export const DEFAULT_TARGETS: RequestTargets = {
  emergencyTargetMinutes: 120,
  urgentTargetMinutes: 24 * 60,
  standardTargetMinutes: 48 * 60,
  version: 0,
};

export async function loadTargets(ctx: ServiceContext): Promise<RequestTargets> {
  const [row] = await ctx.tx.select().from(requestSettings).where(eq(requestSettings.organizationId, ctx.organizationId));
  return row ?? DEFAULT_TARGETS;
}

export function targetMinutes(targets: RequestTargets, urgency: TRequestUrgency): number {
  if (urgency === 'emergency_department') return targets.emergencyTargetMinutes;
  if (urgency === 'urgent') return targets.urgentTargetMinutes;
  return targets.standardTargetMinutes;
}

/** Saves the organisation's targets if `version` is the one read (0 = still on defaults); else 409. */
export async function saveTargets(ctx: ServiceContext, input: RequestTargets): Promise<RequestTargets> {
  const current = await loadTargets(ctx);
  if (current.version !== input.version) throw conflict();
  const values = {
    emergencyTargetMinutes: input.emergencyTargetMinutes,
    urgentTargetMinutes: input.urgentTargetMinutes,
    standardTargetMinutes: input.standardTargetMinutes,
    updatedAt: ctx.now,
  };
  const [row] = await ctx.tx
    .insert(requestSettings)
    .values({ organizationId: ctx.organizationId, ...values })
    .onConflictDoUpdate({
      target: requestSettings.organizationId,
      set: { ...values, version: sql`${requestSettings.version} + 1` },
      setWhere: eq(requestSettings.version, input.version),
    })
    .returning();
  if (!row) throw conflict();
  await ctx.audit({
    action: 'request.settings.updated',
    resourceType: 'request_settings',
    resourceId: ctx.organizationId,
    context: {
      emergencyTargetMinutes: values.emergencyTargetMinutes,
      urgentTargetMinutes: values.urgentTargetMinutes,
      standardTargetMinutes: values.standardTargetMinutes,
    },
  });
  return row;
}
