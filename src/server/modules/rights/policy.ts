import { hasRole } from '../../platform/access/actor';
import { allow } from '../../platform/access/policy';

declare module '../../platform/access/policy' {
  interface PolicyActions {
    /**
     * Rights of the person and retention (DOMAIN §9.2, §9.5): export a record, list who read it,
     * log rights requests, anonymise, decide retention proposals. Coordinators of the organisation;
     * the records are then looked up in that organisation only (another one's: 404).
     */
    'rights.manage': undefined;
  }
}

allow('rights.manage', (actor) => hasRole(actor, 'coordinator'));
