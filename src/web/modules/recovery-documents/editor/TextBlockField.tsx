import { Textarea } from '@mantine/core';
import type { TTemplateBlock } from '../../../../shared/recovery-documents';

interface TextBlockFieldProps {
  block: TTemplateBlock;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  error?: string;
}

/** A free text: a tall field that grows with what is written. */
export function TextBlockField({ block, value, onChange, disabled, error }: TextBlockFieldProps) {
  return (
    <Textarea
      label={block.label}
      description={block.help}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      autosize
      minRows={4}
      maxRows={16}
      maxLength={20_000}
      size="md"
      disabled={disabled}
      error={error}
      data-block={block.code}
    />
  );
}
