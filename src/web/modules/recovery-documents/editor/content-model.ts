import type { TBlockValue, TDocumentContent, TSectionContent, TTemplateBlock, TTemplateDefinition, TTemplateSection } from '../../../../shared/recovery-documents';

export type TTableRow = Record<string, string | boolean | null>;

/** A text block's value as typed; anything else (a template changed between versions) reads as empty. */
export function textValue(value: TBlockValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** A list's lines; at least one so the person always has a line to type in. */
export function listLines(value: TBlockValue | undefined): string[] {
  const lines = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  return lines.length > 0 ? lines : [''];
}

export function tableRows(value: TBlockValue | undefined): TTableRow[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is TTableRow => typeof item === 'object' && item !== null);
}

export function emptyRow(block: TTemplateBlock): TTableRow {
  return Object.fromEntries((block.columns ?? []).map((column) => [column.code, column.kind === 'yes_no' ? null : '']));
}

const hasText = (value: string | boolean | null | undefined) => (typeof value === 'string' ? value.trim() !== '' : typeof value === 'boolean');

/** What is sent to the server: blank lines and empty rows dropped, text kept exactly as typed. */
export function cleanSection(section: TTemplateSection, content: TSectionContent): TSectionContent {
  const cleaned: TSectionContent = {};
  for (const block of section.blocks) {
    const value = content[block.code];
    if (value === undefined) continue;
    if (block.kind === 'text') cleaned[block.code] = textValue(value);
    else if (block.kind === 'list') cleaned[block.code] = listLines(value).filter((line) => line.trim() !== '');
    else cleaned[block.code] = tableRows(value).filter((row) => Object.values(row).some(hasText));
  }
  return cleaned;
}

export function isBlockFilled(block: TTemplateBlock, value: TBlockValue | undefined): boolean {
  if (block.kind === 'text') return textValue(value).trim() !== '';
  if (block.kind === 'list') return listLines(value).some((line) => line.trim() !== '');
  return tableRows(value).some((row) => Object.values(row).some(hasText));
}

export function isSectionFilled(section: TTemplateSection, content: TSectionContent | undefined): boolean {
  return section.blocks.some((block) => isBlockFilled(block, content?.[block.code]));
}

export interface TPart {
  code: string;
  title: string;
  sections: TTemplateSection[];
}

/** The template's parts with their sections, in order (parts without sections left out). */
export function templateParts(template: TTemplateDefinition): TPart[] {
  const parts = template.parts.map((part) => ({ code: part.code, title: part.title, sections: template.sections.filter((section) => section.part === part.code) }));
  return parts.filter((part) => part.sections.length > 0);
}

/** One screen of writing: a single section, placed in its part ("Partie 7 sur 8", "section 3 sur 9"). */
export interface TWritingStep {
  section: TTemplateSection;
  part: TPart;
  partIndex: number;
  indexInPart: number;
}

export function writingSteps(parts: readonly TPart[]): TWritingStep[] {
  return parts.flatMap((part, partIndex) => part.sections.map((section, indexInPart) => ({ section, part, partIndex, indexInPart })));
}

/** "3 parties sur 8": a part counts once something is written in any of its sections. */
export function filledParts(parts: readonly TPart[], content: TDocumentContent): number {
  return parts.filter((part) => part.sections.some((section) => isSectionFilled(section, content[section.code]))).length;
}

/** A section's text as plain lines, for the clipboard when a save could not go through. */
export function sectionAsText(section: TTemplateSection, content: TSectionContent | undefined, yesNo: { yes: string; no: string }): string {
  const lines: string[] = [section.title];
  for (const block of section.blocks) {
    const value = content?.[block.code];
    if (!isBlockFilled(block, value)) continue;
    lines.push('', `${block.label} :`);
    if (block.kind === 'text') lines.push(textValue(value));
    else if (block.kind === 'list') lines.push(...listLines(value).filter((line) => line.trim() !== '').map((line) => `- ${line}`));
    else {
      for (const row of tableRows(value)) {
        const cells = (block.columns ?? []).map((column) => ({ column, cell: row[column.code] })).filter(({ cell }) => hasText(cell));
        lines.push(`- ${cells.map(({ column, cell }) => `${column.label} : ${cellText(cell, yesNo)}`).join(' ; ')}`);
      }
    }
  }
  return lines.join('\n');
}

function cellText(cell: string | boolean | null | undefined, yesNo: { yes: string; no: string }): string {
  if (cell === true) return yesNo.yes;
  if (cell === false) return yesNo.no;
  return cell ?? '';
}
