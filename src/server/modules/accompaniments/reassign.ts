import { and, eq, sql } from 'drizzle-orm';
import type { TAccompanimentPeersInput } from '../../../shared/accompaniments';
import type { ServiceContext } from '../../platform/http/context';
import { conflict } from '../../platform/http/errors';
import { setPeers, validatePeers } from './peers';
import { ensureOpen, type LoadedAccompaniment } from './records';
import { accompaniments } from './schema';

/**
 * Changes the peers of an open accompaniment (same rules as at opening: active peers, a volunteer
 * only with a salaried peer worker) if nobody saved it since `version` was read (else 409).
 */
export async function reassignPeers(ctx: ServiceContext, accompaniment: LoadedAccompaniment, input: TAccompanimentPeersInput): Promise<void> {
  if (input.version !== accompaniment.version) throw conflict();
  ensureOpen(ctx, accompaniment);
  const wanted = await validatePeers(ctx, input.peerIds);
  const [updated] = await ctx.tx
    .update(accompaniments)
    .set({ version: sql`${accompaniments.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(accompaniments.id, accompaniment.id), eq(accompaniments.organizationId, ctx.organizationId), eq(accompaniments.version, input.version)))
    .returning({ id: accompaniments.id });
  if (!updated) throw conflict();
  const { added, ended } = await setPeers(ctx, accompaniment, accompaniment.peers, wanted);
  await ctx.audit({
    action: 'accompaniment.peers.updated',
    resourceType: 'accompaniment',
    resourceId: accompaniment.id,
    context: { added: added.join(','), ended: ended.join(','), version: input.version + 1 },
  });
}
