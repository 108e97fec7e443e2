import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZTemplate, ZTemplateCreateInput, ZTemplateKindParams, ZTemplateList } from '../../../shared/recovery-documents-api';
import { withActorContext } from '../../platform/http/context';
import { RECOVERY_DOCUMENT_TAGS, SIGNED_IN } from './route-common';
import { addTemplateVersion, latestTemplates, presentTemplate } from './templates-service';

/** Templates are data (issue #5 point 1): read the latest, add a newer version. */
export function registerTemplateRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/recovery-documents/templates',
    {
      config: SIGNED_IN,
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Les modèles de documents en vigueur dans l’organisation (la dernière version de chaque type)',
        description: 'Les quatre modèles intégrés (WRAP, plan de crise conjoint, directives anticipées, plan de rétablissement) sont créés au premier appel.',
        response: { 200: ZTemplateList },
      },
    },
    // A transaction: the first call seeds the built-in templates.
    (request) => withActorContext(request, async (ctx) => ({ items: (await latestTemplates(ctx)).map(presentTemplate) })),
  );

  typed.post(
    '/api/recovery-documents/templates/:kind',
    {
      config: { access: { kind: 'action', action: 'recovery_documents.templates.manage' } },
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Ajouter une nouvelle version d’un modèle (administrateurs, coordinateurs)',
        description: 'Les nouveaux documents utilisent la nouvelle version ; les versions existantes gardent la leur.',
        params: ZTemplateKindParams,
        body: ZTemplateCreateInput,
        response: { 201: ZTemplate },
      },
    },
    async (request, reply) => {
      const template = await withActorContext(request, async (ctx) => presentTemplate(await addTemplateVersion(ctx, request.params.kind, request.body.definition)));
      return reply.status(201).send(template);
    },
  );
}
