import { Button, Stack, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bigButton } from '../ui';

interface CodeFormProps {
  label: string;
  hint?: string;
  submitLabel: string;
  onSubmit: (code: string) => void;
  pending: boolean;
  /** The message under the field (wrong code, tries left). */
  error?: string;
}

/** One code field and one big button; the error sits under the field and is read with it. */
export function CodeForm({ label, hint, submitLabel, onSubmit, pending, error }: CodeFormProps) {
  const { t } = useTranslation('common');
  const [code, setCode] = useState('');
  const [empty, setEmpty] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (error) input.current?.focus();
  }, [error]);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!code.trim()) {
          setEmpty(true);
          input.current?.focus();
          return;
        }
        setEmpty(false);
        onSubmit(code.trim());
      }}
    >
      <Stack gap="md">
        <TextInput
          ref={input}
          label={label}
          description={hint}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={empty ? t('validation.required') : error}
          required
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
          size="lg"
          styles={{ input: { fontFamily: 'monospace', letterSpacing: 2 } }}
        />
        <Button type="submit" {...bigButton} loading={pending}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
