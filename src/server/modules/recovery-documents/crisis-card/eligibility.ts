import type { TDocumentKind, TTemplateDefinition } from '../../../../shared/recovery-documents';
import type { ServiceContext } from '../../../platform/http/context';
import type { DocumentRecord } from '../policy';
import { findVersion, type LoadedVersion } from '../records';
import { invalidSharingField } from '../sharing/field-errors';

/** Documents written for others to use in a crisis: the WRAP (its crisis plan) and the joint crisis plan. */
export const CRISIS_CARD_KINDS: readonly TDocumentKind[] = ['wrap', 'pcc'];

export const eligibleSections = (definition: TTemplateDefinition) =>
  definition.sections.filter((section) => section.emergencyEligible).map((section) => ({ code: section.code, title: section.title }));

/** The active version a card reads, or null when the document cannot have a card (kind, no validated version, withdrawn). */
export async function cardVersion(ctx: ServiceContext, record: Pick<DocumentRecord, 'id' | 'kind' | 'status'>): Promise<LoadedVersion | null> {
  if (!CRISIS_CARD_KINDS.includes(record.kind) || record.status === 'withdrawn') return null;
  return (await findVersion(ctx, record.id, 'active')) ?? null;
}

/** The version and the chosen codes, checked: 400 with the field that is wrong. */
export async function checkCardChoice(ctx: ServiceContext, record: DocumentRecord, sectionCodes: readonly string[]): Promise<{ version: LoadedVersion; codes: string[] }> {
  if (!CRISIS_CARD_KINDS.includes(record.kind)) throw invalidSharingField(ctx.locale, 'sectionCodes', 'crisisKind');
  if (record.status === 'withdrawn') throw invalidSharingField(ctx.locale, 'sectionCodes', 'withdrawn');
  const version = await findVersion(ctx, record.id, 'active');
  if (!version) throw invalidSharingField(ctx.locale, 'sectionCodes', 'notActive');
  const allowed = new Set(eligibleSections(version.template.definition).map((section) => section.code));
  sectionCodes.forEach((code, index) => {
    if (!allowed.has(code)) throw invalidSharingField(ctx.locale, `sectionCodes.${index}`, 'notEmergencyEligible');
  });
  return { version, codes: [...new Set(sectionCodes)] };
}
