import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPageQuery } from '../../../shared/pagination';
import { ZReferralInput, ZReferralStatusPage, ZReferralStatusView } from '../../../shared/requests';
import { withActorContext } from '../../platform/http/context';
import { actorOf } from '../../platform/tenancy/scope';
import { createReferral, listOwnReferrals, loadOwnReferral, presentReferralStatus } from './referrals';

const TAGS = ['referrals'];

/** Partners refer persons and follow the status of their own referrals, nothing more. */
export function registerReferralRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/referrals',
    {
      config: { access: { kind: 'action', action: 'referrals.create' } },
      schema: {
        tags: TAGS,
        summary: 'Orienter une personne (contact partenaire, ou coordinateur pour un partenaire ou pour l’équipe)',
        description:
          'Une personne déjà connue (même nom, année de naissance et commune) reçoit la demande sur sa fiche. Urgence `emergency_department` : intervention rapide aux urgences, délai visé fixé par l’organisation.',
        body: ZReferralInput,
        response: { 201: ZReferralStatusView },
      },
    },
    async (request, reply) => {
      const created = await withActorContext(request, (ctx) => createReferral(ctx, actorOf(ctx), request.body));
      return reply.status(201).send(presentReferralStatus(created.request));
    },
  );

  typed.get(
    '/api/referrals',
    {
      config: { access: { kind: 'action', action: 'referrals.listOwn' } },
      schema: { tags: TAGS, summary: 'Mes orientations et leur statut (reçue, en contact, accompagnée, close)', querystring: ZPageQuery, response: { 200: ZReferralStatusPage } },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const { items, total } = await listOwnReferrals(ctx, actorOf(ctx), request.query);
        return { items: items.map(presentReferralStatus), total, page: request.query.page, pageSize: request.query.pageSize };
      }),
  );

  typed.get(
    '/api/referrals/:id',
    {
      config: { access: { kind: 'action', action: 'referrals.listOwn' } },
      schema: { tags: TAGS, summary: 'Statut d’une de mes orientations', params: z.object({ id: z.uuid() }), response: { 200: ZReferralStatusView } },
    },
    (request) => withActorContext(request, async (ctx) => presentReferralStatus(await loadOwnReferral(ctx, actorOf(ctx), request.params.id))),
  );
}
