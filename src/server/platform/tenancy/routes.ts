import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOrganizationCreateInput, ZOrganizationPage, ZOrganizationSummary } from '../../../shared/admin';
import { ZPageQuery } from '../../../shared/pagination';
import { withActorContext } from '../http/context';
import { createOrganization, listOrganizations, presentOrganization } from './service';

// Platform administrators only (tenancy/policy.ts): an organisation's own admin gets 403.
const access = { access: { kind: 'action', action: 'organizations.manage' } } as const;

/** The platform's organisations (one per region) and the opening of a new one. */
export function registerOrganizationRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/admin/organizations',
    {
      config: access,
      schema: {
        tags: ['admin'],
        summary: 'Lister les organisations de la plateforme avec leur nombre de comptes',
        querystring: ZPageQuery,
        response: { 200: ZOrganizationPage },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const { items, total } = await listOrganizations(ctx, request.query);
        return { items: items.map(presentOrganization), total, page: request.query.page, pageSize: request.query.pageSize };
      }),
  );

  typed.post(
    '/api/admin/organizations',
    {
      config: access,
      schema: {
        tags: ['admin'],
        summary: 'Créer une organisation et inviter sa première personne administratrice',
        body: ZOrganizationCreateInput,
        response: { 201: ZOrganizationSummary },
      },
    },
    async (request, reply) => {
      const created = await withActorContext(request, (ctx) =>
        createOrganization(ctx, request.body, { appUrl: app.deps.config.appUrl }),
      );
      return reply.code(201).send(presentOrganization(created));
    },
  );
}
