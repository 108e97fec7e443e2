import { hasRole } from '../../platform/access/actor';
import { allow } from '../../platform/access/policy';
import type { PersonRecord } from '../persons/policy';
// The staff side of the messages is judged by the accompaniment's own rules (read, work).
import '../accompaniments/policy';

declare module '../../platform/access/policy' {
  interface PolicyActions {
    /** Use one's personal space: a person reads their own record there, and only their own. */
    'portal.use': undefined;
    /**
     * Reach the messages persons write from their space (role gate of the staff routes; each
     * accompaniment is then judged by its own read/work rules): coordinators and peers.
     */
    'portal.messages.staff': undefined;
    /** Invite a person to their personal space: a coordinator, or a peer worker who follows them. */
    'person.portal.invite': PersonRecord;
  }
}

allow('portal.use', (actor) => hasRole(actor, 'person'));
allow('portal.messages.staff', (actor) => hasRole(actor, 'coordinator', 'peer_worker', 'volunteer'));
allow(
  'person.portal.invite',
  (actor, person) => hasRole(actor, 'coordinator') || (hasRole(actor, 'peer_worker') && person.referentIds.includes(actor.userId)),
);
