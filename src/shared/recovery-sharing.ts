import { z } from 'zod';
import { ZPage } from './pagination';
import { COPY_KINDS, SHARE_CHANNELS, SHARE_RECIPIENT_KINDS, ZDocumentKind, ZSectionContent, ZTemplateBlock } from './recovery-documents';

/**
 * Contracts of the sharing side of recovery documents (issue #5 points 4–7): shares (to a user of
 * the organisation or by a one-time link + access code), what recipients read, paper copies,
 * "who saw my plan", the crisis card and the public pages behind its QR code. PDFs are binary
 * answers (application/pdf) and have no body schema here.
 */

const ZDateTime = z.iso.datetime({ offset: true });
const ZDay = z.iso.date();
const ZCode = z.string().regex(/^[a-z][a-z0-9_]*$/);

/** How many wrong codes an outside link or a crisis card accepts: the 10th locks it. */
export const MAX_CODE_ATTEMPTS = 10;

/** Field messages of sharing, French first (the web app shows those the server sends). */
export const SHARING_FIELD_MESSAGES = {
  fr: {
    expiresInPast: 'La date de fin doit être dans le futur.',
    expiresTooFar: 'Un partage dure au plus deux ans : choisissez une date plus proche.',
    shareToSelf: 'Vous ne pouvez pas partager un document avec vous-même.',
    unknownRecipient: 'Ce destinataire n’est pas un membre actif de l’organisation ou d’une structure partenaire.',
    unknownSection: 'Cette partie n’existe pas dans ce document.',
    unknownVersion: 'Cette version n’existe pas ou n’a pas été validée : seule une version validée se partage.',
    notActive: 'Ce document n’a pas encore de version validée.',
    withdrawn: 'Ce document a été retiré : il ne peut plus être partagé.',
    channelForExternal: 'Une personne extérieure reçoit un lien ou un PDF, pas un accès au portail.',
    notRevoked: 'Ce partage n’a pas été retiré : la preuve de retrait n’existe qu’après le retrait.',
    givenOnFuture: 'La date de remise ne peut pas être dans le futur.',
    crisisKind: 'La carte de crise existe pour un plan WRAP ou un plan de crise conjoint.',
    notEmergencyEligible: 'Cette partie ne peut pas figurer sur la carte de crise.',
    noCard: 'Il n’y a pas de carte de crise en cours pour ce document.',
    wrongCode: 'Code incorrect.',
    shareInactive: 'Ce partage n’est plus actif',
    cardInactive: 'Cette carte de crise n’est plus active',
  },
  en: {
    expiresInPast: 'The end date must be in the future.',
    expiresTooFar: 'A share lasts two years at most: choose an earlier date.',
    shareToSelf: 'You cannot share a document with yourself.',
    unknownRecipient: 'This recipient is not an active member of the organisation or of a partner structure.',
    unknownSection: 'This part does not exist in this document.',
    unknownVersion: 'This version does not exist or was not validated: only a validated version can be shared.',
    notActive: 'This document has no validated version yet.',
    withdrawn: 'This document was withdrawn: it can no longer be shared.',
    channelForExternal: 'Someone outside receives a link or a PDF, not portal access.',
    notRevoked: 'This share was not withdrawn: the proof of withdrawal exists only after withdrawal.',
    givenOnFuture: 'The date handed over cannot be in the future.',
    crisisKind: 'The crisis card exists for a WRAP or a joint crisis plan.',
    notEmergencyEligible: 'This part cannot be shown on the crisis card.',
    noCard: 'There is no crisis card in force for this document.',
    wrongCode: 'Wrong code.',
    shareInactive: 'This share is no longer active',
    cardInactive: 'This crisis card is no longer active',
  },
} as const;
export type TSharingFieldMessage = keyof (typeof SHARING_FIELD_MESSAGES)['fr'];

// Params ------------------------------------------------------------------------------------------

export const ZSharingDocumentParams = z.object({ id: z.uuid() });
export const ZShareParams = z.object({ id: z.uuid(), shareId: z.uuid() });
export const ZCopyParams = z.object({ id: z.uuid(), copyId: z.uuid() });
export const ZSharedWithMeParams = z.object({ shareId: z.uuid() });
export const ZVersionPdfParams = z.object({ id: z.uuid(), versionNo: z.coerce.number().int().min(1) });
/** A link or card token: 32 random bytes in base64url (43 characters). */
export const ZPublicTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

