import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZConsentInput,
  ZConsentWithdrawInput,
  ZDuplicateList,
  ZDuplicateQuery,
  ZPersonCreateInput,
  ZPersonDetail,
  ZPersonListQuery,
  ZPersonMergeInput,
  ZPersonPage,
  ZPersonUpdateInput,
} from '../../../shared/persons';
import { withActorContext, withActorRead, type ServiceContext } from '../../platform/http/context';
import { localeFromHeader, messages } from '../../platform/http/messages';
import { actorOf } from '../../platform/tenancy/scope';
import { recordConsent, withdrawConsent } from './consents';
import { createPerson, findIdentityMatches, PossibleDuplicates } from './create';
import { mergePersons } from './merge';
import { consentsOf, listPersons, loadPerson, loadPersonFor, presentDetail, presentSummary, type PersonAction } from './queries';
import { updatePerson } from './update';

const TAGS = ['persons'];
const ZPersonParams = z.object({ id: z.uuid() });
const ZConsentParams = z.object({ id: z.uuid(), consentId: z.uuid() });
const SESSION = { access: { kind: 'session' } } as const;

/** The record as its reader sees it; every read of a person record is audited in the same transaction. */
async function readDetail(ctx: ServiceContext, id: string, action: PersonAction = 'person.read') {
  const actor = actorOf(ctx);
  const person = await loadPersonFor(ctx, actor, action, id);
  await ctx.audit({ action: 'person.read', resourceType: 'person', resourceId: id });
  return presentDetail(actor, person, await consentsOf(ctx, id));
}

/** 409 with the look-alike records, so the UI can offer to open or merge one instead. */
function sendDuplicates(request: FastifyRequest, reply: FastifyReply, error: PossibleDuplicates) {
  const locale = localeFromHeader(request.headers['accept-language']);
  return reply
    .status(409)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: 'about:blank#possibleDuplicate',
      title: messages[locale].possibleDuplicate,
      status: 409,
      instance: request.url.split('?')[0],
      duplicates: error.candidates.map((candidate) => {
        const summary = presentSummary(candidate);
        return { id: summary.id, displayName: summary.displayName, birthYear: summary.birthYear, communeName: summary.communeName, departement: summary.departement };
      }),
    });
}

