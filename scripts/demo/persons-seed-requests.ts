import { PUBLIC_FORM_CONSENT_TEXT_VERSION, type TRequestStatus, type TRequestUrgency } from '../../src/shared/requests';
import type { requestReferenceCounters, requestStatusEvents, supportRequests } from '../../src/server/modules/requests/schema';
import { DEFAULT_TARGETS, targetMinutes } from '../../src/server/modules/requests/settings';
import { requestStatusOf, type ConsentInsert, type DemoStaff, type PersonSlot } from './persons-seed-people';
import type { SeededRandom } from './persons-seed-random';
import { addMinutes, DAY, duringWorkingHours, type Timeline } from './persons-seed-timeline';
import {
  CLOSING_REASONS_OF_REQUESTS,
  HOPES,
  PREFERRED_TIMES,
  REDIRECTIONS,
  REFERRAL_REASONS,
  REFERRING_STRUCTURES,
} from './persons-seed-vocabulary';

export type RequestInsert = typeof supportRequests.$inferInsert & { id: string; receivedAt: Date };
export type RequestEventInsert = typeof requestStatusEvents.$inferInsert;
export type CounterInsert = typeof requestReferenceCounters.$inferInsert;

/** Versions of the consent texts of the demo (the public form's is the app's own). */
export const CONSENT_TEXTS = {
  referral: 'orientation-partenaire-2025-09',
  phone: 'accueil-telephonique-2025-01',
  accompaniment: 'accompagnement-pair-2025-06',
  recontact: 'recontact-2025-06',
} as const;

export type RequestPlan = { requests: RequestInsert[]; events: RequestEventInsert[]; consents: ConsentInsert[]; counters: CounterInsert[] };

type Source = RequestInsert['source'];

function drawSource(rng: SeededRandom, slot: PersonSlot): Source {
  if (slot.fate === 'portal') return 'coordinator_entry';
  return rng.weighted([
    ['public_form', 40],
    ['partner_referral', 35],
    ['coordinator_entry', 25],
  ] as const);
}

function drawUrgency(rng: SeededRandom, source: Source): TRequestUrgency {
  if (source === 'public_form') return 'standard'; // the public form asks no urgency
  if (source === 'partner_referral') return rng.weighted([['standard', 55], ['urgent', 28], ['emergency_department', 17]] as const);
  return rng.weighted([['standard', 70], ['urgent', 25], ['emergency_department', 5]] as const);
}

const workingHour = (rng: SeededRandom) => rng.int(7, 15);

/**
 * When the request arrived, and for the later fates when the person was first reached and when the
 * accompaniment opened (or closed). New requests are either fresh (still within their response
 * target) or clearly overdue, whatever the hour the seed runs at.
 */
function schedule(rng: SeededRandom, time: Timeline, slot: PersonSlot, urgency: TRequestUrgency) {
  const fate = slot.fate;
  if (fate === 'new') {
    const withinTarget = targetMinutes(DEFAULT_TARGETS, urgency);
    return { receivedAt: time.minutesAgo(rng.int(10, Math.min(withinTarget - 30, 1200))), firstContactAt: null };
  }
  if (fate === 'new_overdue') {
    const days = urgency === 'standard' ? rng.int(3, 7) : urgency === 'urgent' ? rng.int(2, 5) : rng.int(1, 3);
    return { receivedAt: time.daysAgo(days, workingHour(rng), rng.int(0, 59)), firstContactAt: null };
  }
  if (fate === 'portal' || fate === 'active' || fate === 'rupture' || fate === 'accompaniment_closed') {
    const openedDaysAgo = fate === 'portal' ? 150 : fate === 'active' ? rng.int(30, 220) : fate === 'rupture' ? rng.int(100, 200) : rng.int(160, 420);
    slot.openedAt = time.daysAgo(openedDaysAgo, workingHour(rng), 30);
    if (fate === 'accompaniment_closed') slot.closedDaysAgo = Math.max(10, openedDaysAgo - rng.int(60, 200));
    const receivedAt = time.daysAgo(openedDaysAgo + rng.int(5, 20), workingHour(rng), rng.int(0, 59));
    return { receivedAt, firstContactAt: duringWorkingHours(addMinutes(receivedAt, rng.int(90, 3 * 24 * 60)), addMinutes(receivedAt, 30)) };
  }
  const receivedAt = time.daysAgo(fate === 'contacted' ? rng.int(3, 25) : rng.int(8, 380), workingHour(rng), rng.int(0, 59));
  const reached = fate === 'contacted' || (fate === 'redirected' ? rng.chance(0.65) : rng.chance(0.45));
  const firstContactAt = reached ? duringWorkingHours(addMinutes(receivedAt, rng.int(60, 2 * 24 * 60)), addMinutes(receivedAt, 30)) : null;
  return { receivedAt, firstContactAt };
}

