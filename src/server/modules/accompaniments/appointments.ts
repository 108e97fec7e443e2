import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { TAppointment, TAppointmentInput, TAppointmentUpdateInput } from '../../../shared/accompaniments';
import type { ServiceContext } from '../../platform/http/context';
import { conflict, notFound } from '../../platform/http/errors';
import { invalidField } from './field-errors';
import { ensureOpen, type AccompanimentRow } from './records';
import { appointments } from './schema';

type AppointmentRow = typeof appointments.$inferSelect;

export function presentAppointment(row: AppointmentRow): TAppointment {
  return {
    id: row.id,
    accompanimentId: row.accompanimentId,
    startsAt: row.startsAt.toISOString(),
    place: row.place,
    status: row.status,
    version: row.version,
  };
}

/** Plans the next appointment (in the future) of an open accompaniment. */
export async function planAppointment(ctx: ServiceContext, accompaniment: AccompanimentRow, input: TAppointmentInput): Promise<TAppointment> {
  ensureOpen(ctx, accompaniment);
  const startsAt = new Date(input.startsAt);
  if (startsAt.getTime() <= ctx.now.getTime()) throw invalidField(ctx.locale, 'startsAt', 'appointmentInPast');
  const [row] = await ctx.tx
    .insert(appointments)
    .values({
      organizationId: ctx.organizationId,
      accompanimentId: accompaniment.id,
      personId: accompaniment.personId,
      startsAt,
      place: input.place ?? null,
      status: 'planned',
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('appointment insert returned nothing');
  await ctx.audit({ action: 'appointment.planned', resourceType: 'accompaniment', resourceId: accompaniment.id, context: { appointmentId: row.id } });
  return presentAppointment(row);
}

/**
 * Marks a planned appointment done, missed or cancelled, or moves it (new time in the future, new
 * place), if unchanged since `version` was read (else 409). Once settled it stays as it is: two
 * missed appointments in a row are a rupture signal the continuity job reads.
 */
export async function updateAppointment(
  ctx: ServiceContext,
  accompaniment: AccompanimentRow,
  appointmentId: string,
  input: TAppointmentUpdateInput,
): Promise<TAppointment> {
  ensureOpen(ctx, accompaniment);
  const [current] = await ctx.tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.accompanimentId, accompaniment.id), eq(appointments.organizationId, ctx.organizationId)))
    .for('update');
  if (!current) throw notFound();
  if (current.version !== input.version) throw conflict();
  if (current.status !== 'planned') throw invalidField(ctx.locale, 'status', 'appointmentNotPlanned');
  const startsAt = input.startsAt ? new Date(input.startsAt) : current.startsAt;
  if (input.startsAt && startsAt.getTime() !== current.startsAt.getTime() && startsAt.getTime() <= ctx.now.getTime()) {
    throw invalidField(ctx.locale, 'startsAt', 'appointmentInPast');
  }
  const next = { status: input.status ?? current.status, startsAt, place: input.place === undefined ? current.place : input.place };
  if (next.status === current.status && next.startsAt.getTime() === current.startsAt.getTime() && next.place === current.place) {
    return presentAppointment(current);
  }
  const [updated] = await ctx.tx
    .update(appointments)
    .set({ ...next, version: sql`${appointments.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(appointments.id, current.id), eq(appointments.version, input.version)))
    .returning();
  if (!updated) throw conflict();
  await ctx.audit({
    action: 'appointment.updated',
    resourceType: 'accompaniment',
    resourceId: accompaniment.id,
    context: { appointmentId: current.id, from: current.status, to: next.status, moved: next.startsAt.getTime() !== current.startsAt.getTime(), version: updated.version },
  });
  return presentAppointment(updated);
}

/** Planned appointments from now on, soonest first (no audit: the caller audits the read it belongs to). */
export async function upcomingAppointmentsOf(ctx: ServiceContext, accompanimentId: string, limit = 50): Promise<TAppointment[]> {
  const rows = await ctx.tx
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.accompanimentId, accompanimentId),
        eq(appointments.organizationId, ctx.organizationId),
        eq(appointments.status, 'planned'),
        gte(appointments.startsAt, ctx.now),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id))
    .limit(limit);
  return rows.map(presentAppointment);
}

/**
 * The upcoming appointments of an accompaniment, soonest first. No actor rule here, so the
 * person's portal can reuse it once it has checked who reads; the read is audited.
 */
export async function listUpcomingAppointments(ctx: ServiceContext, accompanimentId: string): Promise<TAppointment[]> {
  const items = await upcomingAppointmentsOf(ctx, accompanimentId);
  await ctx.audit({ action: 'accompaniment.appointments.read', resourceType: 'accompaniment', resourceId: accompanimentId, context: { results: items.length } });
  return items;
}

/**
 * The person's upcoming appointments across their accompaniments that are not closed, soonest
 * first, for the person's own portal (the caller checks who reads). The read is audited.
 */
export async function listUpcomingAppointmentsOfPerson(ctx: ServiceContext, personId: string): Promise<TAppointment[]> {
  const rows = await ctx.tx
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.personId, personId),
        eq(appointments.organizationId, ctx.organizationId),
        eq(appointments.status, 'planned'),
        gte(appointments.startsAt, ctx.now),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id))
    .limit(50);
  await ctx.audit({ action: 'person.appointments.read', resourceType: 'person', resourceId: personId, context: { results: rows.length } });
  return rows.map(presentAppointment);
}

/**
 * Planned appointments whose time has come and that nobody marked yet, oldest first: the peer says
 * whether each took place or was missed (two missed in a row is a rupture signal). Audited read.
 */
export async function listAppointmentsToConfirm(ctx: ServiceContext, accompanimentId: string): Promise<TAppointment[]> {
  const rows = await ctx.tx
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.accompanimentId, accompanimentId),
        eq(appointments.organizationId, ctx.organizationId),
        eq(appointments.status, 'planned'),
        lt(appointments.startsAt, ctx.now),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id))
    .limit(50);
  await ctx.audit({ action: 'accompaniment.appointments.read', resourceType: 'accompaniment', resourceId: accompanimentId, context: { results: rows.length, toConfirm: true } });
  return rows.map(presentAppointment);
}
