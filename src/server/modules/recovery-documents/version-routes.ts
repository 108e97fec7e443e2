import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZChangeList, ZCompareQuery, ZComparison, ZDocumentParams, ZVersionDetail, ZVersionParams } from '../../../shared/recovery-documents-api';
import { withActorRead } from '../../platform/http/context';
import { RECOVERY_DOCUMENT_TAGS, SIGNED_IN } from './route-common';
import { compareVersions, listChanges, readVersion } from './versions';

/** History: one version, two versions compared, every save attributed. */
export function registerVersionRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/recovery-documents/:id/versions/:versionNo',
    {
      config: SIGNED_IN,
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Lire une version (les anciennes restent lisibles ; lecture tracée)',
        params: ZVersionParams,
        response: { 200: ZVersionDetail },
      },
    },
    (request) => withActorRead(request, (ctx) => readVersion(ctx, request.params.id, request.params.versionNo)),
  );

  typed.get(
    '/api/recovery-documents/:id/compare',
    {
      config: SIGNED_IN,
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Comparer deux versions partie par partie (lecture tracée)',
        params: ZDocumentParams,
        querystring: ZCompareQuery,
        response: { 200: ZComparison },
      },
    },
    (request) => withActorRead(request, (ctx) => compareVersions(ctx, request.params.id, request.query.from, request.query.to)),
  );

  typed.get(
    '/api/recovery-documents/:id/changes',
    {
      config: SIGNED_IN,
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Qui a modifié quoi : chaque enregistrement, attribué à la personne ou au pair facilitateur',
        params: ZDocumentParams,
        response: { 200: ZChangeList },
      },
    },
    (request) => withActorRead(request, async (ctx) => ({ items: await listChanges(ctx, request.params.id) })),
  );
}