/**
 * One request per person, in the state its fate says, with every status change timed and by whom,
 * the response target fixed at arrival (the organisation runs on the default targets), the
 * referral decisions, the consents each channel collects, and references DEM-YYYY-NNNNNN numbered
 * in order of arrival per year, with the counters left where the next real request continues.
 */
export function planRequests(rng: SeededRandom, time: Timeline, slots: PersonSlot[], staff: DemoStaff): RequestPlan {
  const requests: RequestInsert[] = [];
  const events: RequestEventInsert[] = [];
  const consents: ConsentInsert[] = [];
  for (const slot of slots) {
    const { person } = slot;
    const organizationId = person.organizationId;
    const source = drawSource(rng, slot);
    const urgency = drawUrgency(rng, source);
    const { receivedAt, firstContactAt } = schedule(rng, time, slot, urgency);
    const status: TRequestStatus = requestStatusOf(slot.fate);
    const author = source === 'partner_referral' ? staff.partner : source === 'coordinator_entry' ? staff.coordinator : null;
    person.createdAt = receivedAt;
    person.updatedAt = receivedAt;
    person.createdBy = author;
    person.lastContactAt = firstContactAt;

    const structure = `${rng.pick(REFERRING_STRUCTURES)} — ${slot.commune.name}`;
    const contactMethod = person.phone ? 'phone' : person.email ? 'email' : 'through_partner';
    const id = rng.uuid();
    const request: RequestInsert = {
      id,
      organizationId,
      reference: '',
      personId: person.id,
      source,
      urgency,
      status,
      departement: person.departement,
      communeInsee: person.communeInsee,
      contactMethod,
      hopes: source === 'public_form' ? rng.pick(HOPES) : null,
      preferredTimes: source === 'public_form' ? rng.pick(PREFERRED_TIMES) : null,
      referringStructure: source === 'public_form' ? (contactMethod === 'through_partner' ? structure : null) : structure,
      referralReason: source === 'public_form' ? null : rng.pick(REFERRAL_REASONS),
      referrerUserId: source === 'partner_referral' ? staff.partner : null,
      emergencySite: urgency === 'emergency_department' ? `Urgences du centre hospitalier — ${slot.commune.name}` : null,
      emergencyContact: urgency === 'emergency_department' ? 'Infirmière de liaison psychiatrique' : null,
      receivedAt,
      respondBy: addMinutes(receivedAt, targetMinutes(DEFAULT_TARGETS, urgency)),
      firstContactAt,
      createdBy: author,
      createdAt: receivedAt,
      updatedAt: receivedAt,
      version: 1,
    };
    const change = (to: TRequestStatus, from: TRequestStatus | null, at: Date, by: string | null) => {
      events.push({ organizationId, requestId: id, fromStatus: from, toStatus: to, at, byUserId: by });
      if (from !== null) request.version = (request.version ?? 1) + 1;
      request.updatedAt = at;
    };
    change('new', null, receivedAt, author);
    if (firstContactAt) {
      if (source === 'partner_referral') {
        // Accepted before the first call: a decision is a change of its own (version + 1).
        request.decision = 'accepted';
        request.decidedAt = duringWorkingHours(addMinutes(receivedAt, Math.round((firstContactAt.getTime() - receivedAt.getTime()) / 120_000)), receivedAt);
        request.version = (request.version ?? 1) + 1;
      }
      change('contacted', 'new', firstContactAt, staff.coordinator);
    }
    const from: TRequestStatus = firstContactAt ? 'contacted' : 'new';
    const endedAt = duringWorkingHours(addMinutes(firstContactAt ?? receivedAt, rng.int(2 * 60, 10 * 24 * 60)), firstContactAt ?? receivedAt);
    const settledAt = endedAt.getTime() < time.now.getTime() - DAY ? endedAt : addMinutes(firstContactAt ?? receivedAt, 60);
    if (status === 'accompaniment_opened' && slot.openedAt) change('accompaniment_opened', from, slot.openedAt, staff.coordinator);
    if (status === 'redirected') {
      const declined = source === 'partner_referral' && !firstContactAt && rng.chance(0.6);
      if (declined) {
        request.decision = 'declined';
        request.decisionReason = 'La personne a besoin d’un suivi plus soutenu que ce que nous proposons pour l’instant.';
        request.handoffTo = rng.pick(REDIRECTIONS);
        request.handoffStructure = `Antenne de ${slot.commune.name}`;
        request.decidedAt = settledAt;
        request.redirectedTo = [request.handoffTo, request.handoffStructure].join(' — ');
      } else {
        request.redirectedTo = rng.pick(REDIRECTIONS);
      }
      change('redirected', from, settledAt, staff.coordinator);
    }
    if (status === 'closed') {
      request.closedReason = rng.pick(CLOSING_REASONS_OF_REQUESTS);
      change('closed', from, settledAt, staff.coordinator);
    }
    requests.push(request);
    consents.push(...consentsOf(rng, slot, request, staff));
  }
  return { requests, events, consents, counters: numberReferences(requests) };
}

