import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAuditPage, ZAuditQuery } from '../../../shared/admin';
import { withActorContext } from '../http/context';
import { browseAuditLog } from './browse';

/** The organisation's audit log, for its administrators. */
export function registerAuditRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/admin/audit',
    {
      config: { access: { kind: 'action', action: 'audit.browse' } },
      schema: {
        tags: ['admin'],
        summary: 'Consulter le journal d’audit de l’organisation (les plus récents d’abord)',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const { items, total } = await browseAuditLog(ctx, request.query);
        return { items, total, page: request.query.page, pageSize: request.query.pageSize };
      }),
  );
}
