import { and, eq } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { registerPersonMergeStep } from '../persons/merge';
import { accompanimentNotes, accompaniments, appointments, interventions } from './schema';

// When two person records are merged, their accompaniments and everything denormalised with the
// person id follow the kept record (persons never reads these tables; its delete would fail otherwise).
registerPersonMergeStep('accompaniments', async (ctx, move) => {
  const ofDuplicate = (personId: AnyPgColumn, organizationId: AnyPgColumn) => and(eq(personId, move.fromId), eq(organizationId, ctx.organizationId));
  const moved = await ctx.tx
    .update(accompaniments)
    .set({ personId: move.toId, updatedAt: ctx.now })
    .where(ofDuplicate(accompaniments.personId, accompaniments.organizationId))
    .returning({ id: accompaniments.id });
  await ctx.tx.update(interventions).set({ personId: move.toId }).where(ofDuplicate(interventions.personId, interventions.organizationId));
  await ctx.tx.update(accompanimentNotes).set({ personId: move.toId }).where(ofDuplicate(accompanimentNotes.personId, accompanimentNotes.organizationId));
  await ctx.tx.update(appointments).set({ personId: move.toId }).where(ofDuplicate(appointments.personId, appointments.organizationId));
  return moved.length;
});
