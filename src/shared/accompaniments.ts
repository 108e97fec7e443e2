import { z } from 'zod';
import { ZPage, ZPageQuery } from './pagination';
import { ZDepartement } from './persons';

/**
 * Enumerations of the accompaniment world (DOMAIN §0.7: no price anywhere, accompaniment of persons
 * is free). Written once here; zod contracts and database enums both use them.
 */
export const ACCOMPANIMENT_STATUSES = ['active', 'rupture_suspected', 'outreach_in_progress', 'closed'] as const;
export type TAccompanimentStatus = (typeof ACCOMPANIMENT_STATUSES)[number];

export const ACCOMPANIMENT_CLOSING_REASONS = [
  'goals_reached',
  'person_decided',
  'redirected',
  'moved_away',
  'unreachable',
  'transferred',
  'deceased',
  'other',
] as const;
export type TAccompanimentClosingReason = (typeof ACCOMPANIMENT_CLOSING_REASONS)[number];

export const INTERVENTION_TYPES = [
  'meeting',
  'phone',
  'home_visit',
  'appointment_accompaniment',
  'group_session',
  'emergency_department',
] as const;
export type TInterventionType = (typeof INTERVENTION_TYPES)[number];

/** Who may read a note: the person too, the team of the accompaniment, or its author alone. */
export const NOTE_CONFIDENTIALITY = ['shared_with_person', 'team', 'private'] as const;
export type TNoteConfidentiality = (typeof NOTE_CONFIDENTIALITY)[number];

export const APPOINTMENT_STATUSES = ['planned', 'done', 'missed', 'cancelled'] as const;
export type TAppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const GOAL_STATUSES = ['open', 'reached', 'let_go'] as const;
export type TGoalStatus = (typeof GOAL_STATUSES)[number];

/** What made the daily job suspect a rupture (DOMAIN §10.2). */
export const RUPTURE_SIGNALS = ['no_contact', 'missed_appointments'] as const;
export type TRuptureSignal = (typeof RUPTURE_SIGNALS)[number];

export const OUTREACH_CASE_STATUSES = ['open', 'contact_reestablished', 'person_declined', 'unreachable', 'transferred', 'deceased'] as const;
export type TOutreachCaseStatus = (typeof OUTREACH_CASE_STATUSES)[number];

export const OUTREACH_CHANNELS = ['phone', 'sms', 'email', 'letter', 'home_visit', 'through_partner', 'through_relative'] as const;
export type TOutreachChannel = (typeof OUTREACH_CHANNELS)[number];

export const OUTREACH_RESULTS = ['reached', 'no_answer', 'message_left', 'wrong_number', 'declined', 'returned_mail'] as const;
export type TOutreachResult = (typeof OUTREACH_RESULTS)[number];

/** GDPR rights requests (DOMAIN §9.5), logged with their due date (one month). */
export const RIGHTS_REQUEST_TYPES = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability'] as const;
export type TRightsRequestType = (typeof RIGHTS_REQUEST_TYPES)[number];

