import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TPersonExport } from '../../../../shared/rights';
import type { ServiceContext } from '../../../platform/http/context';
import {
  accompanimentGoals,
  accompanimentNotes,
  accompanimentPeers,
  accompaniments,
  accompanimentStatusEvents,
  appointments,
  interventionPeers,
  interventions,
} from '../../accompaniments/schema';
import { portalMessages } from '../../portal/schema';
import { iso, isoOrNull, nameIn, userNames } from './names';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row)) ?? [];
    list.push(row);
    groups.set(key(row), list);
  }
  return groups;
}

/**
 * The person's accompaniments with everything recorded in them: peers, status history, goals,
 * interventions, notes of every confidentiality level (a private note is part of the record, which
 * is communicable, DOMAIN §9.5), appointments and portal messages. A few queries for all of them.
 */
export async function accompanimentsOf(ctx: ServiceContext, personId: string): Promise<TPersonExport['accompaniments']> {
  const rows = await ctx.tx
    .select()
    .from(accompaniments)
    .where(and(eq(accompaniments.personId, personId), eq(accompaniments.organizationId, ctx.organizationId)))
    .orderBy(asc(accompaniments.openedAt), asc(accompaniments.id));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const peers = await ctx.tx.select().from(accompanimentPeers).where(inArray(accompanimentPeers.accompanimentId, ids)).orderBy(asc(accompanimentPeers.assignedAt));
  const events = await ctx.tx
    .select()
    .from(accompanimentStatusEvents)
    .where(inArray(accompanimentStatusEvents.accompanimentId, ids))
    .orderBy(asc(accompanimentStatusEvents.at), asc(accompanimentStatusEvents.id));
  const goals = await ctx.tx.select().from(accompanimentGoals).where(inArray(accompanimentGoals.accompanimentId, ids)).orderBy(asc(accompanimentGoals.createdAt));
  const interventionRows = await ctx.tx
    .select()
    .from(interventions)
    .where(inArray(interventions.accompanimentId, ids))
    .orderBy(asc(interventions.occurredAt), asc(interventions.id));
  const interventionIds = interventionRows.map((row) => row.id);
  const interventionPeerRows = interventionIds.length > 0 ? await ctx.tx.select().from(interventionPeers).where(inArray(interventionPeers.interventionId, interventionIds)) : [];
  const notes = await ctx.tx
    .select()
    .from(accompanimentNotes)
    .where(inArray(accompanimentNotes.accompanimentId, ids))
    .orderBy(asc(accompanimentNotes.writtenAt), asc(accompanimentNotes.id));
  const appointmentRows = await ctx.tx.select().from(appointments).where(inArray(appointments.accompanimentId, ids)).orderBy(asc(appointments.startsAt));
  const messages = await ctx.tx.select().from(portalMessages).where(inArray(portalMessages.accompanimentId, ids)).orderBy(asc(portalMessages.sentAt));

  const names = await userNames(ctx, [
    ...peers.map((row) => row.userId),
    ...events.map((row) => row.byUserId),
    ...interventionPeerRows.map((row) => row.userId),
    ...notes.map((row) => row.authorId),
    ...messages.map((row) => row.authorId),
  ]);
  const named = (id: string) => ({ id, name: nameIn(names, id) ?? '' });
  const peersBy = groupBy(peers, (row) => row.accompanimentId);
  const eventsBy = groupBy(events, (row) => row.accompanimentId);
  const goalsBy = groupBy(goals, (row) => row.accompanimentId);
  const interventionsBy = groupBy(interventionRows, (row) => row.accompanimentId);
  const interventionPeersBy = groupBy(interventionPeerRows, (row) => row.interventionId);
  const notesBy = groupBy(notes, (row) => row.accompanimentId);
  const appointmentsBy = groupBy(appointmentRows, (row) => row.accompanimentId);
  const messagesBy = groupBy(messages, (row) => row.accompanimentId);

  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    openedAt: iso(row.openedAt),
    lastContactAt: isoOrNull(row.lastContactAt),
    closedAt: isoOrNull(row.closedAt),
    closingReason: row.closingReason,
    closingNote: row.closingNote,
    peers: (peersBy.get(row.id) ?? []).map((peer) => ({
      ...named(peer.userId),
      asVolunteer: peer.asVolunteer,
      assignedAt: iso(peer.assignedAt),
      endedAt: isoOrNull(peer.endedAt),
    })),
    statusEvents: (eventsBy.get(row.id) ?? []).map((event) => ({
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      at: iso(event.at),
      byName: nameIn(names, event.byUserId),
      reason: event.reason,
    })),
    goals: (goalsBy.get(row.id) ?? []).map((goal) => ({
      id: goal.id,
      wording: goal.wording,
      status: goal.status,
      createdAt: iso(goal.createdAt),
      updatedAt: iso(goal.updatedAt),
    })),
    interventions: (interventionsBy.get(row.id) ?? []).map((intervention) => ({
      id: intervention.id,
      occurredAt: iso(intervention.occurredAt),
      durationMinutes: intervention.durationMinutes,
      type: intervention.type,
      place: intervention.place,
      peers: (interventionPeersBy.get(intervention.id) ?? []).map((peer) => nameIn(names, peer.userId) ?? ''),
    })),
    notes: (notesBy.get(row.id) ?? []).map((note) => ({
      id: note.id,
      writtenAt: iso(note.writtenAt),
      updatedAt: iso(note.updatedAt),
      author: named(note.authorId),
      confidentiality: note.confidentiality,
      body: note.body,
    })),
    appointments: (appointmentsBy.get(row.id) ?? []).map((appointment) => ({
      id: appointment.id,
      startsAt: iso(appointment.startsAt),
      place: appointment.place,
      status: appointment.status,
    })),
    messages: (messagesBy.get(row.id) ?? []).map((message) => ({
      id: message.id,
      sentAt: iso(message.sentAt),
      author: named(message.authorId),
      body: message.body,
      readAt: isoOrNull(message.readAt),
    })),
  }));
}
