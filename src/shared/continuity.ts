import { z } from 'zod';
import {
  ACCOMPANIMENT_STATUSES,
  OUTREACH_CASE_STATUSES,
  OUTREACH_CHANNELS,
  OUTREACH_RESULTS,
  RUPTURE_SIGNALS,
  type TOutreachChannel,
} from './accompaniments';
import { ZPage, ZPageQuery } from './pagination';
import { ZDepartement } from './persons';

/**
 * Continuity after a rupture (DOMAIN §10.2): the rupture rule of the organisation, the person's
 * re-contact preferences, the outreach queue with its attempts and outcomes.
 */
export const ZOutreachChannel = z.enum(OUTREACH_CHANNELS);
export const ZOutreachResult = z.enum(OUTREACH_RESULTS);
export const ZRuptureSignal = z.enum(RUPTURE_SIGNALS);
export const ZOutreachCaseStatus = z.enum(OUTREACH_CASE_STATUSES);
export const ZAccompanimentStatus = z.enum(ACCOMPANIMENT_STATUSES);

/** Channels that go through someone else: they need the name of the person to contact. */
export const THIRD_PARTY_CHANNELS: readonly TOutreachChannel[] = ['through_partner', 'through_relative'];

/** `version` 0 = the organisation still runs on the defaults (30 days, 2 missed appointments, 5 attempts). */
export const ZContinuitySettings = z.object({
  noContactDays: z.number().int().min(7).max(365),
  missedAppointmentsInARow: z.number().int().min(1).max(10),
  maxOutreachAttempts: z.number().int().min(1).max(20),
  version: z.number().int().min(0),
});
export type TContinuitySettings = z.infer<typeof ZContinuitySettings>;
export const ZContinuitySettingsInput = ZContinuitySettings.strict();

/** How the person wants to be re-contacted if contact breaks, said in advance. `version` 0 = nothing recorded yet. */
export const ZRecontactPreferences = z.object({
  personId: z.uuid(),
  allowedChannels: z.array(ZOutreachChannel),
  preferredContactName: z.string().nullable(),
  wishes: z.string().nullable(),
  doNotContact: z.boolean(),
  recordedAt: z.iso.datetime({ offset: true }).nullable(),
  recordedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  version: z.number().int().min(0),
});
export type TRecontactPreferences = z.infer<typeof ZRecontactPreferences>;

export const ZRecontactPreferencesInput = z.strictObject({
  allowedChannels: z.array(ZOutreachChannel).max(OUTREACH_CHANNELS.length),
  preferredContactName: z.string().trim().min(1).max(160).nullable().optional(),
  wishes: z.string().trim().max(2000).nullable().optional(),
  doNotContact: z.boolean(),
  version: z.number().int().min(0),
});
export type TRecontactPreferencesInput = z.infer<typeof ZRecontactPreferencesInput>;

/** Messages of the continuity rules, French first; the server answers 400 with them on the field. */
export const CONTINUITY_MESSAGES = {
  fr: {
    contactNameRequired: 'Indiquez le partenaire ou le proche que la personne a désigné pour être contactée par son intermédiaire.',
    channelNotAllowed: 'La personne n’a pas autorisé ce moyen de contact. Choisissez un des moyens qu’elle a acceptés.',
    doNotContact: 'La personne a demandé à ne pas être recontactée : aucune démarche n’est possible, son souhait est respecté.',
    noRecontactConsent: 'La personne n’a pas donné (ou a retiré) son accord pour être recontactée : aucune démarche n’est possible.',
    caseClosed: 'Cette situation de reprise de contact est déjà close.',
    closeNotAllowed: 'Seul un coordinateur peut clore avec cette issue.',
  },
  en: {
    contactNameRequired: 'Name the partner or relative the person chose to be contacted through.',
    channelNotAllowed: 'The person did not allow this way of contacting them. Choose one they accepted.',
    doNotContact: 'The person asked not to be contacted again: no attempt is possible, their wish is respected.',
    noRecontactConsent: 'The person did not give (or withdrew) their consent to be contacted again: no attempt is possible.',
    caseClosed: 'This outreach case is already closed.',
    closeNotAllowed: 'Only a coordinator may close with this outcome.',
  },
} as const;
export type TContinuityMessageKey = keyof (typeof CONTINUITY_MESSAGES)['fr'];