export const ANONYMISATION_PROPOSAL_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
export type TAnonymisationProposalStatus = (typeof ANONYMISATION_PROPOSAL_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// Contracts of the accompaniment API (issue #4 point 5): inputs validated by the routes, outputs
// documenting them, types for the web app. No price anywhere (DOMAIN §0.7).
// ---------------------------------------------------------------------------------------------

export const ZAccompanimentStatus = z.enum(ACCOMPANIMENT_STATUSES);
export const ZAccompanimentClosingReason = z.enum(ACCOMPANIMENT_CLOSING_REASONS);
export const ZInterventionType = z.enum(INTERVENTION_TYPES);
export const ZNoteConfidentiality = z.enum(NOTE_CONFIDENTIALITY);
export const ZAppointmentStatus = z.enum(APPOINTMENT_STATUSES);
export const ZGoalStatus = z.enum(GOAL_STATUSES);

const ZVersion = z.number().int().min(1);
const ZDateTime = z.iso.datetime({ offset: true });
/** A goal as the person said it: their words, kept as written. */
const ZGoalWording = z.string().trim().min(2).max(500);
const ZPlace = z.string().trim().min(1).max(200);
/** One or two peers: a peer worker alone, two peer workers, or a volunteer in binôme with a peer worker. */
const ZPeerIds = z.array(z.uuid()).min(1).max(2);

/**
 * Rules the server checks against the database (who is an active peer, who is a volunteer…), with
 * their wording in both languages; forms may show the same texts. Not zod refinements: the API
 * re-words zod issues in the caller's language.
 */
export const ACCOMPANIMENT_FIELD_MESSAGES = {
  fr: {
    peerNotActive: 'Chaque pair doit être un membre actif de l’organisation, pair salarié ou bénévole.',
    volunteerAlone: 'Un bénévole intervient toujours en binôme avec un pair salarié.',
    peerRepeated: 'Le même pair est indiqué deux fois.',
    alreadyOpen: 'Cette personne a déjà un accompagnement en cours.',
    requestOtherPerson: 'Cette demande concerne une autre personne.',
    accompanimentClosed: 'Cet accompagnement est clos : il ne peut plus être modifié.',
    presentNotPeer: 'Les pairs présents doivent être des pairs de cet accompagnement.',
    dateInFuture: 'La date ne peut pas être dans le futur.',
    appointmentInPast: 'Le rendez-vous doit être fixé dans le futur.',
    appointmentNotPlanned: 'Seul un rendez-vous prévu peut être modifié.',
    closingNoteRequired: 'Précisez la raison de la clôture.',
  },
  en: {
    peerNotActive: 'Each peer must be an active member of the organisation, as a peer worker or a volunteer.',
    volunteerAlone: 'A volunteer always works in a pair with a salaried peer worker.',
    peerRepeated: 'The same peer is given twice.',
    alreadyOpen: 'This person already has an ongoing accompaniment.',
    requestOtherPerson: 'This request is about another person.',
    accompanimentClosed: 'This accompaniment is closed: it can no longer be changed.',
    presentNotPeer: 'The peers present must be peers of this accompaniment.',
    dateInFuture: 'The date cannot be in the future.',
    appointmentInPast: 'The appointment must be set in the future.',
    appointmentNotPlanned: 'Only a planned appointment can be changed.',
    closingNoteRequired: 'Give the reason for closing.',
  },
} as const;
export type TAccompanimentFieldMessage = keyof (typeof ACCOMPANIMENT_FIELD_MESSAGES)['fr'];

// Inputs ---------------------------------------------------------------------------------------

/**
 * Opens an accompaniment. With `requestId` the request moves to `accompaniment_opened` (it must
 * have been contacted first); `requestVersion`, when given, must be the version read (409 else).
 */
export const ZAccompanimentOpenInput = z.strictObject({
  personId: z.uuid(),
  requestId: z.uuid().optional(),
  requestVersion: ZVersion.optional(),
  peerIds: ZPeerIds,
  goals: z.array(ZGoalWording).max(20).optional(),
});
export type TAccompanimentOpenInput = z.infer<typeof ZAccompanimentOpenInput>;

export const ZAccompanimentListQuery = ZPageQuery.extend({
  status: ZAccompanimentStatus.optional(),
  peerId: z.uuid().optional(),
});
export type TAccompanimentListQuery = z.infer<typeof ZAccompanimentListQuery>;

/** The whole set of current peers (peers left out end their assignment; history is kept). */
export const ZAccompanimentPeersInput = z.strictObject({ version: ZVersion, peerIds: ZPeerIds });
export type TAccompanimentPeersInput = z.infer<typeof ZAccompanimentPeersInput>;

/** Closing: a reason code, and a note (required for `other`). Planned appointments are cancelled. */
export const ZAccompanimentCloseInput = z.strictObject({
  version: ZVersion,
  reason: ZAccompanimentClosingReason,
  note: z.string().trim().min(2).max(1000).optional(),
});
export type TAccompanimentCloseInput = z.infer<typeof ZAccompanimentCloseInput>;

export const ZGoalInput = z.strictObject({ wording: ZGoalWording });
export type TGoalInput = z.infer<typeof ZGoalInput>;
/** Re-word a goal, or mark it reached / let go (or open again). */
export const ZGoalUpdateInput = z.strictObject({ version: ZVersion, wording: ZGoalWording.optional(), status: ZGoalStatus.optional() });
export type TGoalUpdateInput = z.infer<typeof ZGoalUpdateInput>;

/** One intervention: when (not in the future), how long in minutes, what kind, where, which peers were there. */
export const ZInterventionInput = z.strictObject({
  occurredAt: ZDateTime,
  durationMinutes: z.number().int().min(1).max(24 * 60),
  type: ZInterventionType,
  place: ZPlace.nullable().optional(),
  peerIds: z.array(z.uuid()).min(1).max(4),
});
export type TInterventionInput = z.infer<typeof ZInterventionInput>;

export const ZNoteInput = z.strictObject({ confidentiality: ZNoteConfidentiality, body: z.string().trim().min(1).max(10_000) });
export type TNoteInput = z.infer<typeof ZNoteInput>;
export const ZNoteUpdateInput = z.strictObject({
  version: ZVersion,
  confidentiality: ZNoteConfidentiality.optional(),
  body: z.string().trim().min(1).max(10_000).optional(),
});
export type TNoteUpdateInput = z.infer<typeof ZNoteUpdateInput>;

export const ZAppointmentInput = z.strictObject({ startsAt: ZDateTime, place: ZPlace.nullable().optional() });
export type TAppointmentInput = z.infer<typeof ZAppointmentInput>;
/** Mark done / missed / cancelled, or move a planned appointment (new time or place). */
export const ZAppointmentUpdateInput = z.strictObject({
  version: ZVersion,
  status: ZAppointmentStatus.optional(),
  startsAt: ZDateTime.optional(),
  place: ZPlace.nullable().optional(),
});
export type TAppointmentUpdateInput = z.infer<typeof ZAppointmentUpdateInput>;

// Outputs --------------------------------------------------------------------------------------

export const ZPeerRef = z.object({ id: z.uuid(), name: z.string() });
export type TPeerRef = z.infer<typeof ZPeerRef>;

export const ZAccompanimentPeer = ZPeerRef.extend({
  asVolunteer: z.boolean(),
  assignedAt: ZDateTime,
  endedAt: ZDateTime.nullable(),
});
export type TAccompanimentPeer = z.infer<typeof ZAccompanimentPeer>;

export const ZGoal = z.object({
  id: z.uuid(),
  wording: z.string(),
  status: ZGoalStatus,
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int(),
});
export type TGoal = z.infer<typeof ZGoal>;

export const ZIntervention = z.object({
  id: z.uuid(),
  accompanimentId: z.uuid(),
  occurredAt: ZDateTime,
  durationMinutes: z.number().int(),
  type: ZInterventionType,
  place: z.string().nullable(),
  recordedBy: z.uuid().nullable(),
  peers: z.array(ZPeerRef),
});
export type TIntervention = z.infer<typeof ZIntervention>;
export const ZInterventionPage = ZPage(ZIntervention);
export type TInterventionPage = z.infer<typeof ZInterventionPage>;

export const ZNote = z.object({
  id: z.uuid(),
  accompanimentId: z.uuid(),
  author: ZPeerRef,
  confidentiality: ZNoteConfidentiality,
  body: z.string(),
  writtenAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int(),
  policies: z.object({ update: z.boolean() }),
});
export type TNote = z.infer<typeof ZNote>;
export const ZNotePage = ZPage(ZNote);
export type TNotePage = z.infer<typeof ZNotePage>;

export const ZAppointment = z.object({
  id: z.uuid(),
  accompanimentId: z.uuid(),
  startsAt: ZDateTime,
  place: z.string().nullable(),
  status: ZAppointmentStatus,
  version: z.number().int(),
});
export type TAppointment = z.infer<typeof ZAppointment>;
export const ZAppointmentList = z.object({ items: z.array(ZAppointment) });

export const ZAccompanimentStatusEvent = z.object({
  fromStatus: ZAccompanimentStatus.nullable(),
  toStatus: ZAccompanimentStatus,
  at: ZDateTime,
  byUserId: z.uuid().nullable(),
  reason: z.string().nullable(),
});

export const ZAccompanimentPerson = z.object({
  id: z.uuid(),
  displayName: z.string(),
  communeName: z.string(),
  departement: ZDepartement,
  lastContactAt: ZDateTime.nullable(),
});

export const ZAccompanimentSummary = z.object({
  id: z.uuid(),
  status: ZAccompanimentStatus,
  person: z.object({ id: z.uuid(), displayName: z.string() }),
  peers: z.array(ZAccompanimentPeer),
  openedAt: ZDateTime,
  lastContactAt: ZDateTime.nullable(),
  closedAt: ZDateTime.nullable(),
  version: z.number().int(),
});
export type TAccompanimentSummary = z.infer<typeof ZAccompanimentSummary>;
export const ZAccompanimentPage = ZPage(ZAccompanimentSummary);
export type TAccompanimentPage = z.infer<typeof ZAccompanimentPage>;
export const ZAccompanimentList = z.object({ items: z.array(ZAccompanimentSummary) });

/** What the accompaniment page shows, with the actor's permissions so the web app never repeats the rules. */
export const ZAccompanimentDetail = ZAccompanimentSummary.extend({
  person: ZAccompanimentPerson,
  requestId: z.uuid().nullable(),
  closingReason: ZAccompanimentClosingReason.nullable(),
  closingNote: z.string().nullable(),
  goals: z.array(ZGoal),
  nextAppointment: ZAppointment.nullable(),
  lastInterventions: z.array(ZIntervention),
  statusEvents: z.array(ZAccompanimentStatusEvent),
  policies: z.object({ work: z.boolean(), assignPeers: z.boolean(), close: z.boolean() }),
});
export type TAccompanimentDetail = z.infer<typeof ZAccompanimentDetail>;

/** A peer a coordinator may assign (team directory): name only, and whether they are a volunteer. */
export const ZPeerChoice = z.object({ id: z.uuid(), name: z.string(), asVolunteer: z.boolean() });
export type TPeerChoice = z.infer<typeof ZPeerChoice>;
export const ZPeerChoices = z.object({ items: z.array(ZPeerChoice) });
