import type { TNoteConfidentiality } from '../../../shared/accompaniments';
import { hasRole, type Actor } from '../../platform/access/actor';
import { allow } from '../../platform/access/policy';

/** What accompaniment rules judge: the organisation (checked first by `can`) and its current peers. */
export type AccompanimentRecord = { organizationId: string; id: string; currentPeerIds: readonly string[] };

/** A note is judged with its accompaniment: confidentiality narrows who among its readers may see it. */
export type NoteRecord = {
  organizationId: string;
  authorId: string;
  confidentiality: TNoteConfidentiality;
  accompaniment: AccompanimentRecord;
};

declare module '../../platform/access/policy' {
  interface PolicyActions {
    /**
     * Work with accompaniments at all (every accompaniment route checks it first): coordinators,
     * peer workers, volunteers. Supervisors, trainers, funders, partners, admins: 403.
     */
    'accompaniments.access': undefined;
    /** See every accompaniment of the organisation rather than one's own (lists are filtered on it). */
    'accompaniments.viewAll': undefined;
    /** Open an accompaniment, from a request or directly (coordinators). */
    'accompaniments.open': undefined;
    /** Read an accompaniment, its goals, interventions, appointments and the notes its confidentiality allows. */
    'accompaniment.read': AccompanimentRecord;
    /** Record interventions, notes, goals and appointments. */
    'accompaniment.work': AccompanimentRecord;
    /** Change the peers of an accompaniment. */
    'accompaniment.assignPeers': AccompanimentRecord;
    /** Close an accompaniment with its reason. */
    'accompaniment.close': AccompanimentRecord;
    /** Read one note: `private` ones by their author only, whoever reads the accompaniment. */
    'accompaniment.note.read': NoteRecord;
    /** Correct one's own note. */
    'accompaniment.note.update': NoteRecord;
  }
}

const isCurrentPeer = (actor: Actor, accompaniment: AccompanimentRecord) => accompaniment.currentPeerIds.includes(actor.userId);
/** Salaried peer workers and volunteers reach the accompaniments they are (still) assigned to, nothing else. */
const isAssignedPeer = (actor: Actor, accompaniment: AccompanimentRecord) =>
  hasRole(actor, 'peer_worker', 'volunteer') && isCurrentPeer(actor, accompaniment);
const mayRead = (actor: Actor, accompaniment: AccompanimentRecord) => hasRole(actor, 'coordinator') || isAssignedPeer(actor, accompaniment);
const mayReadNote = (actor: Actor, note: NoteRecord) =>
  mayRead(actor, note.accompaniment) && (note.confidentiality !== 'private' || note.authorId === actor.userId);

allow('accompaniments.access', (actor) => hasRole(actor, 'coordinator', 'peer_worker', 'volunteer'));
allow('accompaniments.viewAll', (actor) => hasRole(actor, 'coordinator'));
allow('accompaniments.open', (actor) => hasRole(actor, 'coordinator'));
allow('accompaniment.read', mayRead);
allow('accompaniment.work', mayRead);
allow('accompaniment.assignPeers', (actor) => hasRole(actor, 'coordinator'));
// A volunteer never closes: the salaried peer worker of the binôme or a coordinator does.
allow('accompaniment.close', (actor, accompaniment) => hasRole(actor, 'coordinator') || (hasRole(actor, 'peer_worker') && isCurrentPeer(actor, accompaniment)));
allow('accompaniment.note.read', mayReadNote);
allow('accompaniment.note.update', (actor, note) => mayReadNote(actor, note) && note.authorId === actor.userId);
