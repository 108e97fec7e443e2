import { z } from 'zod';
import { DOCUMENT_STATUSES, VERSION_STATUSES, ZDocumentContent, ZDocumentKind, ZSectionContent, ZTemplateDefinition } from './recovery-documents';

/**
 * Contracts of the recovery documents API (issue #5, the documents themselves): templates,
 * documents, versions, autosave, validation, review, comparison, attributed changes, facilitators.
 * Sharing, crisis card and PDF have their own contracts (recovery-sharing.ts).
 */

const ZDateTime = z.iso.datetime({ offset: true });
const ZDay = z.iso.date();
const ZCode = z.string().regex(/^[a-z][a-z0-9_]*$/);
const ZRevision = z.number().int().min(1);

export const ZDocumentStatus = z.enum(DOCUMENT_STATUSES);
export const ZVersionStatus = z.enum(VERSION_STATUSES);
/** How the reader reaches a document's content: as its owner, or as a peer the owner invited. */
export const ZDocumentRole = z.enum(['owner', 'facilitator']);
export type TDocumentRole = z.infer<typeof ZDocumentRole>;

/** Field messages of this module, French first (the web app shows the ones the server sends). */
export const RECOVERY_DOCUMENT_FIELD_MESSAGES = {
  fr: {
    unknownSection: 'Cette partie n’existe pas dans ce document.',
    unknownBlock: 'Cette rubrique n’existe pas dans cette partie.',
    unknownColumn: 'Cette colonne n’existe pas dans ce tableau.',
    expectsText: 'Cette rubrique attend un texte.',
    expectsList: 'Cette rubrique attend une liste de lignes.',
    expectsTable: 'Cette rubrique attend un tableau.',
    expectsYesNo: 'Cette case attend oui ou non.',
    expectsCellText: 'Cette case attend un texte.',
    presenceRequired: 'Un pair n’écrit dans le document qu’avec la personne : cochez « la personne est présente ».',
    noDraft: 'Il n’y a pas de brouillon en cours : commencez une révision pour modifier le document.',
    draftExists: 'Une révision est déjà en cours pour ce document.',
    notActive: 'Ce document n’a pas encore de version validée.',
    withdrawn: 'Ce document a été retiré : il ne peut plus être modifié.',
    emptyDraft: 'Le document est vide : remplissez au moins une partie avant de le valider.',
    reviewDateInPast: 'La date de révision doit être après aujourd’hui.',
    notAPeer: 'Cette personne n’est pas un pair de l’organisation.',
    templateKindMismatch: 'Le modèle doit être du même type que l’adresse (wrap, pcc, dap ou recovery_plan).',
    nothingToChange: 'Indiquez au moins une modification.',
    staleRevision: 'Ce document a été enregistré entre-temps par quelqu’un d’autre : rechargez-le avant de continuer.',
  },
  en: {
    unknownSection: 'This part does not exist in this document.',
    unknownBlock: 'This item does not exist in this part.',
    unknownColumn: 'This column does not exist in this table.',
    expectsText: 'This item expects a text.',
    expectsList: 'This item expects a list of lines.',
    expectsTable: 'This item expects a table.',
    expectsYesNo: 'This cell expects yes or no.',
    expectsCellText: 'This cell expects a text.',
    presenceRequired: 'A peer writes in the document only with the person: tick “the person is present”.',
    noDraft: 'There is no draft in progress: start a review to change the document.',
    draftExists: 'A review is already in progress for this document.',
    notActive: 'This document has no validated version yet.',
    withdrawn: 'This document was withdrawn: it can no longer be changed.',
    emptyDraft: 'The document is empty: fill at least one part before validating it.',
    reviewDateInPast: 'The review date must be after today.',
    notAPeer: 'This person is not a peer of the organisation.',
    templateKindMismatch: 'The template must be of the same kind as the address (wrap, pcc, dap or recovery_plan).',
    nothingToChange: 'Give at least one change.',
    staleRevision: 'This document was saved meanwhile by someone else: reload it before going on.',
  },
} as const;
export type TRecoveryDocumentFieldMessage = keyof (typeof RECOVERY_DOCUMENT_FIELD_MESSAGES)['fr'];

