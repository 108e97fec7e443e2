import { z } from 'zod';
import { ZPage, ZPageQuery } from './pagination';

/** The six départements of PACA: every person and request carries one (ARS reports are cut by it). */
export const DEPARTEMENTS = ['04', '05', '06', '13', '83', '84'] as const;
export const ZDepartement = z.enum(DEPARTEMENTS);
export type TDepartement = z.infer<typeof ZDepartement>;

/** INSEE commune code: 5 characters (2A/2B for Corsica, digits elsewhere). */
export const ZCommuneInsee = z.string().trim().regex(/^(\d{5}|2[AB]\d{3})$/, 'Code INSEE de commune à 5 caractères attendu.');

export const CONTACT_CHANNELS = ['phone', 'sms', 'email', 'through_partner'] as const;
export const ZContactChannel = z.enum(CONTACT_CHANNELS);
export type TContactChannel = z.infer<typeof ZContactChannel>;

/**
 * Situation fields kept on purpose small (DOMAIN §7 demographics, aggregated in reports): housing
 * and employment. Age comes from the optional birth year; nothing clinical is ever stored here.
 */
export const HOUSING_SITUATIONS = ['own_or_rented', 'hosted_by_relatives', 'supported_housing', 'precarious', 'homeless', 'institution', 'unknown'] as const;
export const ZHousing = z.enum(HOUSING_SITUATIONS);
export const EMPLOYMENT_STATUSES = ['employed', 'job_seeking', 'training', 'inactive', 'retired', 'unknown'] as const;
export const ZEmployment = z.enum(EMPLOYMENT_STATUSES);

/** Structures involved with the person (CMP, GEM…): who, not what they do clinically. */
export const ZStructureType = z.enum(['cmp', 'hospital', 'gem', 'social_service', 'essms', 'empp', 'association', 'other']);
export const ZStructure = z.strictObject({ type: ZStructureType, name: z.string().trim().min(1).max(160) });

const ZName = z.string().trim().min(1).max(80);
const thisYear = new Date().getFullYear();
export const ZBirthYear = z.number().int().min(1900).max(thisYear);
export const ZPhone = z.string().trim().regex(/^\+?[0-9 .-]{6,20}$/, 'Numéro de téléphone invalide.');
export const ZOptionalEmail = z.email('Adresse e-mail invalide.').max(254).transform((email) => email.toLowerCase());

export const ZPersonFields = z.strictObject({
  firstName: ZName.nullable().optional(),
  pseudonym: ZName.nullable().optional(),
  lastName: ZName.nullable().optional(),
  phone: ZPhone.nullable().optional(),
  email: ZOptionalEmail.nullable().optional(),
  preferredChannel: ZContactChannel.nullable().optional(),
  departement: ZDepartement,
  communeInsee: ZCommuneInsee,
  communeName: z.string().trim().min(1).max(100),
  birthYear: ZBirthYear.nullable().optional(),
  housing: ZHousing.optional(),
  employment: ZEmployment.optional(),
  structures: z.array(ZStructure).max(20).optional(),
  referentIds: z.array(z.uuid()).max(5).optional(),
});

/**
 * Rules across fields, checked by the server after the schema (and usable by forms): each gives
 * the field and a message key. They are not zod refinements because the API re-words zod issues
 * in the caller's language, which would replace these specific messages with a generic one.
 */
export const FIELD_RULE_MESSAGES = {
  fr: {
    nameRequired: 'Indiquez un prénom ou un pseudonyme.',
    phoneRequired: 'Indiquez un numéro de téléphone.',
    emailRequired: 'Indiquez une adresse e-mail.',
    partnerRequired: 'Indiquez la structure qui peut vous joindre.',
    emergencySiteRequired: 'Indiquez le service d’urgences concerné.',
    redirectedToRequired: 'Indiquez vers qui la personne est orientée.',
    closedReasonRequired: 'Indiquez la raison de la clôture.',
    handoffRequired: 'Proposez vers qui se tourner à la place.',
  },
  en: {
    nameRequired: 'Give a first name or a pseudonym.',
    phoneRequired: 'Give a phone number.',
    emailRequired: 'Give an email address.',
    partnerRequired: 'Name the organisation that can reach you.',
    emergencySiteRequired: 'Name the emergency department.',
    redirectedToRequired: 'Say who the person is directed to.',
    closedReasonRequired: 'Give the reason for closing.',
    handoffRequired: 'Suggest who to turn to instead.',
  },
} as const;
export type TFieldRuleKey = keyof (typeof FIELD_RULE_MESSAGES)['fr'];
export type TFieldRuleBreaches = Partial<Record<string, TFieldRuleKey>>;

