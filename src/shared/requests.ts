import { z } from 'zod';
import { ZPage, ZPageQuery } from './pagination';
import { ZBirthYear, ZCommuneInsee, ZDepartement, ZOptionalEmail, ZPhone, type TFieldRuleBreaches } from './persons';

export const REFERRAL_DECISIONS = ['accepted', 'declined'] as const;
export const REQUEST_SOURCES = ['public_form', 'partner_referral', 'coordinator_entry'] as const;
export const ZRequestSource = z.enum(REQUEST_SOURCES);
export const REQUEST_URGENCIES = ['standard', 'urgent', 'emergency_department'] as const;
export const ZRequestUrgency = z.enum(REQUEST_URGENCIES);
export const REQUEST_STATUSES = ['new', 'contacted', 'accompaniment_opened', 'redirected', 'closed'] as const;
export const ZRequestStatus = z.enum(REQUEST_STATUSES);
export const REQUEST_CONTACT_METHODS = ['phone', 'email', 'through_partner'] as const;
export const ZContactMethod = z.enum(REQUEST_CONTACT_METHODS);
export type TRequestStatus = z.infer<typeof ZRequestStatus>;
export type TRequestUrgency = z.infer<typeof ZRequestUrgency>;

/** Version of the consent texts shown on the public form; stored with each consent given there. */
export const PUBLIC_FORM_CONSENT_TEXT_VERSION = 'formulaire-public-2026-01';

const ZFirstName = z.string().trim().min(1).max(80);
const ZFreeText = (max: number) => z.string().trim().max(max);

/**
 * The public form "Être accompagné·e par un pair". `website` is a honeypot: hidden from people,
 * filled by robots. Both consents must be given (`true`): without them we cannot call back.
 */
export const ZPublicRequestInput = z
  .strictObject({
    organizationSlug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60),
    firstName: ZFirstName,
    contactMethod: ZContactMethod,
    phone: ZPhone.optional(),
    email: ZOptionalEmail.optional(),
    partnerName: ZFreeText(160).optional(),
    departement: ZDepartement,
    communeInsee: ZCommuneInsee,
    communeName: z.string().trim().min(1).max(100),
    hopes: z.string().trim().min(1).max(4000),
    preferredTimes: ZFreeText(500).optional(),
    consentToBeContacted: z.literal(true, 'Votre accord pour être recontacté·e est nécessaire.'),
    consentToDataProcessing: z.literal(true, 'Votre accord pour l’enregistrement de vos informations est nécessaire.'),
    website: z.string().max(500).optional(),
  });
export type TPublicRequestInput = z.infer<typeof ZPublicRequestInput>;

/** The way to reach the person must come with what it needs. */
export function publicRequestRules(value: TPublicRequestInput): TFieldRuleBreaches {
  if (value.contactMethod === 'phone' && !value.phone) return { phone: 'phoneRequired' };
  if (value.contactMethod === 'email' && !value.email) return { email: 'emailRequired' };
  if (value.contactMethod === 'through_partner' && !value.partnerName) return { partnerName: 'partnerRequired' };
  return {};
}

export const ZPublicRequestAnswer = z.object({
  reference: z.string(),
  whatHappensNext: z.string(),
  acknowledgementSent: z.boolean(),
});

/** A partner (or a coordinator for them) refers a person; their consent to be referred is recorded. */
export const ZReferralInput = z
  .strictObject({
    firstName: ZFirstName.optional(),
    pseudonym: ZFirstName.optional(),
    lastName: ZFirstName.optional(),
    birthYear: ZBirthYear.optional(),
    phone: ZPhone.optional(),
    email: ZOptionalEmail.optional(),
    departement: ZDepartement,
    communeInsee: ZCommuneInsee,
    communeName: z.string().trim().min(1).max(100),
    referringStructure: z.string().trim().min(1).max(160),
    reason: z.string().trim().min(1).max(4000),
    urgency: ZRequestUrgency,
    emergencySite: ZFreeText(160).optional(),
    emergencyContact: ZFreeText(160).optional(),
    consentMethod: z.enum(['oral_recorded', 'paper_signed', 'e_sign']),
    consentTextVersion: z.string().trim().min(1).max(40),
    /** A coordinator entering a referral on a partner's behalf names that partner's account. */
    onBehalfOfUserId: z.uuid().optional(),
  });
export type TReferralInput = z.infer<typeof ZReferralInput>;

export function referralRules(value: TReferralInput): TFieldRuleBreaches {
  const breaches: TFieldRuleBreaches = {};
  if (!value.firstName && !value.pseudonym) breaches.firstName = 'nameRequired';
  if (value.urgency === 'emergency_department' && !value.emergencySite) breaches.emergencySite = 'emergencySiteRequired';
  return breaches;
}

