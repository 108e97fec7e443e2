import { z } from 'zod';
import {
  ACCOMPANIMENT_CLOSING_REASONS,
  ACCOMPANIMENT_STATUSES,
  ANONYMISATION_PROPOSAL_STATUSES,
  APPOINTMENT_STATUSES,
  GOAL_STATUSES,
  INTERVENTION_TYPES,
  NOTE_CONFIDENTIALITY,
  OUTREACH_CASE_STATUSES,
  OUTREACH_CHANNELS,
  OUTREACH_RESULTS,
  RIGHTS_REQUEST_TYPES,
  RUPTURE_SIGNALS,
} from './accompaniments';
import { ZPage, ZPageQuery } from './pagination';
import { ZConsent, ZContactChannel, ZDepartement, ZEmployment, ZHousing } from './persons';
import { REFERRAL_DECISIONS, ZContactMethod, ZRequestSource, ZRequestStatus, ZRequestUrgency } from './requests';
import { ZRole } from './roles';

/** Rights of the person (DOMAIN §9.5) and retention (§9.2): requests log, export, readers, anonymisation. */
export const ZRightsRequestType = z.enum(RIGHTS_REQUEST_TYPES);
export type TRightsRequestType = z.infer<typeof ZRightsRequestType>;

const ZDateTime = z.iso.datetime({ offset: true });
const ZNamed = z.object({ id: z.uuid(), name: z.string() });

export const ZRightsRequestInput = z.strictObject({
  personId: z.uuid(),
  type: ZRightsRequestType,
  /** When the request reached us; defaults to now. The answer is due one month later. */
  receivedAt: ZDateTime.optional(),
  /** How the requester's identity was checked (never a copy of an identity document). */
  identityCheck: z.string().trim().min(2).max(500).nullable().optional(),
});
export type TRightsRequestInput = z.infer<typeof ZRightsRequestInput>;

export const ZRightsRequestUpdate = z.strictObject({
  version: z.number().int().min(1),
  identityCheck: z.string().trim().min(2).max(500).nullable().optional(),
  answeredAt: ZDateTime.nullable().optional(),
  outcome: z.string().trim().min(2).max(2000).nullable().optional(),
});
export type TRightsRequestUpdate = z.infer<typeof ZRightsRequestUpdate>;

export const ZRightsRequest = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), displayName: z.string() }),
  type: ZRightsRequestType,
  receivedAt: ZDateTime,
  identityCheck: z.string().nullable(),
  dueAt: ZDateTime,
  answeredAt: ZDateTime.nullable(),
  outcome: z.string().nullable(),
  overdue: z.boolean(),
  recordedBy: ZNamed.nullable(),
  version: z.number().int(),
});
export type TRightsRequest = z.infer<typeof ZRightsRequest>;
export const ZRightsRequestPage = ZPage(ZRightsRequest);

