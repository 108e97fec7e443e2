import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPortalAccount, ZPortalMessageInput, ZPortalMessageQuery, ZStaffMessage, ZStaffMessagePage, ZStaffUnreadList } from '../../../shared/portal';
import { withActorContext } from '../../platform/http/context';
import { forbidden } from '../../platform/http/errors';
import { can } from '../../platform/access/policy';
import { actorOf } from '../../platform/tenancy/scope';
import { asRecord, loadPersonFor } from '../persons/queries';
import { invitePersonToPortal, portalAccountOf } from './invitations';
import { loadStaffThread, mayAnswer, postMessage, presentStaffMessage, readThreadAsStaff } from './messages';
import { unreadForPeer } from './staff-unread';

const TAGS = ['portal'];
const SESSION = { access: { kind: 'session' } } as const;
/** The roles that work with accompaniments; each accompaniment is then judged by its own rules. */
const ACCOMPANIMENT_WORK = { access: { kind: 'action', action: 'portal.messages.staff' } } as const;
const ZIdParams = z.object({ id: z.uuid() });

/**
 * The staff side of the portal: inviting a person to their personal space (on the person's
 * record) and the messages of an accompaniment (for the peers who follow it and coordinators).
 */
export function registerPortalStaffRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/persons/:id/portal-account',
    {
      config: SESSION,
      schema: {
        tags: TAGS,
        summary: 'Espace personnel d’une personne : compte actif, invitation en attente ou rien',
        description: 'Lisible par qui peut lire la fiche (coordinateurs, pairs référents) ; lecture tracée.',
        params: ZIdParams,
        response: { 200: ZPortalAccount },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const person = await loadPersonFor(ctx, actorOf(ctx), 'person.read', request.params.id);
        const account = await portalAccountOf(ctx, person);
        await ctx.audit({ action: 'person.portal_account.read', resourceType: 'person', resourceId: person.id, context: { status: account.status } });
        return account;
      }),
  );

  typed.post(
    '/api/persons/:id/portal-invitation',
    {
      config: SESSION,
      schema: {
        tags: TAGS,
        summary: 'Inviter la personne sur son espace personnel (e-mail à l’adresse de sa fiche, lien valable 7 jours)',
        description:
          'Coordinateurs, ou médiateur·rice de santé pair référent de la personne. 400 si la fiche n’a pas d’adresse e-mail ; 409 si la personne a déjà un compte ou si l’adresse est celle d’un autre compte.',
        params: ZIdParams,
        response: { 201: ZPortalAccount },
      },
    },
    async (request, reply) => {
      const account = await withActorContext(request, async (ctx) => {
        const actor = actorOf(ctx);
        const person = await loadPersonFor(ctx, actor, 'person.read', request.params.id, { forUpdate: true });
        if (!can(actor, 'person.portal.invite', asRecord(person))) throw forbidden();
        await invitePersonToPortal(ctx, person, { appUrl: app.deps.config.appUrl });
        return portalAccountOf(ctx, person);
      });
      return reply.code(201).send(account);
    },
  );

  typed.get(
    '/api/accompaniments/:id/portal-messages',
    {
      config: ACCOMPANIMENT_WORK,
      schema: {
        tags: TAGS,
        summary: 'Messages échangés avec la personne sur son espace (les plus récents d’abord)',
        description:
          'Pairs de l’accompagnement et coordinateurs. Quand un pair de l’accompagnement les lit, les messages de la personne passent en « lus ».',
        params: ZIdParams,
        querystring: ZPortalMessageQuery,
        response: { 200: ZStaffMessagePage },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const actor = actorOf(ctx);
        const thread = await loadStaffThread(ctx, actor, 'accompaniment.read', request.params.id);
        const { items, total } = await readThreadAsStaff(ctx, thread, request.query);
        return { items, total, page: request.query.page, pageSize: request.query.pageSize, policies: { answer: mayAnswer(actor, thread) } };
      }),
  );

  typed.post(
    '/api/accompaniments/:id/portal-messages',
    {
      config: ACCOMPANIMENT_WORK,
      schema: {
        tags: TAGS,
        summary: 'Répondre à la personne sur son espace',
        description: '409 si l’accompagnement est clos.',
        params: ZIdParams,
        body: ZPortalMessageInput,
        response: { 201: ZStaffMessage },
      },
    },
    async (request, reply) => {
      const message = await withActorContext(request, async (ctx) => {
        const thread = await loadStaffThread(ctx, actorOf(ctx), 'accompaniment.work', request.params.id);
        return presentStaffMessage(thread, await postMessage(ctx, thread, 'staff', request.body.body));
      });
      return reply.code(201).send(message);
    },
  );

  typed.get(
    '/api/portal-messages/unread',
    {
      config: ACCOMPANIMENT_WORK,
      schema: {
        tags: TAGS,
        summary: 'Accompagnements que je suis où la personne a écrit des messages non lus',
        response: { 200: ZStaffUnreadList },
      },
    },
    (request) => withActorContext(request, (ctx) => unreadForPeer(ctx)),
  );
}
