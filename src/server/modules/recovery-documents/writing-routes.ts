import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZDocumentDetail,
  ZDocumentParams,
  ZReviewInput,
  ZSectionParams,
  ZSectionSaveInput,
  ZSectionSaveResult,
  ZValidateInput,
  ZWritingConflict,
} from '../../../shared/recovery-documents-api';
import { withActorContext } from '../../platform/http/context';
import { detailAfterWrite, RECOVERY_DOCUMENT_TAGS, SIGNED_IN } from './route-common';
import { PROBLEM_JSON, staleRevisionProblem } from './stale-revision';
import { saveSection, startReview, validateDraft } from './writing';

/** Writing a document: autosave one section, validate, start a review. */
export function registerWritingRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.put(
    '/api/recovery-documents/:id/draft/sections/:sectionCode',
    {
      config: SIGNED_IN,
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Enregistrer une partie du brouillon (enregistrement automatique ; 409 si quelqu’un a enregistré entre-temps)',
        description:
          'Le contenu est vérifié par rapport au modèle (400, rien n’est enregistré). Un pair facilitateur n’enregistre qu’avec `inPresenceOfPerson: true`. ' +
          'Chaque enregistrement est attribué (qui, en tant que quoi, en présence de la personne ou non).',
        params: ZSectionParams,
        body: ZSectionSaveInput,
        response: { 200: ZSectionSaveResult, 409: ZWritingConflict },
      },
    },
    async (request, reply) => {
      try {
        return await withActorContext(request, (ctx) => saveSection(ctx, request.params.id, request.params.sectionCode, request.body));
      } catch (error) {
        const problem = staleRevisionProblem(request, error);
        return reply.status(409).type(PROBLEM_JSON).send(problem);
      }
    },
  );

  typed.post(
    '/api/recovery-documents/:id/validate',
    {
      config: SIGNED_IN,
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Valider le brouillon (la personne) : il est signé, daté et devient la version active',
        description: 'La version active précédente est remplacée. Date de révision : celle choisie, sinon six mois après la validation.',
        params: ZDocumentParams,
        body: ZValidateInput,
        response: { 200: ZDocumentDetail, 409: ZWritingConflict },
      },
    },
    async (request, reply) => {
      try {
        return await withActorContext(request, async (ctx) => {
          await validateDraft(ctx, request.params.id, request.body);
          return detailAfterWrite(ctx, request.params.id);
        });
      } catch (error) {
        const problem = staleRevisionProblem(request, error);
        return reply.status(409).type(PROBLEM_JSON).send(problem);
      }
    },
  );

  typed.post(
    '/api/recovery-documents/:id/review',
    {
      config: SIGNED_IN,
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Commencer une révision : un nouveau brouillon copié de la version active (la personne, ou un pair avec elle)',
        params: ZDocumentParams,
        body: ZReviewInput,
        response: { 201: ZDocumentDetail },
      },
    },
    async (request, reply) => {
      const detail = await withActorContext(request, async (ctx) => {
        await startReview(ctx, request.params.id, request.body);
        return detailAfterWrite(ctx, request.params.id);
      });
      return reply.status(201).send(detail);
    },
  );
}