/**
 * What a partner sees of their referral: its progress, never the record behind it (not even whether
 * the person was already known to the platform: that alone is health information).
 */
export const ZPartnerStatus = z.enum(['received', 'in_contact', 'accompanied', 'closed']);
export const ZReferralStatusView = z.object({
  id: z.uuid(),
  reference: z.string(),
  urgency: ZRequestUrgency,
  status: ZPartnerStatus,
  receivedAt: z.iso.datetime({ offset: true }),
  decision: z.enum(REFERRAL_DECISIONS).nullable(),
  decisionReason: z.string().nullable(),
  handoffTo: z.string().nullable(),
  handoffStructure: z.string().nullable(),
});
export const ZReferralStatusPage = ZPage(ZReferralStatusView);

export const ZTriageQuery = ZPageQuery.extend({
  status: ZRequestStatus.optional(),
  source: ZRequestSource.optional(),
  urgency: ZRequestUrgency.optional(),
  departement: ZDepartement.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

export const ZRequestSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  source: ZRequestSource,
  urgency: ZRequestUrgency,
  status: ZRequestStatus,
  departement: ZDepartement,
  communeInsee: z.string(),
  person: z.object({ id: z.uuid(), displayName: z.string(), communeName: z.string() }),
  receivedAt: z.iso.datetime({ offset: true }),
  ageMinutes: z.number().int(),
  respondBy: z.iso.datetime({ offset: true }),
  overdue: z.boolean(),
  version: z.number().int(),
});
export const ZRequestPage = ZPage(ZRequestSummary);

export const ZStatusEvent = z.object({
  fromStatus: ZRequestStatus.nullable(),
  toStatus: ZRequestStatus,
  at: z.iso.datetime({ offset: true }),
  byUserId: z.uuid().nullable(),
});

export const ZRequestDetail = ZRequestSummary.extend({
  contactMethod: ZContactMethod.nullable(),
  hopes: z.string().nullable(),
  preferredTimes: z.string().nullable(),
  referringStructure: z.string().nullable(),
  referralReason: z.string().nullable(),
  referrerUserId: z.uuid().nullable(),
  emergencySite: z.string().nullable(),
  emergencyContact: z.string().nullable(),
  decision: z.enum(REFERRAL_DECISIONS).nullable(),
  decisionReason: z.string().nullable(),
  handoffTo: z.string().nullable(),
  handoffStructure: z.string().nullable(),
  redirectedTo: z.string().nullable(),
  closedReason: z.string().nullable(),
  firstContactAt: z.iso.datetime({ offset: true }).nullable(),
  events: z.array(ZStatusEvent),
});
export type TRequestDetail = z.infer<typeof ZRequestDetail>;

/** new → contacted → accompaniment_opened | redirected (to whom) | closed (why); version required. */
export const ZStatusChangeInput = z
  .strictObject({
    version: z.number().int().min(1),
    status: ZRequestStatus.exclude(['new']),
    redirectedTo: z.string().trim().min(2).max(300).optional(),
    closedReason: z.string().trim().min(2).max(300).optional(),
  });
export type TStatusChangeInput = z.infer<typeof ZStatusChangeInput>;

export function statusChangeRules(value: TStatusChangeInput): TFieldRuleBreaches {
  if (value.status === 'redirected' && !value.redirectedTo) return { redirectedTo: 'redirectedToRequired' };
  if (value.status === 'closed' && !value.closedReason) return { closedReason: 'closedReasonRequired' };
  return {};
}

/** Accepting or declining a referral; a decline offers a warm hand-off (who to turn to instead). */
export const ZReferralDecisionInput = z
  .strictObject({
    version: z.number().int().min(1),
    decision: z.enum(REFERRAL_DECISIONS),
    reason: z.string().trim().min(2).max(1000),
    handoffTo: z.string().trim().min(2).max(300).optional(),
    handoffStructure: z.string().trim().min(2).max(160).optional(),
  });
export type TReferralDecisionInput = z.infer<typeof ZReferralDecisionInput>;

export function referralDecisionRules(value: TReferralDecisionInput): TFieldRuleBreaches {
  return value.decision === 'declined' && !value.handoffTo ? { handoffTo: 'handoffRequired' } : {};
}

export const ZRequestSettings = z.object({
  emergencyTargetMinutes: z.number().int().min(15).max(7 * 24 * 60),
  urgentTargetMinutes: z.number().int().min(15).max(14 * 24 * 60),
  standardTargetMinutes: z.number().int().min(60).max(30 * 24 * 60),
  version: z.number().int(),
});
export const ZRequestSettingsInput = ZRequestSettings.extend({ version: z.number().int().min(0) }).strict();