/** What each channel collects (DOMAIN §9.4): contact always, then processing or partner exchange. */
function consentsOf(rng: SeededRandom, slot: PersonSlot, request: RequestInsert, staff: DemoStaff): ConsentInsert[] {
  const base = { organizationId: request.organizationId, personId: slot.person.id, collectedAt: request.receivedAt, createdAt: request.receivedAt };
  const coordination = 'équipe de coordination';
  if (request.source === 'public_form') {
    const form = { ...base, method: 'portal_click', textVersion: PUBLIC_FORM_CONSENT_TEXT_VERSION, collectedBy: null } as const;
    return [
      { ...form, purpose: 'contact', recipients: coordination },
      { ...form, purpose: 'data_processing', scope: 'demande d’accompagnement par un pair' },
    ];
  }
  if (request.source === 'coordinator_entry') {
    return [{ ...base, purpose: 'contact', recipients: coordination, method: 'oral_recorded', textVersion: CONSENT_TEXTS.phone, collectedBy: staff.coordinator }];
  }
  const method = rng.pick(['oral_recorded', 'paper_signed', 'e_sign'] as const);
  const referral = { ...base, method, textVersion: CONSENT_TEXTS.referral, collectedBy: staff.partner };
  // A few persons later took back the exchange with the partner who referred them.
  const withdrawn = (slot.fate === 'closed' || slot.fate === 'redirected') && rng.chance(0.12);
  return [
    { ...referral, purpose: 'contact', recipients: coordination },
    {
      ...referral,
      purpose: 'exchange_with_partner',
      recipients: request.referringStructure,
      withdrawnAt: withdrawn ? request.updatedAt : null,
      withdrawnHow: withdrawn ? 'Par téléphone, auprès de la coordination' : null,
    },
  ];
}

/** DEM-YYYY-NNNNNN in order of arrival within each year; the counters end at each year's last number. */
function numberReferences(requests: RequestInsert[]): CounterInsert[] {
  const lastByYear = new Map<number, number>();
  const ordered = [...requests].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id));
  for (const request of ordered) {
    const year = request.receivedAt.getUTCFullYear();
    const number = (lastByYear.get(year) ?? 0) + 1;
    lastByYear.set(year, number);
    request.reference = `DEM-${year}-${String(number).padStart(6, '0')}`;
  }
  const organizationId = requests[0]?.organizationId;
  if (!organizationId) return [];
  return [...lastByYear].map(([year, lastNumber]) => ({ organizationId, year, lastNumber }));
}
