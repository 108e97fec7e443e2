import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';
import {
  personNameRule,
  ZContactChannel,
  ZDepartement,
  ZPersonFields,
  type TContactChannel,
  type TPersonDetail,
} from '../../../shared/persons';
import { isApiError } from '../../app/api-error';
import { i18next } from '../../app/i18n';
import { schemaErrors } from '../../app/validation';
import { ruleErrors } from './field-rules';

type TPersonFields = z.output<typeof ZPersonFields>;
export type THousing = NonNullable<TPersonFields['housing']>;
export type TEmployment = NonNullable<TPersonFields['employment']>;
export type TStructure = NonNullable<TPersonFields['structures']>[number];

export interface PersonValues {
  firstName: string;
  pseudonym: string;
  lastName: string;
  birthYear: string;
  phone: string;
  email: string;
  preferredChannel: TContactChannel | '';
  departement: string;
  communeName: string;
  communeInsee: string;
  housing: THousing;
  employment: TEmployment;
  structures: TStructure[];
  referentIds: string[];
}

export const EMPTY_PERSON: PersonValues = {
  firstName: '',
  pseudonym: '',
  lastName: '',
  birthYear: '',
  phone: '',
  email: '',
  preferredChannel: '',
  departement: '',
  communeName: '',
  communeInsee: '',
  housing: 'unknown',
  employment: 'unknown',
  structures: [],
  referentIds: [],
};

/** Top-level fields in reading order (structures have indexed sub-fields: `structures.0.name`). */
export const PERSON_FIELDS = [
  'firstName',
  'pseudonym',
  'lastName',
  'birthYear',
  'phone',
  'email',
  'preferredChannel',
  'departement',
  'communeName',
  'communeInsee',
  'housing',
  'employment',
  'structures',
  'referentIds',
] as const;

export function valuesFromPerson(person: TPersonDetail): PersonValues {
  return {
    firstName: person.firstName ?? '',
    pseudonym: person.pseudonym ?? '',
    lastName: person.lastName ?? '',
    birthYear: person.birthYear === null ? '' : String(person.birthYear),
    phone: person.phone ?? '',
    email: person.email ?? '',
    preferredChannel: person.preferredChannel ?? '',
    departement: person.departement,
    communeName: person.communeName,
    communeInsee: person.communeInsee,
    housing: person.housing,
    employment: person.employment,
    structures: person.structures.map((structure) => ({ ...structure })),
    referentIds: person.referents.map((referent) => referent.id),
  };
}

const filled = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/**
 * The contract's fields from the form. An emptied field is `null`, so a rectification can erase
 * a phone number; a creation leaves it out the same way (null is "none" for both).
 */
export function toPersonFields(values: PersonValues) {
  const birthYear = filled(values.birthYear);
  return {
    firstName: filled(values.firstName),
    pseudonym: filled(values.pseudonym),
    lastName: filled(values.lastName),
    birthYear: birthYear === null ? null : Number(birthYear),
    phone: filled(values.phone),
    email: filled(values.email),
    preferredChannel: ZContactChannel.safeParse(values.preferredChannel).data ?? null,
    departement: ZDepartement.safeParse(values.departement).data,
    communeInsee: filled(values.communeInsee) ?? undefined,
    communeName: filled(values.communeName) ?? undefined,
    housing: values.housing,
    employment: values.employment,
    structures: values.structures.map((structure) => ({ type: structure.type, name: structure.name.trim() })),
    referentIds: values.referentIds,
  };
}

export function validatePerson(values: PersonValues): FormErrors {
  const fields = toPersonFields(values);
  const errors = schemaErrors(ZPersonFields, fields, {
    phone: i18next.t('persons:form.phoneInvalid'),
    birthYear: i18next.t('persons:form.birthYearInvalid'),
    communeInsee: i18next.t('persons:territory.communeInseeInvalid'),
  });
  return { ...errors, ...ruleErrors(personNameRule(fields)) };
}

const isPersonField = (field: string) => PERSON_FIELDS.some((name) => field === name || field.startsWith(`${name}.`));

/** The server's field messages for what the form shows, `structures.1.name` included. */
export function personFieldErrors(error: unknown): FormErrors {
  if (!isApiError(error)) return {};
  const errors: FormErrors = {};
  for (const [field, messages] of Object.entries(error.errors)) {
    if (isPersonField(field)) errors[field] = messages.join(' ');
  }
  return errors;
}

/** Names of the fields the server complained about that the form shows (for the alert to skip). */
export function shownErrorFields(error: unknown): string[] {
  return isApiError(error) ? Object.keys(error.errors).filter(isPersonField) : [];
}
