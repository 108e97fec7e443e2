import { and, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TInterventionPage } from '../../../shared/accompaniments';
import type { TPageQuery } from '../../../shared/pagination';
import type { Actor } from '../../platform/access/actor';
import { can, canDo } from '../../platform/access/policy';
import type { ServiceContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { persons } from '../persons/schema';
import { interventionPage } from './interventions';
import { interventions } from './schema';

const ZIds = z.array(z.string());

/**
 * Who may open the person's record, judged by the persons module's own rule (`person.read`) in
 * one query: the person of the actor's organisation with their referents. Anyone else: 404.
 */
export async function ensurePersonReadable(ctx: ServiceContext, actor: Actor, personId: string): Promise<void> {
  const [row] = await ctx.tx
    .select({
      id: persons.id,
      organizationId: persons.organizationId,
      referentIds: sql<unknown>`coalesce((select json_agg(pr.user_id) from person_referents pr where pr.person_id = "persons"."id"), '[]'::json)`,
    })
    .from(persons)
    .where(and(eq(persons.id, personId), eq(persons.organizationId, ctx.organizationId)));
  if (!row) throw notFound();
  if (!can(actor, 'person.read', { organizationId: row.organizationId, id: row.id, referentIds: ZIds.parse(row.referentIds) })) throw notFound();
}

/**
 * A person's interventions across their accompaniments, newest first, one page: the record page's
 * history. Backed by interventions_person_time_idx; a peer sees those of the accompaniments they
 * are assigned to. Three round trips: who may read, the page (peers aggregated), the audit entry.
 */
export async function listPersonInterventions(ctx: ServiceContext, actor: Actor, personId: string, page: TPageQuery): Promise<TInterventionPage> {
  await ensurePersonReadable(ctx, actor, personId);
  const conditions: SQL[] = [eq(interventions.personId, personId), eq(interventions.organizationId, ctx.organizationId)];
  if (!canDo(actor, 'accompaniments.viewAll')) {
    // A probe of accompaniment_peers' primary key per intervention of the person: the cost follows
    // the person's history, not the peer's caseload. Table named in full (one-table select).
    conditions.push(
      sql`exists (select 1 from accompaniment_peers ap where ap.accompaniment_id = "interventions"."accompaniment_id" and ap.user_id = ${actor.userId} and ap.ended_at is null)`,
    );
  }
  const result = await interventionPage(ctx, and(...conditions), page);
  await ctx.audit({
    action: 'person.interventions.read',
    resourceType: 'person',
    resourceId: personId,
    context: { results: result.items.length, total: result.total, page: page.page },
  });
  return result;
}
