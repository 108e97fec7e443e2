import { Group, NativeSelect, Radio, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TTemplateColumn } from '../../../../shared/recovery-documents';

interface ColumnFieldProps {
  column: TTemplateColumn;
  value: string | boolean | null | undefined;
  onChange: (value: string | boolean | null) => void;
  disabled?: boolean;
  /** Focus target after "add a row". */
  inputRef?: (node: HTMLElement | null) => void;
}

/** One cell of a table row, as the field its column asks for: phone, date, yes/no, choice, text. */
export function ColumnField({ column, value, onChange, disabled, inputRef }: ColumnFieldProps) {
  const { t } = useTranslation('recoveryDocuments');
  const text = typeof value === 'string' ? value : '';
  switch (column.kind) {
    case 'long_text':
      return <Textarea ref={inputRef} label={column.label} value={text} onChange={(event) => onChange(event.currentTarget.value)} autosize minRows={2} maxRows={8} maxLength={2000} size="md" disabled={disabled} />;
    case 'phone':
      return <TextInput ref={inputRef} label={column.label} type="tel" inputMode="tel" autoComplete="off" value={text} onChange={(event) => onChange(event.currentTarget.value)} maxLength={40} size="md" disabled={disabled} />;
    case 'date':
      return <TextInput ref={inputRef} label={column.label} type="date" value={text} onChange={(event) => onChange(event.currentTarget.value)} size="md" disabled={disabled} />;
    case 'yes_no':
      return (
        <Radio.Group
          label={column.label}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(next) => onChange(next === 'yes' ? true : next === 'no' ? false : null)}
          size="md"
        >
          <Group gap="lg" mt={6}>
            <Radio ref={inputRef} value="yes" label={t('editor.yes')} disabled={disabled} styles={{ body: { minHeight: 44, alignItems: 'center' } }} />
            <Radio value="no" label={t('editor.no')} disabled={disabled} styles={{ body: { minHeight: 44, alignItems: 'center' } }} />
          </Group>
        </Radio.Group>
      );
    case 'choice':
      return (
        <NativeSelect
          ref={inputRef}
          label={column.label}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          data={[{ value: '', label: t('editor.notChosen') }, ...(column.options ?? []).map((option) => ({ value: option.code, label: option.label }))]}
          size="md"
          disabled={disabled}
        />
      );
    case 'text':
      return <TextInput ref={inputRef} label={column.label} value={text} onChange={(event) => onChange(event.currentTarget.value)} maxLength={2000} size="md" disabled={disabled} />;
  }
}
