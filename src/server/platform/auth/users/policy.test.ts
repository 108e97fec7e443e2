import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../../access/actor';
import { can } from '../../access/policy';
import './policy';
import '../invitations/policy';

const ORGANIZATION = '00000000-0000-4000-8000-000000000001';
const OTHER_ORGANIZATION = '00000000-0000-4000-8000-000000000002';
const ME = '00000000-0000-4000-8000-0000000000aa';

const actor = (role: Role): Actor => ({
  userId: ME,
  organizationId: ORGANIZATION,
  roles: new Set([role]),
  isPlatformAdmin: false,
  sessionId: 'session',
  mustEnrolTwoFactor: false,
});

const colleague = { organizationId: ORGANIZATION, id: '00000000-0000-4000-8000-0000000000bb' };
const myself = { organizationId: ORGANIZATION, id: ME };
const stranger = { organizationId: OTHER_ORGANIZATION, id: '00000000-0000-4000-8000-0000000000cc' };

// Role × action × record (colleague, oneself, another organisation's user).
describe.each(ROLES)('%s', (role) => {
  const isAdmin = role === 'admin';
  it('user.update', () => {
    expect([can(actor(role), 'user.update', colleague), can(actor(role), 'user.update', myself)]).toEqual([isAdmin, isAdmin]);
    expect(can(actor(role), 'user.update', stranger)).toBe(false);
  });
  it('user.deactivate (never oneself)', () => {
    expect([can(actor(role), 'user.deactivate', colleague), can(actor(role), 'user.deactivate', myself)]).toEqual([isAdmin, false]);
    expect(can(actor(role), 'user.deactivate', stranger)).toBe(false);
  });
  it('invitation.revoke', () => {
    expect(can(actor(role), 'invitation.revoke', { organizationId: ORGANIZATION })).toBe(isAdmin);
    expect(can(actor(role), 'invitation.revoke', { organizationId: OTHER_ORGANIZATION })).toBe(false);
  });
});

it('a platform administrator gets no rights on another organisation’s users through these rules', () => {
  const platformAdmin = { ...actor('admin'), isPlatformAdmin: true };
  expect(can(platformAdmin, 'user.update', stranger)).toBe(false);
  expect(can(platformAdmin, 'user.deactivate', stranger)).toBe(false);
});
