import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAppointment,
  ZAppointmentInput,
  ZAppointmentList,
  ZAppointmentUpdateInput,
  ZGoal,
  ZGoalInput,
  ZGoalUpdateInput,
  ZIntervention,
  ZInterventionInput,
  ZInterventionPage,
  ZNote,
  ZNoteInput,
  ZNotePage,
  ZNoteUpdateInput,
} from '../../../shared/accompaniments';
import { ZPageQuery } from '../../../shared/pagination';
import { withActorContext, withActorRead, type ServiceContext } from '../../platform/http/context';
import { actorOf } from '../../platform/tenancy/scope';
import { listAppointmentsToConfirm, listUpcomingAppointments, planAppointment, updateAppointment } from './appointments';
import { addGoal, updateGoal } from './goals';
import { listInterventions, recordIntervention } from './interventions';
import { addNote, listNotes, updateNote } from './notes';
import { loadAccompanimentFor, type AccompanimentAction } from './records';
import { ACCOMPANIMENTS, ACCOMPANIMENT_TAGS, ZAccompanimentParams } from './routes';

const ZGoalParams = ZAccompanimentParams.extend({ goalId: z.uuid() });
const ZNoteParams = ZAccompanimentParams.extend({ noteId: z.uuid() });
const ZAppointmentParams = ZAccompanimentParams.extend({ appointmentId: z.uuid() });

/** Writes lock the accompaniment row: a close and an entry cannot cross. */
const forWork = (ctx: ServiceContext, id: string, action: AccompanimentAction = 'accompaniment.work') =>
  loadAccompanimentFor(ctx, actorOf(ctx), action, id, { forUpdate: action !== 'accompaniment.read' });
const forReading = (ctx: ServiceContext, id: string) => loadAccompanimentFor(ctx, actorOf(ctx), 'accompaniment.read', id);

/** Goals, interventions, notes and appointments of one accompaniment. */
export function registerAccompanimentWorkRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/accompaniments/:id/goals',
    {
      config: ACCOMPANIMENTS,
      schema: { tags: ACCOMPANIMENT_TAGS, summary: 'Ajouter un objectif, dans les mots de la personne', params: ZAccompanimentParams, body: ZGoalInput, response: { 201: ZGoal } },
    },
    async (request, reply) => {
      const goal = await withActorContext(request, async (ctx) => addGoal(ctx, await forWork(ctx, request.params.id), request.body));
      return reply.status(201).send(goal);
    },
  );

  typed.patch(
    '/api/accompaniments/:id/goals/:goalId',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Reformuler un objectif ou le marquer atteint / abandonné (version requise)',
        params: ZGoalParams,
        body: ZGoalUpdateInput,
        response: { 200: ZGoal },
      },
    },
    (request) => withActorContext(request, async (ctx) => updateGoal(ctx, await forWork(ctx, request.params.id), request.params.goalId, request.body)),
  );

  typed.post(
    '/api/accompaniments/:id/interventions',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Noter une intervention : date, durée en minutes, type, lieu, pairs présents',
        description: 'Met à jour le dernier contact de l’accompagnement et de la personne.',
        params: ZAccompanimentParams,
        body: ZInterventionInput,
        response: { 201: ZIntervention },
      },
    },
    async (request, reply) => {
      const intervention = await withActorContext(request, async (ctx) => recordIntervention(ctx, await forWork(ctx, request.params.id), request.body));
      return reply.status(201).send(intervention);
    },
  );

  typed.get(
    '/api/accompaniments/:id/interventions',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Journal des interventions, les plus récentes d’abord (lecture tracée)',
        params: ZAccompanimentParams,
        querystring: ZPageQuery,
        response: { 200: ZInterventionPage },
      },
    },
    (request) =>
      withActorRead(request, async (ctx) => {
        const accompaniment = await forReading(ctx, request.params.id);
        return listInterventions(ctx, accompaniment.id, request.query);
      }),
  );

  typed.post(
    '/api/accompaniments/:id/notes',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Écrire une note : partagée avec la personne, équipe, ou privée (son auteur seul la lit)',
        params: ZAccompanimentParams,
        body: ZNoteInput,
        response: { 201: ZNote },
      },
    },
    async (request, reply) => {
      const note = await withActorContext(request, async (ctx) => addNote(ctx, actorOf(ctx), await forWork(ctx, request.params.id), request.body));
      return reply.status(201).send(note);
    },
  );

  typed.get(
    '/api/accompaniments/:id/notes',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Les notes que le lecteur peut lire, les plus récentes d’abord (lecture tracée)',
        description: 'Les notes privées ne sont lues que par leur auteur, quel que soit son rôle.',
        params: ZAccompanimentParams,
        querystring: ZPageQuery,
        response: { 200: ZNotePage },
      },
    },
    (request) =>
      withActorRead(request, async (ctx) => {
        const accompaniment = await forReading(ctx, request.params.id);
        return listNotes(ctx, actorOf(ctx), accompaniment, request.query);
      }),
  );

  typed.patch(
    '/api/accompaniments/:id/notes/:noteId',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Corriger sa note (son auteur seul ; version requise)',
        params: ZNoteParams,
        body: ZNoteUpdateInput,
        response: { 200: ZNote },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) =>
        updateNote(ctx, actorOf(ctx), await forWork(ctx, request.params.id, 'accompaniment.read'), request.params.noteId, request.body),
      ),
  );

  typed.post(
    '/api/accompaniments/:id/appointments',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Prévoir un rendez-vous',
        params: ZAccompanimentParams,
        body: ZAppointmentInput,
        response: { 201: ZAppointment },
      },
    },
    async (request, reply) => {
      const appointment = await withActorContext(request, async (ctx) => planAppointment(ctx, await forWork(ctx, request.params.id), request.body));
      return reply.status(201).send(appointment);
    },
  );

  typed.patch(
    '/api/accompaniments/:id/appointments/:appointmentId',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Marquer un rendez-vous honoré, manqué ou annulé, ou le déplacer (version requise)',
        params: ZAppointmentParams,
        body: ZAppointmentUpdateInput,
        response: { 200: ZAppointment },
      },
    },
    (request) =>
      withActorContext(request, async (ctx) =>
        updateAppointment(ctx, await forWork(ctx, request.params.id), request.params.appointmentId, request.body),
      ),
  );

  typed.get(
    '/api/accompaniments/:id/appointments/upcoming',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Les prochains rendez-vous prévus, le plus proche d’abord',
        params: ZAccompanimentParams,
        response: { 200: ZAppointmentList },
      },
    },
    (request) =>
      withActorRead(request, async (ctx) => {
        const accompaniment = await forReading(ctx, request.params.id);
        return { items: await listUpcomingAppointments(ctx, accompaniment.id) };
      }),
  );

  typed.get(
    '/api/accompaniments/:id/appointments/to-confirm',
    {
      config: ACCOMPANIMENTS,
      schema: {
        tags: ACCOMPANIMENT_TAGS,
        summary: 'Rendez-vous passés encore « prévus » : à marquer honorés ou manqués, le plus ancien d’abord',
        params: ZAccompanimentParams,
        response: { 200: ZAppointmentList },
      },
    },
    (request) =>
      withActorRead(request, async (ctx) => {
        const accompaniment = await forReading(ctx, request.params.id);
        return { items: await listAppointmentsToConfirm(ctx, accompaniment.id) };
      }),
  );
}
