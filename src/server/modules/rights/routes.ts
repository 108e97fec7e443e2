import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPageQuery } from '../../../shared/pagination';
import {
  ZAnonymisationProposal,
  ZAnonymisationProposalPage,
  ZAnonymisationProposalQuery,
  ZAnonymisationResult,
  ZAnonymiseInput,
  ZPersonExport,
  ZProposalConfirmInput,
  ZProposalRejectInput,
  ZRecordReaderPage,
  ZRightsRequest,
  ZRightsRequestInput,
  ZRightsRequestPage,
  ZRightsRequestQuery,
  ZRightsRequestUpdate,
} from '../../../shared/rights';
import { withActorContext, type ServiceContext } from '../../platform/http/context';
import { loadPerson } from '../persons/queries';
import { anonymisePerson } from './anonymise';
import { buildPersonExport } from './export/build';
import { renderPersonExportPdf } from './export/pdf';
import { confirmProposal, listProposals, proposalView, rejectProposal } from './proposals';
import { listRecordReaders } from './readers';
import { listRightsRequests, loadRightsRequest, presentRightsRequest, recordRightsRequest, updateRightsRequest } from './rights-requests';

const TAGS = ['rights'];
const ZIdParams = z.object({ id: z.uuid() });
/** Every route here is for coordinators (role checked before the handler; records then scoped to their organisation). */
const RIGHTS = { access: { kind: 'action', action: 'rights.manage' } } as const;

/** The export of a person of the organisation, audited as such in the same transaction (404 for anyone else's). */
async function exportFor(ctx: ServiceContext, personId: string, format: 'json' | 'pdf') {
  const person = await loadPerson(ctx, personId);
  await ctx.audit({ action: 'person.exported', resourceType: 'person', resourceId: person.id, context: { format } });
  return buildPersonExport(ctx, person.id);
}

async function readRightsRequest(ctx: ServiceContext, id: string) {
  const row = await loadRightsRequest(ctx, id);
  await ctx.audit({ action: 'rights_request.read', resourceType: 'rights_request', resourceId: id, context: { personId: row.request.personId } });
  return presentRightsRequest(row, ctx.now);
}

