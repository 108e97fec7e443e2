import { Button, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COPY_KINDS, type TCopyKind } from '../../../../shared/recovery-documents';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../../ui/form-errors';
import { addCopy, fetchCopies, removeCopy, sharingKeys } from '../api/sharing-api';
import { formatCalendarDay, parisToday } from '../format';
import { bigButton } from '../ui';

const FIELDS = ['holder', 'kind', 'givenOn', 'note'] as const;
const isCopyKind = (value: string): value is TCopyKind => (COPY_KINDS as readonly string[]).includes(value);

/** "Qui garde une copie papier": copies handed over cannot be recalled, so the person keeps a list. */
export function CopyHoldersSection({ documentId }: { documentId: string }) {
  const { t } = useTranslation(['recoveryDocuments', 'common']);
  const queryClient = useQueryClient();
  const copies = useQuery({ queryKey: sharingKeys.copies(documentId), queryFn: () => fetchCopies(documentId) });
  const [holder, setHolder] = useState('');
  const [kind, setKind] = useState<TCopyKind>('paper');
  const [givenOn, setGivenOn] = useState(parisToday);
  const [note, setNote] = useState('');
  const [holderError, setHolderError] = useState<string | undefined>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: sharingKeys.copies(documentId) });
  const add = useMutation({
    mutationFn: () => addCopy(documentId, { holder: holder.trim(), kind, givenOn, note: note.trim() || null }),
    onSuccess: async () => {
      setHolder('');
      setNote('');
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: (copyId: string) => removeCopy(documentId, copyId), onSuccess: refresh });
  const errors = fieldErrorsFrom(add.error, FIELDS);
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" aria-labelledby="copies-title">
      <Stack gap="sm">
        <Title order={2} id="copies-title">
          {t('copies.title')}
        </Title>
        <Text>{t('copies.description')}</Text>
        <ErrorAlert error={copies.error} onRetry={() => void copies.refetch()} />
        {copies.data && copies.data.items.length === 0 && <Text c="dimmed">{t('copies.none')}</Text>}
        {copies.data && copies.data.items.length > 0 && (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('copies.caption')}>
            {copies.data.items.map((copy) => (
              <Paper component="li" key={copy.id} withBorder p="sm" radius="sm">
                <Stack gap={4}>
                  <Text fw={700}>{copy.holder}</Text>
                  <Text size="sm">
                    {t(`copies.copyKinds.${copy.kind}`)} — {t('copies.givenOnValue', { date: formatCalendarDay(copy.givenOn) })}
                  </Text>
                  {copy.note && <Text size="sm">{copy.note}</Text>}
                  <div>
                    <Button variant="subtle" color="red" mih={44} onClick={() => remove.mutate(copy.id)} loading={remove.isPending && remove.variables === copy.id} aria-label={t('copies.removeLabel', { holder: copy.holder })}>
                      {t('copies.remove')}
                    </Button>
                  </div>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
        <ErrorAlert error={remove.error} />
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!holder.trim()) {
              setHolderError(t('common:validation.required'));
              document.querySelector<HTMLElement>('[data-path="holder"]')?.focus();
              return;
            }
            setHolderError(undefined);
            add.mutate();
          }}
        >
          <Stack gap="sm">
            <TextInput label={t('copies.holder')} description={t('copies.holderHint')} value={holder} onChange={(event) => setHolder(event.currentTarget.value)} required size="md" maxLength={200} error={holderError ?? errors.holder} data-path="holder" />
            <NativeSelect label={t('copies.kind')} value={kind} onChange={(event) => isCopyKind(event.currentTarget.value) && setKind(event.currentTarget.value)} data={COPY_KINDS.map((code) => ({ value: code, label: t(`copies.copyKinds.${code}`) }))} size="md" error={errors.kind} />
            <TextInput type="date" label={t('copies.givenOn')} value={givenOn} max={parisToday()} onChange={(event) => setGivenOn(event.currentTarget.value)} required size="md" maw={320} error={errors.givenOn} />
            <TextInput label={t('copies.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} size="md" maxLength={1000} error={errors.note} />
            <ErrorAlert error={add.error} fields={FIELDS} />
            <div>
              <Button type="submit" variant="light" {...bigButton} loading={add.isPending}>
                {t('copies.add')}
              </Button>
            </div>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
