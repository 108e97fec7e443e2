import type { TOutreachOutcome } from '../../../shared/continuity';
import { hasRole } from '../../platform/access/actor';
import { allow } from '../../platform/access/policy';
import type { PersonRecord } from '../persons/policy';

/** What outreach rules judge: the organisation (checked first by `can`) and the accompaniment's current peers. */
export type OutreachCaseRecord = { organizationId: string; id: string; peerIds: readonly string[] };

declare module '../../platform/access/policy' {
  interface PolicyActions {
    /** The rupture rule of the organisation (no-contact days, missed appointments, attempts). */
    'continuitySettings.manage': undefined;
    /** The outreach queue: coordinators see every case, peer workers the cases of accompaniments they follow. */
    'outreach.queue': undefined;
    /** Run the rupture detection now for the organisation, without waiting for the night. */
    'outreach.detect': undefined;
    /** Read a case and log attempts: coordinators, or a peer worker of the accompaniment. */
    'outreach.case.work': OutreachCaseRecord;
    /** Close a case with this outcome (peers may only record that contact is re-established). */
    'outreach.case.close': OutreachCaseRecord & { outcome: TOutreachOutcome };
    /** Reach the re-contact preferences routes at all (the record rule follows). */
    'recontactPreferences.access': undefined;
    /** Read and change how a person wants to be re-contacted: coordinators, referent peer workers. */
    'person.recontact.manage': PersonRecord;
  }
}

const followsCase = (actorId: string, record: OutreachCaseRecord) => record.peerIds.includes(actorId);

allow('continuitySettings.manage', (actor) => hasRole(actor, 'coordinator', 'admin'));
allow('outreach.queue', (actor) => hasRole(actor, 'coordinator', 'peer_worker'));
allow('outreach.detect', (actor) => hasRole(actor, 'coordinator'));
allow('outreach.case.work', (actor, record) => hasRole(actor, 'coordinator') || (hasRole(actor, 'peer_worker') && followsCase(actor.userId, record)));
allow(
  'outreach.case.close',
  (actor, record) =>
    hasRole(actor, 'coordinator') || (hasRole(actor, 'peer_worker') && followsCase(actor.userId, record) && record.outcome === 'contact_reestablished'),
);
allow('recontactPreferences.access', (actor) => hasRole(actor, 'coordinator', 'peer_worker'));
allow(
  'person.recontact.manage',
  (actor, person) => hasRole(actor, 'coordinator') || (hasRole(actor, 'peer_worker') && person.referentIds.includes(actor.userId)),
);
