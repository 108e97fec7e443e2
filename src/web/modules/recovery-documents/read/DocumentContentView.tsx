import { Anchor, Box, List, Paper, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TBlockValue, TDocumentContent, TSectionContent, TTemplateBlock, TTemplateColumn, TTemplateSection } from '../../../../shared/recovery-documents';
import { formatCalendarDay } from '../format';
import { isBlockFilled, listLines, tableRows, textValue } from '../editor/content-model';

interface DocumentContentViewProps {
  sections: readonly TTemplateSection[];
  content: TDocumentContent;
  /** Level of each section's heading (2 on a reading page). */
  headingOrder?: TitleOrder;
  /** Emergency reading: bigger text. */
  large?: boolean;
}

/** A version read, not edited: each section with what was written, empty sections said so. */
export function DocumentContentView({ sections, content, headingOrder = 2, large = false }: DocumentContentViewProps) {
  return (
    <Stack gap="md">
      {sections.map((section) => (
        <Paper key={section.code} component="section" withBorder p={{ base: 'sm', sm: 'md' }} radius="md" aria-labelledby={`read-${section.code}`}>
          <Stack gap="sm">
            <Title order={headingOrder} size={large ? 'h2' : 'h3'} id={`read-${section.code}`}>
              {section.title}
            </Title>
            <SectionContentView section={section} content={content[section.code]} large={large} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** The blocks of one section, as text, bullet lists and one small card per table row. */
export function SectionContentView({ section, content, large = false }: { section: TTemplateSection; content: TSectionContent | null | undefined; large?: boolean }) {
  const { t } = useTranslation('recoveryDocuments');
  const filled = section.blocks.filter((block) => isBlockFilled(block, content?.[block.code]));
  if (filled.length === 0) return <Text c="dimmed">{t('read.empty')}</Text>;
  return (
    <Stack gap="sm">
      {filled.map((block) => (
        <Box key={block.code}>
          <Text fw={700} size={large ? 'lg' : 'md'}>
            {block.label}
          </Text>
          <BlockView block={block} value={content?.[block.code]} large={large} />
        </Box>
      ))}
    </Stack>
  );
}

function BlockView({ block, value, large }: { block: TTemplateBlock; value: TBlockValue | undefined; large: boolean }) {
  const { t } = useTranslation('recoveryDocuments');
  const size = large ? 'xl' : 'md';
  if (block.kind === 'text') {
    return (
      <Text size={size} style={{ whiteSpace: 'pre-wrap' }}>
        {textValue(value)}
      </Text>
    );
  }
  if (block.kind === 'list') {
    return (
      <List size={size} spacing={4}>
        {listLines(value)
          .filter((line) => line.trim() !== '')
          .map((line, index) => (
            <List.Item key={index}>{line}</List.Item>
          ))}
      </List>
    );
  }
  const columns = block.columns ?? [];
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
      {tableRows(value).map((row, index) => (
        <Paper component="li" key={index} withBorder p="xs" radius="sm" bg="gray.0">
          <Box component="dl" m={0}>
            {columns
              .filter((column) => row[column.code] !== null && row[column.code] !== undefined && row[column.code] !== '')
              .map((column) => {
                const cell = row[column.code];
                const shown = cellText(column, cell, { yes: t('read.yes'), no: t('read.no') });
                return (
                  <Box key={column.code} style={{ display: 'flex', flexWrap: 'wrap', gap: '0 0.5rem' }}>
                    <Text component="dt" fw={600} size={size}>
                      {column.label} :
                    </Text>
                    <Text component="dd" m={0} size={size} style={{ whiteSpace: 'pre-wrap' }}>
                      {column.kind === 'phone' ? <Anchor href={`tel:${String(cell).replace(/[^\d+]/g, '')}`}>{shown}</Anchor> : shown}
                    </Text>
                  </Box>
                );
              })}
          </Box>
        </Paper>
      ))}
    </Stack>
  );
}

/** A cell as words: oui/non, the choice's label, a date in full ("2 mars 2026"), else the text. */
function cellText(column: TTemplateColumn, cell: string | boolean | null | undefined, yesNo: { yes: string; no: string }): string {
  if (cell === true) return yesNo.yes;
  if (cell === false) return yesNo.no;
  const text = String(cell ?? '');
  if (column.kind === 'choice') return column.options?.find((option) => option.code === text)?.label ?? text;
  if (column.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return formatCalendarDay(text);
  return text;
}
