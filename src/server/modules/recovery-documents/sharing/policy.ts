import type { Actor } from '../../../platform/access/actor';
import { allow } from '../../../platform/access/policy';
import { isFacilitator, isOwner, type DocumentRecord } from '../policy';

/** A share as its recipient's access is judged: whom it is for, and whether it still holds today. */
export type ShareAccessRecord = {
  organizationId: string;
  recipientUserId: string | null;
  /** Not revoked, not expired, its document not withdrawn. */
  inForce: boolean;
};

declare module '../../../platform/access/policy' {
  interface PolicyActions {
    /** Share the document, record paper copies, produce or withdraw the crisis card: the owner alone. */
    'recovery_document.share': DocumentRecord;
    /** See who viewed or downloaded the document (from the audit): the owner alone. */
    'recovery_document.views': DocumentRecord;
    /** Download a version as PDF: whoever reads the whole document (owner, invited facilitator). */
    'recovery_document.download': DocumentRecord;
    /** Read what a share in force gives: its recipient only (the sections in scope). */
    'recovery_document.share.read': ShareAccessRecord;
  }
}

const ownerOrFacilitator = (actor: Actor, record: DocumentRecord) => isOwner(actor, record) || isFacilitator(actor, record);

allow('recovery_document.share', isOwner);
allow('recovery_document.views', isOwner);
allow('recovery_document.download', ownerOrFacilitator);
allow('recovery_document.share.read', (actor, share) => share.inForce && share.recipientUserId !== null && share.recipientUserId === actor.userId);
