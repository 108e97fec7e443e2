import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAccompanimentCloseInput,
  ZAccompanimentDetail,
  ZAccompanimentListQuery,
  ZAccompanimentOpenInput,
  ZAccompanimentPage,
  ZAccompanimentPeersInput,
} from '../../../shared/accompaniments';
import { withActorContext, withActorRead, type ServiceContext } from '../../platform/http/context';
import { actorOf } from '../../platform/tenancy/scope';
import { closeAccompaniment } from './close';
import { openAccompaniment } from './open';
import { listAccompaniments, presentAccompanimentDetail } from './queries';
import { reassignPeers } from './reassign';
import { loadAccompaniment, loadAccompanimentFor } from './records';

export const ACCOMPANIMENT_TAGS = ['accompaniments'];
/** Every accompaniment route: coordinators, peer workers and volunteers; anyone else 403 before the handler. */
export const ACCOMPANIMENTS = { access: { kind: 'action', action: 'accompaniments.access' } } as const;
export const ZAccompanimentParams = z.object({ id: z.uuid() });

/** The accompaniment as its reader sees it; every read is audited. */
async function readDetail(ctx: ServiceContext, id: string) {
  const actor = actorOf(ctx);
  const accompaniment = await loadAccompanimentFor(ctx, actor, 'accompaniment.read', id);
  await ctx.audit({ action: 'accompaniment.read', resourceType: 'accompaniment', resourceId: id });
  return presentAccompanimentDetail(ctx, actor, accompaniment);
}

/** The page shown after a write: what the writer just saved (not audited as a read). */
async function detailAfterWrite(ctx: ServiceContext, id: string) {
  return presentAccompanimentDetail(ctx, actorOf(ctx), await loadAccompaniment(ctx, id));
}

/** Open, list, read, change peers, close. */
export function registerAccompanimentCoreRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/accompaniments',
    {
      config: { access: { kind: 'action', action: 'accompaniments.open' } },
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Ouvrir un accompagnement (coordinateurs) : un ou deux pairs, les objectifs de la personne',
        description:
          'Un bénévole n’intervient qu’en binôme avec un pair salarié ; les pairs doivent être actifs (400 sinon). ' +
          'Avec `requestId`, la demande (déjà contactée) passe à « accompagnement ouvert ». Une personne n’a qu’un accompagnement en cours (409).',
        body: ZAccompanimentOpenInput,
        response: { 201: ZAccompanimentDetail },
      },
    },
    async (request, reply) => {
      const detail = await withActorContext(request, async (ctx) => detailAfterWrite(ctx, await openAccompaniment(ctx, request.body)));
      return reply.status(201).send(detail);
    },
  );

  typed.get(
    '/api/accompaniments',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Lister les accompagnements, activité la plus récente d’abord',
        description: 'Coordinateurs : tous ceux de l’organisation. Pairs et bénévoles : ceux dont ils sont pairs.',
        querystring: ZAccompanimentListQuery,
        response: { 200: ZAccompanimentPage },
      },
    },
    (request) => withActorRead(request, (ctx) => listAccompaniments(ctx, actorOf(ctx), request.query)),
  );

  typed.get(
    '/api/accompaniments/:id',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Consulter un accompagnement (lecture tracée) : personne, pairs, objectifs, prochain rendez-vous, dernières interventions',
        params: ZAccompanimentParams,
        response: { 200: ZAccompanimentDetail },
      },
    },
    (request) => withActorRead(request, (ctx) => readDetail(ctx, request.params.id)),
  );

  typed.patch(
    '/api/accompaniments/:id/peers',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Changer les pairs d’un accompagnement (coordinateurs ; version requise, 409 si elle a changé)',
        params: ZAccompanimentParams,
        body: ZAccompanimentPeersInput,
        response: { 200: ZAccompanimentDetail },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const accompaniment = await loadAccompanimentFor(ctx, actorOf(ctx), 'accompaniment.assignPeers', request.params.id, { forUpdate: true });
        await reassignPeers(ctx, accompaniment, request.body);
        return detailAfterWrite(ctx, accompaniment.id);
      }),
  );

  typed.post(
    '/api/accompaniments/:id/close',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Clore un accompagnement avec sa raison (coordinateurs, pair salarié de l’accompagnement)',
        description: 'Une note est requise pour la raison « other ». Les rendez-vous encore prévus sont annulés.',
        params: ZAccompanimentParams,
        body: ZAccompanimentCloseInput,
        response: { 200: ZAccompanimentDetail },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const accompaniment = await loadAccompanimentFor(ctx, actorOf(ctx), 'accompaniment.close', request.params.id, { forUpdate: true });
        await closeAccompaniment(ctx, accompaniment, request.body);
        return detailAfterWrite(ctx, accompaniment.id);
      }),
  );
}
