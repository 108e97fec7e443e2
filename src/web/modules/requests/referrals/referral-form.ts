import type { FormErrors } from '@mantine/form';
import { ZDepartement } from '../../../../shared/persons';
import { referralRules, ZReferralInput, ZRequestUrgency, type TRequestUrgency } from '../../../../shared/requests';
import { i18next } from '../../../app/i18n';
import { schemaErrors } from '../../../app/validation';
import { ruleErrors } from '../../persons/field-rules';

/** Version of the consent text this form shows the partner (stored with the consents it records). */
export const REFERRAL_CONSENT_TEXT_VERSION = 'orientation-partenaire-2026-01';

export const CONSENT_METHODS = ['oral_recorded', 'paper_signed', 'e_sign'] as const;
export type TReferralConsentMethod = (typeof CONSENT_METHODS)[number];

export interface ReferralValues {
  firstName: string;
  pseudonym: string;
  lastName: string;
  birthYear: string;
  phone: string;
  email: string;
  departement: string;
  communeName: string;
  communeInsee: string;
  referringStructure: string;
  reason: string;
  urgency: TRequestUrgency;
  emergencySite: string;
  emergencyContact: string;
  consentGiven: boolean;
  consentMethod: TReferralConsentMethod | '';
}

export const EMPTY_REFERRAL: ReferralValues = {
  firstName: '',
  pseudonym: '',
  lastName: '',
  birthYear: '',
  phone: '',
  email: '',
  departement: '',
  communeName: '',
  communeInsee: '',
  referringStructure: '',
  reason: '',
  urgency: 'standard',
  emergencySite: '',
  emergencyContact: '',
  consentGiven: false,
  consentMethod: '',
};

export const REFERRAL_FIELDS = [
  'firstName',
  'pseudonym',
  'lastName',
  'birthYear',
  'phone',
  'email',
  'departement',
  'communeName',
  'communeInsee',
  'referringStructure',
  'reason',
  'urgency',
  'emergencySite',
  'emergencyContact',
  'consentGiven',
  'consentMethod',
] as const;

const filled = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

export function toReferralInput(values: ReferralValues) {
  const emergency = values.urgency === 'emergency_department';
  const birthYear = filled(values.birthYear);
  return {
    firstName: filled(values.firstName),
    pseudonym: filled(values.pseudonym),
    lastName: filled(values.lastName),
    birthYear: birthYear === undefined ? undefined : Number(birthYear),
    phone: filled(values.phone),
    email: filled(values.email),
    departement: ZDepartement.safeParse(values.departement).data,
    communeInsee: filled(values.communeInsee),
    communeName: filled(values.communeName),
    referringStructure: filled(values.referringStructure),
    reason: filled(values.reason),
    urgency: ZRequestUrgency.safeParse(values.urgency).data,
    // The emergency details only travel with an emergency-department request.
    emergencySite: emergency ? filled(values.emergencySite) : undefined,
    emergencyContact: emergency ? filled(values.emergencyContact) : undefined,
    consentMethod: values.consentMethod === '' ? undefined : values.consentMethod,
    consentTextVersion: REFERRAL_CONSENT_TEXT_VERSION,
  };
}

/** The contract, its cross-field rules, and the web-only tick "the person agreed". */
export function validateReferral(values: ReferralValues): FormErrors {
  const input = toReferralInput(values);
  const parsed = ZReferralInput.safeParse(input);
  if (parsed.success) {
    const errors = ruleErrors(referralRules(parsed.data));
    if (!values.consentGiven) errors.consentGiven = i18next.t('requests:referralForm.consentRequired');
    return errors;
  }
  const errors = schemaErrors(ZReferralInput, input, {
    phone: i18next.t('persons:form.phoneInvalid'),
    birthYear: i18next.t('persons:form.birthYearInvalid'),
    communeInsee: i18next.t('persons:territory.communeInseeInvalid'),
  });
  // The contract's rules run on a valid body only; what they ask is said now, with the rest.
  if (!input.firstName && !input.pseudonym) Object.assign(errors, ruleErrors({ firstName: 'nameRequired' }));
  if (input.urgency === 'emergency_department' && !input.emergencySite) {
    Object.assign(errors, ruleErrors({ emergencySite: 'emergencySiteRequired' }));
  }
  if (!values.consentGiven) errors.consentGiven = i18next.t('requests:referralForm.consentRequired');
  return errors;
}
