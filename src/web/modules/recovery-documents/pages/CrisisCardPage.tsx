import { Alert, Button, Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCrisisCardStatus } from '../../../../shared/recovery-sharing';
import type { TDocumentDetail } from '../../../../shared/recovery-documents-api';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { saveBlob } from '../api/blob-request';
import { fetchCrisisCard, generateCrisisCard, sharingKeys, withdrawCrisisCard } from '../api/sharing-api';
import { formatDay } from '../format';
import { OwnerDocumentShell } from '../layout/OwnerDocumentShell';
import { bigButton } from '../ui';

/** "Ma carte de crise": choose the crisis-plan sections, generate (downloads the PDF), regenerate or withdraw. */
export function CrisisCardPage() {
  const { t } = useTranslation('recoveryDocuments');
  return (
    <OwnerDocumentShell page="crisisCard" title={() => t('crisisCard.title')} description={t('crisisCard.description')}>
      {(detail) => <CrisisCardBody detail={detail} />}
    </OwnerDocumentShell>
  );
}

function CrisisCardBody({ detail }: { detail: TDocumentDetail }) {
  const { t } = useTranslation('recoveryDocuments');
  const status = useQuery({ queryKey: sharingKeys.crisisCard(detail.document.id), queryFn: () => fetchCrisisCard(detail.document.id) });
  if (!detail.active) return <Alert color="passerelle">{t('crisisCard.noActive')}</Alert>;
  if (status.isPending) return <LoadingState />;
  if (status.isError) return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  return <CrisisCardForm key={status.data.card?.id ?? 'none'} detail={detail} status={status.data} />;
}

function CrisisCardForm({ detail, status }: { detail: TDocumentDetail; status: TCrisisCardStatus }) {
  const { t } = useTranslation(['recoveryDocuments', 'common']);
  const queryClient = useQueryClient();
  const documentId = detail.document.id;
  const [chosen, setChosen] = useState<string[]>(() => status.card?.sections.map((section) => section.code) ?? status.eligibleSections.map((section) => section.code));
  const [pickError, setPickError] = useState<string | undefined>();
  const [notice, setNotice] = useState<'generated' | 'withdrawn' | null>(null);
  const [confirming, setConfirming] = useState<'regenerate' | 'withdraw' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: sharingKeys.crisisCard(documentId) });
  const generate = useMutation({
    mutationFn: () => generateCrisisCard(documentId, chosen),
    onSuccess: async (blob) => {
      setConfirming(null);
      saveBlob(blob, `carte-de-crise-${detail.document.kind}.pdf`);
      setNotice('generated');
      await refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: () => withdrawCrisisCard(documentId),
    onSuccess: async () => {
      setConfirming(null);
      setNotice('withdrawn');
      await refresh();
    },
  });
  const card = status.card;
  const start = () => {
    if (chosen.length === 0) {
      setPickError(t('crisisCard.pickOne'));
      document.querySelector<HTMLElement>('[data-field="crisisSections"] input')?.focus();
      return;
    }
    setPickError(undefined);
    if (card) setConfirming('regenerate');
    else generate.mutate();
  };

  if (status.eligibleSections.length === 0) return <Alert color="passerelle">{t('crisisCard.noEligible')}</Alert>;
  return (
    <Stack gap="lg">
      {notice && <SuccessAlert onClose={() => setNotice(null)}>{notice === 'generated' ? t('crisisCard.generated') : t('crisisCard.withdrawn')}</SuccessAlert>}
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" component="section" aria-labelledby="card-state-title">
        <Stack gap="sm">
          <Title order={2} id="card-state-title">
            {t('crisisCard.stateTitle')}
          </Title>
          {card ? (
            <>
              <Text>{t('crisisCard.active', { date: formatDay(card.createdAt) })}</Text>
              <Text size="sm">{t('crisisCard.activeSections', { sections: card.sections.map((section) => section.title).join(', ') })}</Text>
              {card.status === 'locked' && (
                <Text c="red.8" fw={600}>
                  {t('crisisCard.locked')}
                </Text>
              )}
              <ErrorAlert error={withdraw.error} />
              <div>
                <Button variant="outline" color="red" {...bigButton} onClick={() => setConfirming('withdraw')}>
                  {t('crisisCard.withdraw')}
                </Button>
              </div>
            </>
          ) : (
            <Text>{t('crisisCard.noCard')}</Text>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" component="section" aria-labelledby="card-make-title">
        <Stack gap="sm">
          <Title order={2} id="card-make-title">
            {card ? t('crisisCard.regenerate') : t('crisisCard.generate')}
          </Title>
          <Checkbox.Group label={t('crisisCard.sections')} description={t('crisisCard.sectionsHint')} value={chosen} onChange={setChosen} error={pickError} withAsterisk size="md" data-field="crisisSections">
            <Stack gap={4} mt="xs">
              {status.eligibleSections.map((section) => (
                <Checkbox key={section.code} value={section.code} label={section.title} styles={{ body: { minHeight: 44, alignItems: 'center' } }} />
              ))}
            </Stack>
          </Checkbox.Group>
          {card && (
            <Alert color="orange" title={t('crisisCard.regenerateWarningTitle')}>
              {t('crisisCard.regenerateWarning')}
            </Alert>
          )}
          <ErrorAlert error={generate.error} />
          <div>
            <Button {...bigButton} onClick={start} loading={generate.isPending && confirming === null}>
              {card ? t('crisisCard.regenerateButton') : t('crisisCard.generate')}
            </Button>
          </div>
        </Stack>
      </Paper>
      <ConfirmDialog
        opened={confirming !== null}
        title={confirming === 'withdraw' ? t('crisisCard.withdrawTitle') : t('crisisCard.regenerateTitle')}
        confirmLabel={confirming === 'withdraw' ? t('crisisCard.withdrawConfirm') : t('crisisCard.regenerateConfirm')}
        onConfirm={() => (confirming === 'withdraw' ? withdraw.mutate() : generate.mutate())}
        onCancel={() => setConfirming(null)}
        loading={withdraw.isPending || generate.isPending}
        danger
      >
        {confirming === 'withdraw' ? t('crisisCard.withdrawText') : t('crisisCard.regenerateWarning')}
      </ConfirmDialog>
    </Stack>
  );
}