export const ZRightsRequestQuery = ZPageQuery.extend({
  state: z.enum(['open', 'answered']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  type: ZRightsRequestType.optional(),
  personId: z.uuid().optional(),
});

export const RIGHTS_MESSAGES = {
  fr: {
    outcomeRequired: 'Indiquez la réponse apportée avant de marquer la demande comme traitée.',
    answeredBeforeReceived: 'La date de réponse ne peut pas précéder la réception de la demande.',
    receivedInFuture: 'La date de réception ne peut pas être dans le futur.',
    answeredInFuture: 'La date de réponse ne peut pas être dans le futur.',
    alreadyAnonymised: 'Cette fiche est déjà anonymisée.',
    openAccompaniment: 'Cette personne a un accompagnement en cours : clôturez-le avant d’anonymiser sa fiche.',
    proposalDecided: 'Cette proposition a déjà été tranchée.',
    recentContact: 'La personne a été en contact avec l’équipe depuis la proposition : la durée de conservation n’est plus échue.',
  },
  en: {
    outcomeRequired: 'Give the answer before marking the request as answered.',
    answeredBeforeReceived: 'The answer date cannot be before the request was received.',
    receivedInFuture: 'The date received cannot be in the future.',
    answeredInFuture: 'The answer date cannot be in the future.',
    alreadyAnonymised: 'This record is already anonymised.',
    openAccompaniment: 'This person has an accompaniment in progress: close it before anonymising the record.',
    proposalDecided: 'This proposal has already been decided.',
    recentContact: 'The person has been in contact with the team since the proposal: the retention period is no longer over.',
  },
} as const;
export type TRightsMessageKey = keyof (typeof RIGHTS_MESSAGES)['fr'];

/** Erasure of a record; the reason is kept on the record (why it was anonymised) and never holds names. */
export const ZAnonymiseInput = z.strictObject({ reason: z.string().trim().min(5).max(500) });
export const ZAnonymisationResult = z.object({
  personId: z.uuid(),
  anonymisedAt: ZDateTime,
  /** Rows whose content was erased, by kind (counts only: the rows stay for statistics). */
  erased: z.record(z.string(), z.number().int().min(0)),
});
export type TAnonymisationResult = z.infer<typeof ZAnonymisationResult>;

export const ZAnonymisationProposalStatus = z.enum(ANONYMISATION_PROPOSAL_STATUSES);
export const ZAnonymisationProposal = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), displayName: z.string(), departement: ZDepartement }),
  proposedAt: ZDateTime,
  lastContactAt: ZDateTime.nullable(),
  status: ZAnonymisationProposalStatus,
  decidedAt: ZDateTime.nullable(),
  decidedBy: ZNamed.nullable(),
  reason: z.string().nullable(),
});
export const ZAnonymisationProposalPage = ZPage(ZAnonymisationProposal);
export const ZAnonymisationProposalQuery = ZPageQuery.extend({ status: ZAnonymisationProposalStatus.default('proposed') });
export const ZProposalConfirmInput = z.strictObject({ reason: z.string().trim().min(5).max(500).optional() });
export const ZProposalRejectInput = z.strictObject({ reason: z.string().trim().min(5).max(500) });

/** One access to the person's record, from the audit journal: who, in which role, when, what. */
export const READER_ACCESS_KINDS = ['read', 'change', 'export'] as const;
export const ZRecordReader = z.object({
  at: ZDateTime,
  reader: ZNamed,
  roles: z.array(ZRole),
  action: z.string(),
  kind: z.enum(READER_ACCESS_KINDS),
});
export type TRecordReader = z.infer<typeof ZRecordReader>;
export const ZRecordReaderPage = ZPage(ZRecordReader);