/** Person records: list and search, duplicates, create, read, rectify, consents, merge. */
export function registerPersonRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/persons',
    {
      config: { access: { kind: 'action', action: 'persons.list' } },
      schema: {
        tags: TAGS,
        summary: 'Lister et rechercher les personnes (nom, pseudonyme, commune ; sans accents ni majuscules)',
        description: 'Coordinateurs : toutes les personnes de l’organisation. Pairs : les personnes dont ils sont référents.',
        querystring: ZPersonListQuery,
        response: { 200: ZPersonPage },
      },
    },
    (request) =>
      withActorRead(request, async (ctx) => {
        const { items, total, totalIsCapped } = await listPersons(ctx, actorOf(ctx), request.query);
        // Names are shown: the listing is audited, with counts only (never the search words).
        await ctx.audit({ action: 'person.listed', resourceType: 'person', context: { results: items.length, total, searched: Boolean(request.query.search) } });
        return { items: items.map(presentSummary), total, totalIsCapped, page: request.query.page, pageSize: request.query.pageSize };
      }),
  );

  typed.get(
    '/api/persons/duplicates',
    {
      config: { access: { kind: 'action', action: 'persons.create' } },
      schema: {
        tags: TAGS,
        summary: 'Chercher les fiches semblables avant une création (même nom, année de naissance et commune)',
        querystring: ZDuplicateQuery,
        response: { 200: ZDuplicateList },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const rows = await findIdentityMatches(ctx, request.query);
        await ctx.audit({ action: 'person.duplicates.checked', resourceType: 'person', context: { results: rows.length } });
        return { duplicates: rows.map(presentSummary) };
      }),
  );

  typed.post(
    '/api/persons',
    {
      config: { access: { kind: 'action', action: 'persons.create' } },
      schema: {
        tags: TAGS,
        summary: 'Créer une fiche personne',
        description: 'Répond 409 `possibleDuplicate` avec `duplicates` si des fiches semblables existent, sauf `ignoreDuplicates: true`.',
        body: ZPersonCreateInput,
        response: { 201: ZPersonDetail },
      },
    },
    async (request, reply) => {
      const { ignoreDuplicates, ...input } = request.body;
      try {
        const detail = await withActorContext(request, async (ctx) => {
          const created = await createPerson(ctx, input, { ignoreDuplicates });
          return presentDetail(actorOf(ctx), await loadPerson(ctx, created.id), []);
        });
        return reply.status(201).send(detail);
      } catch (error) {
        if (!(error instanceof PossibleDuplicates)) throw error;
        // The refused create rolled back; showing look-alikes reveals names, so it is audited apart.
        await withActorContext(request, (ctx) =>
          ctx.audit({ action: 'person.duplicates.checked', resourceType: 'person', context: { results: error.candidates.length } }),
        );
        return sendDuplicates(request, reply, error);
      }
    },
  );

  typed.get(
    '/api/persons/:id',
    {
      config: SESSION,
      schema: { tags: TAGS, summary: 'Consulter une fiche personne (lecture tracée)', params: ZPersonParams, response: { 200: ZPersonDetail } },
    },
    (request) => withActorRead(request, (ctx) => readDetail(ctx, request.params.id)),
  );

  typed.patch(
    '/api/persons/:id',
    {
      config: SESSION,
      schema: {
        tags: TAGS,
        summary: 'Rectifier une fiche personne (coordinateurs ; version requise, 409 si elle a changé)',
        params: ZPersonParams,
        body: ZPersonUpdateInput,
        response: { 200: ZPersonDetail },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const person = await loadPersonFor(ctx, actorOf(ctx), 'person.update', request.params.id, { forUpdate: true });
        await updatePerson(ctx, person, request.body);
        return readDetail(ctx, person.id);
      }),
  );

  typed.post(
    '/api/persons/:id/consents',
    {
      config: SESSION,
      schema: {
        tags: TAGS,
        summary: 'Enregistrer un consentement de la personne (objet, portée, destinataires, méthode, version du texte)',
        params: ZPersonParams,
        body: ZConsentInput,
        response: { 201: ZPersonDetail },
      },
    },
    async (request, reply) => {
      const detail = await withActorContext(request, async (ctx) => {
        const person = await loadPersonFor(ctx, actorOf(ctx), 'person.consent.record', request.params.id);
        await recordConsent(ctx, person.id, request.body);
        return readDetail(ctx, person.id);
      });
      return reply.status(201).send(detail);
    },
  );

  typed.post(
    '/api/persons/:id/consents/:consentId/withdraw',
    {
      config: SESSION,
      schema: {
        tags: TAGS,
        summary: 'Retirer un consentement (date et manière conservées)',
        params: ZConsentParams,
        body: ZConsentWithdrawInput,
        response: { 200: ZPersonDetail },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const person = await loadPersonFor(ctx, actorOf(ctx), 'person.consent.record', request.params.id);
        await withdrawConsent(ctx, person.id, request.params.consentId, request.body.withdrawnHow);
        return readDetail(ctx, person.id);
      }),
  );

  typed.post(
    '/api/persons/:id/merge',
    {
      config: SESSION,
      schema: {
        tags: TAGS,
        summary: 'Fusionner une fiche en double dans celle-ci (coordinateurs ; consentements et demandes déplacés)',
        params: ZPersonParams,
        body: ZPersonMergeInput,
        response: { 200: ZPersonDetail },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const actor = actorOf(ctx);
        // Both rows locked in id order, so two merges of the same pair cannot deadlock or half-apply.
        const keptId = request.params.id;
        const duplicateId = request.body.duplicateId;
        const keptFirst = keptId < duplicateId;
        const first = await loadPersonFor(ctx, actor, 'person.merge', keptFirst ? keptId : duplicateId, { forUpdate: true });
        const second = await loadPersonFor(ctx, actor, 'person.merge', keptFirst ? duplicateId : keptId, { forUpdate: true });
        const [kept, duplicate] = keptFirst ? [first, second] : [second, first];
        await mergePersons(ctx, kept, duplicate, request.body);
        return readDetail(ctx, kept.id);
      }),
  );
}