/** A third-party channel needs the name of the partner or relative (checked by the server, usable by forms). */
export function recontactPreferencesRules(value: TRecontactPreferencesInput): Partial<Record<string, TContinuityMessageKey>> {
  const throughSomeone = value.allowedChannels.some((channel) => THIRD_PARTY_CHANNELS.includes(channel));
  return throughSomeone && !value.preferredContactName ? { preferredContactName: 'contactNameRequired' } : {};
}

/**
 * What the queue suggests doing next, derived from DOMAIN §10.2 and the person's preferences; never
 * anything when the person asked not to be contacted.
 */
export const OUTREACH_SUGGESTIONS = [
  'contact_on_channel',
  'contact_through_named_person',
  'open_door_letter',
  'close_unreachable',
  'close_contact_reestablished',
  'close_person_declined',
  'check_preferences',
] as const;
export const ZOutreachSuggestion = z.object({
  code: z.enum(OUTREACH_SUGGESTIONS),
  channel: ZOutreachChannel.nullable(),
  label: z.string(),
});
export type TOutreachSuggestion = z.infer<typeof ZOutreachSuggestion>;

export const ZOutreachQueueQuery = ZPageQuery.extend({
  status: ZOutreachCaseStatus.default('open'),
  departement: ZDepartement.optional(),
  signal: ZRuptureSignal.optional(),
});

const ZPeer = z.object({ id: z.uuid(), name: z.string() });

export const ZOutreachAttempt = z.object({
  id: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  channel: ZOutreachChannel,
  result: ZOutreachResult,
  note: z.string().nullable(),
  by: ZPeer,
});

export const ZOutreachCaseSummary = z.object({
  id: z.uuid(),
  accompanimentId: z.uuid(),
  accompanimentStatus: ZAccompanimentStatus,
  /** First name or pseudonym only: enough to recognise the person, nothing more in a queue. */
  person: z.object({ id: z.uuid(), firstName: z.string().nullable(), pseudonym: z.string().nullable() }),
  territory: z.object({ departement: ZDepartement, communeInsee: z.string(), communeName: z.string() }),
  signal: ZRuptureSignal,
  flaggedAt: z.iso.datetime({ offset: true }),
  ageDays: z.number().int().min(0),
  status: ZOutreachCaseStatus,
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  attemptCount: z.number().int().min(0),
  maxAttempts: z.number().int(),
  lastAttempt: ZOutreachAttempt.omit({ note: true, by: true }).nullable(),
  /** Shown prominently: how the person wants (or does not want) to be re-contacted. */
  preferences: ZRecontactPreferences.omit({ personId: true, recordedBy: true }),
  recontactConsent: z.boolean(),
  suggestions: z.array(ZOutreachSuggestion),
  peers: z.array(ZPeer),
  version: z.number().int(),
  /** `close`: may record that contact is re-established; `closeWithAnyOutcome`: may also close as unreachable, declined… */
  policies: z.object({ logAttempt: z.boolean(), close: z.boolean(), closeWithAnyOutcome: z.boolean() }),
});
export type TOutreachCaseSummary = z.infer<typeof ZOutreachCaseSummary>;
export const ZOutreachCasePage = ZPage(ZOutreachCaseSummary);

export const ZOutreachCaseDetail = ZOutreachCaseSummary.extend({
  outcomeNote: z.string().nullable(),
  closedBy: ZPeer.nullable(),
  attempts: z.array(ZOutreachAttempt),
});
export type TOutreachCaseDetail = z.infer<typeof ZOutreachCaseDetail>;

export const ZOutreachAttemptInput = z.strictObject({
  channel: ZOutreachChannel,
  result: ZOutreachResult,
  note: z.string().trim().max(2000).nullable().optional(),
});
export type TOutreachAttemptInput = z.infer<typeof ZOutreachAttemptInput>;

export const OUTREACH_OUTCOMES = ['contact_reestablished', 'person_declined', 'unreachable', 'transferred', 'deceased'] as const;
export const ZOutreachOutcome = z.enum(OUTREACH_OUTCOMES);
export type TOutreachOutcome = z.infer<typeof ZOutreachOutcome>;

export const ZOutreachCloseInput = z.strictObject({
  outcome: ZOutreachOutcome,
  note: z.string().trim().max(2000).nullable().optional(),
  version: z.number().int().min(1),
});
export type TOutreachCloseInput = z.infer<typeof ZOutreachCloseInput>;