/** Rights of the person and retention (DOMAIN §9.2, §9.5). */
export function registerRightsRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/persons/:id/export.json',
    {
      config: RIGHTS,
      schema: {
        tags: TAGS,
        summary: 'Droit d’accès : tout ce que Passerelle conserve sur la personne (JSON, export tracé)',
        description: 'Identité, consentements, demandes, accompagnements (notes de toute visibilité comprises), reprise de contact, demandes de droits, et qui a consulté la fiche.',
        params: ZIdParams,
        response: { 200: ZPersonExport },
      },
    },
    async (request, reply) => {
      const data = await withActorContext(request, (ctx) => exportFor(ctx, request.params.id, 'json'));
      return reply.header('content-disposition', `attachment; filename="dossier-${data.person.id}.json"`).send(data);
    },
  );

  typed.get(
    '/api/persons/:id/export.pdf',
    {
      config: RIGHTS,
      schema: {
        tags: TAGS,
        summary: 'Droit d’accès : le même dossier, lisible, en PDF (A4, en français ; export tracé)',
        params: ZIdParams,
      },
    },
    async (request, reply) => {
      const data = await withActorContext(request, (ctx) => exportFor(ctx, request.params.id, 'pdf'));
      const pdf = await renderPersonExportPdf(data);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="dossier-${data.person.id}.pdf"`).send(pdf);
    },
  );

  typed.get(
    '/api/persons/:id/readers',
    {
      config: RIGHTS,
      schema: {
        tags: TAGS,
        summary: 'Qui a consulté ou modifié la fiche : nom, rôle, date (du journal d’audit)',
        params: ZIdParams,
        querystring: ZPageQuery,
        response: { 200: ZRecordReaderPage },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const person = await loadPerson(ctx, request.params.id);
        await ctx.audit({ action: 'person.readers.read', resourceType: 'person', resourceId: person.id });
        const { items, total } = await listRecordReaders(ctx, person.id, request.query);
        return { items, total, page: request.query.page, pageSize: request.query.pageSize };
      }),
  );

  typed.post(
    '/api/persons/:id/anonymise',
    {
      config: RIGHTS,
      schema: {
        tags: TAGS,
        summary: 'Anonymiser la fiche (effacement) : identité et textes effacés, statistiques conservées ; raison obligatoire',
        description: 'Refusée si un accompagnement est en cours ou si la fiche est déjà anonymisée. Tout ou rien, en une transaction.',
        params: ZIdParams,
        body: ZAnonymiseInput,
        response: { 200: ZAnonymisationResult },
      },
    },
    (request) => withActorContext(request, (ctx) => anonymisePerson(ctx, request.params.id, request.body.reason)),
  );

  typed.get(
    '/api/rights-requests',
    {
      config: RIGHTS,
      schema: {
        tags: TAGS,
        summary: 'Registre des demandes d’exercice des droits ; les demandes ouvertes les plus proches de l’échéance d’abord',
        querystring: ZRightsRequestQuery,
        response: { 200: ZRightsRequestPage },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const { items, total } = await listRightsRequests(ctx, request.query);
        await ctx.audit({ action: 'rights_request.listed', resourceType: 'rights_request', context: { results: items.length, total } });
        return { items, total, page: request.query.page, pageSize: request.query.pageSize };
      }),
  );

  typed.post(
    '/api/rights-requests',
    {
      config: RIGHTS,
      schema: {
        tags: TAGS,
        summary: 'Enregistrer une demande d’exercice des droits (réponse due un mois après réception)',
        body: ZRightsRequestInput,
        response: { 201: ZRightsRequest },
      },
    },
    async (request, reply) => {
      const created = await withActorContext(request, async (ctx) => readRightsRequest(ctx, await recordRightsRequest(ctx, request.body)));
      return reply.status(201).send(created);
    },
  );

  typed.get(
    '/api/rights-requests/:id',
    {
      config: RIGHTS,
      schema: { tags: TAGS, summary: 'Consulter une demande d’exercice des droits', params: ZIdParams, response: { 200: ZRightsRequest } },
    },
    (request) => withActorContext(request, (ctx) => readRightsRequest(ctx, request.params.id)),
  );

  typed.patch(
    '/api/rights-requests/:id',
    {
      config: RIGHTS,
      schema: {
        tags: TAGS,
        summary: 'Noter la vérification d’identité ou la réponse apportée (version requise, 409 si elle a changé)',
        params: ZIdParams,
        body: ZRightsRequestUpdate,
        response: { 200: ZRightsRequest },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        await updateRightsRequest(ctx, request.params.id, request.body);
        return readRightsRequest(ctx, request.params.id);
      }),
  );

  typed.get(
    '/api/anonymisation-proposals',
    {
      config: RIGHTS,
      schema: {
        tags: TAGS,
        summary: 'Fiches arrivées au terme de leur conservation (2 ans sans contact, sans accompagnement en cours), à confirmer ou écarter',
        querystring: ZAnonymisationProposalQuery,
        response: { 200: ZAnonymisationProposalPage },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const { items, total } = await listProposals(ctx, request.query);
        await ctx.audit({ action: 'anonymisation.proposals.listed', resourceType: 'anonymisation_proposal', context: { results: items.length, total } });
        return { items, total, page: request.query.page, pageSize: request.query.pageSize };
      }),
  );

  typed.post(
    '/api/anonymisation-proposals/:id/confirm',
    {
      config: RIGHTS,
      schema: {
        tags: TAGS,
        summary: 'Confirmer : la fiche est anonymisée (si elle est toujours à échéance)',
        params: ZIdParams,
        body: ZProposalConfirmInput,
        response: { 200: ZAnonymisationResult },
      },
    },
    (request) => withActorContext(request, (ctx) => confirmProposal(ctx, request.params.id, request.body.reason)),
  );

  typed.post(
    '/api/anonymisation-proposals/:id/reject',
    {
      config: RIGHTS,
      schema: {
        tags: TAGS,
        summary: 'Écarter la proposition (raison obligatoire, par exemple un archivage intermédiaire justifié)',
        params: ZIdParams,
        body: ZProposalRejectInput,
        response: { 200: ZAnonymisationProposal },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        await rejectProposal(ctx, request.params.id, request.body.reason);
        return proposalView(ctx, request.params.id);
      }),
  );
}
