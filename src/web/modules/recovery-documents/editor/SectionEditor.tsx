import { Stack, Text, Title } from '@mantine/core';
import type { TBlockValue, TSectionContent, TTemplateSection } from '../../../../shared/recovery-documents';
import { blockErrors } from './BlockErrors';
import { listLines, tableRows, textValue } from './content-model';
import { ListBlockField } from './ListBlockField';
import { TableBlockField } from './TableBlockField';
import { TextBlockField } from './TextBlockField';

interface SectionEditorProps {
  section: TTemplateSection;
  content: TSectionContent | undefined;
  onChange: (content: TSectionContent) => void;
  disabled?: boolean;
  errors?: Record<string, string[]>;
  /** A part of one section is titled by the part's heading already. */
  showTitle?: boolean;
}

/** One section of a document, built from its template: each block as the field its kind asks for. */
export function SectionEditor({ section, content, onChange, disabled, errors, showTitle = true }: SectionEditorProps) {
  const headingId = `section-${section.code}-title`;
  const change = (blockCode: string, value: TBlockValue) => onChange({ ...(content ?? {}), [blockCode]: value });
  return (
    <Stack component="section" gap="md" aria-labelledby={showTitle ? headingId : undefined} data-section={section.code}>
      {showTitle && (
        <Title order={3} id={headingId}>
          {section.title}
        </Title>
      )}
      {section.intro && <Text>{section.intro}</Text>}
      {section.blocks.map((block) => {
        const value = content?.[block.code];
        const error = blockErrors(errors, block.code);
        if (block.kind === 'text') return <TextBlockField key={block.code} block={block} value={textValue(value)} onChange={(next) => change(block.code, next)} disabled={disabled} error={error} />;
        if (block.kind === 'list') return <ListBlockField key={block.code} block={block} lines={listLines(value)} onChange={(next) => change(block.code, next)} disabled={disabled} error={error} />;
        return <TableBlockField key={block.code} block={block} rows={tableRows(value)} onChange={(next) => change(block.code, next)} disabled={disabled} error={error} />;
      })}
    </Stack>
  );
}
