import { Button, Fieldset, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TTemplateBlock } from '../../../../shared/recovery-documents';
import { touchTarget } from '../ui';
import { ColumnField } from './ColumnField';
import { emptyRow, type TTableRow } from './content-model';
import { useItemFocus } from './use-item-focus';

interface TableBlockFieldProps {
  block: TTemplateBlock;
  rows: TTableRow[];
  onChange: (rows: TTableRow[]) => void;
  disabled?: boolean;
  error?: string;
}

const MAX_ROWS = 200;

/**
 * A table (supporters, an action plan) as one card per row, each field labelled by its column:
 * a grid of cells would not fit a phone. Adding a row moves the focus to its first field.
 */
export function TableBlockField({ block, rows, onChange, disabled, error }: TableBlockFieldProps) {
  const { t } = useTranslation('recoveryDocuments');
  const { items: firstFields, addButton, focusItem: setFocusRow } = useItemFocus<HTMLElement>();
  const columns = block.columns ?? [];

  const updateCell = (index: number, code: string, value: string | boolean | null) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, [code]: value } : row)));
  const add = () => {
    if (rows.length >= MAX_ROWS) return;
    onChange([...rows, emptyRow(block)]);
    setFocusRow(rows.length);
  };
  const remove = (index: number) => {
    onChange(rows.filter((_, at) => at !== index));
    setFocusRow(-1);
  };
  const errorId = `${block.code}-table-error`;

  return (
    <Fieldset legend={block.label} variant="unstyled" disabled={disabled} data-block={block.code} aria-describedby={error ? errorId : undefined} styles={{ legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-md)', marginBottom: 4 } }}>
      <Stack gap="sm">
        {block.help && (
          <Text size="sm" c="dimmed">
            {block.help}
          </Text>
        )}
        {rows.length === 0 && <Text size="sm">{t('editor.noRow')}</Text>}
        {rows.map((row, index) => (
          <Paper key={index} withBorder p="sm" radius="md" bg="gray.0">
            <Fieldset legend={t('editor.row', { label: block.label, number: index + 1 })} variant="unstyled" styles={{ legend: { fontWeight: 600, marginBottom: 4 } }}>
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  {columns.map((column, columnIndex) => (
                    <ColumnField
                      key={column.code}
                      column={column}
                      value={row[column.code]}
                      onChange={(value) => updateCell(index, column.code, value)}
                      disabled={disabled}
                      inputRef={
                        columnIndex === 0
                          ? (node) => {
                              firstFields.current[index] = node;
                            }
                          : undefined
                      }
                    />
                  ))}
                </SimpleGrid>
                <div>
                  <Button variant="default" color="red" {...touchTarget} onClick={() => remove(index)} aria-label={t('editor.removeRow', { label: block.label, number: index + 1 })}>
                    {t('editor.removeRowShort')}
                  </Button>
                </div>
              </Stack>
            </Fieldset>
          </Paper>
        ))}
        <div>
          <Button ref={addButton} variant="light" {...touchTarget} onClick={add} disabled={rows.length >= MAX_ROWS}>
            {t('editor.addRow')}
          </Button>
        </div>
        {error && (
          <Text id={errorId} c="red.8" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
