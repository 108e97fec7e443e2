import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZContinuitySettings,
  ZContinuitySettingsInput,
  ZOutreachAttemptInput,
  ZOutreachCaseDetail,
  ZOutreachCasePage,
  ZOutreachCloseInput,
  ZOutreachQueueQuery,
  ZRecontactPreferences,
  ZRecontactPreferencesInput,
} from '../../../shared/continuity';
import { can } from '../../platform/access/policy';
import { withActorContext, type ServiceContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { actorOf } from '../../platform/tenancy/scope';
import { asRecord, loadPerson } from '../persons/queries';
import { closeCase, logAttempt } from './outreach-actions';
import { listCases, loadCaseFor, presentCases } from './outreach-queries';
import { loadRecontactPreferences, saveRecontactPreferences } from './preferences';
import { flagRuptures } from './rupture-detection';
import { loadContinuitySettings, saveContinuitySettings } from './settings';

const TAGS = ['continuity'];
const ZIdParams = z.object({ id: z.uuid() });
const QUEUE = { access: { kind: 'action', action: 'outreach.queue' } } as const;
const PREFERENCES = { access: { kind: 'action', action: 'recontactPreferences.access' } } as const;
const SETTINGS = { access: { kind: 'action', action: 'continuitySettings.manage' } } as const;

/** One case as its reader sees it; reading a case (it names the person) is audited. */
async function readCase(ctx: ServiceContext, id: string) {
  const actor = actorOf(ctx);
  const loaded = await loadCaseFor(ctx, actor, id);
  await ctx.audit({ action: 'outreach.case.read', resourceType: 'outreach_case', resourceId: id, context: { personId: loaded.person.id } });
  const [detail] = await presentCases(ctx, actor, [loaded]);
  if (!detail) throw notFound();
  return detail;
}

/** A person whose re-contact preferences the actor may handle; anyone else's looks like "not found". */
async function preferencesPerson(ctx: ServiceContext, id: string) {
  const person = await loadPerson(ctx, id);
  if (!can(actorOf(ctx), 'person.recontact.manage', asRecord(person))) throw notFound();
  return person;
}

/** Continuity after a rupture (DOMAIN §10.2): rule, outreach queue, attempts, outcomes, re-contact preferences. */
export function registerContinuityRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/continuity/settings',
    {
      config: SETTINGS,
      schema: { tags: TAGS, summary: 'Règle de rupture de l’organisation (jours sans contact, rendez-vous manqués, tentatives)', response: { 200: ZContinuitySettings } },
    },
    (request) => withActorContext(request, (ctx) => loadContinuitySettings(ctx.tx, ctx.organizationId)),
  );

  typed.put(
    '/api/continuity/settings',
    {
      config: SETTINGS,
      schema: {
        tags: TAGS,
        summary: 'Fixer la règle de rupture (version lue requise ; 0 tant que les valeurs par défaut s’appliquent)',
        body: ZContinuitySettingsInput,
        response: { 200: ZContinuitySettings },
      },
    },
    (request) => withActorContext(request, (ctx) => saveContinuitySettings(ctx, request.body)),
  );

  typed.get(
    '/api/outreach/cases',
    {
      config: QUEUE,
      schema: {
        tags: TAGS,
        summary: 'File de reprise de contact : ancienneté, signal, territoire, souhaits de la personne, actions suggérées',
        description: 'Coordinateurs : toute l’organisation. Pairs salariés : les accompagnements qu’ils suivent.',
        querystring: ZOutreachQueueQuery,
        response: { 200: ZOutreachCasePage },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const actor = actorOf(ctx);
        const { items, total } = await listCases(ctx, actor, request.query);
        await ctx.audit({ action: 'outreach.queue.listed', resourceType: 'outreach_case', context: { results: items.length, total, status: request.query.status } });
        const presented = await presentCases(ctx, actor, items);
        return {
          items: presented.map(({ attempts: _attempts, outcomeNote: _outcomeNote, closedBy: _closedBy, ...summary }) => summary),
          total,
          page: request.query.page,
          pageSize: request.query.pageSize,
        };
      }),
  );

  typed.post(
    '/api/outreach/detection',
    {
      config: { access: { kind: 'action', action: 'outreach.detect' } },
      schema: {
        tags: TAGS,
        summary: 'Repérer maintenant les ruptures de l’organisation (la détection passe aussi chaque nuit)',
        response: { 200: z.object({ flagged: z.number().int() }) },
      },
    },
    (request) => withActorContext(request, async (ctx) => ({ flagged: await flagRuptures(ctx) })),
  );

  typed.get(
    '/api/outreach/cases/:id',
    {
      config: QUEUE,
      schema: { tags: TAGS, summary: 'Consulter une situation de reprise de contact et ses tentatives (lecture tracée)', params: ZIdParams, response: { 200: ZOutreachCaseDetail } },
    },
    (request) => withActorContext(request, (ctx) => readCase(ctx, request.params.id)),
  );

  typed.post(
    '/api/outreach/cases/:id/attempts',
    {
      config: QUEUE,
      schema: {
        tags: TAGS,
        summary: 'Noter une tentative de contact (moyen, résultat, note)',
        description:
          'Refusée (400) si la personne a demandé à ne pas être recontactée, sans accord de recontact en vigueur, ou sur un moyen qu’elle n’a pas autorisé. La première tentative passe l’accompagnement en « reprise de contact en cours ».',
        params: ZIdParams,
        body: ZOutreachAttemptInput,
        response: { 201: ZOutreachCaseDetail },
      },
    },
    async (request, reply) => {
      const detail = await withActorContext(request, async (ctx) => {
        await logAttempt(ctx, await loadCaseFor(ctx, actorOf(ctx), request.params.id, { forUpdate: true }), request.body);
        return readCase(ctx, request.params.id);
      });
      return reply.status(201).send(detail);
    },
  );

  typed.post(
    '/api/outreach/cases/:id/close',
    {
      config: QUEUE,
      schema: {
        tags: TAGS,
        summary: 'Clore : contact rétabli (l’accompagnement reprend), refus, injoignable, transfert, décès (l’accompagnement est clos)',
        description: 'Version lue requise (409 si la situation a changé). Les pairs ne peuvent noter que « contact rétabli ».',
        params: ZIdParams,
        body: ZOutreachCloseInput,
        response: { 200: ZOutreachCaseDetail },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        await closeCase(ctx, await loadCaseFor(ctx, actorOf(ctx), request.params.id, { forUpdate: true }), request.body);
        return readCase(ctx, request.params.id);
      }),
  );

  typed.get(
    '/api/persons/:id/recontact-preferences',
    {
      config: PREFERENCES,
      schema: {
        tags: TAGS,
        summary: 'Souhaits de la personne pour être recontactée en cas de rupture (moyens autorisés, personne à contacter, ne pas contacter)',
        params: ZIdParams,
        response: { 200: ZRecontactPreferences },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const person = await preferencesPerson(ctx, request.params.id);
        await ctx.audit({ action: 'person.recontact_preferences.read', resourceType: 'person', resourceId: person.id });
        return loadRecontactPreferences(ctx.tx, ctx.organizationId, person.id);
      }),
  );

  typed.put(
    '/api/persons/:id/recontact-preferences',
    {
      config: PREFERENCES,
      schema: {
        tags: TAGS,
        summary: 'Enregistrer les souhaits de recontact (version lue requise ; 0 si rien n’est encore enregistré)',
        params: ZIdParams,
        body: ZRecontactPreferencesInput,
        response: { 200: ZRecontactPreferences },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const person = await preferencesPerson(ctx, request.params.id);
        return saveRecontactPreferences(ctx, person.id, request.body);
      }),
  );
}
