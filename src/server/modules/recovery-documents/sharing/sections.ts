import type { TDocumentContent, TTemplateDefinition } from '../../../../shared/recovery-documents';
import type { TSharedSection } from '../../../../shared/recovery-sharing';

/**
 * The sections a reader gets, in the template's order: all of them, or only the codes in scope
 * (a code the version's template does not have is skipped: an "always active" share may outlive
 * a template change). The content of each is what the person wrote, empty when nothing yet.
 */
export function sectionsInScope(definition: TTemplateDefinition, content: TDocumentContent, scope: readonly string[] | null): TSharedSection[] {
  const wanted = scope === null ? null : new Set(scope);
  return definition.sections
    .filter((section) => wanted === null || wanted.has(section.code))
    .map((section) => ({ code: section.code, part: section.part, title: section.title, blocks: section.blocks, content: content[section.code] ?? {} }));
}
