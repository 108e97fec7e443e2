import { Alert, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TShareCreated } from '../../../../shared/recovery-sharing';
import type { TDocumentDetail } from '../../../../shared/recovery-documents-api';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { fetchShares, sharingKeys } from '../api/sharing-api';
import { OwnerDocumentShell } from '../layout/OwnerDocumentShell';
import { CopyHoldersSection } from '../shares/CopyHoldersSection';
import { ShareCreatedPanel } from '../shares/ShareCreatedPanel';
import { ShareForm } from '../shares/ShareForm';
import { ShareList } from '../shares/ShareList';

/** "Avec qui je partage": new share, the shares so far, and who keeps a paper copy. */
export function SharesPage() {
  const { t } = useTranslation('recoveryDocuments');
  return (
    <OwnerDocumentShell page="shares" title={() => t('shares.title')} description={t('shares.description')}>
      {(detail) => <SharesBody detail={detail} />}
    </OwnerDocumentShell>
  );
}

function SharesBody({ detail }: { detail: TDocumentDetail }) {
  const { t } = useTranslation('recoveryDocuments');
  const shares = useQuery({ queryKey: sharingKeys.shares(detail.document.id), queryFn: () => fetchShares(detail.document.id) });
  const [created, setCreated] = useState<TShareCreated | null>(null);
  const canShare = detail.active !== null && detail.document.status !== 'withdrawn';
  return (
    <Stack gap="lg">
      {created && (created.link ? <ShareCreatedPanel created={created} onDone={() => setCreated(null)} /> : <SuccessAlert onClose={() => setCreated(null)}>{t('shares.created')}</SuccessAlert>)}
      {canShare ? <ShareForm detail={detail} onCreated={setCreated} /> : <Alert color="passerelle">{detail.document.status === 'withdrawn' ? t('document.withdrawn') : t('shares.noActive')}</Alert>}
      <section aria-labelledby="shares-list-title">
        <Stack gap="sm">
          <Title order={2} id="shares-list-title">
            {t('shares.listTitle')}
          </Title>
          {shares.isPending && <LoadingState />}
          <ErrorAlert error={shares.error} onRetry={() => void shares.refetch()} />
          {shares.data && <ShareList detail={detail} shares={shares.data.items} />}
        </Stack>
      </section>
      <CopyHoldersSection documentId={detail.document.id} />
    </Stack>
  );
}
