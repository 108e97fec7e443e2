import type { TShareCreateInput } from '../api/sharing-api';

/** What the share form holds while the person fills it (strings, as inputs give them). */
export interface TShareFormValues {
  recipientKind: 'user' | 'external';
  userId: string;
  userName: string;
  email: string;
  label: string;
  /** '' = always the latest validated version; else a version number. */
  version: string;
  scope: 'all' | 'some';
  sections: string[];
  /** A calendar day, "YYYY-MM-DD" (Paris). */
  expiresOn: string;
  purpose: string;
}

export type TShareFormField = 'recipient' | 'email' | 'label' | 'sections' | 'expiresOn' | 'purpose';
export const SHARE_FORM_FIELDS: readonly TShareFormField[] = ['recipient', 'email', 'label', 'sections', 'expiresOn', 'purpose'];

interface Messages {
  required: string;
  email: string;
  pickOne: string;
  pickRecipient: string;
  future: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form's own checks, said before the server says them (which it still does). */
export function shareFormErrors(values: TShareFormValues, today: string, messages: Messages): Partial<Record<TShareFormField, string>> {
  const errors: Partial<Record<TShareFormField, string>> = {};
  if (values.recipientKind === 'user' && !values.userId) errors.recipient = messages.pickRecipient;
  if (values.recipientKind === 'external') {
    if (!values.email.trim()) errors.email = messages.required;
    else if (!EMAIL.test(values.email.trim())) errors.email = messages.email;
    if (!values.label.trim()) errors.label = messages.required;
  }
  if (values.scope === 'some' && values.sections.length === 0) errors.sections = messages.pickOne;
  if (!values.expiresOn) errors.expiresOn = messages.required;
  else if (values.expiresOn <= today) errors.expiresOn = messages.future;
  if (!values.purpose.trim()) errors.purpose = messages.required;
  return errors;
}

/** The request: the end of the chosen day (Paris) as the expiry, the channel that fits the recipient. */
export function shareInputFrom(values: TShareFormValues, expiresAt: string): TShareCreateInput {
  const external = values.recipientKind === 'external';
  return {
    versionNo: values.version === '' ? null : Number(values.version),
    recipient: external ? { kind: 'external', email: values.email.trim(), label: values.label.trim() } : { kind: 'user', userId: values.userId },
    ...(external ? {} : values.label.trim() ? { label: values.label.trim() } : {}),
    purpose: values.purpose.trim(),
    scopeSections: values.scope === 'all' ? null : values.sections,
    expiresAt,
    channel: external ? 'link' : 'portal',
  };
}

/** Server field keys (`recipient.email`, `scopeSections`…) onto the form's fields. */
export function formFieldOf(serverField: string): TShareFormField | null {
  if (serverField === 'recipient.email') return 'email';
  if (serverField === 'recipient.label' || serverField === 'label') return 'label';
  if (serverField.startsWith('recipient')) return 'recipient';
  if (serverField.startsWith('scopeSections')) return 'sections';
  if (serverField === 'expiresAt') return 'expiresOn';
  if (serverField === 'purpose') return 'purpose';
  return null;
}
