import { hasRole, type Actor } from '../../platform/access/actor';
import { allow } from '../../platform/access/policy';
import type { TDocumentKind, TDocumentStatus } from '../../../shared/recovery-documents';

/**
 * What the document rules judge (the organisation is checked first by `can`): who owns the
 * document (the person's portal account, if any), which peers the owner invited, and the
 * owner's two choices that open or close it to others.
 */
export type DocumentRecord = {
  id: string;
  organizationId: string;
  personId: string;
  /** The user account of the person the document belongs to (person_accounts), null when they have none. */
  ownerUserId: string | null;
  kind: TDocumentKind;
  title: string;
  status: TDocumentStatus;
  activeVersionId: string | null;
  /** Peers the owner invited, still invited (revoked ones are not listed). */
  facilitatorIds: string[];
  /** The owner agrees that coordinators see that the document exists (never its content). */
  visibleToTeam: boolean;
};

declare module '../../platform/access/policy' {
  interface PolicyActions {
    /** Have documents of one's own (the person's portal): list and create them. */
    'recovery_documents.own': undefined;
    /** Add a newer version of a template for the organisation (admins, coordinators). */
    'recovery_documents.templates.manage': undefined;
    /** Know that the document exists (title, kind, status, dates), never its content. */
    'recovery_document.seeExistence': DocumentRecord;
    /** Read its content, its versions, its history. */
    'recovery_document.read': DocumentRecord;
    /** Write in the draft (a facilitator, only with the person present: checked by the service). */
    'recovery_document.edit': DocumentRecord;
    /** Start a review: a new draft copied from the active version. */
    'recovery_document.review': DocumentRecord;
    /** Sign and date the draft: the owner alone. */
    'recovery_document.validate': DocumentRecord;
    /** Title, visibility, review date, facilitators, shares, withdrawal: the owner alone. */
    'recovery_document.manage': DocumentRecord;
  }
}

/** The person the document belongs to, signed in on their own account. */
export const isOwner = (actor: Actor, record: DocumentRecord): boolean =>
  hasRole(actor, 'person') && record.ownerUserId !== null && record.ownerUserId === actor.userId;

/**
 * A peer the owner invited on this document. A withdrawn document is the owner's alone again:
 * the invitation no longer opens it.
 */
export const isFacilitator = (actor: Actor, record: DocumentRecord): boolean =>
  hasRole(actor, 'peer_worker', 'volunteer') && record.status !== 'withdrawn' && record.facilitatorIds.includes(actor.userId);

const ownerOrFacilitator = (actor: Actor, record: DocumentRecord) => isOwner(actor, record) || isFacilitator(actor, record);

allow('recovery_documents.own', (actor) => hasRole(actor, 'person'));
allow('recovery_documents.templates.manage', (actor) => hasRole(actor, 'admin', 'coordinator'));
allow(
  'recovery_document.seeExistence',
  (actor, record) => ownerOrFacilitator(actor, record) || (hasRole(actor, 'coordinator') && record.visibleToTeam && record.status !== 'withdrawn'),
);
allow('recovery_document.read', ownerOrFacilitator);
allow('recovery_document.edit', ownerOrFacilitator);
allow('recovery_document.review', ownerOrFacilitator);
allow('recovery_document.validate', isOwner);
allow('recovery_document.manage', isOwner);