// Params and queries ------------------------------------------------------------------------------

export const ZDocumentParams = z.object({ id: z.uuid() });
export const ZPersonDocumentsParams = z.object({ personId: z.uuid() });
export const ZTemplateKindParams = z.object({ kind: ZDocumentKind });
export const ZSectionParams = z.object({ id: z.uuid(), sectionCode: ZCode });
export const ZVersionParams = z.object({ id: z.uuid(), versionNo: z.coerce.number().int().min(1) });
export const ZCompareQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

// Templates ------------------------------------------------------------------------------------------

export const ZTemplate = z.object({
  id: z.uuid(),
  kind: ZDocumentKind,
  version: z.number().int().min(1),
  definition: ZTemplateDefinition,
  createdAt: ZDateTime,
});
export type TTemplate = z.infer<typeof ZTemplate>;
/** The latest template of each kind, in the order wrap, pcc, dap, recovery_plan. */
export const ZTemplateList = z.object({ items: z.array(ZTemplate) });
/** A newer version of a template (admins, coordinators): new documents use it, existing ones keep theirs. */
export const ZTemplateCreateInput = z.object({ definition: ZTemplateDefinition });

// Documents ------------------------------------------------------------------------------------------

export const ZUserRef = z.object({ id: z.uuid(), name: z.string() });

/** What anyone allowed to know the document exists sees: never its content. */
export const ZDocumentSummary = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  kind: ZDocumentKind,
  title: z.string(),
  status: ZDocumentStatus,
  visibleToTeam: z.boolean(),
  reviewDueOn: ZDay.nullable(),
  activeVersionNo: z.number().int().nullable(),
  activeValidatedAt: ZDateTime.nullable(),
  /** A draft is being written (first version or a review). */
  hasDraft: z.boolean(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
});
export type TDocumentSummary = z.infer<typeof ZDocumentSummary>;
export const ZDocumentList = z.object({ items: z.array(ZDocumentSummary) });

/**
 * A person's documents as staff see them: `facilitator` = the reader was invited and may open it;
 * `existence` = a coordinator sees that it exists because the person agreed (visibleToTeam), no content.
 */
export const ZStaffDocumentItem = ZDocumentSummary.extend({ access: z.enum(['facilitator', 'existence']) });
export const ZStaffDocumentList = z.object({ items: z.array(ZStaffDocumentItem) });

export const ZDocumentCreateInput = z.object({
  kind: ZDocumentKind,
  /** Defaults to the template's title ("Mon plan WRAP"…). */
  title: z.string().trim().min(1).max(200).optional(),
});

