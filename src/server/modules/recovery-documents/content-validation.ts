import type { TBlockValue, TSectionContent, TTemplateBlock, TTemplateDefinition, TTemplateSection } from '../../../shared/recovery-documents';
import type { FieldErrors } from '../../platform/http/errors';
import type { Locale } from '../../platform/http/messages';
import { fieldMessage, invalidField, invalidFields } from './field-errors';

/** The template's section with this code; unknown → 400 on `sectionCode`. */
export function sectionOf(definition: TTemplateDefinition, sectionCode: string, locale: Locale): TTemplateSection {
  const section = definition.sections.find((candidate) => candidate.code === sectionCode);
  if (!section) throw invalidField(locale, 'sectionCode', 'unknownSection');
  return section;
}

/**
 * Checks one section's content against its template (the zod schema already bounded sizes and
 * types): every block code known, a text block a string, a list block a list of strings, a table
 * rows whose keys are the block's columns (yes/no cells booleans, others strings). Every problem is
 * reported at once, named by its path under `content` ("content.supporters.0.phone"), so the
 * screen points at the field; nothing is saved when one is wrong.
 */
export function assertSectionContent(section: TTemplateSection, content: TSectionContent, locale: Locale): void {
  const errors: FieldErrors = {};
  const report = (path: string, message: Parameters<typeof fieldMessage>[1]) => (errors[path] ??= []).push(fieldMessage(locale, message));
  for (const [blockCode, value] of Object.entries(content)) {
    const block = section.blocks.find((candidate) => candidate.code === blockCode);
    const path = `content.${blockCode}`;
    if (!block) report(path, 'unknownBlock');
    else checkBlock(block, value, path, report);
  }
  if (Object.keys(errors).length > 0) throw invalidFields(errors);
}

function checkBlock(block: TTemplateBlock, value: TBlockValue, path: string, report: (path: string, message: Parameters<typeof fieldMessage>[1]) => void): void {
  if (block.kind === 'text') {
    if (typeof value !== 'string') report(path, 'expectsText');
    return;
  }
  if (!Array.isArray(value)) {
    report(path, block.kind === 'list' ? 'expectsList' : 'expectsTable');
    return;
  }
  if (block.kind === 'list') {
    if (!value.every((line) => typeof line === 'string')) report(path, 'expectsList');
    return;
  }
  const columns = new Map((block.columns ?? []).map((column) => [column.code, column]));
  value.forEach((row, index) => {
    if (typeof row !== 'object' || row === null) {
      report(`${path}.${index}`, 'expectsTable');
      return;
    }
    for (const [key, cell] of Object.entries(row)) {
      const column = columns.get(key);
      const cellPath = `${path}.${index}.${key}`;
      if (!column) report(cellPath, 'unknownColumn');
      else if (cell === null) continue;
      else if (column.kind === 'yes_no' && typeof cell !== 'boolean') report(cellPath, 'expectsYesNo');
      else if (column.kind !== 'yes_no' && typeof cell !== 'string') report(cellPath, 'expectsCellText');
    }
  });
}

/** Whether a block holds something the person wrote (blank lines and empty rows do not count). */
export function blockIsFilled(value: TBlockValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return value.some((item) =>
    typeof item === 'string' ? item.trim() !== '' : Object.values(item).some((cell) => (typeof cell === 'string' ? cell.trim() !== '' : cell === true)),
  );
}

export const sectionIsFilled = (content: TSectionContent | undefined): boolean => Object.values(content ?? {}).some(blockIsFilled);

/** Sections with something written in them, out of the template's sections. */
export function progressOf(definition: TTemplateDefinition, content: Record<string, TSectionContent>): { filled: number; total: number } {
  return { filled: definition.sections.filter((section) => sectionIsFilled(content[section.code])).length, total: definition.sections.length };
}
