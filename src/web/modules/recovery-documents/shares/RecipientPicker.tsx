import { Loader, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fetchShareRecipients, sharingKeys } from '../api/sharing-api';

interface RecipientPickerProps {
  documentId: string;
  value: string;
  onChange: (user: { id: string; name: string }) => void;
  error?: string;
}

/** Typing part of a name lists the matching team members and partner contacts, to pick one (a radio group). */
export function RecipientPicker({ documentId, value, onChange, error }: RecipientPickerProps) {
  const { t } = useTranslation('recoveryDocuments');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const candidates = useQuery({ queryKey: sharingKeys.recipients(documentId, debounced), queryFn: () => fetchShareRecipients(documentId, debounced) });
  return (
    <Stack gap="xs">
      <TextInput label={t('shares.recipientPick')} description={t('shares.recipientPickHint')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} size="md" data-path="recipient" error={error && !value ? error : undefined} autoComplete="off" />
      {candidates.isFetching && <Loader size="xs" aria-label={t('shares.recipientPick')} />}
      <ErrorAlert error={candidates.error} />
      {candidates.data && (
        <Radio.Group
          label={t('shares.recipientFound')}
          value={value}
          onChange={(id) => {
            const chosen = candidates.data.items.find((item) => item.id === id);
            if (chosen) onChange({ id: chosen.id, name: chosen.name });
          }}
          size="md"
        >
          <Stack gap={4} mt="xs">
            {candidates.data.items.length === 0 && <Text size="sm">{t('shares.recipientNone')}</Text>}
            {candidates.data.items.map((item) => (
              <Radio key={item.id} value={item.id} label={item.name} description={item.detail ?? undefined} styles={{ body: { minHeight: 44, alignItems: 'center' } }} />
            ))}
          </Stack>
        </Radio.Group>
      )}
    </Stack>
  );
}
