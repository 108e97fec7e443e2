import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZReferralDecisionInput,
  ZRequestDetail,
  ZRequestPage,
  ZRequestSettings,
  ZRequestSettingsInput,
  ZStatusChangeInput,
  ZTriageQuery,
} from '../../../shared/requests';
import { can } from '../../platform/access/policy';
import { withActorContext, type ServiceContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { actorOf } from '../../platform/tenancy/scope';
import { asRequestRecord, listRequests, loadRequest, presentRequestDetail, presentRequestSummary } from './queries';
import { loadTargets, saveTargets } from './settings';
import { changeStatus, decideReferral } from './status';

const TAGS = ['requests'];
const ZRequestParams = z.object({ id: z.uuid() });
const TRIAGE = { access: { kind: 'action', action: 'requests.triage' } } as const;

/** Loads a request the actor may manage; refusals look like "not found". Reading it is audited (it names a person). */
async function manageable(ctx: ServiceContext, id: string, options: { forUpdate?: boolean } = {}) {
  const request = await loadRequest(ctx, id, options);
  if (!can(actorOf(ctx), 'request.manage', asRequestRecord(request))) throw notFound();
  return request;
}

async function readDetail(ctx: ServiceContext, id: string) {
  const request = await manageable(ctx, id);
  await ctx.audit({ action: 'request.read', resourceType: 'request', resourceId: id, context: { personId: request.personId } });
  return presentRequestDetail(ctx, request);
}

/** The coordinators' triage queue, status changes, referral decisions, response targets. */
export function registerTriageRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/requests',
    {
      config: TRIAGE,
      schema: {
        tags: TAGS,
        summary: 'File des demandes : âge, origine, territoire, urgence ; les demandes en retard d’abord',
        querystring: ZTriageQuery,
        response: { 200: ZRequestPage },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const { items, total } = await listRequests(ctx, request.query);
        await ctx.audit({ action: 'request.listed', resourceType: 'request', context: { results: items.length, total } });
        return { items: items.map((item) => presentRequestSummary(item, ctx.now)), total, page: request.query.page, pageSize: request.query.pageSize };
      }),
  );

  typed.get(
    '/api/requests/settings',
    {
      config: { access: { kind: 'action', action: 'requestSettings.manage' } },
      schema: { tags: TAGS, summary: 'Délais de réponse visés par urgence (minutes)', response: { 200: ZRequestSettings } },
    },
    (request) => withActorContext(request, loadTargets),
  );

  typed.put(
    '/api/requests/settings',
    {
      config: { access: { kind: 'action', action: 'requestSettings.manage' } },
      schema: {
        tags: TAGS,
        summary: 'Fixer les délais de réponse visés (version lue requise ; 0 tant que les valeurs par défaut s’appliquent)',
        body: ZRequestSettingsInput,
        response: { 200: ZRequestSettings },
      },
    },
    (request) => withActorContext(request, (ctx) => saveTargets(ctx, request.body)),
  );

  typed.get(
    '/api/requests/:id',
    {
      config: TRIAGE,
      schema: { tags: TAGS, summary: 'Consulter une demande et l’historique de ses statuts', params: ZRequestParams, response: { 200: ZRequestDetail } },
    },
    (request) => withActorContext(request, (ctx) => readDetail(ctx, request.params.id)),
  );

  typed.post(
    '/api/requests/:id/status',
    {
      config: TRIAGE,
      schema: {
        tags: TAGS,
        summary: 'Changer le statut : contactée, accompagnement ouvert, orientée (vers qui), close (pourquoi)',
        description: 'Version lue requise (409 si la demande a changé). Chaque changement est horodaté.',
        params: ZRequestParams,
        body: ZStatusChangeInput,
        response: { 200: ZRequestDetail },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        await changeStatus(ctx, await manageable(ctx, request.params.id, { forUpdate: true }), request.body);
        return readDetail(ctx, request.params.id);
      }),
  );

  typed.post(
    '/api/requests/:id/decision',
    {
      config: TRIAGE,
      schema: {
        tags: TAGS,
        summary: 'Accepter ou décliner une orientation (décliner propose vers qui se tourner à la place)',
        params: ZRequestParams,
        body: ZReferralDecisionInput,
        response: { 200: ZRequestDetail },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        await decideReferral(ctx, await manageable(ctx, request.params.id, { forUpdate: true }), request.body);
        return readDetail(ctx, request.params.id);
      }),
  );
}
