import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZInvitationCreateInput, ZInvitationPage, ZInvitationSummary } from '../../../../shared/admin';
import { ZPageQuery } from '../../../../shared/pagination';
import { can } from '../../access/policy';
import { withActorContext } from '../../http/context';
import { forbidden } from '../../http/errors';
import { actorOf } from '../../tenancy/scope';
import { issueInvitation, listInvitations, loadInvitation, presentInvitation, revokeInvitation } from './service';

const access = { access: { kind: 'action', action: 'users.manage' } } as const;

/** Invitations of the administrator's organisation: list, invite by mail, withdraw. */
export function registerInvitationRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/admin/invitations',
    {
      config: access,
      schema: {
        tags: ['admin'],
        summary: 'Lister les invitations de l’organisation (les plus récentes d’abord)',
        querystring: ZPageQuery,
        response: { 200: ZInvitationPage },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const { items, total } = await listInvitations(ctx, request.query);
        return {
          items: items.map((item) => presentInvitation(item, ctx.now)),
          total,
          page: request.query.page,
          pageSize: request.query.pageSize,
        };
      }),
  );

  typed.post(
    '/api/admin/invitations',
    {
      config: access,
      schema: {
        tags: ['admin'],
        summary: 'Inviter une personne par e-mail (lien valable 7 jours)',
        body: ZInvitationCreateInput,
        response: { 201: ZInvitationSummary },
      },
    },
    async (request, reply) => {
      const created = await withActorContext(request, async (ctx) => {
        const invitation = await issueInvitation(ctx, request.body, {
          appUrl: app.deps.config.appUrl,
          inviterRole: 'organization_admin',
        });
        return presentInvitation(invitation, ctx.now);
      });
      return reply.code(201).send(created);
    },
  );

  typed.delete(
    '/api/admin/invitations/:id',
    {
      config: access,
      schema: {
        tags: ['admin'],
        summary: 'Révoquer une invitation (son lien ne fonctionne plus)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null().describe('Invitation révoquée') },
      },
    },
    async (request, reply) => {
      await withActorContext(request, async (ctx) => {
        const invitation = await loadInvitation(ctx, request.params.id);
        // Same organisation (loaded above), so a refusal here is about the role: 403.
        if (!can(actorOf(ctx), 'invitation.revoke', invitation)) throw forbidden();
        await revokeInvitation(ctx, invitation);
      });
      return reply.code(204).send(null);
    },
  );
}
