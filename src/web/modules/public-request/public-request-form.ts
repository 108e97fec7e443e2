import type { FormErrors } from '@mantine/form';
import { ZDepartement } from '../../../shared/persons';
import {
  publicRequestRules,
  REQUEST_CONTACT_METHODS,
  ZContactMethod,
  ZPublicRequestInput,
} from '../../../shared/requests';
import { i18next } from '../../app/i18n';
import { schemaErrors } from '../../app/validation';
import { ruleErrors } from '../persons/field-rules';

export type TContactMethod = (typeof REQUEST_CONTACT_METHODS)[number];

/** What the form holds: text as typed, a choice not made yet is ''. */
export interface PublicRequestValues {
  firstName: string;
  contactMethod: TContactMethod | '';
  phone: string;
  email: string;
  partnerName: string;
  departement: string;
  communeName: string;
  communeInsee: string;
  hopes: string;
  preferredTimes: string;
  consentToBeContacted: boolean;
  consentToDataProcessing: boolean;
  website: string;
}

export const EMPTY_PUBLIC_REQUEST: PublicRequestValues = {
  firstName: '',
  contactMethod: '',
  phone: '',
  email: '',
  partnerName: '',
  departement: '',
  communeName: '',
  communeInsee: '',
  hopes: '',
  preferredTimes: '',
  consentToBeContacted: false,
  consentToDataProcessing: false,
  website: '',
};

/** Fields in reading order: the error summary lists them so, and the first one takes focus. */
export const PUBLIC_REQUEST_FIELDS = [
  'firstName',
  'contactMethod',
  'phone',
  'email',
  'partnerName',
  'preferredTimes',
  'departement',
  'communeName',
  'communeInsee',
  'hopes',
  'consentToBeContacted',
  'consentToDataProcessing',
] as const;

/** The contact detail that goes with each way of being reached. */
export const CONTACT_FIELD = { phone: 'phone', email: 'email', through_partner: 'partnerName' } as const;
const CONTACT_RULE = { phone: 'phoneRequired', email: 'emailRequired', partnerName: 'partnerRequired' } as const;

const filled = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/**
 * The body to send: empty texts left out, and only the contact detail of the chosen way (a
 * number typed before switching to e-mail is not sent: we keep no more than we need).
 */
export function toPublicRequestInput(values: PublicRequestValues, organizationSlug: string) {
  const contactMethod = ZContactMethod.safeParse(values.contactMethod).data;
  return {
    organizationSlug,
    firstName: filled(values.firstName),
    contactMethod,
    phone: contactMethod === 'phone' ? filled(values.phone) : undefined,
    email: contactMethod === 'email' ? filled(values.email) : undefined,
    partnerName: contactMethod === 'through_partner' ? filled(values.partnerName) : undefined,
    departement: ZDepartement.safeParse(values.departement).data,
    communeInsee: filled(values.communeInsee),
    communeName: filled(values.communeName),
    hopes: filled(values.hopes),
    preferredTimes: filled(values.preferredTimes),
    consentToBeContacted: values.consentToBeContacted,
    consentToDataProcessing: values.consentToDataProcessing,
    website: values.website === '' ? undefined : values.website,
  };
}

/** Checks the form with the shared contract and its rules; messages say how to fix, in plain words. */
export function validatePublicRequest(values: PublicRequestValues, organizationSlug: string): FormErrors {
  const input = toPublicRequestInput(values, organizationSlug);
  const parsed = ZPublicRequestInput.safeParse(input);
  if (parsed.success) return ruleErrors(publicRequestRules(parsed.data));
  const errors = schemaErrors(ZPublicRequestInput, input, {
    phone: i18next.t('publicRequest:form.phoneInvalid'),
    communeInsee: i18next.t('persons:territory.communeInseeInvalid'),
    consentToBeContacted: i18next.t('publicRequest:form.consentRequired'),
    consentToDataProcessing: i18next.t('publicRequest:form.consentRequired'),
  });
  if (errors.contactMethod) errors.contactMethod = i18next.t('publicRequest:form.contactMethodRequired');
  // The detail of the chosen way is required too; the contract says so through a rule, checked
  // only once the rest is valid, so the form says it at the same time as everything else.
  const contactField = input.contactMethod ? CONTACT_FIELD[input.contactMethod] : undefined;
  if (contactField && !input[contactField] && !errors[contactField]) {
    Object.assign(errors, ruleErrors({ [contactField]: CONTACT_RULE[contactField] }));
  }
  return errors;
}
