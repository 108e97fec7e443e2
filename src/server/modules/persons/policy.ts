import { hasRole } from '../../platform/access/actor';
import { allow } from '../../platform/access/policy';

/** What person rules judge: the organisation (checked first by `can`) and who follows the person. */
export type PersonRecord = { organizationId: string; id: string; referentIds: readonly string[] };

declare module '../../platform/access/policy' {
  interface PolicyActions {
    /** List and search persons; peers see only those they follow (filtered in the query). */
    'persons.list': undefined;
    /** Create a person record (coordinators; partners and the public go through requests). */
    'persons.create': undefined;
    /** Read a person's record: coordinators of the organisation, peers who are referent for them. */
    'person.read': PersonRecord;
    /** Rectify identity, contacts, situation, referents (coordinators only, DOMAIN §9.5). */
    'person.update': PersonRecord;
    /** Record or withdraw a consent: the coordinator or a referent peer who collected it. */
    'person.consent.record': PersonRecord;
    /** Fold a duplicate record into this one. */
    'person.merge': PersonRecord;
  }
}

const isReferent = (actorId: string, person: PersonRecord) => person.referentIds.includes(actorId);

allow('persons.list', (actor) => hasRole(actor, 'coordinator', 'peer_worker'));
allow('persons.create', (actor) => hasRole(actor, 'coordinator'));
// Volunteers become referents through their binôme accompaniments (accompaniments module).
allow('person.read', (actor, person) => hasRole(actor, 'coordinator') || (hasRole(actor, 'peer_worker', 'volunteer') && isReferent(actor.userId, person)));
allow('person.update', (actor) => hasRole(actor, 'coordinator'));
allow(
  'person.consent.record',
  (actor, person) => hasRole(actor, 'coordinator') || (hasRole(actor, 'peer_worker') && isReferent(actor.userId, person)),
);
allow('person.merge', (actor) => hasRole(actor, 'coordinator'));
