import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { ZPeerChoices, type TPeerChoice } from '../../../shared/accompaniments';
import { userRoles, users } from '../../platform/auth/schema';
import { withActorRead, type ServiceContext } from '../../platform/http/context';
import { ACCOMPANIMENT_TAGS } from './routes';

/**
 * The active peer workers and volunteers of the organisation: whom a coordinator may put on an
 * accompaniment or name as referent. Names only (no contact, no role beyond peer/volunteer): it is
 * a team directory, not the admin's user list. One query, sorted by name.
 */
export async function listPeerChoices(ctx: ServiceContext): Promise<TPeerChoice[]> {
  const rows = await ctx.tx
    .select({ id: users.id, name: users.name, role: userRoles.role })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.organizationId, ctx.organizationId), eq(users.active, true), inArray(userRoles.role, ['peer_worker', 'volunteer'])))
    .orderBy(asc(users.name), asc(users.id));
  const byId = new Map<string, TPeerChoice>();
  for (const row of rows) {
    const known = byId.get(row.id);
    // Someone who is both is chosen as a salaried peer worker (the binôme rule counts them so).
    const asVolunteer = row.role === 'volunteer' && known?.asVolunteer !== false;
    byId.set(row.id, { id: row.id, name: row.name, asVolunteer: known ? known.asVolunteer && asVolunteer : asVolunteer });
  }
  return [...byId.values()];
}

export function registerPeerDirectoryRoute(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/accompaniments/peer-choices',
    {
      config: { access: { kind: 'action', action: 'accompaniments.open' } },
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Pairs actifs de l’organisation (salariés et bénévoles) que l’on peut affecter à un accompagnement',
        response: { 200: ZPeerChoices },
      },
    },
    (request) => withActorRead(request, async (ctx) => ({ items: await listPeerChoices(ctx) })),
  );
}
