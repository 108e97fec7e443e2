import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZCrisisCardInput, ZCrisisCardStatus, ZSharingDocumentParams } from '../../../../shared/recovery-sharing';
import { withActorContext, withActorRead } from '../../../platform/http/context';
import { actorOf } from '../../../platform/tenancy/scope';
import { renderCrisisCardPdf } from '../pdf/crisis-card-pdf';
import { loadDocumentForSharing } from '../sharing/access';
import { SHARING_TAGS, SIGNED_IN } from '../sharing/owner-routes';
import { cardStatus, issueCard, withdrawCard } from './cards';

/** The owner's crisis card: status, make (or make again) as a wallet-size PDF, withdraw. */
export function registerCrisisCardRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/recovery-documents/:id/crisis-card',
    {
      config: SIGNED_IN,
      schema: {
        tags: SHARING_TAGS,
        summary: 'La carte de crise du document : parties possibles, carte en cours (la personne seule)',
        params: ZSharingDocumentParams,
        response: { 200: ZCrisisCardStatus },
      },
    },
    (request) =>
      withActorRead(request, async (ctx) => {
        const record = await loadDocumentForSharing(ctx, actorOf(ctx), 'recovery_document.share', request.params.id);
        return cardStatus(ctx, record);
      }),
  );

  typed.post(
    '/api/recovery-documents/:id/crisis-card',
    {
      config: SIGNED_IN,
      schema: {
        tags: SHARING_TAGS,
        summary: 'Faire la carte de crise (ou une nouvelle, qui remplace l’ancienne) : PDF format carte bancaire avec QR code et code d’urgence',
        description: [
          'Parties choisies parmi celles du plan de crise de la version active d’un WRAP ou d’un plan de crise conjoint (400 sinon).',
          'Le serveur ne garde que les empreintes du lien et du code : télécharger la carte à nouveau, c’est en faire une nouvelle.',
        ].join(' '),
        params: ZSharingDocumentParams,
        body: ZCrisisCardInput,
      },
    },
    async (request, reply) => {
      const issued = await withActorContext(request, async (ctx) => {
        const record = await loadDocumentForSharing(ctx, actorOf(ctx), 'recovery_document.share', request.params.id, { forUpdate: true });
        return { ...(await issueCard(ctx, record, request.body.sectionCodes, request.server.deps.config.appUrl)), issuedAt: ctx.now };
      });
      const pdf = await renderCrisisCardPdf(issued);
      return reply.type('application/pdf').header('content-disposition', 'attachment; filename="carte-de-crise.pdf"').send(pdf);
    },
  );

  typed.delete(
    '/api/recovery-documents/:id/crisis-card',
    {
      config: SIGNED_IN,
      schema: { tags: SHARING_TAGS, summary: 'Retirer la carte de crise : son QR code n’ouvre plus rien', params: ZSharingDocumentParams },
    },
    async (request, reply) => {
      await withActorContext(request, async (ctx) => {
        const record = await loadDocumentForSharing(ctx, actorOf(ctx), 'recovery_document.share', request.params.id, { forUpdate: true });
        await withdrawCard(ctx, record);
      });
      return reply.status(204).send();
    },
  );
}
