import { describe, expect, it } from 'vitest';
import { formFieldOf, shareFormErrors, shareInputFrom, type TShareFormValues } from './share-form-model';

const messages = { required: 'required', email: 'email', pickOne: 'pickOne', pickRecipient: 'pickRecipient', future: 'future' };
const base: TShareFormValues = {
  recipientKind: 'user',
  userId: '0190c7a4-0000-7000-8000-000000000001',
  userName: 'Dr Martin',
  email: '',
  label: '',
  version: '',
  scope: 'all',
  sections: [],
  expiresOn: '2026-08-04',
  purpose: 'Suivi au CMP',
};

describe('share form', () => {
  it('accepts a user share and sends the portal channel, always the latest version, the whole document', () => {
    expect(shareFormErrors(base, '2026-05-04', messages)).toEqual({});
    expect(shareInputFrom(base, '2026-08-04T23:59:59.999+02:00')).toEqual({
      versionNo: null,
      recipient: { kind: 'user', userId: base.userId },
      purpose: 'Suivi au CMP',
      scopeSections: null,
      expiresAt: '2026-08-04T23:59:59.999+02:00',
      channel: 'portal',
    });
  });

  it('asks for the recipient, a future expiry, a purpose and at least one section when the scope is partial', () => {
    const errors = shareFormErrors({ ...base, userId: '', scope: 'some', expiresOn: '2026-05-04', purpose: ' ' }, '2026-05-04', messages);
    expect(errors).toEqual({ recipient: 'pickRecipient', sections: 'pickOne', expiresOn: 'future', purpose: 'required' });
  });

  it('sends an outside share as a link with its email and label, a fixed version and chosen sections', () => {
    const values: TShareFormValues = { ...base, recipientKind: 'external', userId: '', email: ' soeur@example.fr ', label: 'Ma sœur', version: '2', scope: 'some', sections: ['crisis_plan'] };
    expect(shareFormErrors(values, '2026-05-04', messages)).toEqual({});
    expect(shareInputFrom(values, 'x')).toMatchObject({ versionNo: 2, recipient: { kind: 'external', email: 'soeur@example.fr', label: 'Ma sœur' }, scopeSections: ['crisis_plan'], channel: 'link' });
    expect(shareFormErrors({ ...values, email: 'pas-un-mail' }, '2026-05-04', messages)).toEqual({ email: 'email' });
  });

  it('puts server messages under the right field', () => {
    expect(formFieldOf('recipient.email')).toBe('email');
    expect(formFieldOf('recipient')).toBe('recipient');
    expect(formFieldOf('expiresAt')).toBe('expiresOn');
    expect(formFieldOf('scopeSections.0')).toBe('sections');
    expect(formFieldOf('channel')).toBeNull();
  });
});
