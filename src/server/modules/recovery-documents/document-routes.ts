import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZDocumentCreateInput,
  ZDocumentDetail,
  ZDocumentList,
  ZDocumentParams,
  ZDocumentPatchInput,
  ZFacilitatorCandidates,
  ZFacilitatorsInput,
  ZPersonDocumentsParams,
  ZStaffDocumentList,
} from '../../../shared/recovery-documents-api';
import { withActorContext, withActorRead } from '../../platform/http/context';
import { createDocument, listOwnDocuments, listPersonDocuments } from './documents';
import { facilitatorCandidates, setFacilitators } from './facilitators';
import { patchDocument, withdrawDocument } from './manage';
import { detailAfterWrite, OWN_DOCUMENTS, readDetail, RECOVERY_DOCUMENT_TAGS, SIGNED_IN } from './route-common';

/** The documents themselves: lists, creation, detail, settings, facilitators, withdrawal. */
export function registerDocumentRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/recovery-documents',
    {
      config: OWN_DOCUMENTS,
      schema: { tags: RECOVERY_DOCUMENT_TAGS, summary: 'Mes documents (la personne connectée)', response: { 200: ZDocumentList } },
    },
    (request) => withActorRead(request, async (ctx) => ({ items: await listOwnDocuments(ctx) })),
  );

  typed.post(
    '/api/recovery-documents',
    {
      config: OWN_DOCUMENTS,
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Commencer un document (la personne) : un brouillon, version 1, sur le dernier modèle',
        body: ZDocumentCreateInput,
        response: { 201: ZDocumentDetail },
      },
    },
    async (request, reply) => {
      const detail = await withActorContext(request, async (ctx) => detailAfterWrite(ctx, await createDocument(ctx, request.body)));
      return reply.status(201).send(detail);
    },
  );

  typed.get(
    '/api/recovery-documents/facilitator-candidates',
    {
      config: OWN_DOCUMENTS,
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Les pairs que la personne peut inviter à l’aider (ceux qui l’accompagnent)',
        response: { 200: ZFacilitatorCandidates },
      },
    },
    (request) => withActorRead(request, async (ctx) => ({ items: await facilitatorCandidates(ctx) })),
  );

  typed.get(
    '/api/persons/:personId/recovery-documents',
    {
      config: SIGNED_IN,
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Les documents d’une personne vus par l’équipe',
        description:
          'Un pair voit ceux qu’il facilite (il peut les ouvrir) ; un coordinateur voit qu’un document existe (titre, type, statut, dates) seulement si la personne l’a permis, jamais son contenu.',
        params: ZPersonDocumentsParams,
        response: { 200: ZStaffDocumentList },
      },
    },
    (request) => withActorRead(request, async (ctx) => ({ items: await listPersonDocuments(ctx, request.params.personId) })),
  );

  typed.get(
    '/api/recovery-documents/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Ouvrir un document (la personne, un pair facilitateur) : brouillon, version active, versions (lecture tracée)',
        params: ZDocumentParams,
        response: { 200: ZDocumentDetail },
      },
    },
    (request) => withActorRead(request, (ctx) => readDetail(ctx, request.params.id)),
  );

  typed.patch(
    '/api/recovery-documents/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Renommer, montrer ou cacher l’existence à l’équipe, changer la date de révision (la personne)',
        params: ZDocumentParams,
        body: ZDocumentPatchInput,
        response: { 200: ZDocumentDetail },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        await patchDocument(ctx, request.params.id, request.body);
        return detailAfterWrite(ctx, request.params.id);
      }),
  );

  typed.put(
    '/api/recovery-documents/:id/facilitators',
    {
      config: SIGNED_IN,
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Choisir les pairs qui m’aident à écrire ce document (la personne)',
        description: 'Des pairs de l’organisation seulement ; un pair retiré perd l’accès aussitôt.',
        params: ZDocumentParams,
        body: ZFacilitatorsInput,
        response: { 200: ZDocumentDetail },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        await setFacilitators(ctx, request.params.id, request.body.userIds);
        return detailAfterWrite(ctx, request.params.id);
      }),
  );

  typed.post(
    '/api/recovery-documents/:id/withdraw',
    {
      config: SIGNED_IN,
      schema: {
        tags: RECOVERY_DOCUMENT_TAGS,
        summary: 'Retirer le document (la personne) : tous les partages sont révoqués aussitôt',
        description: 'Le document reste à la personne, lisible par elle seule. Les copies papier ne peuvent pas être rappelées.',
        params: ZDocumentParams,
        response: { 200: ZDocumentDetail },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        await withdrawDocument(ctx, request.params.id);
        return detailAfterWrite(ctx, request.params.id);
      }),
  );
}
