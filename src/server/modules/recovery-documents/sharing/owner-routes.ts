import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZPageQuery } from '../../../../shared/pagination';
import {
  ZCopyHolder,
  ZCopyHolderInput,
  ZCopyHolderList,
  ZCopyParams,
  ZDocumentViewPage,
  ZShare,
  ZShareCreated,
  ZShareCreateInput,
  ZShareList,
  ZShareParams,
  ZShareRecipientCandidates,
  ZShareRecipientQuery,
  ZSharingDocumentParams,
} from '../../../../shared/recovery-sharing';
import { withActorContext, withActorRead } from '../../../platform/http/context';
import { actorOf } from '../../../platform/tenancy/scope';
import { renderWithdrawalProof, withdrawalProofModel } from '../pdf/withdrawal-proof';
import { loadDocumentForSharing } from './access';
import { addCopy, deleteCopy, listCopies } from './copies';
import { createShare } from './create';
import { listShares, revokeShare } from './owner-shares';
import { shareRecipientCandidates } from './recipients';
import { listViews } from './views';

export const SHARING_TAGS = ['recovery-documents'];
/** Any signed-in user reaches these routes; the document's rules then answer 404 to all but its owner. */
export const SIGNED_IN = { access: { kind: 'session' } } as const;

/** The owner's side: shares, proof of withdrawal, paper copies, who saw the document. */
export function registerOwnerSharingRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/recovery-documents/:id/shares',
    {
      config: SIGNED_IN,
      schema: {
        tags: SHARING_TAGS,
        summary: 'Les partages d’un document, avec leur état (actif, expiré, retiré, bloqué, utilisé) — la personne seule',
        params: ZSharingDocumentParams,
        response: { 200: ZShareList },
      },
    },
    (request) =>
      withActorRead(request, async (ctx) => {
        const record = await loadDocumentForSharing(ctx, actorOf(ctx), 'recovery_document.share', request.params.id);
        return { items: await listShares(ctx, record) };
      }),
  );

  typed.post(
    '/api/recovery-documents/:id/shares',
    {
      config: SIGNED_IN,
      schema: {
        tags: SHARING_TAGS,
        summary: 'Partager un document : destinataire, parties, version, date de fin, canal (la personne seule)',
        description: [
          'Destinataire : un membre de l’équipe ou un contact d’une structure partenaire (`user`), ou une personne extérieure (`external`) :',
          'celle-ci reçoit par e-mail un lien à usage unique ; le code d’accès est rendu ici une seule fois, pour que la personne le transmette',
          'elle-même par un autre moyen (le serveur n’en garde que l’empreinte). Date de fin passée, partage à soi-même, partie inconnue → 400.',
        ].join(' '),
        params: ZSharingDocumentParams,
        body: ZShareCreateInput,
        response: { 201: ZShareCreated },
      },
    },
    async (request, reply) => {
      const created = await withActorContext(request, async (ctx) => {
        const record = await loadDocumentForSharing(ctx, actorOf(ctx), 'recovery_document.share', request.params.id, { forUpdate: true });
        return createShare(ctx, record, request.body, { appUrl: request.server.deps.config.appUrl });
      });
      return reply.status(201).send(created);
    },
  );

  typed.get(
    '/api/recovery-documents/:id/share-recipients',
    {
      config: SIGNED_IN,
      schema: {
        tags: SHARING_TAGS,
        summary: 'Avec qui partager : membres actifs de l’équipe et contacts partenaires (20 au plus, par nom)',
        params: ZSharingDocumentParams,
        querystring: ZShareRecipientQuery,
        response: { 200: ZShareRecipientCandidates },
      },
    },
    (request) =>
      withActorRead(request, async (ctx) => {
        await loadDocumentForSharing(ctx, actorOf(ctx), 'recovery_document.share', request.params.id);
        return { items: await shareRecipientCandidates(ctx, request.query.q) };
      }),
  );

  typed.post(
    '/api/recovery-documents/:id/shares/:shareId/revoke',
    {
      config: SIGNED_IN,
      schema: {
        tags: SHARING_TAGS,
        summary: 'Retirer un partage, avec effet immédiat (la personne seule)',
        params: ZShareParams,
        response: { 200: ZShare },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const record = await loadDocumentForSharing(ctx, actorOf(ctx), 'recovery_document.share', request.params.id);
        return revokeShare(ctx, record, request.params.shareId);
      }),
  );

  typed.get(
    '/api/recovery-documents/:id/shares/:shareId/withdrawal-proof.pdf',
    {
      config: SIGNED_IN,
      schema: {
        tags: SHARING_TAGS,
        summary: 'Preuve de retrait d’un partage (PDF) : document, destinataire, objet, dates (409 si le partage n’a pas été retiré)',
        params: ZShareParams,
      },
    },
    async (request, reply) => {
      const model = await withActorContext(request, async (ctx) => {
        const record = await loadDocumentForSharing(ctx, actorOf(ctx), 'recovery_document.share', request.params.id);
        return withdrawalProofModel(ctx, record, request.params.shareId);
      });
      const pdf = await renderWithdrawalProof(model);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="preuve-de-retrait-${model.shareId}.pdf"`).send(pdf);
    },
  );

  typed.get(
    '/api/recovery-documents/:id/copies',
    {
      config: SIGNED_IN,
      schema: {
        tags: SHARING_TAGS,
        summary: 'Qui garde une copie (papier, PDF, dossier patient) : copies remises, qui ne peuvent pas être rappelées',
        params: ZSharingDocumentParams,
        response: { 200: ZCopyHolderList },
      },
    },
    (request) =>
      withActorRead(request, async (ctx) => {
        const record = await loadDocumentForSharing(ctx, actorOf(ctx), 'recovery_document.share', request.params.id);
        return { items: await listCopies(ctx, record) };
      }),
  );

  typed.post(
    '/api/recovery-documents/:id/copies',
    {
      config: SIGNED_IN,
      schema: {
        tags: SHARING_TAGS,
        summary: 'Noter une copie remise (qui, sous quelle forme, quand)',
        params: ZSharingDocumentParams,
        body: ZCopyHolderInput,
        response: { 201: ZCopyHolder },
      },
    },
    async (request, reply) => {
      const copy = await withActorContext(request, async (ctx) => {
        const record = await loadDocumentForSharing(ctx, actorOf(ctx), 'recovery_document.share', request.params.id);
        return addCopy(ctx, record, request.body);
      });
      return reply.status(201).send(copy);
    },
  );

  typed.delete(
    '/api/recovery-documents/:id/copies/:copyId',
    {
      config: SIGNED_IN,
      schema: { tags: SHARING_TAGS, summary: 'Effacer une copie notée par erreur', params: ZCopyParams },
    },
    async (request, reply) => {
      await withActorContext(request, async (ctx) => {
        const record = await loadDocumentForSharing(ctx, actorOf(ctx), 'recovery_document.share', request.params.id);
        await deleteCopy(ctx, record, request.params.copyId);
      });
      return reply.status(204).send();
    },
  );

  typed.get(
    '/api/recovery-documents/:id/views',
    {
      config: SIGNED_IN,
      schema: {
        tags: SHARING_TAGS,
        summary: 'Qui a vu mon plan : chaque lecture et téléchargement (qui, quand, quelle version, comment), du journal d’audit',
        params: ZSharingDocumentParams,
        querystring: ZPageQuery,
        response: { 200: ZDocumentViewPage },
      },
    },
    (request) =>
      withActorRead(request, async (ctx) => {
        const record = await loadDocumentForSharing(ctx, actorOf(ctx), 'recovery_document.views', request.params.id);
        return listViews(ctx, record, request.query);
      }),
  );
}