export const ZDraft = z.object({
  versionNo: z.number().int(),
  revision: ZRevision,
  content: ZDocumentContent,
  updatedAt: ZDateTime,
  updatedBy: ZUserRef.nullable(),
});
export const ZActiveVersion = z.object({
  versionNo: z.number().int(),
  validatedAt: ZDateTime,
  validatedBy: ZUserRef.nullable(),
  content: ZDocumentContent,
});
export const ZVersionListItem = z.object({
  versionNo: z.number().int(),
  status: ZVersionStatus,
  templateVersion: z.number().int(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  validatedAt: ZDateTime.nullable(),
});
export const ZFacilitator = z.object({ userId: z.uuid(), name: z.string(), grantedAt: ZDateTime });
export const ZFacilitatorList = z.object({ items: z.array(ZFacilitator) });
/** Sections with something written in them, out of all the template's sections. */
export const ZProgress = z.object({ filled: z.number().int(), total: z.number().int() });

export const ZDocumentDetail = z.object({
  document: ZDocumentSummary,
  /** The template of the draft when there is one, else of the active version. */
  template: ZTemplate,
  draft: ZDraft.nullable(),
  active: ZActiveVersion.nullable(),
  /** Newest first. */
  versions: z.array(ZVersionListItem),
  facilitators: z.array(ZFacilitator),
  myRole: ZDocumentRole,
  /** Progress of the draft (or of the active version when there is no draft). */
  progress: ZProgress,
  /** What the reader may do, so the screen shows only those buttons. */
  policies: z.object({ edit: z.boolean(), validate: z.boolean(), review: z.boolean(), manage: z.boolean() }),
});
export type TDocumentDetail = z.infer<typeof ZDocumentDetail>;

// Writing ------------------------------------------------------------------------------------------

/** Autosave of one section: the whole section content replaces the previous one. */
export const ZSectionSaveInput = z.object({
  /** The revision the writer started from: a newer one on the server → 409. */
  revision: ZRevision,
  content: ZSectionContent,
  /** Required (true) when a facilitator writes: the person is there (DOMAIN §1 Model). */
  inPresenceOfPerson: z.boolean().optional(),
});
export const ZSectionSaveResult = z.object({ revision: ZRevision, updatedAt: ZDateTime });

/** The 409 of a save (or a validation) over a newer revision: when the newer save happened. */
export const ZStaleRevisionProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.literal(409),
  newerVersionAt: ZDateTime,
  revision: ZRevision,
  errors: z.record(z.string(), z.array(z.string())).optional(),
});
export type TStaleRevisionProblem = z.infer<typeof ZStaleRevisionProblem>;

/** Any other 409 of the writing routes: the document's state forbids it (withdrawn, no draft…), said in `errors`. */
export const ZStateConflictProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.literal(409),
  instance: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
});
export const ZWritingConflict = z.union([ZStaleRevisionProblem, ZStateConflictProblem]);

export const ZValidateInput = z.object({
  revision: ZRevision,
  /** The person's review date; by default six months after validation. */
  reviewDueOn: ZDay.optional(),
});
export const ZReviewInput = z.object({ inPresenceOfPerson: z.boolean().optional() });

export const ZDocumentPatchInput = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  visibleToTeam: z.boolean().optional(),
  reviewDueOn: ZDay.nullable().optional(),
});
export const ZFacilitatorsInput = z.object({ userIds: z.array(z.uuid()).max(10) });
/** Peers the person may invite: those who accompany them (referents of their record). */
export const ZFacilitatorCandidates = z.object({ items: z.array(ZUserRef) });

// Reading versions, comparing, history ----------------------------------------------------------------

export const ZVersionDetail = z.object({
  documentId: z.uuid(),
  kind: ZDocumentKind,
  title: z.string(),
  versionNo: z.number().int(),
  status: ZVersionStatus,
  template: ZTemplate,
  content: ZDocumentContent,
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  validatedAt: ZDateTime.nullable(),
  validatedBy: ZUserRef.nullable(),
  myRole: ZDocumentRole,
});
export type TVersionDetail = z.infer<typeof ZVersionDetail>;

export const ZSectionComparisonStatus = z.enum(['unchanged', 'changed', 'added', 'removed']);
export const ZComparison = z.object({
  from: z.number().int(),
  to: z.number().int(),
  sections: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      status: ZSectionComparisonStatus,
      from: ZSectionContent.nullable(),
      to: ZSectionContent.nullable(),
    }),
  ),
});
export type TComparison = z.infer<typeof ZComparison>;

export const ZChange = z.object({
  id: z.number().int(),
  versionNo: z.number().int(),
  user: ZUserRef.nullable(),
  asRole: ZDocumentRole,
  inPresenceOfPerson: z.boolean(),
  sectionCodes: z.array(z.string()),
  revision: ZRevision,
  changedAt: ZDateTime,
});
/** Newest first. */
export const ZChangeList = z.object({ items: z.array(ZChange) });
