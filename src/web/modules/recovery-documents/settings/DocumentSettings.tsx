import { Button, Checkbox, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDocumentDetail } from '../../../../shared/recovery-documents-api';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../../ui/form-errors';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { documentKeys, patchDocument, withdrawDocument } from '../api/documents-api';
import { bigButton } from '../ui';

const FIELDS = ['title', 'visibleToTeam'] as const;

/** The document's name, whether the team may know it exists, and withdrawing it. */
export function DocumentSettings({ detail }: { detail: TDocumentDetail }) {
  const { t } = useTranslation('recoveryDocuments');
  const queryClient = useQueryClient();
  const { document } = detail;
  const [title, setTitle] = useState(document.title);
  const [visibleToTeam, setVisibleToTeam] = useState(document.visibleToTeam);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: documentKeys.all });
  const save = useMutation({
    mutationFn: () => patchDocument(document.id, { title: title.trim(), visibleToTeam }),
    onSuccess: async () => {
      setSaved(true);
      await refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: () => withdrawDocument(document.id),
    onSuccess: async () => {
      setConfirming(false);
      await refresh();
    },
  });
  const errors = fieldErrorsFrom(save.error, FIELDS);
  const withdrawn = document.status === 'withdrawn';
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" aria-labelledby="settings-title">
      <Stack gap="sm">
        <Title order={2} id="settings-title">
          {t('document.settings')}
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(false);
            save.mutate();
          }}
        >
          <Stack gap="sm">
            <TextInput label={t('document.titleLabel')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} required maxLength={200} size="md" error={errors.title} disabled={withdrawn} />
            <Checkbox
              label={t('document.visibleToTeam')}
              description={t('document.visibleToTeamHint')}
              checked={visibleToTeam}
              onChange={(event) => setVisibleToTeam(event.currentTarget.checked)}
              size="md"
              disabled={withdrawn}
              error={errors.visibleToTeam}
            />
            <ErrorAlert error={save.error} fields={FIELDS} />
            {saved && <SuccessAlert>{t('document.settingsSaved')}</SuccessAlert>}
            {!withdrawn && (
              <div>
                <Button type="submit" variant="light" {...bigButton} loading={save.isPending}>
                  {t('document.saveSettings')}
                </Button>
              </div>
            )}
          </Stack>
        </form>
        {!withdrawn && (
          <>
            <ErrorAlert error={withdraw.error} />
            <div>
              <Button variant="outline" color="red" {...bigButton} onClick={() => setConfirming(true)}>
                {t('document.withdraw')}
              </Button>
            </div>
            <ConfirmDialog opened={confirming} title={t('document.withdrawTitle')} confirmLabel={t('document.withdrawConfirm')} onConfirm={() => withdraw.mutate()} onCancel={() => setConfirming(false)} loading={withdraw.isPending} danger>
              {t('document.withdrawText')}
            </ConfirmDialog>
          </>
        )}
      </Stack>
    </Paper>
  );
}
