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
