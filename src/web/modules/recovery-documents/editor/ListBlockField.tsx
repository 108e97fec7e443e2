import { Button, Fieldset, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TTemplateBlock } from '../../../../shared/recovery-documents';
import { touchTarget } from '../ui';
import { useItemFocus } from './use-item-focus';

interface ListBlockFieldProps {
  block: TTemplateBlock;
  lines: string[];
  onChange: (lines: string[]) => void;
  disabled?: boolean;
  error?: string;
}

const MAX_LINES = 200;

/**
 * A list of short lines ("call a friend", "walk"): one field per line, add and remove buttons,
 * Enter adds a line below. The fieldset's legend names the list for every line's label.
 */
export function ListBlockField({ block, lines, onChange, disabled, error }: ListBlockFieldProps) {
  const { t } = useTranslation('recoveryDocuments');
  const { items: inputs, addButton, focusItem: setFocusLine } = useItemFocus<HTMLTextAreaElement>();

  const update = (index: number, value: string) => onChange(lines.map((line, at) => (at === index ? value : line)));
  const insertAfter = (index: number) => {
    if (lines.length >= MAX_LINES) return;
    onChange([...lines.slice(0, index + 1), '', ...lines.slice(index + 1)]);
    setFocusLine(index + 1);
  };
  const remove = (index: number) => {
    const next = lines.filter((_, at) => at !== index);
    onChange(next.length > 0 ? next : ['']);
    setFocusLine(next.length > 0 ? Math.min(index, next.length - 1) : 0);
  };
  const errorId = `${block.code}-list-error`;

  return (
    <Fieldset legend={block.label} variant="unstyled" disabled={disabled} data-block={block.code} aria-describedby={error ? errorId : undefined} styles={{ legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-md)', marginBottom: 4 } }}>
      <Stack gap="xs">
        {block.help && (
          <Text size="sm" c="dimmed">
            {block.help}
          </Text>
        )}
        <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {lines.map((line, index) => (
            <li key={index}>
              <Group gap="xs" align="flex-end" wrap="nowrap">
                {/* A one-row field that grows: a long line wraps instead of hiding its end on a phone. */}
                <Textarea
                  ref={(node) => {
                    inputs.current[index] = node;
                  }}
                  label={t('editor.line', { number: index + 1 })}
                  value={line}
                  onChange={(event) => update(index, event.currentTarget.value)}
                  onKeyDown={(event) => {
                    // A line is one line: Enter starts the next one (Shift+Enter is not needed in a list).
                    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
                      event.preventDefault();
                      insertAfter(index);
                    }
                  }}
                  autosize
                  minRows={1}
                  maxRows={6}
                  maxLength={2000}
                  size="md"
                  style={{ flex: 1, minWidth: 0 }}
                />
                <Button variant="default" {...touchTarget} px="sm" onClick={() => remove(index)} aria-label={t('editor.removeLine', { number: index + 1, label: block.label })}>
                  {t('editor.remove')}
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
        <div>
          <Button ref={addButton} variant="light" {...touchTarget} onClick={() => insertAfter(lines.length - 1)} disabled={lines.length >= MAX_LINES}>
            {t('editor.addLine')}
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