// Shares ------------------------------------------------------------------------------------------

export const ZShareRecipientKind = z.enum(SHARE_RECIPIENT_KINDS);
export const ZShareChannel = z.enum(SHARE_CHANNELS);

/** Who the owner may pick as a user recipient: `q` filters on the name. */
export const ZShareRecipientQuery = z.object({ q: z.string().trim().max(100).optional() });
export const ZShareRecipientCandidate = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['team', 'partner']),
  /** The role, in French ("Pair aidant", "Contact partenaire"…). */
  detail: z.string().nullable(),
});
export type TShareRecipientCandidate = z.infer<typeof ZShareRecipientCandidate>;
/** At most 20, by name. */
export const ZShareRecipientCandidates = z.object({ items: z.array(ZShareRecipientCandidate) });

export const ZShareRecipientInput = z.discriminatedUnion('kind', [
  /** A user of the organisation: a team member or a partner structure's contact. */
  z.object({ kind: z.literal('user'), userId: z.uuid() }),
  /** Someone outside: a one-time link by e-mail, the access code passed on by the person by another way. */
  z.object({ kind: z.literal('external'), email: z.email().max(254), label: z.string().trim().min(1).max(200) }),
]);

export const ZShareCreateInput = z.object({
  /** A validated version, or null for "always the active one". */
  versionNo: z.number().int().min(1).nullable(),
  recipient: ZShareRecipientInput,
  /** How the person names the recipient ("Dr Martin, CMP de Gap"); by default the user's name or the outside label. */
  label: z.string().trim().min(1).max(200).optional(),
  purpose: z.string().trim().min(1).max(500),
  /** Null = the whole document; else the section codes shared. */
  scopeSections: z.array(ZCode).min(1).max(60).nullable(),
  expiresAt: ZDateTime,
  channel: ZShareChannel,
});
export type TShareCreateInput = z.infer<typeof ZShareCreateInput>;

export const SHARE_STATUSES = ['active', 'expired', 'revoked', 'locked', 'used'] as const;
export const ZShareStatus = z.enum(SHARE_STATUSES);
export type TShareStatus = z.infer<typeof ZShareStatus>;

export const ZShare = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  /** Null: always the active version. */
  versionNo: z.number().int().nullable(),
  recipient: z.object({
    kind: ZShareRecipientKind,
    userId: z.uuid().nullable(),
    email: z.string().nullable(),
    label: z.string(),
  }),
  purpose: z.string(),
  scopeSections: z.array(z.string()).nullable(),
  channel: ZShareChannel,
  expiresAt: ZDateTime,
  grantedAt: ZDateTime,
  revokedAt: ZDateTime.nullable(),
  /** Outside links: wrong codes so far, when the 10th locked it, when it was opened. */
  failedAttempts: z.number().int(),
  lockedAt: ZDateTime.nullable(),
  linkUsedAt: ZDateTime.nullable(),
  status: ZShareStatus,
});
export type TShare = z.infer<typeof ZShare>;
/** Newest first. */
export const ZShareList = z.object({ items: z.array(ZShare) });

/** The answer to a new share: for an outside recipient, the link and the code, shown this once only. */
export const ZShareCreated = z.object({
  share: ZShare,
  link: z.string().nullable(),
  accessCode: z.string().nullable(),
  /** An e-mail with the link (never the code) was queued to the outside recipient. */
  mailQueued: z.boolean(),
});
export type TShareCreated = z.infer<typeof ZShareCreated>;

// What a recipient reads ------------------------------------------------------------------------------

/** One section as a reader sees it: the template's wording and what the person wrote. */
export const ZSharedSection = z.object({
  code: z.string(),
  part: z.string(),
  title: z.string(),
  blocks: z.array(ZTemplateBlock),
  content: ZSectionContent,
});
export type TSharedSection = z.infer<typeof ZSharedSection>;

/** A document as a recipient (user, outside link) reads it: only the sections in scope. */
export const ZSharedDocument = z.object({
  shareId: z.uuid(),
  documentId: z.uuid(),
  kind: ZDocumentKind,
  title: z.string(),
  /** The person's name as they go by (first name or pseudonym, last name). */
  ownerName: z.string(),
  versionNo: z.number().int(),
  validatedAt: ZDateTime.nullable(),
  notice: z.string(),
  purpose: z.string(),
  expiresAt: ZDateTime,
  /** True when the share covers the whole document. */
  wholeDocument: z.boolean(),
  sections: z.array(ZSharedSection),
});
export type TSharedDocument = z.infer<typeof ZSharedDocument>;

