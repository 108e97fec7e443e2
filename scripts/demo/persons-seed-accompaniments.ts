import type { TAccompanimentClosingReason, TInterventionType, TNoteConfidentiality } from '../../src/shared/accompaniments';
import type {
  accompanimentGoals,
  accompanimentNotes,
  accompanimentPeers,
  accompanimentStatusEvents,
  accompaniments,
  appointments,
  interventionPeers,
  interventions,
} from '../../src/server/modules/accompaniments/schema';
import type { personReferents } from '../../src/server/modules/persons/schema';
import type { DemoStaff, PersonSlot } from './persons-seed-people';
import type { SeededRandom } from './persons-seed-random';
import type { RequestInsert } from './persons-seed-requests';
import { addMinutes, latest, type Timeline } from './persons-seed-timeline';
import { ENCOUNTER_NOTES, GOALS, PLACES, PRIVATE_NOTES, TEAM_NOTES } from './persons-seed-vocabulary';

export type AccompanimentInsert = typeof accompaniments.$inferInsert & { id: string; openedAt: Date };
export type InterventionInsert = typeof interventions.$inferInsert & { id: string; occurredAt: Date };

export type AccompanimentRows = {
  accompaniments: AccompanimentInsert[];
  peers: (typeof accompanimentPeers.$inferInsert)[];
  referents: (typeof personReferents.$inferInsert)[];
  goals: (typeof accompanimentGoals.$inferInsert)[];
  interventions: InterventionInsert[];
  interventionPeers: (typeof interventionPeers.$inferInsert)[];
  notes: (typeof accompanimentNotes.$inferInsert)[];
  appointments: (typeof appointments.$inferInsert)[];
  statusEvents: (typeof accompanimentStatusEvents.$inferInsert)[];
};

/** One accompaniment being built: its slot, its row, and the facts the continuity step needs. */
export type AccompanimentStory = {
  slot: PersonSlot;
  row: AccompanimentInsert;
  binome: boolean;
  /** Days before today of the last contact: more than 30 for the ruptures. */
  lastContactDaysAgo: number;
  closingReason: TAccompanimentClosingReason | null;
};

/** The 28 closed accompaniments end for these reasons (no death in a demo). */
const CLOSING_REASONS: readonly (readonly [TAccompanimentClosingReason, number])[] = [
  ['goals_reached', 10],
  ['person_decided', 6],
  ['redirected', 3],
  ['moved_away', 3],
  ['unreachable', 2],
  ['transferred', 2],
  ['other', 2],
];

const CLOSING_NOTES: Record<TAccompanimentClosingReason, string> = {
  goals_reached: 'Les objectifs que {p} s’était fixés sont atteints. La porte reste ouverte.',
  person_decided: '{p} a choisi d’arrêter l’accompagnement pour l’instant.',
  redirected: 'Relais pris par le GEM, à la demande de {p}.',
  moved_away: '{p} a déménagé hors de la région ; coordonnées d’une plateforme proche transmises avec son accord.',
  unreachable: 'Pas de nouvelles malgré trois tentatives. Courrier « porte ouverte » envoyé.',
  transferred: 'Accompagnement confié à l’équipe de pairs de l’hôpital de jour, avec l’accord de {p}.',
  deceased: 'Note restreinte.',
  other: 'Fin de l’accompagnement d’un commun accord.',
};

const INTERVENTION_WEIGHTS: readonly (readonly [TInterventionType, number])[] = [
  ['meeting', 32],
  ['phone', 28],
  ['appointment_accompaniment', 13],
  ['group_session', 12],
  ['home_visit', 11],
  ['emergency_department', 4],
];

function durationOf(rng: SeededRandom, type: TInterventionType): number {
  if (type === 'phone') return 5 * rng.int(2, 6);
  if (type === 'meeting') return 15 * rng.int(3, 6);
  if (type === 'home_visit') return 15 * rng.int(4, 8);
  if (type === 'group_session') return 120;
  return 30 * rng.int(2, 8);
}

export const withName = (text: string, name: string) => text.replaceAll('{p}', name);

/**
 * Who is followed today, who was, and why it ended: the dozen current accompaniments (the portal
 * person's, nine active ones, two in rupture) and the closed ones, a volunteer in binôme on some.
 */
