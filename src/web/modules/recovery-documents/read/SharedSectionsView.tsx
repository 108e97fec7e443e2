import type { TitleOrder } from '@mantine/core';
import type { TSharedSection } from '../../../../shared/recovery-sharing';
import { DocumentContentView } from './DocumentContentView';

/** Sections as a recipient receives them (the template's wording travels with the content). */
export function SharedSectionsView({ sections, headingOrder = 2, large = false }: { sections: readonly TSharedSection[]; headingOrder?: TitleOrder; large?: boolean }) {
  const templateSections = sections.map((section) => ({ code: section.code, part: section.part, title: section.title, blocks: section.blocks, emergencyEligible: false }));
  const content = Object.fromEntries(sections.map((section) => [section.code, section.content]));
  return <DocumentContentView sections={templateSections} content={content} headingOrder={headingOrder} large={large} />;
}
