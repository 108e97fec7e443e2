import { z } from 'zod';

/**
 * Recovery documents (issue #5, DOMAIN §0–§3): written and owned by the person, versioned, shared
 * document by document. Enumerations and the two data shapes everything else derives from — the
 * template (what a document type asks, kept as data and versioned) and the content (what the
 * person wrote, keyed by the template's codes).
 */
export const DOCUMENT_KINDS = ['wrap', 'pcc', 'dap', 'recovery_plan'] as const;
export type TDocumentKind = (typeof DOCUMENT_KINDS)[number];
export const ZDocumentKind = z.enum(DOCUMENT_KINDS);

/** draft: never validated; active: has an active version; withdrawn: the person withdrew it (kept, not shown to anyone else). */
export const DOCUMENT_STATUSES = ['draft', 'active', 'withdrawn'] as const;
export type TDocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** A version is written as a draft, validated (signed and dated: then the active one), superseded by the next. */
export const VERSION_STATUSES = ['draft', 'validated', 'superseded'] as const;
export type TVersionStatus = (typeof VERSION_STATUSES)[number];

/** Who a share is for: a user of the organisation (a team member, a partner's contact) or someone outside, by email. */
export const SHARE_RECIPIENT_KINDS = ['user', 'external'] as const;
export type TShareRecipientKind = (typeof SHARE_RECIPIENT_KINDS)[number];

/** How the recipient reaches the document. */
export const SHARE_CHANNELS = ['portal', 'link', 'pdf'] as const;
export type TShareChannel = (typeof SHARE_CHANNELS)[number];

/** Paper and other copies the person handed over: recorded, they cannot be recalled. */
export const COPY_KINDS = ['paper', 'pdf', 'patient_record', 'other'] as const;
export type TCopyKind = (typeof COPY_KINDS)[number];

// ---------------------------------------------------------------------------------------------
// Templates: data, versioned per organisation; the built-in ones are in
// src/server/modules/recovery-documents/templates/ and seeded for each organisation.

/** A column of a structured list (supporters: name, relation, phone, role…). */
export const ZTemplateColumn = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  kind: z.enum(['text', 'long_text', 'phone', 'date', 'yes_no', 'choice']),
  options: z.array(z.object({ code: z.string(), label: z.string() })).optional(),
});
export type TTemplateColumn = z.infer<typeof ZTemplateColumn>;

/**
 * One thing a section asks: a free text, a list of short lines, or a table of rows with columns
 * (an action plan is a table: action, who, when).
 */
export const ZTemplateBlock = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  help: z.string().optional(),
  kind: z.enum(['text', 'list', 'table']),
  columns: z.array(ZTemplateColumn).optional(),
});
export type TTemplateBlock = z.infer<typeof ZTemplateBlock>;

export const ZTemplateSection = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Sections of one part are shown together (the 9 sections of the WRAP crisis plan form one part). */
  part: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: z.string().min(1),
  /** A plain-French prompt shown above the section. */
  intro: z.string().optional(),
  blocks: z.array(ZTemplateBlock).min(1),
  /** May be shown on the crisis card (the person still chooses which). */
  emergencyEligible: z.boolean().default(false),
});
export type TTemplateSection = z.infer<typeof ZTemplateSection>;

export const ZTemplateDefinition = z.object({
  kind: ZDocumentKind,
  title: z.string().min(1),
  /** Shown on every screen and PDF: these documents express wishes, not orders (DOMAIN §0.4). */
  notice: z.string().min(1),
  parts: z.array(z.object({ code: z.string(), title: z.string() })).min(1),
  sections: z.array(ZTemplateSection).min(1),
});
export type TTemplateDefinition = z.infer<typeof ZTemplateDefinition>;

// ---------------------------------------------------------------------------------------------
// Content: what the person wrote, { [sectionCode]: { [blockCode]: value } }, checked against the
// template of its version (unknown codes refused, a table's cells against its columns).

export const ZTableRow = z.record(z.string(), z.union([z.string().max(2000), z.boolean(), z.null()]));
export const ZBlockValue = z.union([z.string().max(20_000), z.array(z.string().max(2000)).max(200), z.array(ZTableRow).max(200)]);
export type TBlockValue = z.infer<typeof ZBlockValue>;
export const ZSectionContent = z.record(z.string(), ZBlockValue);
export type TSectionContent = z.infer<typeof ZSectionContent>;
export const ZDocumentContent = z.record(z.string(), ZSectionContent);
export type TDocumentContent = z.infer<typeof ZDocumentContent>;

// ---------------------------------------------------------------------------------------------
// Wording rules the screens and the PDF share.

/**
 * DOMAIN §3 (CSP L1111-6): someone is a "personne de confiance" only once they co-signed the
 * designation; until then they are shown as "personne de soutien". `designation` is a row of the
 * `trusted_person.designation` table of the built-in templates.
 */
export function trustedPersonWording(designation: Record<string, string | boolean | null> | undefined): 'personne de confiance' | 'personne de soutien' {
  const cosignedOn = designation?.cosigned_on;
  return typeof cosignedOn === 'string' && cosignedOn.trim() !== '' ? 'personne de confiance' : 'personne de soutien';
}
