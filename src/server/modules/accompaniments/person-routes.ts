import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAccompanimentList, ZInterventionPage } from '../../../shared/accompaniments';
import { ZPageQuery } from '../../../shared/pagination';
import { withActorRead } from '../../platform/http/context';
import { actorOf } from '../../platform/tenancy/scope';
import { listPersonInterventions } from './person-interventions';
import { listAccompanimentsOfPerson } from './queries';
import { ACCOMPANIMENTS, ACCOMPANIMENT_TAGS } from './routes';

const ZPersonParams = z.object({ id: z.uuid() });

/** The accompaniment side of a person's record page. */
export function registerPersonAccompanimentRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/persons/:id/interventions',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Les interventions d’une personne, tous accompagnements confondus, les plus récentes d’abord (lecture tracée)',
        description: 'Coordinateurs : toutes. Pairs référents : celles des accompagnements dont ils sont pairs.',
        params: ZPersonParams,
        querystring: ZPageQuery,
        response: { 200: ZInterventionPage },
      },
    },
    (request) => withActorRead(request, (ctx) => listPersonInterventions(ctx, actorOf(ctx), request.params.id, request.query)),
  );

  typed.get(
    '/api/persons/:id/accompaniments',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Les accompagnements d’une personne (lecture tracée)',
        description: 'Coordinateurs : tous. Pairs référents : ceux dont ils sont pairs.',
        params: ZPersonParams,
        response: { 200: ZAccompanimentList },
      },
    },
    (request) => withActorRead(request, async (ctx) => ({ items: await listAccompanimentsOfPerson(ctx, actorOf(ctx), request.params.id) })),
  );
}
