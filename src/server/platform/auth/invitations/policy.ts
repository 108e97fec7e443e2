import { hasRole } from '../../access/actor';
import { allow } from '../../access/policy';

declare module '../../access/policy' {
  interface PolicyActions {
    /** Withdraw an invitation of one's organisation before it is accepted. */
    'invitation.revoke': { organizationId: string };
  }
}

allow('invitation.revoke', (actor) => hasRole(actor, 'admin'));
