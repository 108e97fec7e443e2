import { and, eq, gt } from 'drizzle-orm';
import type { TAccompanimentCloseInput } from '../../../shared/accompaniments';
import type { ServiceContext } from '../../platform/http/context';
import { invalidField } from './field-errors';
import type { LoadedAccompaniment } from './records';
import { appointments } from './schema';
import { changeAccompanimentStatus } from './status';

/**
 * Closes an accompaniment with its reason (a note is required for `other`): the status event is
 * written and the appointments still planned in the future are cancelled, so nobody waits for
 * them. Peers keep their assignment as history (they may still read what they did).
 */
export async function closeAccompaniment(ctx: ServiceContext, accompaniment: LoadedAccompaniment, input: TAccompanimentCloseInput): Promise<void> {
  if (input.reason === 'other' && !input.note) throw invalidField(ctx.locale, 'note', 'closingNoteRequired');
  await changeAccompanimentStatus(ctx, accompaniment, {
    to: 'closed',
    version: input.version,
    closing: { reason: input.reason, note: input.note ?? null },
  });
  const cancelled = await ctx.tx
    .update(appointments)
    .set({ status: 'cancelled', updatedAt: ctx.now })
    .where(
      and(
        eq(appointments.accompanimentId, accompaniment.id),
        eq(appointments.organizationId, ctx.organizationId),
        eq(appointments.status, 'planned'),
        gt(appointments.startsAt, ctx.now),
      ),
    )
    .returning({ id: appointments.id });
  await ctx.audit({
    action: 'accompaniment.closed',
    resourceType: 'accompaniment',
    resourceId: accompaniment.id,
    context: { reason: input.reason, appointmentsCancelled: cancelled.length },
  });
}
