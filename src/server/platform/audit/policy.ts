import { hasRole } from '../access/actor';
import { allow } from '../access/policy';

declare module '../access/policy' {
  interface PolicyActions {
    /** Browse the audit log of one's organisation. */
    'audit.browse': undefined;
  }
}

allow('audit.browse', (actor) => hasRole(actor, 'admin'));
