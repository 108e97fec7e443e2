import type { TComparison } from '../../../../shared/recovery-documents-api';
import type { TSectionContent, TTemplateBlock, TTemplateSection } from '../../../../shared/recovery-documents';

export type TComparedSection = TComparison['sections'][number] & {
  /** The template section to render both sides with (inferred when the template no longer has it). */
  template: TTemplateSection;
  /** Changed, added or removed: highlighted. */
  highlighted: boolean;
};

export interface TCompareView {
  sections: TComparedSection[];
  changedCount: number;
}

/** A block's shape guessed from what was written, for sections the current template does not know. */
function inferBlock(code: string, values: unknown[]): TTemplateBlock {
  const sample = values.find((value) => value !== undefined);
  if (Array.isArray(sample) && sample.some((item) => typeof item === 'object' && item !== null)) {
    const columns = new Set<string>();
    for (const value of values) {
      if (!Array.isArray(value)) continue;
      for (const row of value) if (typeof row === 'object' && row !== null) Object.keys(row).forEach((key) => columns.add(key));
    }
    return { code, label: code, kind: 'table', columns: [...columns].map((column) => ({ code: column, label: column, kind: 'text' })) };
  }
  return { code, label: code, kind: Array.isArray(sample) ? 'list' : 'text' };
}

function inferSection(code: string, title: string, from: TSectionContent | null, to: TSectionContent | null): TTemplateSection {
  const blockCodes = [...new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})])];
  return {
    code,
    part: code,
    title,
    emergencyEligible: false,
    blocks: blockCodes.length > 0 ? blockCodes.map((block) => inferBlock(block, [from?.[block], to?.[block]])) : [{ code: 'text', label: title, kind: 'text' }],
  };
}

/**
 * The comparison as the page shows it: each section with the template to render it, changed ones
 * highlighted, and optionally only those.
 */
export function compareView(comparison: TComparison, templateSections: readonly TTemplateSection[], onlyChanged: boolean): TCompareView {
  const sections = comparison.sections.map((section) => {
    const known = templateSections.find((item) => item.code === section.code);
    const template = known ?? inferSection(section.code, section.title, section.from, section.to);
    return { ...section, template, highlighted: section.status !== 'unchanged' };
  });
  const changedCount = sections.filter((section) => section.highlighted).length;
  return { sections: onlyChanged ? sections.filter((section) => section.highlighted) : sections, changedCount };
}

/** Default pair to compare: the two newest versions, older first. */
export function defaultPair(versionNumbers: readonly number[]): { from: number; to: number } | null {
  const sorted = [...versionNumbers].sort((a, b) => b - a);
  const [newest, previous] = sorted;
  if (newest === undefined || previous === undefined) return null;
  return { from: previous, to: newest };
}
