import { hasRole } from '../../access/actor';
import { allow } from '../../access/policy';

/** What the user rules judge: the organisation (checked first by `can`) and whose account it is. */
export type UserRecord = { organizationId: string; id: string };

declare module '../../access/policy' {
  interface PolicyActions {
    /** Rename a user of one's organisation, change their roles. */
    'user.update': UserRecord;
    /** Deactivate (or reactivate) an account; never one's own, so an admin cannot lock themself out. */
    'user.deactivate': UserRecord;
  }
}

allow('user.update', (actor) => hasRole(actor, 'admin'));
allow('user.deactivate', (actor, user) => hasRole(actor, 'admin') && user.id !== actor.userId);

export const USER_POLICY_ACTIONS = ['user.update', 'user.deactivate'] as const;
