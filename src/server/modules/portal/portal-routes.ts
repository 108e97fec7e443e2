import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPageQuery } from '../../../shared/pagination';
import { ZPortalHome, ZPortalMessage, ZPortalMessageInput, ZPortalMessagePage, ZPortalMessageQuery, ZPortalNotePage } from '../../../shared/portal';
import { withActorContext } from '../../platform/http/context';
import { loadPerson } from '../persons/queries';
import { OWN_RECORD, ownPersonId } from './accounts';
import { loadOwnThread, postMessage, readThreadAsPerson } from './messages';
import { accompanimentsOfPerson, firstNameOf, nextAppointmentsOfPerson, sharedNotesOfPerson } from './views';

const TAGS = ['portal'];
/** Every route here serves the signed-in person their own record: the id comes from their account, never from the request. */
const PERSON = { access: { kind: 'action', action: 'portal.use' } } as const;
const ZAccompanimentParams = z.object({ id: z.uuid() });


/** The person's side of the portal: home, shared notes, messages with their peers. */
export function registerPortalPersonRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/portal/home',
    {
      config: PERSON,
      schema: {
        tags: TAGS,
        summary: 'Mon espace : mes accompagnements (statut, prénoms de mes pairs, mes objectifs) et mes prochains rendez-vous',
        response: { 200: ZPortalHome },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const personId = await ownPersonId(ctx);
        const person = await loadPerson(ctx, personId);
        const accompaniments = await accompanimentsOfPerson(ctx, personId);
        const nextAppointments = await nextAppointmentsOfPerson(ctx, personId);
        await ctx.audit({
          action: 'portal.home.read',
          resourceType: OWN_RECORD,
          resourceId: personId,
          context: { accompaniments: accompaniments.length, appointments: nextAppointments.length },
        });
        return { person: { firstName: person.firstName ?? person.pseudonym }, accompaniments, nextAppointments };
      }),
  );

  typed.get(
    '/api/portal/notes',
    {
      config: PERSON,
      schema: {
        tags: TAGS,
        summary: 'Mes notes partagées : les notes que mes pairs ont écrites pour moi (les plus récentes d’abord)',
        querystring: ZPageQuery,
        response: { 200: ZPortalNotePage },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const personId = await ownPersonId(ctx);
        const { items, total } = await sharedNotesOfPerson(ctx, personId, request.query);
        await ctx.audit({ action: 'portal.notes.read', resourceType: OWN_RECORD, resourceId: personId, context: { results: items.length, total } });
        return { items, total, page: request.query.page, pageSize: request.query.pageSize };
      }),
  );

  typed.get(
    '/api/portal/accompaniments/:id/messages',
    {
      config: PERSON,
      schema: {
        tags: TAGS,
        summary: 'Messages avec mes pairs (les plus récents d’abord) ; les messages reçus passent en « lus »',
        params: ZAccompanimentParams,
        querystring: ZPortalMessageQuery,
        response: { 200: ZPortalMessagePage },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) => {
        const thread = await loadOwnThread(ctx, await ownPersonId(ctx), request.params.id);
        const { items, total } = await readThreadAsPerson(ctx, thread, request.query);
        return { items, total, page: request.query.page, pageSize: request.query.pageSize, canWrite: thread.status !== 'closed' };
      }),
  );

  typed.post(
    '/api/portal/accompaniments/:id/messages',
    {
      config: PERSON,
      schema: {
        tags: TAGS,
        summary: 'Écrire à mes pairs',
        params: ZAccompanimentParams,
        body: ZPortalMessageInput,
        response: { 201: ZPortalMessage },
      },
    },
    async (request, reply) => {
      const message = await withActorContext(request, async (ctx) => {
        const thread = await loadOwnThread(ctx, await ownPersonId(ctx), request.params.id);
        const row = await postMessage(ctx, thread, 'person', request.body.body);
        return {
          id: row.id,
          body: row.body,
          sentAt: row.sentAt.toISOString(),
          readAt: null,
          fromMe: true,
          authorFirstName: firstNameOf(row.authorName),
        };
      });
      return reply.code(201).send(message);
    },
  );
}