export function planStories(rng: SeededRandom, time: Timeline, slots: PersonSlot[], requestOf: Map<string, RequestInsert>, staff: DemoStaff): AccompanimentStory[] {
  const closingReasons = rng.shuffle(CLOSING_REASONS.flatMap(([reason, count]) => Array.from({ length: count }, () => reason)));
  const ruptureDays = [38, 45];
  const stories: AccompanimentStory[] = [];
  for (const slot of slots) {
    if (!slot.openedAt) continue;
    const openedDaysAgo = time.daysBefore(slot.openedAt);
    const closingReason = slot.fate === 'accompaniment_closed' ? (closingReasons.pop() ?? 'other') : null;
    const closedDaysAgo = slot.closedDaysAgo ?? 0;
    const lastContactDaysAgo =
      slot.fate === 'portal'
        ? rng.int(2, 6)
        : slot.fate === 'active'
          ? rng.int(1, 14)
          : slot.fate === 'rupture'
            ? (ruptureDays.shift() ?? 40)
            : closingReason === 'unreachable'
              ? closedDaysAgo + rng.int(55, 58)
              : closedDaysAgo + rng.int(1, 10);
    const binome = slot.fate === 'active' ? stories.filter((story) => story.binome).length < 4 && rng.chance(0.6) : slot.fate === 'accompaniment_closed' && rng.chance(0.2);
    stories.push({
      slot,
      binome,
      lastContactDaysAgo: Math.min(lastContactDaysAgo, openedDaysAgo - 5),
      closingReason,
      row: {
        id: rng.uuid(),
        organizationId: slot.person.organizationId,
        personId: slot.person.id,
        requestId: requestOf.get(slot.person.id)?.id ?? null,
        status: slot.fate === 'rupture' ? 'outreach_in_progress' : closingReason ? 'closed' : 'active',
        openedAt: slot.openedAt,
        openedBy: staff.coordinator,
        closedAt: closingReason ? time.daysAgo(closedDaysAgo, rng.int(8, 15), 0) : null,
        closingReason,
        closingNote: closingReason ? withName(CLOSING_NOTES[closingReason], slot.callName) : null,
        createdAt: slot.openedAt,
        version: 1,
      },
    });
  }
  return stories;
}

/** Intervention days from the opening to the last contact, every 4 to 13 days. */
function contactDays(rng: SeededRandom, openedDaysAgo: number, lastDaysAgo: number): number[] {
  const days = [openedDaysAgo];
  for (let day = openedDaysAgo - rng.int(4, 13); day > lastDaysAgo; day -= rng.int(4, 13)) days.push(day);
  days.push(lastDaysAgo);
  return days;
}

/**
 * The life of each accompaniment: peers (and person referents for the current ones), goals in the
 * person's words, interventions of every type with their peers, notes of each confidentiality,
 * appointments done, missed (never two in a row while active), cancelled and planned, and the
 * status events from opening to today.
 */