export function personNameRule(value: { firstName?: string | null; pseudonym?: string | null }): TFieldRuleBreaches {
  return value.firstName || value.pseudonym ? {} : { firstName: 'nameRequired' };
}

/** `ignoreDuplicates`: the coordinator saw the candidates and confirms it is someone else. A first name or a pseudonym is required (`personNameRule`). */
export const ZPersonCreateInput = ZPersonFields.extend({ ignoreDuplicates: z.boolean().optional() });
export type TPersonCreateInput = z.infer<typeof ZPersonCreateInput>;

export const ZPersonUpdateInput = ZPersonFields.partial().extend({ version: z.number().int().min(1) });
export type TPersonUpdateInput = z.infer<typeof ZPersonUpdateInput>;

export const CONSENT_PURPOSES = [
  'contact',
  'data_processing',
  'share_document',
  'exchange_with_partner',
  'recontact',
  'photo',
  'research',
  'statistics_beyond_legal',
] as const;
export const ZConsentPurpose = z.enum(CONSENT_PURPOSES);
export const CONSENT_METHODS = ['oral_recorded', 'paper_signed', 'portal_click', 'e_sign'] as const;
export const ZConsentMethod = z.enum(CONSENT_METHODS);
export type TConsentPurpose = z.infer<typeof ZConsentPurpose>;
export type TConsentMethod = z.infer<typeof ZConsentMethod>;

export const ZConsentInput = z.strictObject({
  purpose: ZConsentPurpose,
  scope: z.string().trim().max(500).nullable().optional(),
  recipients: z.string().trim().max(500).nullable().optional(),
  method: ZConsentMethod,
  textVersion: z.string().trim().min(1).max(40),
  collectedAt: z.iso.datetime({ offset: true }).optional(),
  validUntil: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type TConsentInput = z.infer<typeof ZConsentInput>;
export const ZConsentWithdrawInput = z.strictObject({ withdrawnHow: z.string().trim().min(2).max(200) });

export const ZConsent = z.object({
  id: z.uuid(),
  purpose: ZConsentPurpose,
  scope: z.string().nullable(),
  recipients: z.string().nullable(),
  method: ZConsentMethod,
  textVersion: z.string(),
  collectedAt: z.iso.datetime({ offset: true }),
  collectedBy: z.uuid().nullable(),
  validUntil: z.iso.datetime({ offset: true }).nullable(),
  withdrawnAt: z.iso.datetime({ offset: true }).nullable(),
  withdrawnHow: z.string().nullable(),
});

export const ZPersonSummary = z.object({
  id: z.uuid(),
  displayName: z.string(),
  firstName: z.string().nullable(),
  pseudonym: z.string().nullable(),
  lastName: z.string().nullable(),
  departement: ZDepartement,
  communeInsee: z.string(),
  communeName: z.string(),
  birthYear: z.number().int().nullable(),
  lastContactAt: z.iso.datetime({ offset: true }).nullable(),
  version: z.number().int(),
});
export type TPersonSummary = z.infer<typeof ZPersonSummary>;
/** `totalIsCapped`: more matches than `total` (5,000) exist; the list says "more than 5,000". */
export const ZPersonPage = ZPage(ZPersonSummary).extend({ totalIsCapped: z.boolean() });

export const ZPersonDetail = ZPersonSummary.extend({
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferredChannel: ZContactChannel.nullable(),
  housing: ZHousing,
  employment: ZEmployment,
  structures: z.array(ZStructure),
  referents: z.array(z.object({ id: z.uuid(), name: z.string() })),
  consents: z.array(ZConsent),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  policies: z.object({ update: z.boolean(), recordConsent: z.boolean(), merge: z.boolean() }),
});
export type TPersonDetail = z.infer<typeof ZPersonDetail>;

export const ZPersonListQuery = ZPageQuery.extend({
  search: z.string().trim().max(100).optional(),
  departement: ZDepartement.optional(),
});

/** What duplicate detection compares: name, birth year, commune (accent- and case-insensitive). */
export const ZDuplicateQuery = z.object({
  firstName: z.string().trim().max(80).optional(),
  pseudonym: z.string().trim().max(80).optional(),
  lastName: z.string().trim().max(80).optional(),
  birthYear: z.coerce.number().int().min(1900).max(thisYear).optional(),
  communeInsee: ZCommuneInsee,
});
export const ZDuplicateCandidate = ZPersonSummary.pick({ id: true, displayName: true, birthYear: true, communeName: true, departement: true });
export const ZDuplicateList = z.object({ duplicates: z.array(ZDuplicateCandidate) });

/** Keeps the record addressed by the URL and folds `duplicateId` into it (both versions as read). */
export const ZPersonMergeInput = z.strictObject({
  version: z.number().int().min(1),
  duplicateId: z.uuid(),
  duplicateVersion: z.number().int().min(1),
});