export const ZSharedWithMeItem = z.object({
  shareId: z.uuid(),
  documentId: z.uuid(),
  kind: ZDocumentKind,
  title: z.string(),
  ownerName: z.string(),
  versionNo: z.number().int().nullable(),
  scopeSections: z.array(z.string()).nullable(),
  purpose: z.string(),
  channel: ZShareChannel,
  grantedAt: ZDateTime,
  expiresAt: ZDateTime,
});
export type TSharedWithMeItem = z.infer<typeof ZSharedWithMeItem>;
/** Active shares only, newest first. */
export const ZSharedWithMeList = z.object({ items: z.array(ZSharedWithMeItem) });

// Public link and crisis card pages ---------------------------------------------------------------------

export const ZPublicStatus = z.object({ status: z.literal('active') });
export const ZCodeInput = z.object({ code: z.string().trim().min(1).max(32) });

/** 410: revoked, expired, already used, locked (the message is the same for each). */
export const ZGoneProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.literal(410),
  message: z.string(),
});
/** 400 on a wrong code: how many tries remain before the link or card locks. */
export const ZWrongCodeProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.literal(400),
  remainingAttempts: z.number().int().min(0),
  errors: z.record(z.string(), z.array(z.string())),
});

// Copies -----------------------------------------------------------------------------------------------

export const ZCopyKind = z.enum(COPY_KINDS);
export const ZCopyHolderInput = z.object({
  holder: z.string().trim().min(1).max(200),
  kind: ZCopyKind,
  givenOn: ZDay,
  /** The version handed over, when the person knows it. */
  versionNo: z.number().int().min(1).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export const ZCopyHolder = z.object({
  id: z.uuid(),
  holder: z.string(),
  kind: ZCopyKind,
  givenOn: ZDay,
  versionNo: z.number().int().nullable(),
  note: z.string().nullable(),
  createdAt: ZDateTime,
});
export type TCopyHolder = z.infer<typeof ZCopyHolder>;
/** Most recently handed over first. */
export const ZCopyHolderList = z.object({ items: z.array(ZCopyHolder) });

// Who saw my plan ---------------------------------------------------------------------------------------

export const VIEW_CHANNELS = ['owner', 'facilitator', 'share', 'link', 'crisis_card'] as const;
export const ZViewChannel = z.enum(VIEW_CHANNELS);
export const ZDocumentView = z.object({
  id: z.number().int(),
  at: ZDateTime,
  kind: z.enum(['viewed', 'downloaded']),
  who: z.object({
    /** user: a signed-in reader (name); external_link: the outside recipient (the share's label); crisis_card: someone with the card. */
    kind: z.enum(['user', 'external_link', 'crisis_card', 'unknown']),
    label: z.string(),
  }),
  versionNo: z.number().int().nullable(),
  via: ZViewChannel.nullable(),
  shareId: z.uuid().nullable(),
});
export type TDocumentView = z.infer<typeof ZDocumentView>;
export const ZDocumentViewPage = ZPage(ZDocumentView);

// Crisis card -------------------------------------------------------------------------------------------

export const ZCrisisCardInput = z.object({ sectionCodes: z.array(ZCode).min(1).max(20) });
export const ZSectionRef = z.object({ code: z.string(), title: z.string() });
export const ZCrisisCardStatus = z.object({
  /** The sections of the active version the person may put on the card (empty: no card possible). */
  eligibleSections: z.array(ZSectionRef),
  card: z
    .object({
      id: z.uuid(),
      sections: z.array(ZSectionRef),
      createdAt: ZDateTime,
      failedAttempts: z.number().int(),
      lockedAt: ZDateTime.nullable(),
      status: z.enum(['active', 'locked']),
    })
    .nullable(),
});
export type TCrisisCardStatus = z.infer<typeof ZCrisisCardStatus>;

/** What the QR page shows once the emergency code is given: the chosen sections of the current active version. */
export const ZCrisisContent = z.object({
  ownerName: z.string(),
  kind: ZDocumentKind,
  title: z.string(),
  versionNo: z.number().int(),
  validatedAt: ZDateTime.nullable(),
  notice: z.string(),
  sections: z.array(ZSharedSection),
});
export type TCrisisContent = z.infer<typeof ZCrisisContent>;