export function planAccompaniments(rng: SeededRandom, time: Timeline, stories: AccompanimentStory[], staff: DemoStaff): AccompanimentRows {
  const rows: AccompanimentRows = {
    accompaniments: [],
    peers: [],
    referents: [],
    goals: [],
    interventions: [],
    interventionPeers: [],
    notes: [],
    appointments: [],
    statusEvents: [],
  };
  for (const story of stories) {
    const { row, slot } = story;
    const organizationId = row.organizationId;
    const current = row.status !== 'closed';
    const base = { organizationId, accompanimentId: row.id };
    const volunteerFrom = addMinutes(row.openedAt, rng.int(7, 20) * 24 * 60);
    rows.peers.push({ ...base, userId: staff.peerWorker, asVolunteer: false, assignedAt: row.openedAt, endedAt: row.closedAt ?? null });
    if (story.binome) rows.peers.push({ ...base, userId: staff.volunteer, asVolunteer: true, assignedAt: volunteerFrom, endedAt: row.closedAt ?? null });
    if (current) {
      rows.referents.push({ personId: row.personId, userId: staff.peerWorker, organizationId, assignedAt: row.openedAt });
      if (story.binome) rows.referents.push({ personId: row.personId, userId: staff.volunteer, organizationId, assignedAt: volunteerFrom });
    }

    const days = contactDays(rng, time.daysBefore(row.openedAt), story.lastContactDaysAgo);
    // Notes of an accompaniment go round their lists from a random start: the same words do not come twice in a row.
    let written = rng.int(0, 11);
    const nextOf = (texts: readonly string[]) => texts[written++ % texts.length] ?? '';
    const portal = slot.fate === 'portal';
    let missedLeft = current && rng.chance(0.35) ? 1 : 0;
    let cancelledLeft = rng.chance(0.2) ? 1 : 0;
    days.forEach((day, index) => {
      const type: TInterventionType = index === 0 ? 'meeting' : rng.weighted(INTERVENTION_WEIGHTS);
      const occurredAt = index === 0 ? row.openedAt : time.daysAgo(day, rng.int(7, 15), 15 * rng.int(0, 3));
      const durationMinutes = durationOf(rng, type);
      const place = rng.pick(PLACES[type]);
      const id = rng.uuid();
      rows.interventions.push({ id, ...base, personId: row.personId, occurredAt, durationMinutes, type, place, recordedBy: staff.peerWorker, createdAt: addMinutes(occurredAt, durationMinutes + 20) });
      rows.interventionPeers.push({ interventionId: id, userId: staff.peerWorker });
      const withVolunteer = story.binome && occurredAt > volunteerFrom && type !== 'phone' && type !== 'emergency_department' && rng.chance(0.6);
      if (withVolunteer) rows.interventionPeers.push({ interventionId: id, userId: staff.volunteer });

      const confidentiality: TNoteConfidentiality | null =
        portal && (index < 2 || index === days.length - 1)
          ? 'shared_with_person'
          : index % 3 === 1 || rng.chance(0.15)
            ? rng.weighted([['team', 50], ['shared_with_person', 35], ['private', 15]] as const)
            : null;
      if (confidentiality) {
        const writtenAt = addMinutes(occurredAt, durationMinutes + rng.int(30, 120));
        const byCoordinator = confidentiality === 'team' && rng.chance(0.2);
        rows.notes.push({
          ...base,
          personId: row.personId,
          authorId: byCoordinator ? staff.coordinator : staff.peerWorker,
          confidentiality,
          body: withName(
            confidentiality === 'private' ? nextOf(PRIVATE_NOTES) : confidentiality === 'team' && rng.chance(0.5) ? nextOf(TEAM_NOTES) : nextOf(ENCOUNTER_NOTES[type]),
            slot.callName,
          ),
          writtenAt,
          updatedAt: writtenAt,
          version: 1,
        });
      }
      const appointment = { ...base, personId: row.personId, createdBy: staff.peerWorker, version: 1 };
      if ((type === 'meeting' || type === 'home_visit' || type === 'appointment_accompaniment') && index > 0 && rng.chance(0.5)) {
        const createdAt = addMinutes(occurredAt, -rng.int(2, 10) * 24 * 60);
        rows.appointments.push({ ...appointment, startsAt: occurredAt, place, status: 'done', createdAt: latest([createdAt, row.openedAt]) ?? createdAt, updatedAt: occurredAt });
      }
      const next = days[index + 1];
      if (next !== undefined && day - next >= 6 && (missedLeft > 0 || cancelledLeft > 0)) {
        // Between two contacts: one missed (then the person came again) or one cancelled.
        const status = missedLeft > 0 ? 'missed' : 'cancelled';
        if (status === 'missed') missedLeft -= 1;
        else cancelledLeft -= 1;
        const startsAt = time.daysAgo(day - 3, rng.int(7, 15), 0);
        rows.appointments.push({ ...appointment, startsAt, place: 'Local de la plateforme', status, createdAt: occurredAt, updatedAt: startsAt });
      }
    });
    const lastContact = rows.interventions[rows.interventions.length - 1]?.occurredAt ?? row.openedAt;
    row.lastContactAt = lastContact;

    if (row.status === 'active') {
      const startsAt = portal ? time.daysAgo(-3, 12, 30) : time.daysAgo(-rng.int(1, 14), rng.int(7, 15), 0);
      rows.appointments.push({ ...base, personId: row.personId, startsAt, place: 'Local de la plateforme', status: 'planned', createdBy: staff.peerWorker, createdAt: lastContact, updatedAt: lastContact, version: 1 });
    } else {
      // A silence begins with an appointment the person did not come to.
      const startsAt = time.daysAgo(story.lastContactDaysAgo - 7, rng.int(7, 15), 0);
      if (row.status !== 'closed' || story.closingReason === 'unreachable') {
        rows.appointments.push({ ...base, personId: row.personId, startsAt, place: 'Local de la plateforme', status: 'missed', createdBy: staff.peerWorker, createdAt: lastContact, updatedAt: startsAt, version: 1 });
      }
    }

    const goals = rng.sample(GOALS, rng.int(1, 3));
    goals.forEach((wording, index) => {
      const createdAt = addMinutes(row.openedAt, (index * 7 + rng.int(0, 6)) * 24 * 60);
      const settled = row.status === 'closed' ? (story.closingReason === 'goals_reached' || rng.chance(0.4) ? 'reached' : 'let_go') : rng.chance(0.2) ? 'reached' : 'open';
      const settledAt = settled === 'open' ? createdAt : (row.closedAt ?? lastContact);
      const at = createdAt > lastContact ? lastContact : createdAt;
      rows.goals.push({ ...base, wording, status: settled, createdAt: at, updatedAt: settled === 'open' ? at : settledAt, version: settled === 'open' ? 1 : 2 });
    });

    rows.statusEvents.push({ ...base, fromStatus: null, toStatus: 'active', at: row.openedAt, byUserId: staff.coordinator, reason: null });
    if (row.closedAt && story.closingReason !== 'unreachable') {
      rows.statusEvents.push({ ...base, fromStatus: 'active', toStatus: 'closed', at: row.closedAt, byUserId: staff.peerWorker, reason: row.closingNote ?? null });
      row.version = 2;
    }
    row.updatedAt = latest([row.closedAt, lastContact]) ?? row.openedAt;
    rows.accompaniments.push(row);
  }
  return rows;
}
