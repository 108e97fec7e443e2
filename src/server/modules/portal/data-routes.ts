import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZPageQuery } from '../../../shared/pagination';
import { ZPersonExport, ZRecordReaderPage } from '../../../shared/rights';
import { withActorContext } from '../../platform/http/context';
import { buildPersonExport } from '../rights/export/build';
import { listRecordReaders } from '../rights/readers';
import { OWN_RECORD, ownPersonId } from './accounts';

const TAGS = ['portal'];
const PERSON = { access: { kind: 'action', action: 'portal.use' } } as const;

/** The person's rights from their own space: who accessed their record, and all their data. */
export function registerPortalDataRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/portal/readers',
    {
      config: PERSON,
      schema: {
        tags: TAGS,
        summary: 'Qui a consulté mon dossier : chaque accès à ma fiche, qui, avec quel rôle, quand (les plus récents d’abord)',
        querystring: ZPageQuery,
        response: { 200: ZRecordReaderPage },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const personId = await ownPersonId(ctx);
        const { items, total } = await listRecordReaders(ctx, personId, request.query);
        await ctx.audit({ action: 'portal.readers.read', resourceType: OWN_RECORD, resourceId: personId, context: { results: items.length, total } });
        return { items, total, page: request.query.page, pageSize: request.query.pageSize };
      }),
  );

  typed.get(
    '/api/portal/export',
    {
      config: PERSON,
      schema: {
        tags: TAGS,
        summary: 'Télécharger toutes mes données (JSON)',
        description: 'Tout ce que Passerelle garde sur la personne (droit d’accès, RGPD art. 15), en pièce jointe ; tracé `person.exported`.',
        response: { 200: ZPersonExport },
      },
    },
    async (request, reply) => {
      const data = await withActorContext(request, async (ctx) => {
        const personId = await ownPersonId(ctx);
        const built = await buildPersonExport(ctx, personId);
        await ctx.audit({ action: 'person.exported', resourceType: 'person', resourceId: personId, context: { channel: 'portal' } });
        return built;
      });
      const day = data.generatedAt.slice(0, 10);
      return reply
        .header('content-disposition', `attachment; filename="mes-donnees-passerelle-${day}.json"`)
        .header('cache-control', 'no-store')
        .send(data);
    },
  );
}
