import { hasRole } from '../access/actor';
import { allow } from '../access/policy';

declare module '../access/policy' {
  interface PolicyActions {
    /** List, invite, deactivate users of one's organisation and change their roles. */
    'users.manage': undefined;
  }
}

allow('users.manage', (actor) => hasRole(actor, 'admin'));
