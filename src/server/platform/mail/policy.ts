import { hasRole } from '../access/actor';
import { allow } from '../access/policy';

declare module '../access/policy' {
  interface PolicyActions {
    /** Read the outgoing mail of one's organisation (how invitations work without SMTP). */
    'outbox.read': undefined;
  }
}

allow('outbox.read', (actor) => hasRole(actor, 'admin'));