/** Everything Passerelle holds about one person (right of access, GDPR art. 15). */
export const ZPersonExport = z.object({
  generatedAt: ZDateTime,
  organization: z.object({ id: z.uuid(), name: z.string() }),
  person: z.object({
    id: z.uuid(),
    firstName: z.string().nullable(),
    pseudonym: z.string().nullable(),
    lastName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    preferredChannel: ZContactChannel.nullable(),
    departement: ZDepartement,
    communeInsee: z.string(),
    communeName: z.string(),
    birthYear: z.number().int().nullable(),
    housing: ZHousing,
    employment: ZEmployment,
    structures: z.array(z.object({ type: z.string(), name: z.string() })),
    lastContactAt: ZDateTime.nullable(),
    createdAt: ZDateTime,
    updatedAt: ZDateTime,
    anonymisedAt: ZDateTime.nullable(),
    anonymisationReason: z.string().nullable(),
  }),
  referents: z.array(ZNamed),
  consents: z.array(ZConsent.extend({ collectedByName: z.string().nullable() })),
  requests: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      source: ZRequestSource,
      urgency: ZRequestUrgency,
      status: ZRequestStatus,
      receivedAt: ZDateTime,
      contactMethod: ZContactMethod.nullable(),
      hopes: z.string().nullable(),
      preferredTimes: z.string().nullable(),
      referringStructure: z.string().nullable(),
      referralReason: z.string().nullable(),
      emergencySite: z.string().nullable(),
      emergencyContact: z.string().nullable(),
      decision: z.enum(REFERRAL_DECISIONS).nullable(),
      decisionReason: z.string().nullable(),
      handoffTo: z.string().nullable(),
      handoffStructure: z.string().nullable(),
      redirectedTo: z.string().nullable(),
      closedReason: z.string().nullable(),
      firstContactAt: ZDateTime.nullable(),
      events: z.array(z.object({ fromStatus: ZRequestStatus.nullable(), toStatus: ZRequestStatus, at: ZDateTime, byName: z.string().nullable() })),
    }),
  ),
  accompaniments: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(ACCOMPANIMENT_STATUSES),
      openedAt: ZDateTime,
      lastContactAt: ZDateTime.nullable(),
      closedAt: ZDateTime.nullable(),
      closingReason: z.enum(ACCOMPANIMENT_CLOSING_REASONS).nullable(),
      closingNote: z.string().nullable(),
      peers: z.array(ZNamed.extend({ asVolunteer: z.boolean(), assignedAt: ZDateTime, endedAt: ZDateTime.nullable() })),
      statusEvents: z.array(
        z.object({
          fromStatus: z.enum(ACCOMPANIMENT_STATUSES).nullable(),
          toStatus: z.enum(ACCOMPANIMENT_STATUSES),
          at: ZDateTime,
          byName: z.string().nullable(),
          reason: z.string().nullable(),
        }),
      ),
      goals: z.array(z.object({ id: z.uuid(), wording: z.string(), status: z.enum(GOAL_STATUSES), createdAt: ZDateTime, updatedAt: ZDateTime })),
      interventions: z.array(
        z.object({
          id: z.uuid(),
          occurredAt: ZDateTime,
          durationMinutes: z.number().int(),
          type: z.enum(INTERVENTION_TYPES),
          place: z.string().nullable(),
          peers: z.array(z.string()),
        }),
      ),
      notes: z.array(
        z.object({
          id: z.uuid(),
          writtenAt: ZDateTime,
          updatedAt: ZDateTime,
          author: ZNamed,
          confidentiality: z.enum(NOTE_CONFIDENTIALITY),
          body: z.string(),
        }),
      ),
      appointments: z.array(z.object({ id: z.uuid(), startsAt: ZDateTime, place: z.string().nullable(), status: z.enum(APPOINTMENT_STATUSES) })),
      messages: z.array(z.object({ id: z.uuid(), sentAt: ZDateTime, author: ZNamed, body: z.string(), readAt: ZDateTime.nullable() })),
    }),
  ),
  outreachCases: z.array(
    z.object({
      id: z.uuid(),
      accompanimentId: z.uuid(),
      signal: z.enum(RUPTURE_SIGNALS),
      flaggedAt: ZDateTime,
      status: z.enum(OUTREACH_CASE_STATUSES),
      closedAt: ZDateTime.nullable(),
      outcomeNote: z.string().nullable(),
      attempts: z.array(
        z.object({ at: ZDateTime, channel: z.enum(OUTREACH_CHANNELS), result: z.enum(OUTREACH_RESULTS), note: z.string().nullable(), byName: z.string() }),
      ),
    }),
  ),
  recontactPreferences: z
    .object({
      allowedChannels: z.array(z.enum(OUTREACH_CHANNELS)),
      preferredContactName: z.string().nullable(),
      wishes: z.string().nullable(),
      doNotContact: z.boolean(),
      recordedAt: ZDateTime,
    })
    .nullable(),
  rightsRequests: z.array(
    z.object({
      id: z.uuid(),
      type: ZRightsRequestType,
      receivedAt: ZDateTime,
      identityCheck: z.string().nullable(),
      dueAt: ZDateTime,
      answeredAt: ZDateTime.nullable(),
      outcome: z.string().nullable(),
    }),
  ),
  anonymisationProposals: z.array(
    z.object({ proposedAt: ZDateTime, status: ZAnonymisationProposalStatus, decidedAt: ZDateTime.nullable(), reason: z.string().nullable() }),
  ),
  readers: z.array(ZRecordReader),
});
export type TPersonExport = z.infer<typeof ZPersonExport>;
